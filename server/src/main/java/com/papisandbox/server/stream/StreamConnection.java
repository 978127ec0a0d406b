package com.papisandbox.server.stream;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stream connection shares, user or market: writes on its own event loop, dropped as too slow
 * once its bound of unsent frames is full; Binance's keepalive rules ({@link Keepalive}); the 10-messages-a-
 * second limit and the parsing of control messages, with their error frames.
 */
abstract class StreamConnection {
    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);
    static final short POLICY_VIOLATION = 1008;
    static final short NORMAL = 1000;

    final ServerWebSocket ws;
    final Context context;
    final Keepalive keepalive;
    private final MessageRate rate = new MessageRate();

    StreamConnection(ServerWebSocket ws, Context context, long now) {
        this.ws = ws;
        this.context = context;
        this.keepalive = new Keepalive(now);
    }

    /** The connection is gone: drop it from the registries (event loop). */
    abstract void closed();

    /** True while a stall fault holds this connection's frames back (they are lost; pings go on). */
    abstract boolean stalled();

    /** An event as a combined stream wraps it. */
    static String wrapped(String stream, String event) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + event + "}";
    }

    /** Queues a frame; a connection that fell its whole bound behind is closed instead. */
    void write(String text) {
        if (stalled()) return;
        context.runOnContext(v -> writeNow(text));
    }

    /** Queues frames in order, in one task on the connection's event loop. */
    void writeAll(java.util.List<String> texts) {
        if (stalled()) return;
        context.runOnContext(v -> {
            for (String text : texts) if (!writeNow(text)) return;
        });
    }

    /** On the event loop: writes the frame, or closes a connection whose bound is full; false once it is gone. */
    private boolean writeNow(String text) {
        if (ws.isClosed()) return false;
        if (ws.writeQueueFull()) {
            log.info("a stream connection fell its bound of unsent frames behind: disconnected");
            close(POLICY_VIOLATION, "too slow");
            return false;
        }
        ws.writeTextMessage(text);
        return true;
    }

    /** The control message in {@code text}, or null when it was refused (answered, or the connection closed). */
    ControlRequest controlRequest(String text) {
        if (!rate.allow()) {
            close(POLICY_VIOLATION, "too many messages");
            return null;
        }
        Object parsed = ControlRequest.parse(text);
        if (parsed instanceof ControlRequest.Refused refused) {
            ws.writeTextMessage(refused.reply());
            if (refused.close()) close(POLICY_VIOLATION, "invalid JSON");
            return null;
        }
        return (ControlRequest) parsed;
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
            closed();
        });
    }
}
