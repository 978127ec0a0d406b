package com.papisandbox.server.dapi;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
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
 * Compressed/Aggregate Trades List — {@code GET /dapi/v1/aggTrades} (spec §5.5). fromId wins; a time
 * window must be under an hour, and one end alone means the hour from (or up to) it; nothing means the
 * most recent. fromId with a time is -1128.
 */
final class AggTradesEndpoint extends MarketDataEndpoint<AggTradesEndpoint.Request> {
    private static final long HOUR = 3_600_000L;
    /** Any contract listed now or delivered earlier, by symbol: to render in its precision. */
    private final Function<String, Instrument> listed;

    record Request(String symbol, long fromId, long startTime, long endTime, int limit) {
    }

    AggTradesEndpoint(Function<String, Instrument> listed) {
        super("/dapi/v1/aggTrades", Weight.of(20), Set.of("symbol", "fromId", "startTime", "endTime", "limit"));
        this.listed = listed;
    }

    @Override
    public Request parse(ParamReader p) {
        String symbol = p.requiredString("symbol");
        long fromId = p.optionalLong("fromId", -1);
        long start = p.optionalLong("startTime", -1);
        long end = p.optionalLong("endTime", -1);
        int limit = limit(p, 500, 1000);
        if (fromId >= 0 && (start >= 0 || end >= 0)) throw new ApiException(ApiError.invalidCombination());
        if (start >= 0 && end >= 0 && end - start >= HOUR) throw new ApiException(ApiError.timeRangeTooLong(1));
        if (start >= 0 && end < 0) end = start + HOUR - 1;
        if (end >= 0 && start < 0) start = Math.max(0, end - HOUR + 1);
        return new Request(symbol, fromId, start, end, limit);
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        known(instruments, r.symbol());
        return new Query.AggTrades(r.symbol(), r.fromId(), r.startTime(), r.endTime(), r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        Instrument instrument = listed.apply(r.symbol());
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.AggTrade a : expect(result, Result.AggTrades.class).aggTrades()) {
                g.writeStartObject();
                g.writeNumberField("a", a.aggId());
                g.writeStringField("p", MarketJson.price(instrument, a.price()));
                g.writeStringField("q", MarketJson.qty(instrument, a.qty()));
                g.writeNumberField("f", a.firstTradeId());
                g.writeNumberField("l", a.lastTradeId());
                g.writeNumberField("T", a.time());
                g.writeBooleanField("m", a.buyerMaker());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
