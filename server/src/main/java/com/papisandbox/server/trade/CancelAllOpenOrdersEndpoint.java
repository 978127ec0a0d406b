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
import java.util.Set;

/** Cancel All CM Open Orders — {@code DELETE /papi/v1/cm/allOpenOrders} (spec §6.4). */
final class CancelAllOpenOrdersEndpoint implements Endpoint<String> {
    @Override
    public Route route() {
        return Route.delete("/papi/v1/cm/allOpenOrders");
    }

    @Override
    public Security security() {
        return Security.TRADE;
    }

    private static final byte[] DONE = Json.write(g -> {
        g.writeStartObject();
        g.writeNumberField("code", 200);
        g.writeStringField("msg", "The operation of cancel all open order is done.");
        g.writeEndObject();
    });

    private static final Set<String> PARAMETERS = Set.of("symbol");

    @Override
    public Set<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public String parse(ParamReader p) {
        return p.requiredString("symbol");
    }

    @Override
    public EngineRequest request(long accountId, String symbol, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, symbol);
        return new Command.CancelAllOrders(accountId, symbol);
    }

    @Override
    public byte[] render(String symbol, Result result) {
        if (!(result instanceof Result.OrdersCanceled)) throw Endpoint.refused(result);
        return DONE.clone();
    }
}
