package com.papisandbox.server.stream;

import com.papisandbox.server.EngineThread;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The COIN-M market streams (spec-next §6): raw {@code /ws[/<stream>/…]} and combined
 * {@code /stream[?streams=a/b]} connections, the SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY /
 * GET_PROPERTY messages, Binance's limits (1024 streams and 10 incoming messages a second per connection)
 * and connection rules ({@link Keepalive}). A publisher looks at the subscribed streams every 50 ms: one
 * engine read per look gathers every due stream's payloads (it completes only once what it saw is durable),
 * and a sender thread writes them to each subscriber; a connection more than its bound of unsent frames
 * behind is dropped, like the user stream's.
 */
public final class MarketStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MarketStreams.class);
    static final int MAX_STREAMS = 1024;
    private static final long TICK_MILLIS = MarketStreamName.REAL_TIME;
    private static final short POLICY_VIOLATION = StreamConnection.POLICY_VIOLATION;

    private final EngineThread engine;
    private final LongSupplier clock;
    private final int maxUnsentBytes;
    private final MarketStreamPayloads payloads = new MarketStreamPayloads();
    /** Stream name → its subscribers; a name's entry goes when its last subscriber leaves. */
    private final Map<String, Set<Connection>> subscribers = new ConcurrentHashMap<>();
    private final Set<Connection> connections = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(daemon("market-stream-publisher"));
    private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("market-stream-sender"));
    /** Streams that lost their last subscriber; their positions are dropped at the next look (engine thread). */
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    private long ticks;
    private volatile boolean looking;
    private Vertx vertx;
    private long timer = -1;

    public MarketStreams(EngineThread engine, LongSupplier clock, int maxUnsentBytes) {
        this.engine = engine;
        this.clock = clock;
        this.maxUnsentBytes = maxUnsentBytes;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    public void start(Vertx vertx) {
        this.vertx = vertx;
        timer = vertx.setPeriodic(1_000, id -> {
            long now = clock.getAsLong();
            for (Connection c : connections) c.keepAlive(now);
        });
        publisher.scheduleAtFixedRate(this::look, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** True for the paths this serves: {@code /ws}, {@code /ws/<streams>}, {@code /stream}. */
    static boolean serves(String path) {
        return path.equals("/ws") || (path.startsWith("/ws/") && path.length() > 4 && !path.endsWith("/")) || path.equals("/stream");
    }

    /** A new connection with the streams of its URL. */
    public void connected(ServerWebSocket ws) {
        boolean combined = ws.path().equals("/stream");
        List<String> initial = new ArrayList<>();
        if (combined) {
            String query = ws.query();
            if (query != null && query.startsWith("streams=")) initial.addAll(List.of(query.substring(8).split("/")));
        } else if (ws.path().length() > 4) {
            initial.addAll(List.of(ws.path().substring(4).split("/")));
        }
        initial.removeIf(String::isEmpty);
        if (initial.size() > MAX_STREAMS) {
            ws.close(POLICY_VIOLATION, "too many streams");
            return;
        }
        Connection c = new Connection(ws, Vertx.currentContext(), combined, clock.getAsLong());
        ws.setWriteQueueMaxSize(maxUnsentBytes);
        ws.pongHandler(data -> c.keepalive.ponged());
        ws.textMessageHandler(c::received);
        ws.closeHandler(v -> drop(c));
        connections.add(c);
        for (String name : initial) subscribe(c, name);
    }

    private void subscribe(Connection c, String name) {
        if (!c.streams.add(name)) return;
        boolean[] first = {false};
        subscribers.computeIfAbsent(name, n -> {
            first[0] = true;
            return new CopyOnWriteArraySet<>();
        }).add(c);
        if (first[0]) start(name);
    }

    /**
     * A stream's first subscriber: its position is taken now, in a read queued ahead of anything the client does
     * after the answer to its SUBSCRIBE (or after connecting), not at the publisher's next look.
     */
    private void start(String name) {
        MarketStreamName s = MarketStreamName.parse(name);
        if (s == null) return;
        long now = clock.getAsLong();
        // a refused read (engine busy or stopped) leaves it to the first look
        engine.read(e -> {
            payloads.start(e, s, now);
            return null;
        });
    }

    private void unsubscribe(Connection c, String name) {
        if (!c.streams.remove(name)) return;
        Set<Connection> set = subscribers.get(name);
        if (set == null) return;
        set.remove(c);
        if (set.isEmpty() && subscribers.remove(name, set)) abandoned.add(name);
    }

    private void drop(Connection c) {
        connections.remove(c);
        for (String name : List.copyOf(c.streams)) unsubscribe(c, name);
    }

    /** Every 50 ms: one engine read gathers the due streams' payloads; the sender writes them out. */
    private void look() {
        if (looking) return; // the engine has not answered the last look yet: skip rather than pile up
        long tick = ++ticks;
        List<MarketStreamName> due = new ArrayList<>();
        for (String name : subscribers.keySet()) {
            MarketStreamName s = MarketStreamName.parse(name);
            if (s != null && tick % Math.max(1, s.periodMillis() / TICK_MILLIS) == 0) due.add(s);
        }
        List<String> gone = new ArrayList<>(abandoned);
        abandoned.removeAll(gone);
        if (due.isEmpty() && gone.isEmpty()) return;
        looking = true;
        engine.read(e -> {
            // a stream subscribed again since it was abandoned keeps its position: its sequence goes on
            for (String name : gone) if (!subscribers.containsKey(name)) payloads.forget(name);
            long now = clock.getAsLong();
            List<Object[]> out = new ArrayList<>();
            for (MarketStreamName s : due) {
                List<String> p = payloads.payloads(e, s, now);
                if (!p.isEmpty()) out.add(new Object[]{s.name(), p});
            }
            return out;
        }).whenCompleteAsync((out, failure) -> {
            looking = false;
            if (failure != null) {
                log.debug("market stream look failed: {}", failure.toString());
                return;
            }
            // each event is wrapped once for all combined connections, and each connection gets one event-loop task
            // for the whole look: with 200 subscribers the fan-out was 200 string copies and 200 tasks per event
            Map<Connection, List<String>> frames = new java.util.IdentityHashMap<>();
            for (Object[] stream : out) {
                String name = (String) stream[0];
                @SuppressWarnings("unchecked") List<String> events = (List<String>) stream[1];
                Set<Connection> set = subscribers.get(name);
                if (set == null) continue;
                for (String event : events) {
                    String wrapped = null;
                    for (Connection c : set) {
                        String frame = event;
                        if (c.combined) frame = wrapped != null ? wrapped : (wrapped = StreamConnection.wrapped(name, event));
                        frames.computeIfAbsent(c, k -> new ArrayList<>()).add(frame);
                    }
                }
            }
            frames.forEach(StreamConnection::writeAll);
        }, sender);
    }

    /** Connections open now (for tests). */
    public int connectionCount() {
        return connections.size();
    }

    /** Until this System.nanoTime(), a stall fault holds every connection's frames back. */
    private volatile long stalledUntilNanos = System.nanoTime();

    /** A stall fault: for {@code millis} of real time no frame reaches a client (they are lost); pings go on. */
    public void stall(long millis) {
        stalledUntilNanos = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
    }

    boolean stalledNow() {
        return System.nanoTime() - stalledUntilNanos < 0;
    }

    /** Closes every connection with 1012 (service restart): after a reset or restore, clients reconnect and resync. */
    public void dropAll(String reason) {
        for (Connection c : connections) c.close((short) 1012, reason);
    }

    @Override
    public void close() {
        if (vertx != null && timer >= 0) vertx.cancelTimer(timer);
        publisher.shutdownNow();
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Connection extends StreamConnection {
        final Set<String> streams = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        volatile boolean combined;

        Connection(ServerWebSocket ws, Context context, boolean combined, long now) {
            super(ws, context, now);
            this.combined = combined;
        }

        @Override
        boolean stalled() {
            return stalledNow();
        }

        @Override
        void closed() {
            drop(this);
        }

        /** A control message (event loop). */
        void received(String text) {
            ControlRequest request = controlRequest(text);
            if (request == null) return;
            switch (request.method()) {
                case "SUBSCRIBE" -> changeSubscriptions(request, true);
                case "UNSUBSCRIBE" -> changeSubscriptions(request, false);
                case "LIST_SUBSCRIPTIONS" -> {
                    JsonArray names;
                    synchronized (streams) {
                        names = new JsonArray(new ArrayList<>(streams));
                    }
                    ws.writeTextMessage(request.reply("{\"result\":" + names.encode()));
                }
                case "SET_PROPERTY" -> setProperty(request);
                case "GET_PROPERTY" -> {
                    if (request.params() instanceof JsonArray a && a.size() == 1 && "combined".equals(a.getValue(0))) {
                        ws.writeTextMessage(request.reply("{\"result\":" + combined));
                    } else {
                        ws.writeTextMessage(request.reply("{\"code\":0,\"msg\":\"Unknown property\"}"));
                    }
                }
                default -> ws.writeTextMessage(request.unknownMethod());
            }
        }

        private void changeSubscriptions(ControlRequest request, boolean subscribe) {
            JsonArray names = request.names();
            if (names == null) {
                ws.writeTextMessage(request.reply("{\"code\":2,\"msg\":\"Invalid request: params must be a list of stream names\"}"));
                return;
            }
            if (subscribe) {
                Set<String> after = new LinkedHashSet<>(streams);
                for (Object n : names) after.add((String) n);
                if (after.size() > MAX_STREAMS) {
                    ws.writeTextMessage(request.reply("{\"code\":2,\"msg\":\"Invalid request: too many parameters\"}"));
                    return;
                }
            }
            for (Object n : names) {
                if (subscribe) subscribe(this, (String) n); else unsubscribe(this, (String) n);
            }
            ws.writeTextMessage(request.reply("{\"result\":null"));
        }

        private void setProperty(ControlRequest request) {
            String reply;
            if (!(request.params() instanceof JsonArray a) || a.size() != 2 || !(a.getValue(0) instanceof String property)) {
                reply = "{\"code\":2,\"msg\":\"Invalid request: property name must be a string\"}";
            } else if (!property.equals("combined")) {
                reply = "{\"code\":0,\"msg\":\"Unknown property\"}";
            } else if (!(a.getValue(1) instanceof Boolean value)) {
                reply = "{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\"}";
            } else {
                combined = value;
                reply = "{\"result\":null";
            }
            ws.writeTextMessage(request.reply(reply));
        }

    }
}
