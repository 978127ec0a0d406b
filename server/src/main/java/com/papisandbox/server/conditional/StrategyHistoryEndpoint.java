package com.papisandbox.server.conditional;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;

/**
 * Query CM Conditional Order History — {@code GET /papi/v1/cm/conditional/orderHistory} (spec §6.9): a strategy
 * no longer NEW (a NEW one "will not be found": -2013), within the 7-day rule.
 */
final class StrategyHistoryEndpoint extends StrategyRefEndpoint {
    StrategyHistoryEndpoint() {
        super(Route.get("/papi/v1/cm/conditional/orderHistory"), Security.USER_DATA);
    }

    @Override
    EngineRequest request(long accountId, StrategyRef r) {
        return new Query.StrategyHistoryLookup(accountId, r.symbol(), r.strategyId(), r.clientStrategyId());
    }

    @Override
    public byte[] render(StrategyRef r, Result result) {
        if (!(result instanceof Result.Strategies found)) throw Endpoint.refused(result);
        return Json.write(g -> StrategyJson.writeHistory(g, found.strategies().get(0), true));
    }
}
