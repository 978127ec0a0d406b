package com.papisandbox.server.trade;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;

import java.util.Map;

/** Cancel CM Order — {@code DELETE /papi/v1/cm/order} (spec §6.1, §10, §13). */
final class CancelOrderEndpoint extends OrderRefEndpoint {
    @Override
    public Route route() {
        return Route.delete("/papi/v1/cm/order");
    }

    @Override
    public Security security() {
        return Security.TRADE;
    }

    @Override
    public EngineRequest request(long accountId, OrderRef r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        return new Command.CancelOrder(accountId, r.symbol(), r.orderId(), r.origClientOrderId());
    }

    @Override
    public byte[] render(OrderRef r, Result result) {
        if (!(result instanceof Result.OrderResult canceled)) throw Endpoint.refused(result);
        return Json.write(g -> OrderJson.writeCanceled(g, canceled.order()));
    }
}
