package com.papisandbox.server.conditional;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;

/** An endpoint that names one strategy of one symbol (weight 1): cancel, query open, query history. */
abstract class StrategyRefEndpoint extends DeclaredEndpoint<StrategyRef> {
    StrategyRefEndpoint(Route route, Security security) {
        super(route, security, Weight.of(1), StrategyRef.PARAMETERS);
    }

    @Override
    public final StrategyRef parse(ParamReader p) {
        return StrategyRef.parse(p);
    }

    @Override
    public final EngineRequest request(long accountId, StrategyRef r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        return request(accountId, r);
    }

    /** The engine request for a strategy whose symbol is listed. */
    abstract EngineRequest request(long accountId, StrategyRef r);
}
