package com.papisandbox.server.conditional;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Reject;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.StrategyView;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;

/**
 * Query All CM Conditional Orders — {@code GET /papi/v1/cm/conditional/allOrders} (spec §6.9): a window under 7
 * days (default the last 7), limit 1..1000 (default 500); from a strategyId up, else the newest.
 */
final class AllStrategiesEndpoint extends DeclaredEndpoint<AllStrategiesEndpoint.Request> {
    private static final long WEEK_MS = 7L * 24 * 60 * 60 * 1000;

    record Request(String symbol, long strategyId, long startTime, long endTime, long limit) {
    }

    AllStrategiesEndpoint() {
        super(Route.get("/papi/v1/cm/conditional/allOrders"), Security.USER_DATA, Weight.withOrWithout("symbol", 1, 40),
                "symbol", "strategyId", "startTime", "endTime", "limit");
    }

    @Override
    public Request parse(ParamReader p) {
        Request r = new Request(p.optionalString("symbol"), p.optionalLong("strategyId", -1), p.optionalLong("startTime", -1),
                p.optionalLong("endTime", -1), p.optionalLong("limit", 500));
        if (r.limit() < 1 || r.limit() > 1000) throw new ApiException(ApiError.invalidParameter("limit"));
        if (r.startTime() >= 0 && r.endTime() >= 0) {
            if (r.startTime() > r.endTime()) throw new ApiException(ApiError.of(Reject.START_TIME_AFTER_END_TIME));
            if (r.endTime() - r.startTime() >= WEEK_MS) throw new ApiException(ApiError.timeRangeTooLong(7 * 24));
        }
        return r;
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        if (r.symbol() != null) ParamReader.instrument(instruments, r.symbol());
        return new Query.AllStrategies(accountId, r.symbol(), r.strategyId(), r.startTime(), r.endTime(), (int) r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Strategies found)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (StrategyView s : found.strategies()) StrategyJson.writeHistory(g, s, false);
            g.writeEndArray();
        });
    }
}
