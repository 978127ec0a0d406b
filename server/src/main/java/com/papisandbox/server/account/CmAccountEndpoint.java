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

/** Get CM Account Detail — {@code GET /papi/v1/cm/account} (papi-cm-next §2.1). */
final class CmAccountEndpoint extends DeclaredEndpoint<Void> {
    CmAccountEndpoint() {
        super(Route.get("/papi/v1/cm/account"), Security.USER_DATA, Weight.of(5));
    }

    @Override
    public Void parse(ParamReader params) {
        return null;
    }

    @Override
    public EngineRequest request(long accountId, Void request, Map<String, Instrument> instruments) {
        return new Query.CmAccountDetail(accountId);
    }

    @Override
    public byte[] render(Void request, Result result) {
        if (!(result instanceof Result.CmAccount account)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("assets");
            for (LedgerViews.AssetView a : account.assets()) AccountJson.writeAsset(g, a);
            g.writeEndArray();
            g.writeArrayFieldStart("positions");
            for (LedgerViews.PositionView p : account.positions()) AccountJson.writeAccountPosition(g, p);
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
