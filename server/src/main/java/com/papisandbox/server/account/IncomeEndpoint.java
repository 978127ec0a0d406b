package com.papisandbox.server.account;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.IncomeType;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.LedgerViews;
import com.papisandbox.engine.Money;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.CoinFormat;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Get CM Income History — {@code GET /papi/v1/cm/income} (papi-cm-next §2.7). */
final class IncomeEndpoint extends DeclaredEndpoint<IncomeEndpoint.Request> {
    /** The documented incomeType values (DELIVERED_SETTELMENT as Binance spells it). */
    private static final Set<IncomeType> TYPES = EnumSet.allOf(IncomeType.class);

    record Request(String symbol, IncomeType incomeType, long startTime, long endTime, long page, long limit) {
    }

    IncomeEndpoint() {
        super(Route.get("/papi/v1/cm/income"), Security.USER_DATA, Weight.of(30),
                "symbol", "incomeType", "startTime", "endTime", "page", "limit");
    }

    @Override
    public Request parse(ParamReader p) {
        return new Request(p.optionalString("symbol"),
                p.optionalEnum("incomeType", TYPES, ApiError.invalidParameter("incomeType")),
                p.optionalLong("startTime", -1), p.optionalLong("endTime", -1),
                p.optionalLong("page", 0), p.optionalLong("limit", 100));
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        if (r.symbol() != null) ParamReader.instrument(instruments, r.symbol());
        return new Query.Income(accountId, r.symbol(), r.incomeType(), r.startTime(), r.endTime(),
                (int) Math.min(r.limit(), Integer.MAX_VALUE), (int) Math.min(r.page(), Integer.MAX_VALUE));
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Incomes incomes)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (LedgerViews.IncomeView i : incomes.incomes()) {
                g.writeStartObject();
                g.writeStringField("symbol", i.symbol());
                g.writeStringField("incomeType", i.incomeType().name());
                g.writeStringField("income", CoinFormat.fixed8(i.income(), Money.COIN_SCALE));
                g.writeStringField("asset", i.asset());
                g.writeStringField("info", i.info());
                g.writeNumberField("time", i.time());
                g.writeStringField("tranId", Long.toString(i.tranId()));
                g.writeStringField("tradeId", i.tradeId() == 0 ? "" : Long.toString(i.tradeId()));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
