package co.vigia.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class PortsTests {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aPortSomethingListensOnIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void aPortWhoseServerStoppedIsFreeWhileItsLastConnectionIsInTimeWait() throws Exception {
        // ./run-local.sh started again right after Ctrl-C: the services closed their connections first, so those sit
        // in TIME_WAIT for a minute; the services' servers can bind the port anyway, and run-local must not refuse
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(LOOPBACK, 0));
            port = server.getLocalPort();
            try (Socket client = new Socket(LOOPBACK, port); Socket accepted = server.accept()) {
                accepted.close();
                InputStream in = client.getInputStream();
                assertThat(in.read()).isEqualTo(-1);
            }
        }
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void aFreePortIsFree() {
        assertThat(Ports.isFree(Ports.free())).isTrue();
    }
}
