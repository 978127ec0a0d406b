package com.papisandbox.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One client event loop: its connections, its accounts, its share of the schedule. Everything here runs
 * on the worker's Vert.x context, so nothing needs locking; the scheduler thread only posts work to it.
 */
final class Worker {
    private static final String ORDER_PATH = "/papi/v1/cm/order";
    private static final int MAX_OPEN_PER_ACCOUNT = 190;
    private static final int MIXED_OPEN_PER_ACCOUNT = 20;

    private record Reply(int status, Buffer body) {
    }

    private final class Conn {
        final HttpClientConnection http;
        boolean closed;

        Conn(HttpClientConnection http) {
            this.http = http;
            http.closeHandler(v -> closed = true);
        }
    }

    final int index;
    final Context context;
    private final HttpClientAgent client;
    private final List<BenchAccount> accounts;
    private final String symbol;
    private final SplittableRandom random;
    private final ArrayDeque<Conn> idle = new ArrayDeque<>();
    private final BenchAccount.LongQueue queued = new BenchAccount.LongQueue();
    private int accountCursor;
    private int connectionCount;

    // The current phase; replaced by begin().
    private Scenario scenario;
    private PhaseResult stats;
    private boolean closedLoop;
    private long closedLoopEnd;
    private long lagThresholdNanos;
    /** FILL: orders this worker still has to place. */
    private long fillQuota;
    private int inFlight;
    /** CANCEL: this worker's accounts have no resting order left; closed loop stops starting ops. */
    private boolean exhausted;
    private boolean scheduleDone;
    private long firstPlanned = Long.MAX_VALUE;
    private long lastCompletion;
    private CompletableFuture<PhaseResult> finished;

    Worker(int index, Context context, HttpClientAgent client, List<BenchAccount> accounts, String symbol) {
        this.index = index;
        this.context = context;
        this.client = client;
        this.accounts = accounts;
        this.symbol = symbol;
        this.random = new SplittableRandom(1000 + index);
    }

