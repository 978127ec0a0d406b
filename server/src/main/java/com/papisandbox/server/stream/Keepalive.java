package com.papisandbox.server.stream;

/**
 * Binance's WebSocket connection rules on the sandbox clock (spec-next §4.2, §6.1): a ping once 3 minutes
 * passed since the last, a close 10 minutes after a ping nobody answered (counted from the ping, so a test
 * clock moved forward by hand first sends one), and a close 24 hours after the connection opened. One per
 * connection, used from its event loop.
 */
final class Keepalive {
    static final long PING_EVERY_MS = 3 * 60_000L;
    static final long PONG_TIMEOUT_MS = 10 * 60_000L;
    static final long MAX_LIFETIME_MS = 24 * 60 * 60_000L;

    enum Action { NONE, PING, CLOSE_NO_PONG, CLOSE_LIFETIME }

    private final long openedAt;
    private long lastPing;
    /** A ping is out and no pong (solicited or not) has come back since. */
    private volatile boolean awaitingPong;

    Keepalive(long now) {
        this.openedAt = now;
        this.lastPing = now;
    }

    void ponged() {
        awaitingPong = false;
    }

    /** What the connection must do at {@code now}; PING marks the ping as sent. */
    Action due(long now) {
        if (now - openedAt >= MAX_LIFETIME_MS) return Action.CLOSE_LIFETIME;
        if (awaitingPong && now - lastPing > PONG_TIMEOUT_MS) return Action.CLOSE_NO_PONG;
        if (!awaitingPong && now - lastPing >= PING_EVERY_MS) {
            lastPing = now;
            awaitingPong = true;
            return Action.PING;
        }
        return Action.NONE;
    }
}
