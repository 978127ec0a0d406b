package com.papisandbox.server.dapi;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;

/**
 * Get Funding Rate History of Perpetual Futures — {@code GET /dapi/v1/fundingRate} (spec §5.10). The
 * sandbox settles no funding yet, so every symbol's history is empty, as Binance answers for delivery
 * symbols; the parameters are checked as Binance checks them. When funding settlement lands, this
 * endpoint becomes a query of the engine's funding history.
 */
final class FundingRateEndpoint extends MarketDataEndpoint<FundingRateEndpoint.Request> {
    private static final byte[] EMPTY = "[]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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

    /** Answered by the edge: the symbol is checked, and there is no settled funding to look up. */
    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        known(instruments, r.symbol());
        return null;
    }

    @Override
    public byte[] render(Request r, Result result) {
        return EMPTY.clone();
    }
}
