package com.papisandbox.server.conditional;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.StrategyView;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;

/** Query All Current CM Open Conditional Orders — {@code GET /papi/v1/cm/conditional/openOrders}: symbol optional. */
final class QueryOpenStrategiesEndpoint extends DeclaredEndpoint<String> {
    QueryOpenStrategiesEndpoint() {
        super(Route.get("/papi/v1/cm/conditional/openOrders"), Security.USER_DATA, Weight.withOrWithout("symbol", 1, 40), "symbol");
    }

    @Override
    public String parse(ParamReader p) {
        return p.optionalString("symbol");
    }

    @Override
    public EngineRequest request(long accountId, String symbol, Map<String, Instrument> instruments) {
        if (symbol != null) ParamReader.instrument(instruments, symbol);
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
