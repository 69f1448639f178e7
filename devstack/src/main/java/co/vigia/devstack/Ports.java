package co.vigia.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers: is one free, and a free one to use. */
public final class Ports {

    private Ports() {
    }

    /**
     * Whether a server can listen on {@code port} now. With SO_REUSEADDR, as Tomcat, Kafka and the MongoDB server
     * bind theirs: a port still in TIME_WAIT from a stack just stopped is free for them, one listened on is not.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
