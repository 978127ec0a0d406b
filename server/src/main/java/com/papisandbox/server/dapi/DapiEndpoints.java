package com.papisandbox.server.dapi;

import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * COIN-M public market data (host dapi.binance.com, spec papi-cm-next §5), plus PAPI's own ping and the
 * clock endpoints of Binance's other hosts that clients sync their clocks with.
 */
public final class DapiEndpoints {
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private DapiEndpoints() {
    }

    public static List<Endpoint<?>> all(LongSupplier clock, ExchangeInfo exchangeInfo) {
        Supplier<byte[]> ping = EMPTY_OBJECT::clone;
        Supplier<byte[]> time = () -> Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("serverTime", clock.getAsLong());
            g.writeEndObject();
        });
        return List.of(
                new EdgeEndpoint(Route.get("/papi/v1/ping"), ping),
                new EdgeEndpoint(Route.get("/dapi/v1/ping"), ping),
                new EdgeEndpoint(Route.get("/dapi/v1/time"), time),
                new EdgeEndpoint(Route.get("/dapi/v1/exchangeInfo"), () -> exchangeInfo.render(clock.getAsLong())),
                new EdgeEndpoint(Route.get("/fapi/v1/time"), time),
                new EdgeEndpoint(Route.get("/api/v3/time"), time));
    }
}
