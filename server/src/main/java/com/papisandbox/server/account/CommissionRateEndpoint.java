package com.papisandbox.server.account;

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

/** Get User Commission Rate for CM — {@code GET /papi/v1/cm/commissionRate} (papi-cm-next §2.6). */
final class CommissionRateEndpoint extends DeclaredEndpoint<String> {
    CommissionRateEndpoint() {
        super(Route.get("/papi/v1/cm/commissionRate"), Security.USER_DATA, Weight.of(20), "symbol");
    }

    @Override
    public String parse(ParamReader p) {
        return p.requiredString("symbol");
    }

    @Override
    public EngineRequest request(long accountId, String symbol, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, symbol);
        return new Query.CommissionRate(accountId, symbol);
    }

    @Override
    public byte[] render(String symbol, Result result) {
        if (!(result instanceof Result.CommissionRates rates)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("symbol", rates.symbol());
            g.writeStringField("makerCommissionRate", AccountJson.rate(rates.makerCommissionRate()));
            g.writeStringField("takerCommissionRate", AccountJson.rate(rates.takerCommissionRate()));
            g.writeEndObject();
        });
    }
}
