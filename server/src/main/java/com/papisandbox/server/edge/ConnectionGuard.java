package com.papisandbox.server.edge;

import io.netty.channel.Channel;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server's connection handler: counts each IP's open connections (a WebSocket is the HTTP
 * connection it was upgraded from, so it stays counted until it closes) and closes one past the cap at
 * once, and puts {@link RequestDeadlines} in every connection's pipeline. Shared by all the server's
 * event loops.
 */
public final class ConnectionGuard {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);
    /** The name of the deadlines handler, just before Vert.x's own at the end of the pipeline. */
    static final String DEADLINES = "papi-deadlines";
    static final String FIRST_BYTE = "papi-first-byte";

    private final ConnectionLimits limits;
    /** Open connections by IP; updated only inside {@code compute}, atomic per IP, once per connection. */
    private final ConcurrentMap<String, Integer> openByIp = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    public ConnectionGuard(ConnectionLimits limits) {
        this.limits = limits;
    }

    public void connected(HttpConnection connection) {
        // Vert.x's HTTP connections are its Netty connections; the channel is where the bounds live
        Channel channel = ((ConnectionBase) connection).channel();
        String ip = connection.remoteAddress() == null ? "local" : connection.remoteAddress().host();
        boolean[] admitted = {false};
        openByIp.compute(ip, (k, open) -> {
            int now = open == null ? 0 : open;
            if (now >= limits.maxConnectionsPerIp()) return open;
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            refused.incrementAndGet();
            log.debug("{} holds {} connections already: closing a new one", ip, limits.maxConnectionsPerIp());
            channel.close();
            return;
        }
        channel.closeFuture().addListener(f -> openByIp.computeIfPresent(ip, (k, open) -> open <= 1 ? null : open - 1));
        if (channel.pipeline().get("handler") == null) return; // not HTTP/1 (no Vert.x handler to stand before)
        RequestDeadlines deadlines = new RequestDeadlines(limits);
        channel.pipeline().addBefore("handler", DEADLINES, deadlines);
        channel.pipeline().addFirst(FIRST_BYTE, deadlines.firstByteWatcher());
        deadlines.start(channel);
    }

    /** Open connections of an IP now (for tests and the soak benchmark's report). */
    public int open(String ip) {
        Integer open = openByIp.get(ip);
        return open == null ? 0 : open;
    }

    /** Connections closed at once because their IP was at the cap, since the start. */
    public int refused() {
        return refused.get();
    }
}
