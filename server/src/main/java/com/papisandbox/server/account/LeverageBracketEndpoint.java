package com.papisandbox.server.account;

import com.papisandbox.engine.Bracket;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.LedgerViews;
import com.papisandbox.engine.Money;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.OptionalSymbolEndpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

/**
 * CM Notional and Leverage Brackets — {@code GET /papi/v1/cm/leverageBracket} (papi-cm-next §2.5): every
 * value a JSON number; ratios and cum as doubles, as Binance's Java models them ({@code 0.004}, {@code 0.0}).
 */
final class LeverageBracketEndpoint extends OptionalSymbolEndpoint {
    LeverageBracketEndpoint() {
        super(Route.get("/papi/v1/cm/leverageBracket"), Security.USER_DATA, Weight.of(1));
    }

    @Override
    protected EngineRequest request(long accountId, String symbol) {
        return new Query.LeverageBrackets(accountId, symbol);
    }

    @Override
    public byte[] render(String symbol, Result result) {
        if (!(result instanceof Result.LeverageBrackets table)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (LedgerViews.SymbolBrackets s : table.symbols()) {
                g.writeStartObject();
                g.writeStringField("symbol", s.symbol());
                g.writeArrayFieldStart("brackets");
                for (Bracket b : s.brackets()) {
                    g.writeStartObject();
                    g.writeNumberField("bracket", b.bracket());
                    g.writeNumberField("initialLeverage", b.initialLeverage());
                    g.writeNumberField("qtyCap", b.qtyCap());
                    g.writeNumberField("qtyFloor", b.qtyFloor());
                    g.writeNumberField("maintMarginRatio", Money.rate(b.maintMarginRatio()).doubleValue());
                    g.writeNumberField("cum", Money.coin(b.cum()).doubleValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
