package com.papisandbox.server.trade;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;

import java.util.Map;

/** Query CM Order — {@code GET /papi/v1/cm/order} (spec §6.5). */
final class QueryOrderEndpoint extends OrderRefEndpoint {
    @Override
    public Route route() {
        return Route.get("/papi/v1/cm/order");
    }

    @Override
    public Security security() {
        return Security.USER_DATA;
    }

    @Override
    public EngineRequest request(long accountId, OrderRef r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        return new Query.OrderLookup(accountId, r.symbol(), r.orderId(), r.origClientOrderId());
    }

    @Override
    public byte[] render(OrderRef r, Result result) {
        if (!(result instanceof Result.Orders found)) throw Endpoint.refused(result);
        return Json.write(g -> OrderJson.writeQueried(g, found.orders().get(0)));
    }
}
