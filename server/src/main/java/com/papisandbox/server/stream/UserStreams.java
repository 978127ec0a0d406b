package com.papisandbox.server.stream;

import com.papisandbox.engine.Engine;
import com.papisandbox.server.EngineThread;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
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
    private static final Logger log = LoggerFactory.getLogger(UserStreams.class);
    public static final String PATH = "/pm/ws/";
    /** The default bound of unsent frames per connection (SandboxConfig.withStreamBufferBytes). */
    public static final int MAX_UNSENT_BYTES = 4 * 1024 * 1024;
    private static final short POLICY_VIOLATION = 1008;
    private static final short NORMAL = 1000;

    private final ListenKeys keys;
    private final LongSupplier clock;
    private final int maxUnsentBytes;
    private final UserEventProjector projector;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "user-stream");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, List<Connection>> byAccount = new ConcurrentHashMap<>();
    private final Map<Long, String> aliases = new ConcurrentHashMap<>();
    private Vertx vertx;
    private long timer = -1;

    private UserStreams(Engine engine, ListenKeys keys, LongSupplier clock, int maxUnsentBytes) {
        this.keys = keys;
        this.clock = clock;
        this.maxUnsentBytes = maxUnsentBytes;
        this.projector = new UserEventProjector(engine, keys);
    }

    /**
     * Follows the engine from now on: call before the engine thread starts and after recovery, so a replay
     * of the journal publishes nothing.
     */
    public static UserStreams attach(Engine engine, EngineThread thread, ListenKeys keys, LongSupplier clock, int maxUnsentBytes) {
        UserStreams streams = new UserStreams(engine, keys, clock, maxUnsentBytes);
        engine.listen(streams.projector);
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
            List<Connection> connections = byAccount.get(event.accountId());
            if (connections == null || connections.isEmpty()) continue;
            String text = UserEventJson.render(event, alias(event.accountId()));
            for (Connection c : connections) c.send(text);
        }
    }

    /** True for the user stream's path, {@code /pm/ws/<listenKey>}. */
    static boolean serves(String path) {
        return path.startsWith(PATH) && path.length() > PATH.length();
    }

    /** A new connection: a valid key joins its account's stream; an unknown or lapsed key is closed at once. */
    public void connected(ServerWebSocket ws) {
        long now = clock.getAsLong();
        ListenKeys.Key key = keys.find(ws.path().substring(PATH.length()), now);
        if (key == null) {
            ws.close(POLICY_VIOLATION, "invalid listen key");
            return;
        }
        Connection c = new Connection(ws, Vertx.currentContext(), key.key(), key.accountId(), now);
        ws.setWriteQueueMaxSize(maxUnsentBytes);
        ws.pongHandler(data -> c.keepalive.ponged());
        ws.textMessageHandler(text -> { });
        ws.closeHandler(v -> remove(c));
        byAccount.computeIfAbsent(key.accountId(), id -> new CopyOnWriteArrayList<>()).add(c);
    }

    /** DELETE listenKey: the key's connections close. */
    public void keyClosed(ListenKeys.Key key) {
        for (Connection c : connections(key.accountId())) if (c.key.equals(key.key())) c.close(NORMAL, "listen key closed");
    }

    /** Once a second: lapsed keys get listenKeyExpired and close; pings; silent and day-old connections close. */
    private void sweep() {
        long now = clock.getAsLong();
        for (ListenKeys.Key lapsed : keys.expire(now)) {
            String expired = UserEventJson.listenKeyExpired(now);
            // after the events already queued for the account, so nothing follows the expiry notice
            sender.execute(() -> {
                for (Connection c : connections(lapsed.accountId())) {
                    if (c.key.equals(lapsed.key())) c.sendThenClose(expired);
                }
            });
        }
        for (List<Connection> list : byAccount.values()) {
            for (Connection c : list) c.keepAlive(now);
        }
    }

    private List<Connection> connections(long accountId) {
        return byAccount.getOrDefault(accountId, List.of());
    }

    private void remove(Connection c) {
        List<Connection> list = byAccount.get(c.accountId);
        if (list != null) list.remove(c);
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
        return byAccount.values().stream().mapToInt(List::size).sum();
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

    /** One socket; every write and check runs on its own event loop. */
    private final class Connection {
        final ServerWebSocket ws;
        final Context context;
        final String key;
        final long accountId;
        final Keepalive keepalive;

        Connection(ServerWebSocket ws, Context context, String key, long accountId, long now) {
            this.ws = ws;
            this.context = context;
            this.key = key;
            this.accountId = accountId;
            this.keepalive = new Keepalive(now);
        }

        void send(String text) {
            context.runOnContext(v -> {
                if (ws.isClosed()) return;
                if (ws.writeQueueFull()) {
                    log.info("user stream of account {} fell {} bytes behind: disconnected", accountId, maxUnsentBytes);
                    close(POLICY_VIOLATION, "too slow");
                    return;
                }
                ws.writeTextMessage(text);
            });
        }

        void sendThenClose(String text) {
            context.runOnContext(v -> {
                if (ws.isClosed()) return;
                ws.writeTextMessage(text);
                ws.close(NORMAL, "listen key expired");
            });
        }

        void keepAlive(long now) {
            context.runOnContext(v -> {
                if (ws.isClosed()) return;
                switch (keepalive.due(now)) {
                    case CLOSE_LIFETIME -> close(NORMAL, "connection lifetime of 24 hours reached");
                    case CLOSE_NO_PONG -> close(POLICY_VIOLATION, "no pong");
                    case PING -> ws.writePing(Buffer.buffer());
                    case NONE -> { }
                }
            });
        }

        void close(short code, String reason) {
            context.runOnContext(v -> {
                if (!ws.isClosed()) ws.close(code, reason);
                remove(this);
            });
        }
    }
}
