package com.papisandbox.bench;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How long after the REST reply of an order its ORDER_TRADE_UPDATE reaches the PM user data stream.
 *
 * <p>Open loop: order {@code k} is planned at {@code start + k / rate}; a scheduler thread hands due orders
 * to the HTTP event loop, which sends the place (a resting LIMIT GTC) on a free keep-alive connection and,
 * the moment its reply arrives, the cancel of that orderId on the same connection. Every account has a
 * listen key and a WebSocket on {@code /pm/ws/<listenKey>}, read on a second event loop. For each order the
 * bench records {@code System.nanoTime()} when the place reply, the cancel reply, the NEW event and the
 * CANCELED event arrived (events matched by {@code o.i}, the orderId), and reports the distributions of
 * NEW minus place reply and CANCELED minus cancel reply. The sandbox publishes an event once its command is
 * durable, before it answers, so an event can arrive before its reply: that latency is negative, stays in
 * the distribution and is counted as early. An event that never arrives is counted as missing.
 */
public final class StreamLatencyBench implements AutoCloseable {
    private static final String ORDER_PATH = "/papi/v1/cm/order";
    private static final String LISTEN_KEY_PATH = "/papi/v1/listenKey";
    private static final String ORDER_EVENT = "{\"e\":\"ORDER_TRADE_UPDATE\"";
    /** An event more than this before or after its reply counts as slow, and is checked against the collections. */
    static final long SLOW_NANOS = 1_000_000;
    /** An order this close to a collection counts as overlapping it (the mapping of its times is about as exact). */
    private static final long GC_MARGIN_NANOS = 1_000_000;

    /** One order. Its fields are written on the HTTP loop and read by the main thread once that loop is done. */
    static final class Op {
        final int index;
        final long planned;
        final boolean measured;
        int account;
        /** nanoTime at which the HTTP loop took it from the schedule. */
        long pickedUp;
        long orderId = -1;
        /** nanoTime of the place reply / of the cancel's send and reply; 0 = not (yet). */
        long placeReply;
        long cancelSent;
        long cancelReply;
        boolean cancelOk;
        CompletableFuture<Op> done;

        Op(int index, long planned, boolean measured) {
            this.index = index;
            this.planned = planned;
            this.measured = measured;
        }
    }

    private record Reply(long at, int status, Buffer body) {
    }

    private final StreamLatencyOptions options;
    private final PrintStream out;
    private final List<BenchAccount> accounts;
    private final Vertx vertx;
    private final HttpClientAgent http;
    private final WebSocketClient wsClient;
    private Context httpContext;
    private Context wsContext;
    private BenchSandbox sandbox;
    private final GcPauses gcPauses = new GcPauses();
    /** The wall-clock time of the schedule's start, to find the "at N s" of the report in other logs. */
    private java.time.Instant scheduleStartWall;

    // HTTP loop only
    private final ArrayDeque<HttpClientConnection> idle = new ArrayDeque<>();
    private final BenchAccount.LongQueue queued = new BenchAccount.LongQueue();
    private final Map<String, Long> errors = new TreeMap<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private Op[] ops = new Op[0];
    private int connections;
    private int inFlight;
    private int accountCursor;
    private boolean scheduleDone;
    private boolean abandoned;
    private long unfinished;
    private long lateOps;
    private long waitedForConnection;
    private int maxQueued;
    private final CompletableFuture<Void> httpDone = new CompletableFuture<>();

