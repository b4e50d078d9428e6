package org.jnova.rpc.rabbit;

import static org.jnova.testing.SocketRelays.closeQuietly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jnova.testing.SocketRelays;

/** A TCP relay to a real server whose connections can be cut, to see clients recover. */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread.ofVirtual().start(() -> SocketRelays.acceptEach(server, this::relay));
    }

    int port() {
        return server.getLocalPort();
    }

    private void relay(Socket client) {
        sockets.add(client);
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            sockets.add(upstream);
            Thread.ofVirtual().start(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException e) {
            // the target refused: the client sees its connection fail
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side went away.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Cuts every relayed connection (new ones are still accepted). */
    void cutAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }
}
