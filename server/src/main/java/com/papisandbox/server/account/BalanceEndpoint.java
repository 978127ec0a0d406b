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

/**
 * Account Balance — {@code GET /papi/v1/balance} (papi-cm-next §3.1): an array without {@code asset}; one
 * object, without {@code crossMarginAsset}, with it.
 */
final class BalanceEndpoint extends DeclaredEndpoint<String> {
    BalanceEndpoint() {
        super(Route.get("/papi/v1/balance"), Security.USER_DATA, Weight.of(20), "asset");
    }

    @Override
    public String parse(ParamReader p) {
        return p.optionalString("asset");
    }

    @Override
    public EngineRequest request(long accountId, String asset, Map<String, Instrument> instruments) {
        return new Query.Balance(accountId, asset);
    }

    @Override
    public byte[] render(String asset, Result result) {
        if (!(result instanceof Result.PortfolioBalances balances)) throw Endpoint.refused(result);
        return Json.write(g -> {
            if (asset != null) {
                AccountJson.writeBalance(g, balances.balances().get(0), false);
                return;
            }
            g.writeStartArray();
            for (LedgerViews.BalanceView b : balances.balances()) AccountJson.writeBalance(g, b, true);
            g.writeEndArray();
        });
    }
}
