package org.jnova.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** What the tests' TCP relays share: the accept loop and closing a socket that may be closed already. */
public final class SocketRelays {
    private SocketRelays() {
    }

    /** Accepts connections until {@code server} is closed; each is handed to {@code relay} on a virtual thread. */
    public static void acceptEach(ServerSocket server, Consumer<Socket> relay) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> relay.accept(client));
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    public static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
