package com.papisandbox.server.dapi;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.MarketView;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;

/**
 * Index Price and Mark Price — {@code GET /dapi/v1/premiumIndex} (spec §5.9): always an array, doc key
 * order; delivery contracts have empty rates and nextFundingTime 0.
 */
final class PremiumIndexEndpoint extends MarketDataEndpoint<MarketDataEndpoint.Selection> {
    PremiumIndexEndpoint() {
        super("/dapi/v1/premiumIndex", Weight.of(10), Set.of("symbol", "pair"));
    }

    @Override
    public Selection parse(ParamReader p) {
        return selection(p);
    }

    @Override
    public EngineRequest request(long accountId, Selection s, Map<String, Instrument> instruments) {
        known(instruments, s.symbol());
        return new Query.PremiumIndex(s.symbol(), s.pair());
    }

    @Override
    public byte[] render(Selection s, Result result) {
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.PremiumIndex p : expect(result, Result.PremiumIndexes.class).indexes()) {
                g.writeStartObject();
                g.writeStringField("symbol", p.instrument().symbol());
                g.writeStringField("pair", p.instrument().pair());
                g.writeStringField("markPrice", MarketJson.eight(p.markPrice()));
                g.writeStringField("indexPrice", MarketJson.eight(p.indexPrice()));
                g.writeStringField("estimatedSettlePrice", MarketJson.eight(p.estimatedSettlePrice()));
                g.writeStringField("lastFundingRate", p.perpetual() ? MarketJson.eight(p.lastFundingRate()) : "");
                g.writeStringField("interestRate", p.perpetual() ? MarketJson.eight(p.interestRate()) : "");
                g.writeNumberField("nextFundingTime", p.nextFundingTime());
                g.writeNumberField("time", p.time());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
