package com.papisandbox.server.conditional;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;

/** Query Current CM Open Conditional Order — {@code GET /papi/v1/cm/conditional/openOrder}: NEW strategies only, else -2013. */
final class QueryOpenStrategyEndpoint extends StrategyRefEndpoint {
    QueryOpenStrategyEndpoint() {
        super(Route.get("/papi/v1/cm/conditional/openOrder"), Security.USER_DATA);
    }

    @Override
    EngineRequest request(long accountId, StrategyRef r) {
        return new Query.OpenStrategyLookup(accountId, r.symbol(), r.strategyId(), r.clientStrategyId());
    }

    @Override
    public byte[] render(StrategyRef r, Result result) {
        if (!(result instanceof Result.Strategies found)) throw Endpoint.refused(result);
        return Json.write(g -> StrategyJson.writeOpen(g, found.strategies().get(0)));
    }
}
