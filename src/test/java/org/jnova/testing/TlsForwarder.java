package org.jnova.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jnova.testing.SocketRelays;
import org.jnova.utils.PemKeyStores;

/**
 * A TLS-terminating forwarder for tests: accepts https on a loopback port with the given
 * certificate and key (and, when {@code clientCa} is set, only clients with a certificate it
 * signed) and passes the decrypted bytes on to a plain http server, such as glance-api.
 */
public final class TlsForwarder implements AutoCloseable {
    private final SSLServerSocket server;
    private final int targetPort;

    public TlsForwarder(Path cert, Path key, Path clientCa, int targetPort) throws Exception {
        this.targetPort = targetPort;
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(PemKeyStores.keyStore(cert, key), PemKeyStores.PASSWORD);
        TrustManagerFactory trust = null;
        if (clientCa != null) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(PemKeyStores.trustStore(clientCa));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(clientCa != null);
        Thread.ofVirtual().name("tls-forwarder-accept").start(() -> SocketRelays.acceptEach(server, this::forward));
    }

    public String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void forward(Socket client) {
        try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread back = Thread.ofVirtual().start(() -> pipe(target, client));
            pipe(client, target);
            back.join();
        } catch (IOException | InterruptedException e) {
            // a refused handshake or a closed connection ends this forward
        }
    }

    /** Copies until {@code from} ends, then half-closes {@code to} so the other direction can finish. */
    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            out.flush();
            if (to instanceof javax.net.ssl.SSLSocket) {
                to.close();
            } else {
                to.shutdownOutput();
            }
        } catch (IOException e) {
            SocketRelays.closeQuietly(to);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
