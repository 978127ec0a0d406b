package com.papisandbox.server;

import com.papisandbox.engine.Query;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;

import java.util.Set;
import java.util.Map;

/** Query All Current CM Open Orders — {@code GET /papi/v1/cm/openOrders} (spec §6.7). */
final class QueryOpenOrdersEndpoint implements SignedEndpoint<QueryOpenOrdersEndpoint.Request> {
    record Request(String symbol, String pair) {
    }

    private static final Set<String> PARAMETERS = Set.of("symbol", "pair");

    @Override
    public Set<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public int weight(RequestParams params) {
        return params.has("symbol") ? 1 : 40;
    }

    @Override
    public Request parse(ParamReader p) {
        return new Request(p.optionalString("symbol"), p.optionalString("pair"));
    }

    @Override
    public EngineRequest command(long accountId, Request r, Map<String, Instrument> instruments) {
        if (r.symbol() != null) ParamReader.instrument(instruments, r.symbol());
        return new Query.OpenOrders(accountId, r.symbol(), r.pair());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Orders found)) throw SignedEndpoint.refused(result);
        return Json.write(g -> OrderJson.writeOpenList(g, found.orders()));
    }
}
