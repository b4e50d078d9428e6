package org.jnova.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jnova.context.RequestContext;
import org.jnova.db.TestDatabases;
import org.jnova.objects.KeyPair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyPairsApiTest {
    /** Made with ssh-keygen -t ed25519; fingerprint from ssh-keygen -l -E md5. */
    private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2aF3KC5F6r3Gqd9+U++duHFGOvLTSS7sm"
            + "/Fge45NaR test@jnova";
    private static final String ED25519_MD5 = "cc:c6:2b:b7:8e:d7:34:49:92:9b:37:50:bb:6e:a0:c2";
    /** Fingerprint of keys/x509-cert.pem from openssl x509 -fingerprint -sha1 (lower case). */
    private static final String CERT_SHA1 = "3a:89:75:67:b1:ff:58:7b:71:3b:b4:fc:2f:de:be:b2:51:b6:2e:27";

    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void importedSshAndX509KeysGetNovasFingerprints(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            RequestContext ctx = CloudFixture.user("p1");
            KeyPairsApi.Created ssh = f.cloud.keyPairs().create(ctx, ctx.userId(), "mine", null, ED25519);
            assertThat(ssh.privateKey()).isEmpty();
            assertThat(ssh.keyPair().fingerprint()).isEqualTo(ED25519_MD5);
            assertThat(ssh.keyPair().type()).isEqualTo(KeyPair.TYPE_SSH);
            String pem = new String(getClass().getResourceAsStream("/keys/x509-cert.pem").readAllBytes(),
                    StandardCharsets.US_ASCII);
            KeyPairsApi.Created cert = f.cloud.keyPairs().create(ctx, ctx.userId(), "cert", "x509", pem);
            assertThat(cert.keyPair().fingerprint()).isEqualTo(CERT_SHA1);
            assertThat(f.cloud.keyPairs().list(ctx.userId(), null, null)).extracting(KeyPair::name)
                    .containsExactly("cert", "mine");
            assertThatThrownBy(() -> f.cloud.keyPairs().create(ctx, ctx.userId(), "mine", null, ED25519))
                    .isInstanceOf(ComputeErrors.KeyPairExists.class).hasMessage("Key pair 'mine' already exists.");
            assertThatThrownBy(() -> f.cloud.keyPairs().create(ctx, ctx.userId(), "bad", null, "ssh-rsa notbase64!"))
                    .isInstanceOf(ComputeErrors.InvalidKeypair.class)
                    .hasMessage("Keypair data is invalid: failed to generate fingerprint");
            f.cloud.keyPairs().delete(ctx.userId(), "mine");
            assertThatThrownBy(() -> f.cloud.keyPairs().get(ctx.userId(), "mine"))
                    .hasMessage("Keypair mine not found for user " + ctx.userId());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void generatedKeysAreRealRsaKeysWhoseFingerprintSshKeygenAgreesWith(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine)) {
            RequestContext ctx = CloudFixture.user("p1");
            KeyPairsApi.Created made = f.cloud.keyPairs().create(ctx, ctx.userId(), "gen", null, null);
            assertThat(made.privateKey()).hasValueSatisfying(k -> assertThat(k)
                    .startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("-----END RSA PRIVATE KEY-----\n"));
            assertThat(made.keyPair().publicKey()).startsWith("ssh-rsa AAAAB3NzaC1yc2E").endsWith(" Generated-by-Nova");
            assertThat(made.keyPair().fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
            if (new File("/usr/bin/ssh-keygen").canExecute()) {
                Path key = Files.createTempFile("jnova", ".key");
                Files.writeString(key, made.privateKey().get());
                Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                Process p = new ProcessBuilder("/usr/bin/ssh-keygen", "-l", "-E", "md5", "-f", key.toString())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                Files.delete(key);
                assertThat(out).contains("MD5:" + made.keyPair().fingerprint());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void keyPairQuotaIsEnforced(String engine) throws Exception {
        try (CloudFixture f = new CloudFixture(engine, "quota.key_pairs", "1")) {
            RequestContext ctx = CloudFixture.user("p1");
            f.cloud.keyPairs().create(ctx, ctx.userId(), "one", null, ED25519);
            assertThatThrownBy(() -> f.cloud.keyPairs().create(ctx, ctx.userId(), "two", null, ED25519))
                    .isInstanceOf(org.jnova.exception.OverQuota.class);
        }
    }
}
