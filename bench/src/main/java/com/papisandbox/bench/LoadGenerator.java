package com.papisandbox.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP load generator for papi-sandbox. Open loop by default: operations are planned at fixed
 * intervals ({@code --rate}) and each latency is measured from the op's PLANNED send time into an
 * HdrHistogram, so a stalled server cannot hide behind a generator that waits for it (no coordinated
 * omission). The generator checks its own schedule: it reports how late it picked each op up, and warns
 * when it fell behind. A closed-loop mode (every connection sends its next request as soon as the last
 * is answered) finds the maximum throughput.
 *
 * <p>Requests are signed like Binance's clients sign them (HMAC-SHA256 hex over the query string,
 * {@code X-MBX-APIKEY}), from many accounts, over keep-alive HTTP/1.1 connections (Vert.x client).
 * See {@link LoadOptions#USAGE} and docs/benchmarks.md.
 */
public final class LoadGenerator implements AutoCloseable {
    private final LoadOptions options;
    private final PrintStream out;
    private final Vertx vertx;
    private final HttpClientAgent client;
    private final List<Worker> workers = new ArrayList<>();
    private final List<BenchAccount> accounts;
    private BenchSandbox sandbox;

    public static void main(String[] args) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (LoadOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2);
            return;
        }
        if (options.printServeFlags) {
            for (BenchAccount a : options.accountsToUse(0)) System.out.println(a.serveFlag());
            return;
        }
        List<PhaseResult> results;
        try (LoadGenerator generator = new LoadGenerator(options, System.out)) {
            results = generator.run();
        }
        boolean failed = results.stream().anyMatch(r -> r.errors() > 0 || r.unfinished() > 0);
        System.exit(failed ? 1 : 0);
    }

    /** Runs the load generator with command-line style arguments; for tests. */
    public static List<PhaseResult> run(PrintStream out, String... args) {
        try (LoadGenerator generator = new LoadGenerator(LoadOptions.parse(args), out)) {
            return generator.run();
        }
    }

    LoadGenerator(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.accounts = options.accountsToUse(accountsNeeded(options));
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.threads));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setTcpNoDelay(true).setIdleTimeout(0));
    }

    /** Enough accounts that the pre-fill never needs more than 190 open orders on one. */
    private static int accountsNeeded(LoadOptions o) {
        long prefill = prefillCount(o);
        return (int) Math.min(Integer.MAX_VALUE, (prefill + 189) / 190 + o.threads);
    }

    private static long prefillCount(LoadOptions o) {
        if (o.prefill > 0) return o.prefill;
        if (!o.scenarios.contains(Scenario.CANCEL)) return 0;
        if (o.mode == LoadOptions.Mode.CLOSED) return 200_000;
        return (long) Math.ceil(o.rate * (o.warmupSeconds + o.durationSeconds) * 1.02) + 100;
    }

    List<PhaseResult> run() {
        try {
            URI url = options.url != null ? options.url : startSandbox();
            out.printf(Locale.ROOT, "target %s; %d accounts; %d connections on %d client threads; %s%n", url,
                    accounts.size(), options.connections, options.threads, machine());
            startWorkers(url);
            List<PhaseResult> results = new ArrayList<>();
            for (Scenario scenario : options.scenarios) {
                if (scenario == Scenario.CANCEL || scenario == Scenario.FILL) {
                    PhaseResult fill = fill(prefillCount(options));
                    if (scenario == Scenario.FILL) {
                        results.add(fill);
                        continue;
                    }
                }
                if (options.warmupSeconds > 0) phase(scenario, options.warmupSeconds);
                PhaseResult result = phase(scenario, options.durationSeconds);
                out.print(result.report());
                results.add(result);
            }
            out.print(summary(results));
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    private URI startSandbox() throws IOException {
        sandbox = BenchSandbox.start(options.dataDir, accounts, "papi-sandbox-load", out);
        return sandbox.url();
    }

    private void startWorkers(URI url) throws Exception {
        List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        vertx.deployVerticle(() -> context -> {
            contexts.add(context);
            return Future.succeededFuture();
        }, new DeploymentOptions().setInstances(options.threads)).await(30, TimeUnit.SECONDS);
        List<List<BenchAccount>> shares = new ArrayList<>();
        for (int w = 0; w < options.threads; w++) shares.add(new ArrayList<>());
        for (int i = 0; i < accounts.size(); i++) shares.get(i % options.threads).add(accounts.get(i));
        List<Future<Void>> connecting = new ArrayList<>();
        for (int w = 0; w < options.threads; w++) {
            if (shares.get(w).isEmpty()) throw new IllegalArgumentException("need at least one account per client thread");
            Worker worker = new Worker(w, contexts.get(w), client, shares.get(w), options.symbol);
            workers.add(worker);
            int count = options.connections / options.threads + (w < options.connections % options.threads ? 1 : 0);
            connecting.add(worker.connect(url.getHost(), url.getPort(), count));
        }
        Future.all(connecting).await(30, TimeUnit.SECONDS);
    }

    /** Places {@code count} resting orders, closed loop; they are cancelled later by the 'cancel' scenario. */
    private PhaseResult fill(long count) throws Exception {
        PhaseResult total = new PhaseResult(Scenario.FILL, LoadOptions.Mode.CLOSED, 0, 0, options.connections);
        List<CompletableFuture<PhaseResult>> parts = new ArrayList<>();
        for (Worker w : workers) {
            long quota = count / workers.size() + (w.index < count % workers.size() ? 1 : 0);
            if (quota > 190L * w.accountCount()) {
                throw new IllegalArgumentException(count + " resting orders need more accounts: client thread " + w.index
                        + " has " + w.accountCount() + " (190 open orders each; MAX_NUM_ORDERS is 200): raise --accounts");
            }
            PhaseResult part = new PhaseResult(Scenario.FILL, LoadOptions.Mode.CLOSED, 0, 0, options.connections);
            parts.add(w.begin(Scenario.FILL, part, Long.MAX_VALUE, quota, options.lagThresholdMicros));
        }
        long elapsed = 0;
        for (CompletableFuture<PhaseResult> p : parts) {
            PhaseResult r = p.get(Math.max(60, count / 1000), TimeUnit.SECONDS);
            total.add(r);
            elapsed = Math.max(elapsed, r.elapsedNanos);
        }
        total.elapsedNanos = elapsed;
        out.printf(Locale.ROOT, "pre-fill: %d resting orders placed in %.1f s (%.0f places/s), %d errors %s%n",
                total.completed(), elapsed / 1e9, total.achievedRate(), total.errors(),
                total.errorCounts().isEmpty() ? "" : total.errorCounts());
        return total;
    }

    private PhaseResult phase(Scenario scenario, double seconds) throws Exception {
        boolean open = options.mode == LoadOptions.Mode.OPEN;
        PhaseResult total = new PhaseResult(scenario, options.mode, options.rate, seconds, options.connections);
        total.lagThresholdMicros = options.lagThresholdMicros;
        List<CompletableFuture<PhaseResult>> parts = new ArrayList<>();
        long closedLoopEnd = open ? 0 : System.nanoTime() + (long) (seconds * 1e9);
        for (Worker w : workers) {
            PhaseResult part = new PhaseResult(scenario, options.mode, options.rate, seconds, options.connections);
            parts.add(w.begin(scenario, part, closedLoopEnd, 0, options.lagThresholdMicros));
        }
        if (open) schedule(seconds);
        long drainDeadline = System.nanoTime() + (long) ((open ? options.drainSeconds : seconds + options.drainSeconds) * 1e9);
        long elapsed = 0;
        for (int i = 0; i < parts.size(); i++) {
            PhaseResult r;
            try {
                r = parts.get(i).get(Math.max(1, drainDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                workers.get(i).abandon();
                r = parts.get(i).get(10, TimeUnit.SECONDS);
            }
            total.add(r);
            elapsed = Math.max(elapsed, r.elapsedNanos);
        }
        total.elapsedNanos = elapsed;
        return total;
    }

    /**
     * The open-loop schedule: op {@code i} is planned at {@code start + i / rate}. This thread posts the
     * ops that are due to their workers (op i goes to worker i % workers) and sleeps until the next one.
     */
    private void schedule(double seconds) {
        long total = Math.max(1, Math.round(options.rate * seconds));
        double interval = 1e9 / options.rate;
        long start = System.nanoTime() + 1_000_000;
        int n = workers.size();
        long next = 0;
        while (next < total) {
            long now = System.nanoTime();
            long due = now < start ? 0 : Math.min(total, (long) ((now - start) / interval) + 1);
            if (due > next) {
                for (Worker w : workers) w.due(next, due, n, start, interval);
                next = due;
            }
            if (next < total) {
                long wake = start + (long) (next * interval);
                long sleep = wake - System.nanoTime();
                if (sleep > 0) LockSupport.parkNanos(sleep);
            }
        }
        for (Worker w : workers) w.scheduleDone();
    }

    private String summary(List<PhaseResult> results) {
        StringBuilder sb = new StringBuilder("\nsummary (latency in ms")
                .append(options.mode == LoadOptions.Mode.OPEN ? ", from the planned send time)\n" : ")\n");
        sb.append(String.format(Locale.ROOT, "%-15s %10s %10s %7s %8s %8s %8s %8s %8s  %s%n", "scenario", "ops/s",
                "req/s", "errors", "p50", "p90", "p99", "p99.9", "max", "vs ping (req/s)"));
        double ping = 0; // the latest ping phase before each scenario: its floor in the same run
        for (PhaseResult r : results) {
            if (r.scenario == Scenario.PING) ping = r.achievedRate();
            double requests = r.achievedRate() * r.scenario.requestsPerOp;
            sb.append(String.format(Locale.ROOT, "%-15s %10.0f %10.0f %7d %8.3f %8.3f %8.3f %8.3f %8.3f  %s%s%n",
                    r.scenario(), r.achievedRate(), requests, r.errors() + r.unfinished(),
                    r.latency.getValueAtPercentile(50) / 1000.0, r.latency.getValueAtPercentile(90) / 1000.0,
                    r.latency.getValueAtPercentile(99) / 1000.0, r.latency.getValueAtPercentile(99.9) / 1000.0,
                    r.latency.getMaxValue() / 1000.0,
                    ping > 0 && r.scenario != Scenario.PING ? String.format(Locale.ROOT, "%.2f", requests / ping) : "",
                    r.fellBehind() ? "  GENERATOR FELL BEHIND" : ""));
        }
        return sb.toString();
    }

    private static String machine() {
        String load;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            load = "load average " + fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            load = "load average unknown";
        }
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", " + load;
    }

    @Override
    public void close() {
        try {
            List<Future<Void>> closing = new ArrayList<>();
            for (Worker w : workers) closing.add(w.close());
            Future.join(closing).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        if (sandbox != null) sandbox.close();
    }
}
