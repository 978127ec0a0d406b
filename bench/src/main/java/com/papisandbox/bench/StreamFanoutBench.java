package com.papisandbox.bench;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.TimeInForce;
import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What market-stream subscribers cost the engine: place+cancel pairs sent straight to the engine thread
 * (past HTTP, 900 in flight over 5 accounts) with the built-in market running, first with no subscriber, then with N
 * WebSocket subscribers to BTCUSD_PERP's diff depth (100 ms), top-20 depth and aggregate trades, then with
 * the same plus one socket that never reads. Reports pairs/s per phase, the messages each subscriber got
 * and how late they arrived (receive time − the event's E).
 * <pre>java -cp bench/target/papi-sandbox-bench.jar com.papisandbox.bench.StreamFanoutBench [SUBSCRIBERS] [SECONDS]</pre>
 */
public final class StreamFanoutBench {
    private static final String KEY = "fanout";
    /** Binance allows 200 open orders per symbol and account: the load is spread over accounts. */
    private static final int ACCOUNTS = 5;
    private static final int IN_FLIGHT = 900;
    private static final String STREAMS = "/stream?streams=btcusd_perp@depth@100ms/btcusd_perp@depth20@100ms/btcusd_perp@aggTrade";

    public record Phase(String name, double pairsPerSecond, long minMessages, long maxMessages, long p50DelayMs, long p99DelayMs) {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        run(System.out, subscribers, seconds);
    }

    public static List<Phase> run(PrintStream out, int subscribers, double seconds) throws Exception {
        Path dir = Files.createTempDirectory("papi-sandbox-fanout");
        List<Phase> phases = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults(dir).withRateLimits(false)
                .withAccounts(java.util.stream.IntStream.range(0, ACCOUNTS)
                        .mapToObj(k -> new AccountSpec(KEY + k, "fanout-secret-" + k, Map.of("BTC", new BigDecimal("1000")))).toList()))) {
            long account = sandbox.read(e -> e.account(KEY + 0).accountId());
            long reference = sandbox.read(e -> e.referencePrice("BTCUSD_PERP"));
            // bids 1-3 % under the reference: inside PERCENT_PRICE, never filled by the walk in a run
            long[] prices = new long[64];
            for (int i = 0; i < prices.length; i++) prices[i] = reference - reference / 100 - (reference / 50) * i / prices.length;
            pairs(sandbox, account, prices, Math.min(3, seconds)); // warm-up
            phases.add(phase(out, "no subscriber", sandbox, account, prices, seconds, List.of()));
            List<Subscriber> subs = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) subs.add(new Subscriber(sandbox.baseUrl() + STREAMS));
            // the handshakes' work done and the streams flowing before the phase is timed
            pairs(sandbox, account, prices, Math.min(3, seconds));
            phases.add(phase(out, subscribers + " subscribers", sandbox, account, prices, seconds, subs));
            try (java.net.Socket stalled = stalledSubscriber(sandbox)) {
                phases.add(phase(out, subscribers + " subscribers + 1 stalled", sandbox, account, prices, seconds, subs));
            }
            subs.forEach(Subscriber::close);
        } finally {
            deleteTree(dir);
        }
        return phases;
    }

    private static Phase phase(PrintStream out, String name, Sandbox sandbox, long account, long[] prices, double seconds,
                               List<Subscriber> subs) throws Exception {
        subs.forEach(Subscriber::reset);
        double rate = pairs(sandbox, account, prices, seconds);
        Thread.sleep(300); // the last events of the phase arrive
        long min = Long.MAX_VALUE, max = 0;
        Histogram delays = new Histogram(3);
        for (Subscriber s : subs) {
            min = Math.min(min, s.messages.get());
            max = Math.max(max, s.messages.get());
            synchronized (s.delays) {
                delays.add(s.delays);
            }
        }
        if (subs.isEmpty()) min = 0;
        Phase p = new Phase(name, rate, min, max, delays.getValueAtPercentile(50), delays.getValueAtPercentile(99));
        out.printf("%-32s %,12.0f pairs/s   messages per subscriber %,d..%,d   delay p50 %d ms p99 %d ms%n",
                name, rate, min, max, p.p50DelayMs(), p.p99DelayMs());
        return p;
    }

    private record InFlight(CompletableFuture<Result> reply, boolean place) {
    }

    /** Place+cancel pairs for {@code seconds}, 900 commands in flight; returns pairs per second. */
    private static double pairs(Sandbox sandbox, long account, long[] prices, double seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        long pairs = 0;
        int i = 0;
        while (System.nanoTime() < end || !inFlight.isEmpty()) {
            while (inFlight.size() < IN_FLIGHT && System.nanoTime() < end) {
                i++;
                inFlight.add(new InFlight(sandbox.submit(new Command.PlaceOrder(account + i % ACCOUNTS, "BTCUSD_PERP", Side.BUY, OrderType.LIMIT,
                        TimeInForce.GTC, PositionSide.BOTH, false, prices[i & (prices.length - 1)], 1, "f" + i)), true));
            }
            InFlight next = inFlight.poll();
            Result r = next.reply().get(30, TimeUnit.SECONDS);
            if (!(r instanceof Result.OrderResult order)) throw new IllegalStateException("refused: " + r);
            if (next.place()) {
                inFlight.add(new InFlight(sandbox.submit(new Command.CancelOrder(order.acknowledged().accountId(), "BTCUSD_PERP",
                        order.acknowledged().orderId(), null)), false));
            } else {
                pairs++;
            }
        }
        return pairs / ((System.nanoTime() - start) / 1e9);
    }

    private static java.net.Socket stalledSubscriber(Sandbox sandbox) throws Exception {
        URI base = URI.create(sandbox.baseUrl());
        java.net.Socket socket = new java.net.Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        socket.getOutputStream().write(("GET " + STREAMS + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return socket;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * A JDK WebSocket client counting messages and their delay behind the event time E. All share one HttpClient
     * (one selector thread): 200 clients of their own would be 200 threads competing with the server for the cores.
     */
    static final class Subscriber implements WebSocket.Listener {
        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        final AtomicLong messages = new AtomicLong();
        final Histogram delays = new Histogram(3);
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Subscriber(String url) throws Exception {
            socket = CLIENT.newWebSocketBuilder()
                    .buildAsync(URI.create(url.replaceFirst("^http", "ws")), this).get(10, TimeUnit.SECONDS);
        }

        void reset() {
            messages.set(0);
            synchronized (delays) {
                delays.reset();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.currentTimeMillis();
                long e = eventTime(partial);
                partial.setLength(0);
                messages.incrementAndGet();
                if (e > 0) {
                    synchronized (delays) {
                        delays.recordValue(Math.max(0, now - e));
                    }
                }
            }
            ws.request(1);
            return null;
        }

        void close() {
            socket.abort();
        }

        /**
         * The payload's {@code "E":} number, found without parsing the frame: the subscribers share the server's
         * cores, so what they spend is taken from it (every payload of these streams has one {@code "E"}).
         */
        static long eventTime(CharSequence frame) {
            int at = frame.toString().indexOf("\"E\":");
            if (at < 0) return 0;
            long value = 0;
            for (int i = at + 4; i < frame.length() && Character.isDigit(frame.charAt(i)); i++) value = value * 10 + (frame.charAt(i) - '0');
            return value;
        }
    }
}
