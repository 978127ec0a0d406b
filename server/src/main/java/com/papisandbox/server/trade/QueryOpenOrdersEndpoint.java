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
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;

/** Query All Current CM Open Orders — {@code GET /papi/v1/cm/openOrders} (spec §6.7). */
final class QueryOpenOrdersEndpoint implements Endpoint<QueryOpenOrdersEndpoint.Request> {
    @Override
    public Route route() {
        return Route.get("/papi/v1/cm/openOrders");
    }

    @Override
    public Security security() {
        return Security.USER_DATA;
    }

    record Request(String symbol, String pair) {
    }

    private static final Set<String> PARAMETERS = Set.of("symbol", "pair");

    @Override
    public Set<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public Weight weight() {
        return Weight.withOrWithout("symbol", 1, 40);
    }

    @Override
    public Request parse(ParamReader p) {
        return new Request(p.optionalString("symbol"), p.optionalString("pair"));
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        if (r.symbol() != null) ParamReader.instrument(instruments, r.symbol());
        return new Query.OpenOrders(accountId, r.symbol(), r.pair());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Orders found)) throw Endpoint.refused(result);
        return Json.write(g -> OrderJson.writeOpenList(g, found.orders()));
    }
}
