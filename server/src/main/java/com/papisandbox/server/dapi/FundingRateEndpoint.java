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

/**
 * Get Funding Rate History of Perpetual Futures — {@code GET /dapi/v1/fundingRate} (spec-next §5.10): the
 * fundings the engine settled, oldest first, with the mark price each was settled at (Binance added
 * {@code markPrice} in 2023); a delivery contract never funds, so its history is {@code []}.
 */
final class FundingRateEndpoint extends MarketDataEndpoint<FundingRateEndpoint.Request> {
    record Request(String symbol, long startTime, long endTime, int limit) {
    }

    FundingRateEndpoint() {
        super("/dapi/v1/fundingRate", Weight.of(1), Set.of("symbol", "startTime", "endTime", "limit"));
    }

    @Override
    public Request parse(ParamReader p) {
        String symbol = p.requiredString("symbol");
        long start = p.optionalLong("startTime", -1);
        long end = p.optionalLong("endTime", -1);
        int limit = limit(p, 100, 1000);
        if (start >= 0 && end >= 0 && start > end) throw new ApiException(ApiError.invalidCombination());
        return new Request(symbol, start, end, limit);
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        known(instruments, r.symbol());
        return new Query.FundingRates(r.symbol(), r.startTime(), r.endTime(), r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        Result.FundingRates rates = expect(result, Result.FundingRates.class);
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.FundingRate f : rates.rates()) {
                g.writeStartObject();
                g.writeStringField("symbol", rates.instrument().symbol());
                g.writeNumberField("fundingTime", f.fundingTime());
                g.writeStringField("fundingRate", MarketJson.eight(f.rate()));
                g.writeStringField("markPrice", MarketJson.eight(f.markPrice()));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
