package com.papisandbox.server.conditional;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;

/** Cancel CM Conditional Order — {@code DELETE /papi/v1/cm/conditional/order} (spec §6.9): an unknown or closed strategy is -2011. */
final class CancelStrategyEndpoint extends StrategyRefEndpoint {
    CancelStrategyEndpoint() {
        super(Route.delete("/papi/v1/cm/conditional/order"), Security.TRADE);
    }

    @Override
    EngineRequest request(long accountId, StrategyRef r) {
        return new Command.CancelStrategy(accountId, r.symbol(), r.strategyId(), r.clientStrategyId());
    }

    @Override
    public byte[] render(StrategyRef r, Result result) {
        if (!(result instanceof Result.StrategyResult canceled)) throw Endpoint.refused(result);
        return Json.write(g -> StrategyJson.writeCanceled(g, canceled.strategy()));
    }
}
