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
import java.util.Set;

/** Order Book — {@code GET /dapi/v1/depth} (spec §5.3), in the live key order. */
final class DepthEndpoint extends MarketDataEndpoint<DepthEndpoint.Request> {
    private static final Set<Integer> LIMITS = Set.of(5, 10, 20, 50, 100, 500, 1000);

    record Request(String symbol, int limit) {
    }

    DepthEndpoint() {
        super("/dapi/v1/depth", Weight.byLimit(500, new int[]{50, 100, 500, Integer.MAX_VALUE}, new int[]{2, 5, 10, 20}),
                Set.of("symbol", "limit"));
    }

    @Override
    public Request parse(ParamReader p) {
        String symbol = p.requiredString("symbol");
        String limit = p.optionalString("limit");
        int value = 500;
        if (limit != null) {
            try {
                value = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (!LIMITS.contains(value)) throw new ApiException(ApiError.invalidDepthLimit(limit));
        }
        return new Request(symbol, value);
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        known(instruments, r.symbol());
        return new Query.Depth(r.symbol(), r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        MarketView.Depth d = expect(result, Result.Depth.class).depth();
        Instrument instrument = d.instrument();
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("lastUpdateId", d.lastUpdateId());
            g.writeNumberField("E", d.eventTime());
            g.writeNumberField("T", d.transactionTime());
            g.writeStringField("symbol", instrument.symbol());
            g.writeStringField("pair", instrument.pair());
            MarketJson.levels(g, "bids", instrument, d.bids());
            MarketJson.levels(g, "asks", instrument, d.asks());
            g.writeEndObject();
        });
    }
}
