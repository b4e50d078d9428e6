package org.jnova.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jnova with noauth2 trusts whoever calls, so it listens on loopback unless the operator
 * names an address, and then says loudly what that means.
 */
class AllInOneListenTest {
    private static final String WARNING = "ANYONE WHO CAN REACH THIS ADDRESS IS ADMIN";

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path config(Path dir, int computePort, int metadataPort, String extra) throws IOException {
        return Files.writeString(dir.resolve("nova.conf"), "[DEFAULT]\nosapi_compute_listen_port = " + computePort
                + "\nmetadata_listen_port = " + metadataPort + "\nenabled_apis = osapi_compute,metadata\nstate_path = "
                + dir + "\n" + extra + "[api]\nauth_strategy = noauth2\n"
                + "[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n");
    }

    private static void awaitOutput(ChildJvm jnova, String text) throws InterruptedException {
        for (int i = 0; i < 1200 && !jnova.output().contains(text); i++) {
            if (!jnova.process().isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(jnova.output()).contains(text);
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> otherAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }

    @Test
    void withNoauth2BothApisListenOnLoopbackOnly(@TempDir Path dir) throws Exception {
        int compute = freePort();
        int metadata = freePort();
        try (ChildJvm jnova = ChildJvm.start(JnovaMain.class, "--config-file",
                config(dir, compute, metadata, "").toString())) {
            awaitOutput(jnova, "osapi_compute listening on 127.0.0.1:" + compute);
            awaitOutput(jnova, "metadata listening on 127.0.0.1:" + metadata);
            assertThat(jnova.output()).doesNotContain(WARNING);
            Optional<InetAddress> other = otherAddress();
            if (other.isPresent()) {
                try (Socket socket = new Socket()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.connect(
                            new InetSocketAddress(other.get(), compute), 2000)).isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void anAddressTheOperatorNamesIsUsedWithALoudWarning(@TempDir Path dir) throws Exception {
        int compute = freePort();
        int metadata = freePort();
        try (ChildJvm jnova = ChildJvm.start(JnovaMain.class, "--config-file",
                config(dir, compute, metadata, "osapi_compute_listen = 0.0.0.0\n").toString())) {
            awaitOutput(jnova, "osapi_compute listening on 0.0.0.0:" + compute);
            awaitOutput(jnova, "metadata listening on 127.0.0.1:" + metadata);
            assertThat(jnova.output()).contains("WARNING").contains("osapi_compute listens on 0.0.0.0 with [api] "
                    + "auth_strategy = noauth2: " + WARNING);
        }
    }

    @Test
    void byDefaultEveryApiListensOnLoopbackAndNoWarningIsGiven(@TempDir Path dir) throws Exception {
        int compute = freePort();
        int metadata = freePort();
        int identity = freePort();
        int image = freePort();
        Path conf = Files.writeString(dir.resolve("nova.conf"), "[DEFAULT]\nosapi_compute_listen_port = " + compute
                + "\nmetadata_listen_port = " + metadata + "\nidentity_listen_port = " + identity
                + "\nimage_listen_port = " + image + "\nstate_path = " + dir + "\n"
                + "[database]\nconnection = sqlite:///" + dir.resolve("nova.sqlite") + "\n");
        try (ChildJvm jnova = ChildJvm.start(JnovaMain.class, "--config-file", conf.toString())) {
            awaitOutput(jnova, "osapi_compute listening on 127.0.0.1:" + compute);
            awaitOutput(jnova, "metadata listening on 127.0.0.1:" + metadata);
            awaitOutput(jnova, "identity listening on 127.0.0.1:" + identity);
            awaitOutput(jnova, "image listening on 127.0.0.1:" + image);
            assertThat(jnova.output()).doesNotContain(WARNING).contains("OS_CLOUD=jnova-demo");
            assertThat(Files.readString(dir.resolve("clouds.yaml")))
                    .contains("auth_url: http://127.0.0.1:" + identity + "/v3");
        }
    }

    @Test
    void loopbackIsRecognisedByAddressAndName() {
        assertThat(ApiServiceFactory.isLoopback("127.0.0.1")).isTrue();
        assertThat(ApiServiceFactory.isLoopback("::1")).isTrue();
        assertThat(ApiServiceFactory.isLoopback("[::1]")).isTrue();
        assertThat(ApiServiceFactory.isLoopback("localhost")).isTrue();
        assertThat(ApiServiceFactory.isLoopback("0.0.0.0")).isFalse();
        assertThat(ApiServiceFactory.isLoopback("::")).isFalse();
        assertThat(ApiServiceFactory.isLoopback("192.0.2.10")).isFalse();
    }
}
