package com.papisandbox.server;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;

import java.util.Map;

/** An endpoint whose only parameter is an optional {@code symbol}: all symbols without it, a listed one with it. */
public abstract class OptionalSymbolEndpoint extends DeclaredEndpoint<String> {
    protected OptionalSymbolEndpoint(Route route, Security security, Weight weight) {
        super(route, security, weight, "symbol");
    }

    @Override
    public final String parse(ParamReader p) {
        return p.optionalString("symbol");
    }

    @Override
    public final EngineRequest request(long accountId, String symbol, Map<String, Instrument> instruments) {
        if (symbol != null) ParamReader.instrument(instruments, symbol);
        return request(accountId, symbol);
    }

    /** The engine request; {@code symbol} is null or listed. */
    protected abstract EngineRequest request(long accountId, String symbol);
}
