package com.papisandbox.server.sandbox;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;

/**
 * {@code GET /sandbox/v1/stateHash}: the SHA-256 of the whole engine state, read in sequence with the
 * commands. Sandbox-only, so it weighs nothing against the caller's Binance rate limits.
 */
final class StateHashEndpoint extends DeclaredEndpoint<Void> {
    StateHashEndpoint() {
        super(Route.get("/sandbox/v1/stateHash"), Security.NONE, Weight.of(0), Set.of());
    }

    @Override
    public Void parse(ParamReader params) {
        return null;
    }

    @Override
    public EngineRequest request(long accountId, Void request, Map<String, Instrument> instruments) {
        return new Query.StateHash();
    }

    @Override
    public byte[] render(Void request, Result result) {
        if (!(result instanceof Result.StateHash hash)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("stateHash", hash.sha256());
            g.writeNumberField("orders", hash.orders());
            g.writeEndObject();
        });
    }
}
