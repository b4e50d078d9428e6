package org.jnova.api.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.jnova.exception.InvalidInput;
import org.junit.jupiter.api.Test;

/** Python's int() of query text and nova's validate_integer messages. */
class QueryValuesTest {
    @Test
    void readsWhatPythonsIntReads() {
        assertThat(QueryValues.pythonInt("42")).contains(BigInteger.valueOf(42));
        assertThat(QueryValues.pythonInt(" 42\t")).contains(BigInteger.valueOf(42));
        assertThat(QueryValues.pythonInt("+42")).contains(BigInteger.valueOf(42));
        assertThat(QueryValues.pythonInt("-42")).contains(BigInteger.valueOf(-42));
        assertThat(QueryValues.pythonInt("1_000")).contains(BigInteger.valueOf(1000));
        assertThat(QueryValues.pythonInt("\u0663")).contains(BigInteger.valueOf(3)); // Arabic-Indic three
        assertThat(QueryValues.pythonInt("99999999999999999999999")).contains(new BigInteger("99999999999999999999999"));
        for (String bad : new String[] {"", " ", "abc", "1.5", "1e3", "_1", "1_", "1__0", "- 1", "0x10", "++1"}) {
            assertThat(QueryValues.pythonInt(bad)).as(bad).isEmpty();
        }
        assertThat(QueryValues.pythonInt("1".repeat(4300))).isPresent();
        assertThat(QueryValues.pythonInt("1".repeat(4301))).isEmpty(); // CPython's int digit limit
    }

    @Test
    void saturatesAndValidatesAsNova() {
        assertThat(QueryValues.saturatedInt(new BigInteger("99999999999"))).isEqualTo(Integer.MAX_VALUE);
        assertThat(QueryValues.saturatedInt(new BigInteger("-99999999999"))).isEqualTo(Integer.MIN_VALUE);
        assertThat(QueryValues.saturatedLong(new BigInteger("99999999999999999999999"))).isEqualTo(Long.MAX_VALUE);
        assertThat(QueryValues.validateNonNegative("99999999999", "limit")).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> QueryValues.validateNonNegative("-1", "limit")).isInstanceOf(InvalidInput.class)
                .hasMessage("Invalid input received: limit must be >= 0");
        assertThatThrownBy(() -> QueryValues.validateNonNegative("x", "offset")).isInstanceOf(InvalidInput.class)
                .hasMessage("Invalid input received: offset must be an integer");
        assertThat(QueryValues.pageSize("99999999999", 1000)).isEqualTo(1000);
        assertThat(QueryValues.pageSize("7", 1000)).isEqualTo(7);
        assertThat(QueryValues.pageSize(null, 1000)).isEqualTo(1000);
    }
}
