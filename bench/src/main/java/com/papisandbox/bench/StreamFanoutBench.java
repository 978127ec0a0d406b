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

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What market-stream subscribers cost the engine: place+cancel pairs sent straight to the engine thread
 * (past HTTP, 900 in flight over 5 accounts) with the built-in market running, first with no subscriber, then with N
 * WebSocket subscribers to BTCUSD_PERP's diff depth (100 ms), top-20 depth and aggregate trades, then with
 * the same plus one socket that never reads; phases without subscribers come between (none, N, none, N, N + stalled,
 * none), since the rate drifts over a run. Reports pairs/s per phase, the messages each subscriber got,
 * how late they arrived (receive time − the event's E) and the cores each JVM used.
 * <p>
 * By default the subscribers run in a child JVM ({@link FleetProcess}) pinned to {@code --fleet-cpu} (1), and this JVM
 * (server and driver) pins itself to {@code --server-cpu} (0) before anything starts, for every phase: what the
 * clients spend is then not taken from the server. {@code --in-process} runs them in this JVM, unpinned unless
 * {@code --server-cpu} is given (the mode of the figures before 2026-12-06); {@code --no-pin} starts the child unpinned.
 * {@code --engine-cpu 0} gives the engine thread and the driver CPU 0 alone, and the server's other threads (event loops,
 * stream publisher and sender, collector, JIT) the fleet's CPU: whether fan-out work reaches the engine thread at all.
 * <pre>java -cp bench/target/benchmarks.jar com.papisandbox.bench.StreamFanoutBench [--in-process] [--no-pin]
 *     [--server-cpu LIST] [--fleet-cpu LIST] [--engine-cpu LIST] [SUBSCRIBERS] [SECONDS]</pre>
 */
public final class StreamFanoutBench {
    private static final String KEY = "fanout";
    /** Binance allows 200 open orders per symbol and account: the load is spread over accounts. */
    private static final int ACCOUNTS = 5;
    private static final int IN_FLIGHT = 900;
    private static final String STREAMS = "/stream?streams=btcusd_perp@depth@100ms/btcusd_perp@depth20@100ms/btcusd_perp@aggTrade";

