package com.papisandbox.server.account;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.LedgerViews;
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

/** Query CM Position Information — {@code GET /papi/v1/cm/positionRisk} (papi-cm-next §2.2). */
final class PositionRiskEndpoint extends DeclaredEndpoint<PositionRiskEndpoint.Request> {
    record Request(String marginAsset, String pair) {
    }

    PositionRiskEndpoint() {
        super(Route.get("/papi/v1/cm/positionRisk"), Security.USER_DATA, Weight.of(1), "marginAsset", "pair");
    }

    @Override
    public Request parse(ParamReader p) {
        return new Request(p.optionalString("marginAsset"), p.optionalString("pair"));
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        return new Query.PositionRisk(accountId, r.marginAsset(), r.pair());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Positions positions)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (LedgerViews.PositionView p : positions.positions()) AccountJson.writePositionRisk(g, p);
            g.writeEndArray();
        });
    }
}
