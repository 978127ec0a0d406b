package com.papisandbox.server;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;

import java.util.Map;

/** Cancel CM Order — {@code DELETE /papi/v1/cm/order} (spec §6.1, §10, §13). */
final class CancelOrderEndpoint extends OrderRefEndpoint {
    @Override
    public EngineRequest command(long accountId, OrderRef r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        return new Command.CancelOrder(accountId, r.symbol(), r.orderId(), r.origClientOrderId());
    }

    @Override
    public byte[] render(OrderRef r, Result result) {
        if (!(result instanceof Result.OrderResult canceled)) throw SignedEndpoint.refused(result);
        return Json.write(g -> OrderJson.writeCanceled(g, canceled.order()));
    }
}
