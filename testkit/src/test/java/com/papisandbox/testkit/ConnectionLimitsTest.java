package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.edge.ConnectionLimits;
import com.papisandbox.server.market.MarketConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client cannot hold the server: a request that does not arrive whole in time, a keep-alive connection
 * left idle and connections past the per-IP cap (WebSockets included) are closed. Short bounds, so the
 * test takes about as long as the bounds it checks.
 */
class ConnectionLimitsTest {
    private static final long REQUEST_MS = 400;
    private static final long IDLE_MS = 900;
    private static final int PER_IP = 6;
    private static final String PING = "GET /papi/v1/ping HTTP/1.1\r\nHost: sandbox\r\n\r\n";

    private static Sandbox sandbox;
    private static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-connections");
        sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off())
                .withConnectionLimits(new ConnectionLimits(REQUEST_MS, IDLE_MS, PER_IP)));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dataDir != null) SandboxExtension.deleteTree(dataDir);
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", sandbox.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends one byte every 100 ms until the server closes; returns how long it held on. */
    private static long trickleUntilClosed(Socket socket, String bytes) throws Exception {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        socket.setSoTimeout(100);
        for (int i = 0; i < 50; i++) {
            try {
                write(socket, bytes.substring(i % bytes.length(), i % bytes.length() + 1));
            } catch (IOException e) {
                return elapsedMillis(start);
            }
            try {
                if (in.read() < 0) return elapsedMillis(start);
            } catch (SocketTimeoutException stillOpen) {
                // nothing yet: keep sending
            } catch (IOException reset) {
                return elapsedMillis(start);
            }
        }
        throw new AssertionError("the server kept a trickling request open for 5 s");
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Reads one reply whose body is framed by Content-Length; returns its status line. */
    private static String readReply(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed before a reply: " + head);
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        in.readNBytes(length);
        return head.substring(0, head.indexOf("\r\n"));
    }

    private static boolean closedWithin(Socket socket, long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void aTricklingRequestHeadIsClosedAtTheRequestTimeout() throws Exception {
        try (Socket socket = open()) {
            write(socket, "GET /papi/v1/ping HTTP/1.1\r\nHost: sandbox\r\n");
            long held = trickleUntilClosed(socket, "X-Slow: yes-and-more-of-it\r\n");
            assertThat(held).isBetween(REQUEST_MS - 150, REQUEST_MS + 1500);
        }
    }

    @Test
    void aTricklingBodyIsClosedAtTheRequestTimeout() throws Exception {
        try (Socket socket = open()) {
            write(socket, "POST /papi/v1/listenKey HTTP/1.1\r\nHost: sandbox\r\nContent-Length: 200\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\na=1");
            long held = trickleUntilClosed(socket, "abcdefgh");
            assertThat(held).isBetween(REQUEST_MS - 150, REQUEST_MS + 1500);
        }
    }

    @Test
    void aBodyAnsweredBeforeItArrivedStillHasToArriveInTime() throws Exception {
        try (Socket socket = open()) {
            // too long a body is refused at once, from its Content-Length; the body itself never comes
            write(socket, "POST /papi/v1/listenKey HTTP/1.1\r\nHost: sandbox\r\nX-MBX-APIKEY: k\r\nContent-Length: 70000\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\n");
            assertThat(readReply(socket)).startsWith("HTTP/1.1 400");
            long start = System.nanoTime();
            assertThat(closedWithin(socket, 3000)).isTrue();
            assertThat(elapsedMillis(start)).isBetween(REQUEST_MS - 150, REQUEST_MS + 1500);
        }
    }

    @Test
    void aConnectionThatNeverSendsIsClosedAtTheRequestTimeout() throws Exception {
        try (Socket socket = open()) {
            long start = System.nanoTime();
            assertThat(closedWithin(socket, 3000)).isTrue();
            assertThat(elapsedMillis(start)).isBetween(REQUEST_MS - 150, REQUEST_MS + 1500);
        }
    }

    @Test
    void keepAliveServesRequestsWithinTheIdleBoundAndClosesAfterIt() throws Exception {
        try (Socket socket = open()) {
            write(socket, PING);
            assertThat(readReply(socket)).isEqualTo("HTTP/1.1 200 OK");
            // longer than the request timeout: idle between requests is the idle bound's business
            assertThat(closedWithin(socket, REQUEST_MS + 200)).isFalse();
            write(socket, PING);
            assertThat(readReply(socket)).isEqualTo("HTTP/1.1 200 OK");
            long start = System.nanoTime();
            assertThat(closedWithin(socket, 4000)).isTrue();
            assertThat(elapsedMillis(start)).isBetween(IDLE_MS - 150, IDLE_MS + 1500);
        }
    }

    @Test
    void pipelinedRequestsAreAllAnsweredAndTheIdleBoundFollowsTheLast() throws Exception {
        try (Socket socket = open()) {
            write(socket, PING + PING + PING);
            for (int i = 0; i < 3; i++) assertThat(readReply(socket)).isEqualTo("HTTP/1.1 200 OK");
            long start = System.nanoTime();
            assertThat(closedWithin(socket, 4000)).isTrue();
            assertThat(elapsedMillis(start)).isBetween(IDLE_MS - 150, IDLE_MS + 1500);
        }
    }

    @Test
    void anIpPastTheCapIsRefusedAndWebSocketsCountAndOutliveTheTimeouts() throws Exception {
        // the other tests' sockets are closed, but the server may not have seen every close yet
        long settle = System.currentTimeMillis() + 5000;
        while (sandbox.connections().open("127.0.0.1") > 0 && System.currentTimeMillis() < settle) Thread.sleep(20);
        assertThat(sandbox.connections().open("127.0.0.1")).isZero();
        List<StreamClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < PER_IP; i++) streams.add(StreamClient.connect(sandbox.baseUrl(), "/ws/btcusd_perp@aggTrade"));
            assertThat(sandbox.connections().open("127.0.0.1")).isEqualTo(PER_IP);
            int refusedBefore = sandbox.connections().refused();
            try (Socket extra = open()) {
                write(extra, PING);
                assertThat(closedWithin(extra, 2000)).as("a connection past the cap").isTrue();
            }
            assertThat(sandbox.connections().refused()).isEqualTo(refusedBefore + 1);
            // the streams are not requests: neither bound applies to them
            Thread.sleep(IDLE_MS + REQUEST_MS);
            StreamClient first = streams.get(0);
            first.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":7}");
            assertThat(first.next().getInteger("id")).isEqualTo(7);
            assertThat(first.closed).isNotDone();
            streams.remove(0).close();
            long deadline = System.currentTimeMillis() + 5000;
            while (true) {
                try (Socket again = open()) {
                    write(again, PING);
                    try {
                        assertThat(readReply(again)).isEqualTo("HTTP/1.1 200 OK");
                        break;
                    } catch (IOException closedYet) {
                        // the closed stream's slot frees when the server sees the close
                        assertThat(System.currentTimeMillis()).as("a freed slot within 5 s").isLessThan(deadline);
                        Thread.sleep(50);
                    }
                }
            }
        } finally {
            streams.forEach(StreamClient::close);
        }
    }
}
