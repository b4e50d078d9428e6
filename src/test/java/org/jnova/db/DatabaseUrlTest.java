package org.jnova.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.jnova.exception.ConfigError;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    private final Path base = Path.of("/var/lib/nova");

    @Test
    void relativeSqlitePathResolvesAgainstStatePath() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:///nova.sqlite", base);
        assertThat(url.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/nova/nova.sqlite");
    }

    @Test
    void fourSlashesMeanAnAbsoluteSqlitePath() {
        assertThat(DatabaseUrl.parse("sqlite:////tmp/x.db", base).jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
    }

    @Test
    void bareSqliteIsInMemory() {
        assertThat(DatabaseUrl.parse("sqlite://", base).inMemory()).isTrue();
    }

    @Test
    void postgresqlWithDriverAndCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+psycopg2://nova:s%40cret@db.example:5433/nova", base);
        assertThat(url.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/nova");
        assertThat(url.user()).contains("nova");
        assertThat(url.password()).contains("s@cret");
    }

    @Test
    void postgresqlDefaultPort() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@h/nova", base).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/nova");
    }

    @Test
    void mysqlPymysqlMapsToMariadbDriverAndDropsQuery() {
        DatabaseUrl url = DatabaseUrl.parse("mysql+pymysql://nova:pw@10.0.0.5/nova?charset=utf8", base);
        assertThat(url.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(url.jdbcUrl()).startsWith("jdbc:mariadb://10.0.0.5:3306/nova?");
        assertThat(url.password()).isEqualTo(Optional.of("pw"));
        assertThat(DatabaseUrl.parse("mysql://root@localhost/nova", base).password()).isEmpty();
    }

    @Test
    void unknownBackendIsAConfigErrorWithoutThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://u:secret@h/db", base)).isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("nonsense", base)).isInstanceOf(ConfigError.class);
        assertThat(DatabaseUrl.mask("mysql://u:secret@h/db")).isEqualTo("mysql://u:****@h/db");
    }
}
