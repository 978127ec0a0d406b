package com.papisandbox.server;

import com.papisandbox.engine.Query;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;

import java.util.Map;

/**
 * Query Current CM Open Order — {@code GET /papi/v1/cm/openOrder} (spec §6.6): a single object, as the
 * live API answers (the official Java SDK's array model is wrong; see docs/decisions.md).
 */
final class QueryOpenOrderEndpoint extends OrderRefEndpoint {
    @Override
    public EngineRequest command(long accountId, OrderRef r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        return new Query.OpenOrderLookup(accountId, r.symbol(), r.orderId(), r.origClientOrderId());
    }

    @Override
    public byte[] render(OrderRef r, Result result) {
        if (!(result instanceof Result.Orders found)) throw SignedEndpoint.refused(result);
        return Json.write(g -> OrderJson.writeOpen(g, found.orders().get(0)));
    }
}
