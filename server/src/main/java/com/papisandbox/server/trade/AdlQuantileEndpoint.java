package com.papisandbox.server.trade;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.LedgerViews;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.OptionalSymbolEndpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

/**
 * CM Position ADL Quantile Estimation — {@code GET /papi/v1/cm/adlQuantile} (spec §6.12): per symbol with a
 * position, quantiles 0..4 as numbers; LONG, SHORT and BOTH in one-way mode, LONG and SHORT sharing one value
 * and HEDGE (a sign, 0) in crossed hedge mode, which is every PM hedge account.
 */
final class AdlQuantileEndpoint extends OptionalSymbolEndpoint {
    AdlQuantileEndpoint() {
        super(Route.get("/papi/v1/cm/adlQuantile"), Security.USER_DATA, Weight.of(5));
    }

    @Override
    protected EngineRequest request(long accountId, String symbol) {
        return new Query.AdlQuantile(accountId, symbol);
    }

    @Override
    public byte[] render(String symbol, Result result) {
        if (!(result instanceof Result.AdlQuantiles quantiles)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (LedgerViews.AdlView row : quantiles.rows()) {
                g.writeStartObject();
                g.writeStringField("symbol", row.instrument().symbol());
                g.writeObjectFieldStart("adlQuantile");
                g.writeNumberField("LONG", row.longQuantile());
                g.writeNumberField("SHORT", row.shortQuantile());
                g.writeNumberField(row.hedge() ? "HEDGE" : "BOTH", row.hedge() ? 0 : row.bothQuantile());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
