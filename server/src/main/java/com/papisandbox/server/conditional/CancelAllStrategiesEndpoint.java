package com.papisandbox.server.conditional;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;

/**
 * Cancel All CM Open Conditional Orders — {@code DELETE /papi/v1/cm/conditional/allOpenOrders} (spec §6.9): the
 * same answer whether anything was open or not, with {@code code} a string here, unlike the orders' variant.
 */
final class CancelAllStrategiesEndpoint extends DeclaredEndpoint<String> {
    private static final byte[] DONE = Json.write(g -> {
        g.writeStartObject();
        g.writeStringField("code", "200");
        g.writeStringField("msg", "The operation of cancel all conditional open order is done.");
        g.writeEndObject();
    });

    CancelAllStrategiesEndpoint() {
        super(Route.delete("/papi/v1/cm/conditional/allOpenOrders"), Security.TRADE, Weight.of(1), "symbol");
    }

    @Override
    public String parse(ParamReader p) {
        return p.requiredString("symbol");
    }

    @Override
    public EngineRequest request(long accountId, String symbol, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, symbol);
        return new Command.CancelAllStrategies(accountId, symbol);
    }

    @Override
    public byte[] render(String symbol, Result result) {
        if (!(result instanceof Result.StrategiesCanceled)) throw Endpoint.refused(result);
        return DONE.clone();
    }
}
