package com.papisandbox.server.edge;

/**
 * The bounds that keep one client from holding the server: how long a request's head and body may take
 * to arrive from its first byte (or from the connection's opening), how long a keep-alive connection may
 * sit idle between requests, and how many connections (HTTP and WebSocket alike) one IP may hold.
 * Timeouts run on real time, not the sandbox clock: a frozen clock must not keep sockets open forever.
 */
public record ConnectionLimits(long requestTimeoutMillis, long idleTimeoutMillis, int maxConnectionsPerIp) {
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 256;

    public ConnectionLimits {
        if (requestTimeoutMillis < 1) throw new IllegalArgumentException("--request-timeout-ms must be at least 1");
        if (idleTimeoutMillis < 1) throw new IllegalArgumentException("--idle-timeout-ms must be at least 1");
        if (maxConnectionsPerIp < 1) throw new IllegalArgumentException("--max-connections-per-ip must be at least 1");
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_REQUEST_TIMEOUT_MILLIS, DEFAULT_IDLE_TIMEOUT_MILLIS, DEFAULT_MAX_CONNECTIONS_PER_IP);
    }
}
