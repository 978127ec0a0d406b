package com.papisandbox.server.stream;

import com.papisandbox.engine.Engine;
import com.papisandbox.server.EngineThread;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The PM user data stream, {@code /pm/ws/<listenKey>} (spec-next §4.2). Events leave the engine thread only
 * once their command is durable ({@link EngineThread#afterDurable}), in engine order, and are rendered and
 * sent on a thread of their own, so neither the engine nor the REST edge ever waits for a socket. Each
 * connection may hold {@link #MAX_UNSENT_BYTES} (configurable) of unsent frames; a consumer that falls further behind is
 * disconnected (close code 1008), and the others never notice. Binance's connection rules run on the
 * sandbox clock ({@link Keepalive}).
 */
public final class UserStreams implements AutoCloseable {
    public static final String PATH = "/pm/ws/";
    static final String COMBINED_PATH = "/pm/stream";
    /** The default bound of unsent frames per connection (SandboxConfig.withStreamBufferBytes). */
    public static final int MAX_UNSENT_BYTES = 4 * 1024 * 1024;
    private static final short POLICY_VIOLATION = StreamConnection.POLICY_VIOLATION;
    private static final short NORMAL = StreamConnection.NORMAL;

    private final ListenKeys keys;
    private final LongSupplier clock;
    private final int maxUnsentBytes;
    private final UserEventProjector projector;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "user-stream");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, List<Subscription>> byAccount = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> aliases = new ConcurrentHashMap<>();
    private Vertx vertx;
    private long timer = -1;

    private UserStreams(java.util.function.Supplier<Engine> engines, ListenKeys keys, LongSupplier clock, int maxUnsentBytes) {
        this.keys = keys;
        this.clock = clock;
        this.maxUnsentBytes = maxUnsentBytes;
        this.projector = new UserEventProjector(engines, keys);
    }

    /**
     * Follows the engine from now on: call before the engine thread starts and after recovery, so a replay
     * of the journal publishes nothing.
     */
    public static UserStreams attach(EngineThread thread, ListenKeys keys, LongSupplier clock, int maxUnsentBytes) {
        UserStreams streams = new UserStreams(thread::engine, keys, clock, maxUnsentBytes);
        thread.listen(streams.projector);
        thread.afterDurable(streams::published);
        return streams;
    }

    /** Starts the connection timer (keepalive pings, lapsed keys, the 24-hour limit) on Vert.x. */
    public void start(Vertx vertx) {
        this.vertx = vertx;
        timer = vertx.setPeriodic(1_000, id -> sweep());
    }

    /** Engine thread, after each durable batch: hands its events to the sender. */
    private void published() {
        // uniMMR moves with every price: looked at for the followed accounts after every durable batch (one
        // portfolio computation per listening account; nothing when nobody listens)
        projector.checkRiskLevels();
        List<UserEvent> batch = projector.drain();
        if (!batch.isEmpty()) sender.execute(() -> deliver(batch));
    }

    private void deliver(List<UserEvent> batch) {
        for (UserEvent event : batch) {
            List<Subscription> subscriptions = byAccount.get(event.accountId());
            if (subscriptions == null || subscriptions.isEmpty()) continue;
            String text = UserEventJson.render(event, alias(event.accountId()));
            for (Subscription s : subscriptions) s.connection().send(s.key(), text);
        }
    }

    /**
     * True for the user stream's paths: {@code /pm/ws/<listenKey>}, and {@code /pm/stream[?streams=<key>/…]},
     * the combined form Binance's own connectors use (listen keys subscribed like market streams, events
     * wrapped as {@code {"stream":<listenKey>,"data":…}}).
     */
    static boolean serves(String path) {
        return (path.startsWith(PATH) && path.length() > PATH.length()) || path.equals(COMBINED_PATH);
    }

    /**
     * A new connection. {@code /pm/ws/<key>}: a valid key joins its account's stream; an unknown or lapsed key
     * is closed at once. {@code /pm/stream}: the keys of its URL, then of its SUBSCRIBE messages.
     */
    public void connected(ServerWebSocket ws) {
        long now = clock.getAsLong();
        boolean combined = ws.path().equals(COMBINED_PATH);
        Connection c = new Connection(ws, Vertx.currentContext(), combined, now);
        if (!combined) {
            ListenKeys.Key key = keys.find(ws.path().substring(PATH.length()), now);
            if (key == null) {
                ws.close(POLICY_VIOLATION, "invalid listen key");
                return;
            }
            subscribe(c, key);
        } else if (ws.query() != null && ws.query().startsWith("streams=")) {
            for (String name : ws.query().substring(8).split("/")) {
                ListenKeys.Key key = keys.find(name, now);
                if (key != null) subscribe(c, key);
            }
        }
        ws.setWriteQueueMaxSize(maxUnsentBytes);
        ws.pongHandler(data -> c.keepalive.ponged());
        ws.textMessageHandler(text -> {
            if (combined) c.received(text);
        });
        ws.closeHandler(v -> remove(c));
        connections.add(c);
    }

    private void subscribe(Connection c, ListenKeys.Key key) {
        if (c.keys.add(key.key())) {
            byAccount.computeIfAbsent(key.accountId(), id -> new CopyOnWriteArrayList<>()).add(new Subscription(c, key.key(), key.accountId()));
        }
    }

    private void unsubscribe(Connection c, String key) {
        if (!c.keys.remove(key)) return;
        for (List<Subscription> list : byAccount.values()) list.removeIf(s -> s.connection() == c && s.key().equals(key));
    }

    /** DELETE listenKey: a /pm/ws connection on it closes; a combined one only loses the key. */
    public void keyClosed(ListenKeys.Key key) {
        for (Subscription s : subscriptions(key.accountId())) {
            if (!s.key().equals(key.key())) continue;
            if (s.connection().combined) unsubscribe(s.connection(), key.key());
            else s.connection().close(NORMAL, "listen key closed");
        }
    }

    /** Once a second: lapsed keys get listenKeyExpired (and a /pm/ws connection closes); keepalive rules. */
    private void sweep() {
        long now = clock.getAsLong();
        for (ListenKeys.Key lapsed : keys.expire(now)) {
            String expired = UserEventJson.listenKeyExpired(now);
            // after the events already queued for the account, so nothing follows the expiry notice
            sender.execute(() -> {
                for (Subscription s : subscriptions(lapsed.accountId())) {
                    if (!s.key().equals(lapsed.key())) continue;
                    s.connection().send(s.key(), expired);
                    if (s.connection().combined) unsubscribe(s.connection(), s.key());
                    else s.connection().close(NORMAL, "listen key expired");
                }
            });
        }
        for (Connection c : connections) c.keepAlive(now);
    }

    private List<Subscription> subscriptions(long accountId) {
        return byAccount.getOrDefault(accountId, List.of());
    }

    private void remove(Connection c) {
        connections.remove(c);
        for (List<Subscription> list : byAccount.values()) list.removeIf(s -> s.connection() == c);
    }

    /** Binance's account alias is 16 letters, stable per account: here derived from the account id. */
    private String alias(long accountId) {
        return aliases.computeIfAbsent(accountId, UserStreams::deriveAlias);
    }

    public static String deriveAlias(long accountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("papi-sandbox account " + accountId).getBytes(StandardCharsets.UTF_8));
            StringBuilder alias = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                int v = (digest[i] & 0xff) % 52;
                alias.append((char) (v < 26 ? 'A' + v : 'a' + v - 26));
            }
            return alias.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connections open now (for tests and the admin view). */
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
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connection's interest in one listen key (a /pm/ws connection has exactly one). */
    private record Subscription(Connection connection, String key, long accountId) {
    }

    /** One socket; every write and check runs on its own event loop. */
    private final class Connection extends StreamConnection {
        final boolean combined;
        final Set<String> keys = ConcurrentHashMap.newKeySet();

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
            remove(this);
        }

        void send(String key, String event) {
            write(combined ? wrapped(key, event) : event);
        }

        /** SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS of listen keys on {@code /pm/stream} (event loop). */
        void received(String text) {
            ControlRequest request = controlRequest(text);
            if (request == null) return;
            switch (request.method()) {
                case "SUBSCRIBE", "UNSUBSCRIBE" -> {
                    io.vertx.core.json.JsonArray names = request.names();
                    if (names == null) {
                        ws.writeTextMessage(request.reply("{\"code\":2,\"msg\":\"Invalid request: params must be a list of stream names\"}"));
                        return;
                    }
                    long now = clock.getAsLong();
                    for (Object name : names) {
                        if (request.method().equals("UNSUBSCRIBE")) {
                            unsubscribe(this, (String) name);
                        } else {
                            ListenKeys.Key key = keys().find((String) name, now);
                            if (key != null) subscribe(this, key);
                        }
                    }
                    ws.writeTextMessage(request.reply("{\"result\":null"));
                }
                case "LIST_SUBSCRIPTIONS" -> ws.writeTextMessage(request.reply("{\"result\":"
                        + new io.vertx.core.json.JsonArray(new java.util.ArrayList<>(keys)).encode()));
                default -> ws.writeTextMessage(request.unknownMethod());
            }
        }

        private ListenKeys keys() {
            return UserStreams.this.keys;
        }
    }
}
