package com.papisandbox.server.account;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.RateLimits;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;

/**
 * Query User Rate Limit — {@code GET /papi/v1/rateLimit/order} (papi-cm-next §3.3): the ORDERS limit the
 * sandbox enforces per account, from the same constant the limiter uses.
 */
final class RateLimitEndpoint extends DeclaredEndpoint<Void> {
    private static final byte[] BODY = Json.write(g -> {
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringField("rateLimitType", "ORDERS");
        g.writeStringField("interval", "MINUTE");
        g.writeNumberField("intervalNum", 1);
        g.writeNumberField("limit", RateLimits.ORDERS_PER_MINUTE);
        g.writeEndObject();
        g.writeEndArray();
    });

    RateLimitEndpoint() {
        super(Route.get("/papi/v1/rateLimit/order"), Security.USER_DATA, Weight.of(1), Set.of());
    }

    @Override
    public Void parse(ParamReader params) {
        return null;
    }

    @Override
    public EngineRequest request(long accountId, Void request, Map<String, Instrument> instruments) {
        return null;
    }

    @Override
    public byte[] render(Void request, Result result) {
        return BODY.clone();
    }
}
