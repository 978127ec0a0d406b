package com.papisandbox.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long steady run against a separately started server (bench/scripts/serve-for-load.sh): HTTP at a
 * fixed modest rate (ping, depth, a signed open-orders query, a signed place and the cancel of it, in
 * turn) and WebSocket streams held open the whole time (market streams, and the user streams of the first
 * accounts), while it samples the server process every interval: heap after a full GC ({@code jcmd
 * GC.run}, then {@code GC.heap_info}), thread count and RSS ({@code /proc/PID/status}). A leak shows as a
 * heap or thread count that keeps growing; a stream the server drops shows as a reconnect.
 *
 * <pre>java -cp bench/target/benchmarks.jar com.papisandbox.bench.SoakBench --url http://127.0.0.1:18080 --pid PID
 *     [--accounts 20] [--rate 300] [--market-streams 20] [--user-streams 10] [--duration 1800] [--sample 60]</pre>
 */
public final class SoakBench {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final URI url;
    private final long pid;
    private final List<BenchAccount> accounts;
    private final int rate;
    private final int marketStreams;
    private final int userStreams;
    private final long durationSeconds;
    private final long sampleSeconds;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong streamMessages = new AtomicLong();
    private final AtomicLong streamsOpen = new AtomicLong();
    private final AtomicLong streamReconnects = new AtomicLong();
    private final Recorder latency = new Recorder(3);
    private long step;

    private Vertx vertx;
    private HttpClient http;
    private WebSocketClient ws;