    /**
     * Null CPU lists leave that JVM unpinned; {@code engineCpus}, when set, takes the engine and driver threads from
     * {@code serverCpus} (which then defaults to the fleet's).
     */
    public record Options(int subscribers, double seconds, boolean inProcess, String serverCpus, String fleetCpus, String engineCpus) {
        static Options parse(String[] args) {
            boolean inProcess = false, pin = true;
            String serverCpus = null, fleetCpus = null, engineCpus = null;
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--in-process" -> inProcess = true;
                    case "--no-pin" -> pin = false;
                    case "--server-cpu" -> serverCpus = args[++i];
                    case "--fleet-cpu" -> fleetCpus = args[++i];
                    case "--engine-cpu" -> engineCpus = args[++i];
                    default -> positional.add(args[i]);
                }
            }
            if (pin && !inProcess) {
                if (fleetCpus == null) fleetCpus = "1";
                if (serverCpus == null) serverCpus = engineCpus == null ? "0" : fleetCpus;
            }
            if (!pin) {
                serverCpus = null;
                fleetCpus = null;
                engineCpus = null;
            }
            int subscribers = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 200;
            double seconds = positional.size() > 1 ? Double.parseDouble(positional.get(1)) : 15;
            if (engineCpus != null && serverCpus == null) throw new IllegalArgumentException("--engine-cpu needs --server-cpu");
            return new Options(subscribers, seconds, inProcess, serverCpus, inProcess ? null : fleetCpus, engineCpus);
        }
    }

    /** A phase's engine rate and subscribers' tally; the cores each JVM used over it (wall-clock CPU seconds a second). */
    public record Phase(String name, double pairsPerSecond, long minMessages, long maxMessages, long p50DelayMs, long p99DelayMs,
                        double benchCores, double fleetCores) {
        static final String BASELINE = "no subscriber";

        boolean baseline() {
            return name.equals(BASELINE);
        }
    }

    public static void main(String[] args) throws Exception {
        run(System.out, Options.parse(args));
    }

    public static List<Phase> run(PrintStream out, Options options) throws Exception {
        if (options.serverCpus() != null) CpuPinning.pinThisJvm(options.serverCpus());
        out.printf("subscribers %s, %s%n", options.inProcess() ? "in this JVM" : "in a child JVM on CPUs " + orAll(options.fleetCpus()),
                options.engineCpus() == null ? "server and driver on CPUs " + orAll(options.serverCpus())
                        : "engine and driver threads on CPUs " + options.engineCpus() + ", the server's other threads on CPUs " + options.serverCpus());
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
            Driver driver = new Driver(sandbox, account, prices, options);
            driver.pinEngine();
            double seconds = options.seconds();
            // warm-up: pinned to one CPU, the JIT's compilations take the engine's time for longer than 3 s
            driver.pairs(Math.min(10, seconds));
            // the rate drifts over a run (the JIT, the collector, the journal's commits): phases with and without subscribers
            // alternate, and each with is read against the mean of the two without either side of it
            phases.add(phase(out, Phase.BASELINE, driver, seconds, NO_FLEET));
            String url = sandbox.baseUrl() + STREAMS;
            for (int round = 1; round <= 2; round++) {
                try (Fleet fleet = options.inProcess() ? new SubscriberFleet(url, options.subscribers())
                        : new FleetProcess(url, options.subscribers(), options.fleetCpus())) {
                    // the handshakes' work done and the streams flowing before the phase is timed
                    driver.pairs(Math.min(3, seconds));
                    phases.add(phase(out, options.subscribers() + " subscribers", driver, seconds, fleet));
                    if (round == 2) {
                        try (java.net.Socket stalled = stalledSubscriber(sandbox)) {
                            phases.add(phase(out, options.subscribers() + " subscribers + 1 stalled", driver, seconds, fleet));
                        }
                        out.printf("threads' CPUs: this JVM %s%s%n", threadsByCpus(),
                                fleet instanceof FleetProcess child ? ", fleet " + CpuPinning.allowed(child.pid()) : "");
                    }
                }
                Thread.sleep(500); // the connections closed
                phases.add(phase(out, Phase.BASELINE, driver, seconds, NO_FLEET));
            }
            out.println(againstNoSubscriber(phases));
        } finally {
            deleteTree(dir);
        }
        return phases;
    }

    /** Each phase with subscribers as a share of the mean rate of the phases without them either side of it. */
    static String againstNoSubscriber(List<Phase> phases) {
        StringBuilder out = new StringBuilder("against the no-subscriber phases either side:");
        for (int i = 1; i < phases.size() - 1; i++) {
            if (phases.get(i).baseline()) continue;
            int before = i - 1, after = i + 1;
            while (!phases.get(before).baseline()) before--;
            while (!phases.get(after).baseline()) after++;
            double base = (phases.get(before).pairsPerSecond() + phases.get(after).pairsPerSecond()) / 2;
            out.append(String.format(" %s %.0f %%;", phases.get(i).name(), 100 * phases.get(i).pairsPerSecond() / base));
        }
        return out.toString();
    }

    private static final Fleet NO_FLEET = new Fleet() {
        @Override
        public void reset() {
        }

        @Override
        public Tally tally() {
            return Tally.NONE;
        }

        @Override
        public void close() {
        }
    };

    /** {@code {0=[engine, java], 1=29 threads}} (the launcher names its main thread java): which of this JVM's threads may run where. */
    private static String threadsByCpus() throws java.io.IOException {
        Map<String, String> shown = new java.util.TreeMap<>();
        CpuPinning.threadsByCpus().forEach((cpus, names) -> shown.put(cpus, names.size() <= 3 ? names.toString() : names.size() + " threads"));
        return shown.toString();
    }

    private static String orAll(String cpus) {
        return cpus == null ? "any" : cpus;
    }

    private static Phase phase(PrintStream out, String name, Driver driver, double seconds, Fleet fleet) throws Exception {
        driver.pinEngine();
        Fleet.Tally before = fleet.tally();
        fleet.reset();
        CpuSplit split = CpuSplit.now();
        long benchCpu = processCpuNanos(), start = System.nanoTime();
        double rate = driver.pairs(seconds);
        Thread.sleep(300); // the last events of the phase arrive
        Fleet.Tally tally = fleet.tally();
        double wall = System.nanoTime() - start;
        double benchCores = (processCpuNanos() - benchCpu) / wall, fleetCores = (tally.cpuNanos() - before.cpuNanos()) / wall;
        Phase p = new Phase(name, rate, tally.min(), tally.max(), tally.p50DelayMs(), tally.p99DelayMs(), benchCores, fleetCores);
        out.printf("%-30s %,10.0f pairs/s   messages per subscriber %,d..%,d   delay p50 %d ms p99 %d ms   cores: bench %.2f, fleet %.2f%n",
                name, rate, p.minMessages(), p.maxMessages(), p.p50DelayMs(), p.p99DelayMs(), benchCores, fleetCores);
        out.printf("%-30s bench cores by thread: %s%n", "", CpuSplit.now().since(split, wall));
        return p;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Sends place+cancel pairs straight to the engine thread, 900 commands in flight. */
    private record Driver(Sandbox sandbox, long account, long[] prices, Options options) {
        private record InFlight(CompletableFuture<Result> reply, boolean place) {
        }

        /** With {@code --engine-cpu}: the engine and this thread there, every other thread (new ones too) on the server's CPUs. */
        void pinEngine() throws Exception {
            if (options.engineCpus() == null) return;
            String engine = sandbox.read(e -> CpuPinning.currentTid());
            CpuPinning.pinThreads(Set.of(engine, CpuPinning.currentTid()), options.engineCpus(), options.serverCpus());
        }

        /** Pairs for {@code seconds}; returns pairs per second. */
        double pairs(double seconds) throws Exception {
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
}
