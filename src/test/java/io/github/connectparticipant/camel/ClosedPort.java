package io.github.connectparticipant.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as this is open: a TCP socket bound to it and never listening,
 * so that no other process can take the port and every connection to it is refused (rather than a port assumed to be
 * closed, such as 1).
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket bound;

    private ClosedPort(Socket bound) {
        this.bound = bound;
    }

    /** A port of the system's choosing, held closed. */
    public static ClosedPort reserve() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClosedPort(socket);
    }

    public int port() {
        return bound.getLocalPort();
    }

    /** http://127.0.0.1:port, a base URL that refuses every call. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        bound.close();
    }
}
