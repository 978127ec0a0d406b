package com.papisandbox.server.stream;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;

/**
 * Which WebSocket upgrades the sandbox takes, on the REST port: the PM user stream ({@code /pm/ws/<key>})
 * and the COIN-M market streams ({@code /ws…}, {@code /stream…}); anything else is 404, as are the forms
 * Binance dropped in 2023 ({@code /ws/} with a trailing slash).
 */
public final class StreamRouter {
    private final UserStreams user;
    private final MarketStreams market;

    public StreamRouter(UserStreams user, MarketStreams market) {
        this.user = user;
        this.market = market;
    }

    public void handshake(ServerWebSocketHandshake handshake) {
        String path = handshake.path();
        if (UserStreams.serves(path) || MarketStreams.serves(path)) handshake.accept();
        else handshake.reject(404);
    }

    public void connected(ServerWebSocket ws) {
        if (UserStreams.serves(ws.path())) user.connected(ws);
        else market.connected(ws);
    }
}