    private SoakBench(URI url, long pid, int accountCount, int rate, int marketStreams, int userStreams,
                      long durationSeconds, long sampleSeconds) {
        this.url = url;
        this.pid = pid;
        this.accounts = BenchAccount.generated(accountCount);
        this.rate = rate;
        this.marketStreams = marketStreams;
        this.userStreams = Math.min(userStreams, accountCount);
        this.durationSeconds = durationSeconds;
        this.sampleSeconds = sampleSeconds;
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        long pid = -1;
        int accounts = 20, rate = 300, market = 20, user = 10;
        long duration = 1800, sample = 60;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--url" -> url = value;
                case "--pid" -> pid = Long.parseLong(value);
                case "--accounts" -> accounts = Integer.parseInt(value);
                case "--rate" -> rate = Integer.parseInt(value);
                case "--market-streams" -> market = Integer.parseInt(value);
                case "--user-streams" -> user = Integer.parseInt(value);
                case "--duration" -> duration = Long.parseLong(value);
                case "--sample" -> sample = Long.parseLong(value);
                default -> {
                    System.err.println("unknown option " + args[i] + "; see the class comment of SoakBench");
                    System.exit(2);
                }
            }
            i++;
        }
        if (url == null || pid < 0 || rate < 1 || accounts < 1 || duration < 1 || sample < 1) {
            System.err.println("usage: SoakBench --url URL --pid SERVER_PID [--accounts N] [--rate R] [--market-streams N] "
                    + "[--user-streams N] [--duration S] [--sample S]");
            System.exit(2);
        }
        new SoakBench(URI.create(url), pid, accounts, rate, market, user, duration, sample).run();
    }

    private void run() throws Exception {
        // one event loop: the client must stay a small part of a 2-core machine
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setKeepAlive(true)
                .setDefaultHost(url.getHost()).setDefaultPort(url.getPort()), new PoolOptions().setHttp1MaxSize(16));
        ws = vertx.createWebSocketClient(new WebSocketClientOptions().setDefaultHost(url.getHost()).setDefaultPort(url.getPort()));
        for (int i = 0; i < marketStreams; i++) {
            String symbol = i % 2 == 0 ? "btcusd_perp" : "ethusd_perp";
            holdStream("/stream?streams=" + symbol + "@depth5@500ms/" + symbol + "@markPrice@1s/" + symbol + "@aggTrade");
        }
        for (int i = 0; i < userStreams; i++) {
            String key = listenKey(accounts.get(i)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            holdStream("/pm/ws/" + key);
        }
        // ops every 10 ms, spread evenly: rate / 100 per tick, the remainder carried
        double perTick = rate / 100.0;
        double[] owed = {0};
        long timer = vertx.setPeriodic(10, id -> {
            owed[0] += perTick;
            while (owed[0] >= 1) {
                owed[0] -= 1;
                nextOp();
            }
        });
        System.out.printf(Locale.ROOT, "soak: %d req/s, %d market + %d user streams, %d s, sampling pid %d every %d s%n",
                rate, marketStreams, userStreams, durationSeconds, pid, sampleSeconds);
        System.out.println("elapsed_s  heap_after_gc_MB  threads  rss_MB  requests  req/s  errors  p99_ms  max_ms  streams_open  stream_msgs  reconnects");
        long start = System.nanoTime();
        long lastRequests = 0;
        long lastAt = start;
        List<double[]> samples = new ArrayList<>();
        while (true) {
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            double heap = heapAfterGcMb();
            long threads = procStatus("Threads:");
            long rssKb = procStatus("VmRSS:");
            long now = System.nanoTime();
            long total = requests.get();
            double perSecond = (total - lastRequests) / Math.max(1e-9, (now - lastAt) / 1e9);
            lastRequests = total;
            lastAt = now;
            var interval = latency.getIntervalHistogram();
            System.out.printf(Locale.ROOT, "%9d  %16.1f  %7d  %6.0f  %8d  %5.0f  %6d  %6.2f  %6.2f  %12d  %11d  %10d%n",
                    elapsed, heap, threads, rssKb / 1024.0, total, perSecond, errors.get(),
                    interval.getValueAtPercentile(99) / 1000.0, interval.getMaxValue() / 1000.0,
                    streamsOpen.get(), streamMessages.get(), streamReconnects.get());
            samples.add(new double[]{elapsed, heap, threads});
            if (elapsed >= durationSeconds) break;
            Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(sampleSeconds, durationSeconds - elapsed)));
        }
        vertx.cancelTimer(timer);
        summarize(samples);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void summarize(List<double[]> samples) {
        double heapFirst = samples.get(Math.min(1, samples.size() - 1))[1];
        double heapLast = samples.get(samples.size() - 1)[1];
        double heapMax = samples.stream().mapToDouble(s -> s[1]).max().orElse(0);
        double threadsMin = samples.stream().mapToDouble(s -> s[2]).min().orElse(0);
        double threadsMax = samples.stream().mapToDouble(s -> s[2]).max().orElse(0);
        System.out.printf(Locale.ROOT, "summary: heap after GC %.1f MB at the first sample after warm-up, %.1f MB at the end, max %.1f MB; "
                        + "threads %.0f..%.0f; %d requests, %d errors; %d stream messages, %d reconnects%n",
                heapFirst, heapLast, heapMax, threadsMin, threadsMax, requests.get(), errors.get(),
                streamMessages.get(), streamReconnects.get());
    }

    /** Ping, depth, a signed open-orders query, a signed place followed by its cancel: in turn. */
    private void nextOp() {
        BenchAccount account = accounts.get((int) (step % accounts.size()));
        switch ((int) (step++ % 4)) {
            case 0 -> send(HttpMethod.GET, "/papi/v1/ping", null);
            case 1 -> send(HttpMethod.GET, "/dapi/v1/depth?symbol=BTCUSD_PERP&limit=20", null);
            case 2 -> send(HttpMethod.GET, "/papi/v1/cm/openOrders?" + account.signed("symbol=BTCUSD_PERP&timestamp=" + System.currentTimeMillis()), account);
            default -> {
                // far from the market, so it rests until the cancel
                String place = account.signed("symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=1000&timestamp="
                        + System.currentTimeMillis());
                send(HttpMethod.POST, "/papi/v1/cm/order?" + place, account).onSuccess(body -> {
                    if (body == null) return;
                    long orderId = new JsonObject(body.toString(StandardCharsets.UTF_8)).getLong("orderId");
                    send(HttpMethod.DELETE, "/papi/v1/cm/order?" + account.signed("symbol=BTCUSD_PERP&orderId=" + orderId
                            + "&timestamp=" + System.currentTimeMillis()), account);
                });
            }
        }
    }

    /** Completes with the body of a 200, or null after counting an error. */
    private io.vertx.core.Future<Buffer> send(HttpMethod method, String uri, BenchAccount account) {
        long sent = System.nanoTime();
        RequestOptions options = new RequestOptions().setMethod(method).setURI(uri);
        if (account != null) options.putHeader("X-MBX-APIKEY", account.apiKey);
        return http.request(options)
                .compose(req -> req.send().compose(r -> r.body().map(b -> r.statusCode() == 200 ? b : null)))
                .transform(ar -> {
                    requests.incrementAndGet();
                    latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    if (ar.failed() || ar.result() == null) {
                        errors.incrementAndGet();
                        return io.vertx.core.Future.succeededFuture(null);
                    }
                    return io.vertx.core.Future.succeededFuture(ar.result());
                });
    }

    private io.vertx.core.Future<String> listenKey(BenchAccount account) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/papi/v1/listenKey")
                        .putHeader("X-MBX-APIKEY", account.apiKey))
                .compose(req -> req.send().compose(HttpClientResponse::body))
                .map(b -> new JsonObject(b.toString(StandardCharsets.UTF_8)).getString("listenKey"));
    }

    /** Keeps one stream open: counts its messages, and reconnects (counted) whenever the server drops it. */
    private void holdStream(String path) {
        ws.connect(new WebSocketConnectOptions().setURI(path)).onComplete(ar -> {
            if (ar.failed()) {
                streamReconnects.incrementAndGet();
                vertx.setTimer(1000, id -> holdStream(path));
                return;
            }
            streamsOpen.incrementAndGet();
            ar.result().textMessageHandler(m -> streamMessages.incrementAndGet());
            ar.result().closeHandler(v -> {
                streamsOpen.decrementAndGet();
                streamReconnects.incrementAndGet();
                vertx.setTimer(1000, id -> holdStream(path));
            });
        });
    }

    private double heapAfterGcMb() {
        try {
            jcmd("GC.run");
            Matcher used = USED.matcher(jcmd("GC.heap_info"));
            long kb = 0;
            // ParallelGC prints the young and the old generation ("used NK" each), then Metaspace lines
            for (int generation = 0; generation < 2 && used.find(); generation++) kb += Long.parseLong(used.group(1));
            return kb / 1024.0;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
