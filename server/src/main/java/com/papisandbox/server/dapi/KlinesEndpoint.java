package com.papisandbox.server.dapi;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.KlineInterval;
import com.papisandbox.engine.MarketView;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.function.Function;
import java.util.Set;

/**
 * Kline/Candlestick Data — {@code GET /dapi/v1/klines} (spec §5.6): rows of 12, volumes in contracts, base
 * volumes in coin; the engine applies the window rules.
 */
final class KlinesEndpoint extends MarketDataEndpoint<KlinesEndpoint.Request> {
    private static final long MAX_WINDOW = 200 * 86_400_000L;
    /** Any contract listed now or delivered earlier, by symbol: to render in its precision. */
    private final Function<String, Instrument> listed;

    record Request(String symbol, KlineInterval interval, long startTime, long endTime, int limit) {
    }

    KlinesEndpoint(Function<String, Instrument> listed) {
        super("/dapi/v1/klines", Weight.byLimit(500, new int[]{99, 499, 1000, Integer.MAX_VALUE}, new int[]{1, 2, 5, 10}),
                Set.of("symbol", "interval", "startTime", "endTime", "limit"));
        this.listed = listed;
    }

    @Override
    public Request parse(ParamReader p) {
        String symbol = p.requiredString("symbol");
        KlineInterval interval = KlineInterval.fromLabel(p.requiredString("interval"));
        if (interval == null) throw new ApiException(ApiError.invalidInterval());
        long start = p.optionalLong("startTime", -1);
        long end = p.optionalLong("endTime", -1);
        int limit = limit(p, 500, 1500);
        if (start >= 0 && end >= 0 && end - start > MAX_WINDOW) throw new ApiException(ApiError.timeRangeTooLong(200 * 24));
        return new Request(symbol, interval, start, end, limit);
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        known(instruments, r.symbol());
        return new Query.Klines(r.symbol(), r.interval(), r.startTime(), r.endTime(), r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        Instrument instrument = listed.apply(r.symbol());
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.Kline k : expect(result, Result.Klines.class).klines()) {
                g.writeStartArray();
                g.writeNumber(k.openTime());
                g.writeString(MarketJson.price(instrument, k.open()));
                g.writeString(MarketJson.price(instrument, k.high()));
                g.writeString(MarketJson.price(instrument, k.low()));
                g.writeString(MarketJson.price(instrument, k.close()));
                g.writeString(MarketJson.qty(instrument, k.volume()));
                g.writeNumber(k.closeTime());
                g.writeString(MarketJson.eight(k.baseVolume()));
                g.writeNumber(k.trades());
                g.writeString(MarketJson.qty(instrument, k.takerBuyVolume()));
                g.writeString(MarketJson.eight(k.takerBuyBaseVolume()));
                g.writeString("0");
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }
}
