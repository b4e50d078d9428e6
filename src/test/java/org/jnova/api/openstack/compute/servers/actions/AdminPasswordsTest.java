package org.jnova.api.openstack.compute.servers.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** nova's generate_password: one character of each symbol group at least, only those symbols, shuffled. */
class AdminPasswordsTest {
    private static final String[] GROUPS = {"23456789", "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz"};

    @Test
    void everyPasswordHasOneCharacterOfEachGroup() {
        for (int length : new int[] {3, 4, 12, 17, 64}) {
            for (int n = 0; n < 300; n++) {
                String password = AdminPasswords.generate(length);
                assertThat(password).hasSize(length);
                for (String group : GROUPS) {
                    assertThat(password.chars().anyMatch(c -> group.indexOf(c) >= 0)).as(password).isTrue();
                }
                assertThat(password).matches("[2-9A-HJ-NP-Za-km-z]+").doesNotContain("0", "1", "I", "O", "l");
            }
        }
    }

    @Test
    void shorterThanTheGroupsTakesDistinctGroupsInNoFixedOrder() {
        Set<Character> firsts = new HashSet<>();
        for (int n = 0; n < 300; n++) {
            String two = AdminPasswords.generate(2);
            assertThat(two).hasSize(2);
            assertThat(groupOf(two.charAt(0))).isNotEqualTo(groupOf(two.charAt(1)));
            firsts.add((char) ('0' + groupOf(AdminPasswords.generate(1).charAt(0))));
        }
        // the single character comes from any group, not always the first
        assertThat(firsts).hasSize(3);
        assertThat(AdminPasswords.generate(0)).isEmpty();
    }

    @Test
    void passwordsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 1000; n++) {
            seen.add(AdminPasswords.generate(12));
        }
        assertThat(seen).hasSize(1000);
    }

    private static int groupOf(char c) {
        for (int i = 0; i < GROUPS.length; i++) {
            if (GROUPS[i].indexOf(c) >= 0) {
                return i;
            }
        }
        throw new AssertionError("not a password symbol: " + c);
    }
}
