package com.papisandbox.server.conditional;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.StrategyView;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.OptionalSymbolEndpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

/** Query All Current CM Open Conditional Orders — {@code GET /papi/v1/cm/conditional/openOrders}: symbol optional. */
final class QueryOpenStrategiesEndpoint extends OptionalSymbolEndpoint {
    QueryOpenStrategiesEndpoint() {
        super(Route.get("/papi/v1/cm/conditional/openOrders"), Security.USER_DATA, Weight.withOrWithout("symbol", 1, 40));
    }

    @Override
    protected EngineRequest request(long accountId, String symbol) {
        return new Query.OpenStrategies(accountId, symbol);
    }

    @Override
    public byte[] render(String symbol, Result result) {
        if (!(result instanceof Result.Strategies found)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (StrategyView s : found.strategies()) StrategyJson.writeOpen(g, s);
            g.writeEndArray();
        });
    }
}