    /** Opens {@code count} keep-alive connections on this worker's event loop. */
    Future<Void> connect(String host, int port, int count) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            List<Future<HttpClientConnection>> opening = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) opening.add(client.connect(new HttpConnectOptions().setHost(host).setPort(port)));
            Future.all(opening).onComplete(all -> {
                if (all.failed()) {
                    done.fail(all.cause());
                    return;
                }
                for (Future<HttpClientConnection> f : opening) idle.add(new Conn(f.result()));
                connectionCount = idle.size();
                done.complete();
            });
        });
        return done.future();
    }

    /** Starts a phase; {@code closedLoopEnd} is 0 for open loop. */
    CompletableFuture<PhaseResult> begin(Scenario scenario, PhaseResult stats, long closedLoopEnd, long fillQuota,
                                         long lagThresholdMicros) {
        CompletableFuture<PhaseResult> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            this.scenario = scenario;
            this.stats = stats;
            this.closedLoop = closedLoopEnd > 0;
            this.closedLoopEnd = closedLoopEnd;
            this.fillQuota = fillQuota;
            this.lagThresholdNanos = lagThresholdMicros * 1000;
            this.scheduleDone = closedLoop;
            this.firstPlanned = Long.MAX_VALUE;
            this.lastCompletion = 0;
            this.finished = result;
            this.exhausted = false;
            if (closedLoop) {
                int n = idle.size();
                for (int i = 0; i < n && mayStartClosedLoopOp(); i++) startOp(idle.poll(), System.nanoTime());
            }
            checkFinished();
        });
        return result;
    }

    /** Open loop: ops {@code from <= i < to} of the schedule whose {@code i % workers == index} are due. */
    void due(long from, long to, int workers, long start, double intervalNanos) {
        context.runOnContext(v -> {
            long now = System.nanoTime();
            long first = from + Math.floorMod(index - from, workers);
            for (long i = first; i < to; i += workers) {
                long planned = start + (long) (i * intervalNanos);
                long lag = Math.max(0, now - planned);
                stats.planned++;
                stats.generatorLag.recordValue(Math.min(lag / 1000, PhaseResult.MAX_MICROS));
                if (lag > lagThresholdNanos) stats.lateOps++;
                Conn c = idle.poll();
                if (c != null) {
                    startOp(c, planned);
                } else {
                    queued.add(planned);
                    stats.waitedForConnection++;
                    stats.maxQueued = Math.max(stats.maxQueued, queued.size());
                }
            }
        });
    }

    /** Open loop: nothing more will be scheduled. */
    void scheduleDone() {
        context.runOnContext(v -> {
            scheduleDone = true;
            checkFinished();
        });
    }

    /** Gives up waiting: what is still queued or in flight counts as unfinished. */
    void abandon() {
        context.runOnContext(v -> {
            if (finished == null || finished.isDone()) return;
            stats.unfinished += queued.size() + inFlight;
            while (!queued.isEmpty()) queued.poll();
            complete();
        });
    }

    private boolean mayStartClosedLoopOp() {
        if (exhausted) return false;
        if (scenario == Scenario.FILL) return fillQuota > 0;
        return System.nanoTime() < closedLoopEnd;
    }

    private void startOp(Conn c, long planned) {
        if (planned < firstPlanned) firstPlanned = planned;
        if (closedLoop) stats.planned++;
        inFlight++;
        switch (scenario) {
            case PING -> ping(c, planned);
            case CANCEL_UNKNOWN -> cancelUnknown(c, planned);
            case PLACE_CANCEL -> placeThenCancel(c, planned);
            case CANCEL -> cancelResting(c, planned, nextAccountWithOpenOrder());
            case FILL -> {
                fillQuota--;
                place(c, planned, nextAccountWithRoom(MAX_OPEN_PER_ACCOUNT), true);
            }
            case MIXED -> mixed(c, planned);
        }
    }

    private void ping(Conn c, long planned) {
        send(c, HttpMethod.GET, "/papi/v1/ping", null, r -> done(c, planned, r.status == 200 ? null : error(r)));
    }

    private void cancelUnknown(Conn c, long planned) {
        BenchAccount a = nextAccount();
        long orderId = 1 + random.nextLong(99_999_999L); // below the engine's first order id: never exists
        String query = "symbol=" + symbol + "&orderId=" + orderId + "&timestamp=" + System.currentTimeMillis();
        send(c, HttpMethod.DELETE, ORDER_PATH + "?" + a.signed(query), a.apiKey, r ->
                done(c, planned, r.status == 400 && r.body.toString().contains("\"code\":-2011") ? null : error(r)));
    }

    private void placeThenCancel(Conn c, long planned) {
        BenchAccount a = nextAccountWithRoom(MAX_OPEN_PER_ACCOUNT);
        a.placesInFlight++;
        send(c, HttpMethod.POST, ORDER_PATH + "?" + a.signed(placeQuery()), a.apiKey, r -> {
            a.placesInFlight--;
            long orderId = r.status == 200 ? orderId(r.body) : -1;
            if (orderId < 0) {
                done(c, planned, "place: " + error(r));
                return;
            }
            String query = "symbol=" + symbol + "&orderId=" + orderId + "&timestamp=" + System.currentTimeMillis();
            send(c, HttpMethod.DELETE, ORDER_PATH + "?" + a.signed(query), a.apiKey,
                    r2 -> done(c, planned, r2.status == 200 ? null : "cancel: " + error(r2)));
        });
    }

    private void place(Conn c, long planned, BenchAccount a, boolean keep) {
        a.placesInFlight++;
        send(c, HttpMethod.POST, ORDER_PATH + "?" + a.signed(placeQuery()), a.apiKey, r -> {
            a.placesInFlight--;
            long orderId = r.status == 200 ? orderId(r.body) : -1;
            if (orderId >= 0 && keep) a.open.add(orderId);
            done(c, planned, orderId >= 0 ? null : "place: " + error(r));
        });
    }

    private void cancelResting(Conn c, long planned, BenchAccount a) {
        if (a == null) {
            // Asynchronously, so a run of these cannot recurse through done() -> startOp().
            exhausted = true;
            context.runOnContext(v -> done(c, planned, "no resting order left to cancel (raise --prefill)"));
            return;
        }
        long orderId = a.open.poll();
        String query = "symbol=" + symbol + "&orderId=" + orderId + "&timestamp=" + System.currentTimeMillis();
        send(c, HttpMethod.DELETE, ORDER_PATH + "?" + a.signed(query), a.apiKey,
                r -> done(c, planned, r.status == 200 ? null : "cancel: " + error(r)));
    }

    private void mixed(Conn c, long planned) {
        BenchAccount a = nextAccount();
        double p = random.nextDouble();
        boolean roomToPlace = a.open.size() + a.placesInFlight < MIXED_OPEN_PER_ACCOUNT;
        if (p < 0.40 && roomToPlace || p < 0.80 && a.open.isEmpty() && roomToPlace) {
            place(c, planned, a, true);
        } else if (p < 0.80 && !a.open.isEmpty()) {
            cancelResting(c, planned, a);
        } else if (p < 0.95 && !a.open.isEmpty()) {
            String query = "symbol=" + symbol + "&orderId=" + a.open.peek() + "&timestamp=" + System.currentTimeMillis();
            send(c, HttpMethod.GET, ORDER_PATH + "?" + a.signed(query), a.apiKey,
                    r -> done(c, planned, r.status == 200 ? null : "query: " + error(r)));
        } else {
            ping(c, planned);
        }
    }

    /** LIMIT GTC for 1 contract, far from any price the other side uses: bids at or below 50,000.0, asks from 70,000.0. */
    private String placeQuery() {
        boolean buy = random.nextBoolean();
        int k = random.nextInt(10_000);
        long units = buy ? 500_000 - k : 700_000 + k;
        return "symbol=" + symbol + "&side=" + (buy ? "BUY" : "SELL") + "&type=LIMIT&timeInForce=GTC&quantity=1&price="
                + (units / 10) + "." + (units % 10) + "&timestamp=" + System.currentTimeMillis();
    }

    private BenchAccount nextAccount() {
        BenchAccount a = accounts.get(accountCursor);
        accountCursor = accountCursor + 1 == accounts.size() ? 0 : accountCursor + 1;
        return a;
    }

    private BenchAccount nextAccountWithRoom(int maxOpen) {
        for (int tries = 0; tries < accounts.size(); tries++) {
            BenchAccount a = nextAccount();
            if (a.open.size() + a.placesInFlight < maxOpen) return a;
        }
        throw new IllegalStateException("every account of worker " + index + " has " + maxOpen
                + " open orders: use more accounts (--accounts)");
    }

    private BenchAccount nextAccountWithOpenOrder() {
        for (int tries = 0; tries < accounts.size(); tries++) {
            BenchAccount a = nextAccount();
            if (!a.open.isEmpty()) return a;
        }
        return null;
    }

    private void send(Conn c, HttpMethod method, String uri, String apiKey, Consumer<Reply> then) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(uri);
        if (apiKey != null) options.putHeader("X-MBX-APIKEY", apiKey);
        c.http.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)))
                .onComplete(ar -> then.accept(ar.succeeded() ? ar.result()
                        : new Reply(-1, Buffer.buffer(String.valueOf(ar.cause())))));
    }

    private void done(Conn c, long planned, String error) {
        long now = System.nanoTime();
        inFlight--;
        stats.completed++;
        stats.latency.recordValue(Math.min(Math.max(0, now - planned) / 1000, PhaseResult.MAX_MICROS));
        if (error != null) {
            stats.errors++;
            stats.errorCounts.merge(error, 1L, Long::sum);
        }
        lastCompletion = now;
        if (c.closed) {
            connectionCount--;
        } else if (closedLoop) {
            if (mayStartClosedLoopOp()) startOp(c, System.nanoTime()); else idle.add(c);
        } else if (!queued.isEmpty()) {
            startOp(c, queued.poll());
        } else {
            idle.add(c);
        }
        checkFinished();
    }

    private void checkFinished() {
        if (finished == null || finished.isDone()) return;
        if (closedLoop && mayStartClosedLoopOp() && connectionCount > 0) return;
        if (!scheduleDone || inFlight > 0 || !queued.isEmpty()) return;
        complete();
    }

    private void complete() {
        stats.elapsedNanos = firstPlanned == Long.MAX_VALUE ? 0 : lastCompletion - firstPlanned;
        finished.complete(stats);
    }

    private static String error(Reply r) {
        return BenchSandbox.error(r.status, r.body);
    }

    /** The {@code orderId} of a new-order reply, or -1. */
    static long orderId(Buffer body) {
        String s = body.toString();
        int i = s.indexOf("\"orderId\":");
        if (i < 0) return -1;
        long v = 0;
        int j = i + 10;
        if (j >= s.length() || !Character.isDigit(s.charAt(j))) return -1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) v = v * 10 + (s.charAt(j++) - '0');
        return v;
    }

    int accountCount() {
        return accounts.size();
    }

    int connections() {
        return connectionCount;
    }

    Future<Void> close() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            List<Future<Void>> closing = new java.util.ArrayList<>();
            for (Conn c : idle) closing.add(c.http.close());
            Future.join(closing).onComplete(x -> done.complete());
        });
        return done.future();
    }
}
