package co.vigia.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay in front of the local SMTP server that can hold back the server's "250" to a message's data: the
 * server has the email, the sender does not know it. Killing the sender then is a crash between sending and
 * recording, exactly.
 */
final class SmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean hold;
    private volatile CountDownLatch held = new CountDownLatch(1);

    SmtpRelay(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on the server's acceptance of a message is not passed on; {@link #awaitHeld()} waits for one. */
    void holdAcceptance() {
        held = new CountDownLatch(1);
        hold = true;
    }

    void release() {
        hold = false;
    }

    void awaitHeld() throws InterruptedException {
        held.await();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket("127.0.0.1", target);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> replies(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket in, Socket out) {
        try {
            InputStream from = in.getInputStream();
            from.transferTo(out.getOutputStream());
        } catch (IOException e) {
            // a side closed: the other follows
        }
    }

    /** The server's replies, line by line: the first 250 after a 354 accepts the message's data. */
    private void replies(Socket in, Socket out) {
        try {
            BufferedReader from = new BufferedReader(new InputStreamReader(in.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream to = out.getOutputStream();
            boolean inData = false;
            String line;
            while ((line = from.readLine()) != null) {
                if (line.startsWith("354")) {
                    inData = true;
                } else if (inData && line.startsWith("250")) {
                    inData = false;
                    if (hold) {
                        held.countDown();
                        return; // never told: the sender waits until it is killed
                    }
                }
                to.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                to.flush();
            }
        } catch (IOException e) {
            // a side closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
