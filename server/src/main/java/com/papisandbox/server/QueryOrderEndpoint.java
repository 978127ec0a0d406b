package com.papisandbox.server;

import com.papisandbox.engine.Query;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;

import java.util.Map;

/** Query CM Order — {@code GET /papi/v1/cm/order} (spec §6.5). */
final class QueryOrderEndpoint extends OrderRefEndpoint {
    @Override
    public EngineRequest command(long accountId, OrderRef r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        return new Query.OrderLookup(accountId, r.symbol(), r.orderId(), r.origClientOrderId());
    }

    @Override
    public byte[] render(OrderRef r, Result result) {
        if (!(result instanceof Result.Orders found)) throw SignedEndpoint.refused(result);
        return Json.write(g -> OrderJson.writeQueried(g, found.orders().get(0)));
    }
}
