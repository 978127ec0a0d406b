package com.papisandbox.server.account;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.LedgerViews;
import com.papisandbox.engine.Money;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.CoinFormat;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;

/**
 * Account Information — {@code GET /papi/v1/account} (papi-cm-next §3.2), USD amounts at 8 dp; uniMMR is
 * {@code ""} while there is no maintenance margin (as the doc renders empty numeric fields).
 */
final class PortfolioAccountEndpoint extends DeclaredEndpoint<Void> {
    PortfolioAccountEndpoint() {
        super(Route.get("/papi/v1/account"), Security.USER_DATA, Weight.of(20));
    }

    @Override
    public Void parse(ParamReader p) {
        return null;
    }

    @Override
    public EngineRequest request(long accountId, Void request, Map<String, Instrument> instruments) {
        return new Query.PortfolioAccount(accountId);
    }

    @Override
    public byte[] render(Void request, Result result) {
        if (!(result instanceof Result.PortfolioAccount found)) throw Endpoint.refused(result);
        LedgerViews.PortfolioView a = found.account();
        int usd = Money.USD_SCALE;
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("uniMMR", a.uniMmr() < 0 ? "" : CoinFormat.fixed8(a.uniMmr(), Money.RATE_SCALE));
            g.writeStringField("accountEquity", CoinFormat.fixed8(a.accountEquity(), usd));
            g.writeStringField("actualEquity", CoinFormat.fixed8(a.actualEquity(), usd));
            g.writeStringField("accountInitialMargin", CoinFormat.fixed8(a.accountInitialMargin(), usd));
            g.writeStringField("accountMaintMargin", CoinFormat.fixed8(a.accountMaintMargin(), usd));
            g.writeStringField("accountStatus", a.accountStatus().name());
            g.writeStringField("virtualMaxWithdrawAmount", CoinFormat.fixed8(a.virtualMaxWithdrawAmount(), usd));
            g.writeStringField("totalAvailableBalance", CoinFormat.fixed8(a.totalAvailableBalance(), usd));
            g.writeStringField("totalMarginOpenLoss", CoinFormat.fixed8(a.totalMarginOpenLoss(), usd));
            g.writeNumberField("updateTime", a.updateTime());
            g.writeEndObject();
        });
    }
}
