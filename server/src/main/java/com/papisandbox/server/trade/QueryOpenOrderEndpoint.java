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

/**
 * Query Current CM Open Order — {@code GET /papi/v1/cm/openOrder} (spec §6.6): a single object, as the
 * live API answers (the official Java SDK's array model is wrong; see docs/decisions.md).
 */
final class QueryOpenOrderEndpoint extends OrderRefEndpoint {
    @Override
    public Route route() {
        return Route.get("/papi/v1/cm/openOrder");
    }

    @Override
    public Security security() {
        return Security.USER_DATA;
    }

    @Override
    public EngineRequest request(long accountId, OrderRef r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        return new Query.OpenOrderLookup(accountId, r.symbol(), r.orderId(), r.origClientOrderId());
    }

    @Override
    public byte[] render(OrderRef r, Result result) {
        if (!(result instanceof Result.Orders found)) throw Endpoint.refused(result);
        return Json.write(g -> OrderJson.writeOpen(g, found.orders().get(0)));
    }
}