    // written on the WebSocket loop, read by the main thread
    private final ConcurrentHashMap<Long, Long> newEvents = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> canceledEvents = new ConcurrentHashMap<>();
    private final AtomicLong duplicateEvents = new AtomicLong();
    private final AtomicLong canceledBeforeNew = new AtomicLong();
    private final AtomicLong otherOrderEvents = new AtomicLong();
    private final AtomicLong otherEvents = new AtomicLong();
    private final List<String> streamClosures = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) {
        StreamLatencyOptions options;
        try {
            options = StreamLatencyOptions.parse(args);
        } catch (LoadOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")) ? 0 : 2);
            return;
        }
        StreamLatencyResult result;
        try (StreamLatencyBench bench = new StreamLatencyBench(options, System.out)) {
            result = bench.run();
        }
        System.exit(result.complete() ? 0 : 1);
    }

    /** Runs the bench with command-line style arguments; for tests. */
    public static StreamLatencyResult run(PrintStream out, String... args) {
        try (StreamLatencyBench bench = new StreamLatencyBench(StreamLatencyOptions.parse(args), out)) {
            return bench.run();
        }
    }

    StreamLatencyBench(StreamLatencyOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.accounts = options.accountsToUse();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setTcpNoDelay(true).setIdleTimeout(0));
        this.wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setTcpNoDelay(true)
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    }

    StreamLatencyResult run() {
        try {
            URI url = options.url != null ? options.url : startSandbox();
            out.printf(Locale.ROOT, "target %s; %d account(s), one user stream each; %d HTTP connections; %s; %.0f orders/s "
                            + "(place + cancel) for %.1f s after %.1f s of warm-up; %s%n", url, accounts.size(),
                    options.connections, options.oneLoop ? "REST and streams on one client event loop" : "REST and streams on two client event loops",
                    options.rate, options.durationSeconds, options.warmupSeconds, machine());
            startContexts();
            connectHttp(url).get(30, TimeUnit.SECONDS);
            for (int k = 0; k < accounts.size(); k++) connectStream(url, k, listenKey(k).get(30, TimeUnit.SECONDS)).get(30, TimeUnit.SECONDS);
            Set<Long> probes = new HashSet<>();
            for (int k = 0; k < accounts.size(); k++) probes.addAll(awaitStreamLive(k));
            gcPauses.calibrate();

            long start = schedule();
            long scheduleEnd = System.nanoTime();
            waitForReplies();
            long drainStarted = System.nanoTime();
            boolean allArrived = waitForEvents();
            double drainWaited = (System.nanoTime() - drainStarted) / 1e9;

            StreamLatencyResult result = collect(start, scheduleEnd, probes);
            out.print(result.report(options.targetP99Millis));
            if (!allArrived) {
                out.printf(Locale.ROOT, "waited %.1f s after the last reply for the missing events (--drain)%n", drainWaited);
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    private URI startSandbox() throws IOException {
        sandbox = BenchSandbox.start(options.dataDir, accounts, "papi-sandbox-stream", out);
        return sandbox.url();
    }

    /** Two event loops: one for the REST connections, one for the user streams (--one-loop: one for both). */
    private void startContexts() throws Exception {
        List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        vertx.deployVerticle(() -> context -> {
            contexts.add(context);
            return Future.succeededFuture();
        }, new DeploymentOptions().setInstances(2)).await(30, TimeUnit.SECONDS);
        httpContext = contexts.get(0);
        wsContext = contexts.get(options.oneLoop ? 0 : 1);
    }

    private CompletableFuture<Void> connectHttp(URI url) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        httpContext.runOnContext(v -> {
            List<Future<HttpClientConnection>> opening = new ArrayList<>();
            for (int i = 0; i < options.connections; i++) {
                opening.add(http.connect(new HttpConnectOptions().setHost(url.getHost()).setPort(url.getPort())));
            }
            Future.all(opening).onComplete(all -> {
                if (all.failed()) {
                    done.completeExceptionally(all.cause());
                    return;
                }
                for (Future<HttpClientConnection> f : opening) {
                    HttpClientConnection c = f.result();
                    idle.add(c);
                    c.closeHandler(x -> connections--);
                }
                connections = idle.size();
                done.complete(null);
            });
        });
        return done;
    }

    private CompletableFuture<String> listenKey(int account) {
        CompletableFuture<String> key = new CompletableFuture<>();
        BenchAccount a = accounts.get(account);
        httpContext.runOnContext(v -> {
            HttpClientConnection c = idle.poll();
            send(c, HttpMethod.POST, LISTEN_KEY_PATH, a.apiKey, r -> {
                idle.add(c);
                if (r.status != 200) {
                    key.completeExceptionally(new IllegalStateException("POST " + LISTEN_KEY_PATH + " for " + a.apiKey + ": HTTP "
                            + r.status + " " + r.body));
                } else {
                    key.complete(new JsonObject(r.body).getString("listenKey"));
                }
            });
        });
        return key;
    }

    private CompletableFuture<Void> connectStream(URI url, int account, String listenKey) {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        String name = accounts.get(account).apiKey;
        wsContext.runOnContext(v -> {
            ClientWebSocket ws = wsClient.webSocket();
            ws.textMessageHandler(this::onEvent);
            ws.closeHandler(x -> streamClosures.add(name + ": closed by the server, code " + ws.closeStatusCode()
                    + " " + ws.closeReason()));
            ws.exceptionHandler(e -> streamClosures.add(name + ": " + e));
            ws.connect(url.getPort(), url.getHost(), "/pm/ws/" + listenKey).onComplete(ar -> {
                if (ar.succeeded()) connected.complete(null);
                else connected.completeExceptionally(ar.cause());
            });
        });
        return connected;
    }

    /** The WebSocket loop: the arrival time first, then just enough parsing to match the event. */
    private void onEvent(String text) {
        long now = System.nanoTime();
        if (!text.startsWith(ORDER_EVENT)) {
            otherEvents.incrementAndGet();
            return;
        }
        int x = text.indexOf("\"x\":\"");
        int xEnd = x < 0 ? -1 : text.indexOf('"', x + 5);
        int i = xEnd < 0 ? -1 : text.indexOf("\"i\":", xEnd);
        long orderId = i < 0 ? -1 : digits(text, i + 4);
        if (orderId < 0) {
            otherOrderEvents.incrementAndGet();
            return;
        }
        if (text.startsWith("NEW\"", x + 5)) {
            if (newEvents.putIfAbsent(orderId, now) != null) duplicateEvents.incrementAndGet();
        } else if (text.startsWith("CANCELED\"", x + 5)) {
            if (!newEvents.containsKey(orderId)) canceledBeforeNew.incrementAndGet();
            if (canceledEvents.putIfAbsent(orderId, now) != null) duplicateEvents.incrementAndGet();
        } else {
            otherOrderEvents.incrementAndGet();
        }
    }

    private static long digits(String s, int from) {
        long v = 0;
        int j = from;
        if (j >= s.length() || !Character.isDigit(s.charAt(j))) return -1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) v = v * 10 + (s.charAt(j++) - '0');
        return v;
    }

    /**
     * Before the schedule: place and cancel single orders of the account until one's NEW comes back, so the
     * server has registered the stream (the upgrade completes before it does). Returns the probes' order ids.
     */
    private Set<Long> awaitStreamLive(int account) throws Exception {
        Set<Long> ids = new HashSet<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Op probe = new Op(-1, System.nanoTime(), false);
            probe.account = account;
            probe.done = new CompletableFuture<>();
            httpContext.runOnContext(v -> {
                inFlight++;
                start(idle.poll(), probe);
            });
            probe.done.get(10, TimeUnit.SECONDS);
            if (probe.orderId < 0) throw new IllegalStateException("probe order of " + accounts.get(account).apiKey + " failed: " + errors);
            ids.add(probe.orderId);
            long wait = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < wait) {
                if (newEvents.containsKey(probe.orderId)) return ids;
                Thread.sleep(1);
            }
        }
        throw new IllegalStateException("the user stream of " + accounts.get(account).apiKey + " delivered no event within 10 s");
    }

    /**
     * The open-loop schedule on this thread: order k is planned at start + k / rate and handed to the HTTP
     * loop when due. Returns the schedule's start.
     */
    private long schedule() {
        int warmup = (int) Math.round(options.rate * options.warmupSeconds);
        int total = warmup + (int) Math.max(1, Math.round(options.rate * options.durationSeconds));
        double interval = 1e9 / options.rate;
        long start = System.nanoTime() + 1_000_000;
        scheduleStartWall = java.time.Instant.now().plusMillis(1);
        Op[] planned = new Op[total];
        for (int k = 0; k < total; k++) planned[k] = new Op(k, start + (long) (k * interval), k >= warmup);
        CompletableFuture<Void> installed = new CompletableFuture<>();
        httpContext.runOnContext(v -> {
            ops = planned;
            installed.complete(null);
        });
        installed.join();
        int next = 0;
        while (next < total) {
            long now = System.nanoTime();
            int dueUpTo = now < start ? 0 : (int) Math.min(total, (long) ((now - start) / interval) + 1);
            if (dueUpTo > next) {
                int from = next;
                httpContext.runOnContext(v -> due(from, dueUpTo));
                next = dueUpTo;
            }
            if (next < total) {
                long sleep = start + (long) (next * interval) - System.nanoTime();
                if (sleep > 0) LockSupport.parkNanos(sleep);
            }
        }
        httpContext.runOnContext(v -> {
            scheduleDone = true;
            checkDone();
        });
        return start;
    }

    /** HTTP loop: orders {@code from <= k < to} are due. */
    private void due(int from, int to) {
        long now = System.nanoTime();
        for (int k = from; k < to; k++) {
            Op op = ops[k];
            op.pickedUp = now;
            if (op.measured && now - op.planned > options.lagThresholdMicros * 1000) lateOps++;
            op.account = accountCursor;
            accountCursor = accountCursor + 1 == accounts.size() ? 0 : accountCursor + 1;
            inFlight++;
            HttpClientConnection c = idle.poll();
            if (c != null) {
                start(c, op);
            } else {
                queued.add(k);
                if (op.measured) waitedForConnection++;
                maxQueued = Math.max(maxQueued, queued.size());
            }
        }
    }

    /** HTTP loop: the place, and on its reply the cancel of that orderId on the same connection. */
    private void start(HttpClientConnection c, Op op) {
        BenchAccount a = accounts.get(op.account);
        send(c, HttpMethod.POST, ORDER_PATH + "?" + a.signed(placeQuery()), a.apiKey, r -> {
            long orderId = r.status == 200 ? Worker.orderId(r.body) : -1;
            op.placeReply = r.at;
            if (orderId < 0) {
                error("place: " + error(r));
                finish(c, op);
                return;
            }
            op.orderId = orderId;
            String query = "symbol=" + options.symbol + "&orderId=" + orderId + "&timestamp=" + System.currentTimeMillis();
            op.cancelSent = System.nanoTime();
            send(c, HttpMethod.DELETE, ORDER_PATH + "?" + a.signed(query), a.apiKey, r2 -> {
                op.cancelReply = r2.at;
                op.cancelOk = r2.status == 200;
                if (!op.cancelOk) error("cancel: " + error(r2));
                finish(c, op);
            });
        });
    }

    private void finish(HttpClientConnection c, Op op) {
        if (abandoned) return;
        inFlight--;
        if (op.done != null) op.done.complete(op);
        if (!queued.isEmpty()) start(c, ops[(int) queued.poll()]);
        else idle.add(c);
        checkDone();
    }

    private void checkDone() {
        if (scheduleDone && inFlight == 0 && queued.isEmpty() && !abandoned) httpDone.complete(null);
    }

    private void error(String what) {
        errors.merge(what, 1L, Long::sum);
    }

    private void waitForReplies() throws Exception {
        try {
            httpDone.get((long) (options.drainSeconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            httpContext.runOnContext(v -> {
                unfinished = inFlight;
                abandoned = true;
                stopped.complete(null);
            });
            stopped.get(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until every answered place has its NEW and every cancel its CANCELED, or --drain runs out. */
    private boolean waitForEvents() throws InterruptedException {
        long deadline = System.nanoTime() + (long) (options.drainSeconds * 1e9);
        while (true) {
            boolean all = true;
            for (Op op : ops) {
                if (op.orderId >= 0 && !newEvents.containsKey(op.orderId)
                        || op.cancelOk && !canceledEvents.containsKey(op.orderId)) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
    }

    private StreamLatencyResult collect(long start, long scheduleEnd, Set<Long> probes) throws Exception {
        // read the HTTP loop's counters on that loop
        CompletableFuture<long[]> counters = new CompletableFuture<>();
        CompletableFuture<Map<String, Long>> errorCopy = new CompletableFuture<>();
        httpContext.runOnContext(v -> {
            counters.complete(new long[]{lateOps, waitedForConnection, maxQueued, unfinished});
            errorCopy.complete(new TreeMap<>(errors));
        });
        long[] c = counters.get(10, TimeUnit.SECONDS);
        StreamLatencyResult r = new StreamLatencyResult(options.rate, options.durationSeconds, options.lagThresholdMicros);
        r.lateOps = c[0];
        r.waitedForConnection = c[1];
        r.maxQueued = c[2];
        r.unfinished = c[3];
        r.errors.putAll(errorCopy.get(10, TimeUnit.SECONDS));
        r.gcCalibration = gcPauses.calibration();
        r.scheduleStart = scheduleStartWall;
        long measuredFrom = Long.MAX_VALUE;
        for (Op op : ops) if (op.measured) measuredFrom = Math.min(measuredFrom, op.planned);
        List<GcPauses.Pause> pauses = gcPauses.since(measuredFrom);
        for (GcPauses.Pause p : pauses) if (p.startNanos() <= scheduleEnd) r.gcPauses.add(p);
        Set<Long> ours = new HashSet<>(probes);
        List<long[]> newSamples = new ArrayList<>();
        List<long[]> canceledSamples = new ArrayList<>();
        for (Op op : ops) {
            if (op.orderId >= 0) ours.add(op.orderId);
            if (!op.measured) continue;
            r.planned++;
            if (op.pickedUp - op.planned > options.lagThresholdMicros * 1000 && overlaps(pauses, op.planned, op.pickedUp)) r.lateOpsInGc++;
            if (op.placeReply != 0) r.placeReplies.add(op.placeReply - op.planned);
            if (op.orderId < 0) continue;
            r.placed++;
            Long newAt = newEvents.get(op.orderId);
            if (newAt == null) {
                r.newMissing++;
            } else {
                long latency = newAt - op.placeReply;
                newSamples.add(new long[]{latency, op.planned - start});
                r.newFromPlanned.add(newAt - op.planned);
                if (latency < 0) r.newEarly++;
                if (Math.abs(latency) > SLOW_NANOS && overlaps(pauses, op.planned, Math.max(newAt, op.placeReply))) r.newSlowInGc++;
            }
            if (op.cancelReply != 0) r.cancelReplies.add(op.cancelReply - op.cancelSent);
            if (!op.cancelOk) continue;
            r.cancelled++;
            Long canceledAt = canceledEvents.get(op.orderId);
            if (canceledAt == null) {
                r.canceledMissing++;
            } else {
                long latency = canceledAt - op.cancelReply;
                canceledSamples.add(new long[]{latency, op.planned - start});
                if (latency < 0) r.canceledEarly++;
                if (Math.abs(latency) > SLOW_NANOS && overlaps(pauses, op.cancelSent, Math.max(canceledAt, op.cancelReply))) {
                    r.canceledSlowInGc++;
                }
            }
        }
        r.newLatency = StreamLatencyResult.Samples.of(newSamples);
        r.canceledLatency = StreamLatencyResult.Samples.of(canceledSamples);
        for (Long id : newEvents.keySet()) if (!ours.contains(id)) r.foreignEvents++;
        for (Long id : canceledEvents.keySet()) if (!ours.contains(id)) r.foreignEvents++;
        r.duplicateEvents = duplicateEvents.get();
        r.canceledBeforeNew = canceledBeforeNew.get();
        r.otherOrderEvents = otherOrderEvents.get();
        r.otherEvents = otherEvents.get();
        r.streamClosures.addAll(streamClosures);
        return r;
    }

    private static boolean overlaps(List<GcPauses.Pause> pauses, long from, long to) {
        for (GcPauses.Pause p : pauses) if (p.overlaps(from, to, GC_MARGIN_NANOS)) return true;
        return false;
    }

    /** LIMIT GTC for 1 contract, far from the other side: bids at or below 50,000.0, asks from 70,000.0. */
    private String placeQuery() {
        boolean buy = random.nextBoolean();
        int k = random.nextInt(10_000);
        long units = buy ? 500_000 - k : 700_000 + k;
        return "symbol=" + options.symbol + "&side=" + (buy ? "BUY" : "SELL") + "&type=LIMIT&timeInForce=GTC&quantity=1&price="
                + (units / 10) + "." + (units % 10) + "&timestamp=" + System.currentTimeMillis();
    }

    /** HTTP loop: one request; {@code then} gets the nanoTime at which the whole reply had arrived. */
    private void send(HttpClientConnection c, HttpMethod method, String uri, String apiKey, java.util.function.Consumer<Reply> then) {
        RequestOptions request = new RequestOptions().setMethod(method).setURI(uri);
        if (apiKey != null) request.putHeader("X-MBX-APIKEY", apiKey);
        c.request(request)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> new Reply(System.nanoTime(), response.statusCode(), body)))
                .onComplete(ar -> then.accept(ar.succeeded() ? ar.result()
                        : new Reply(System.nanoTime(), -1, Buffer.buffer(String.valueOf(ar.cause())))));
    }

    private static String error(Reply r) {
        return BenchSandbox.error(r.status, r.body);
    }

    private static String machine() {
        String load;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            load = "load average " + fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            load = "load average unknown";
        }
        List<String> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) collectors.add(gc.getName());
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", " + load
                + ", this JVM's collectors " + collectors;
    }

    @Override
    public void close() {
        try {
            wsClient.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        try {
            http.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        if (sandbox != null) sandbox.close();
        gcPauses.close();
    }
}
