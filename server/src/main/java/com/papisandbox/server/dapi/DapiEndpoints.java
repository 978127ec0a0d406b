package com.papisandbox.server.dapi;

import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;

import com.papisandbox.engine.Instrument;

import java.util.List;
import java.util.function.Function;
import java.util.Map;
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

    /** @param listed any contract listed now or delivered earlier, by symbol (null if none) */
    public static List<Endpoint<?>> all(LongSupplier clock, ExchangeInfo exchangeInfo, Function<String, Instrument> listed) {
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
                new DepthEndpoint(),
                new TradesEndpoint(listed),
                new AggTradesEndpoint(listed),
                new KlinesEndpoint(listed),
                new TickerPriceEndpoint(),
                new BookTickerEndpoint(),
                new Ticker24hEndpoint(),
                new PremiumIndexEndpoint(),
                new FundingRateEndpoint(),
                new EdgeEndpoint(Route.get("/fapi/v1/time"), time),
                new EdgeEndpoint(Route.get("/api/v3/time"), time));
    }
}
