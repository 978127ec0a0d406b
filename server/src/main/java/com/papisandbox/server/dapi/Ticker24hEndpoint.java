package com.papisandbox.server.dapi;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.MarketView;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Weight;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * 24hr Ticker Price Change Statistics — {@code GET /dapi/v1/ticker/24hr} (spec §5.10): always an array;
 * the percentage with 3 decimals, the weighted average price with 8.
 */
final class Ticker24hEndpoint extends MarketDataEndpoint<MarketDataEndpoint.Selection> {
    Ticker24hEndpoint() {
        super("/dapi/v1/ticker/24hr", Weight.withOrWithout("symbol", 1, 40), Set.of("symbol", "pair"));
    }

    @Override
    public Selection parse(ParamReader p) {
        return selection(p);
    }

    @Override
    public EngineRequest request(long accountId, Selection s, Map<String, Instrument> instruments) {
        known(instruments, s.symbol());
        return new Query.Ticker24h(s.symbol(), s.pair());
    }

    @Override
    public byte[] render(Selection s, Result result) {
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.Ticker24h t : expect(result, Result.Tickers24h.class).tickers()) {
                Instrument i = t.instrument();
                g.writeStartObject();
                g.writeStringField("symbol", i.symbol());
                g.writeStringField("pair", i.pair());
                g.writeStringField("priceChange", MarketJson.price(i, t.priceChange()));
                g.writeStringField("priceChangePercent", BigDecimal.valueOf(t.priceChangePercent(), 3).toPlainString());
                g.writeStringField("weightedAvgPrice", MarketJson.eight(t.weightedAvgPrice()));
                g.writeStringField("lastPrice", MarketJson.price(i, t.lastPrice()));
                g.writeStringField("lastQty", MarketJson.qty(i, t.lastQty()));
                g.writeStringField("openPrice", MarketJson.price(i, t.openPrice()));
                g.writeStringField("highPrice", MarketJson.price(i, t.highPrice()));
                g.writeStringField("lowPrice", MarketJson.price(i, t.lowPrice()));
                g.writeStringField("volume", MarketJson.qty(i, t.volume()));
                g.writeStringField("baseVolume", MarketJson.eight(t.baseVolume()));
                g.writeNumberField("openTime", t.openTime());
                g.writeNumberField("closeTime", t.closeTime());
                g.writeNumberField("firstId", t.firstId());
                g.writeNumberField("lastId", t.lastId());
                g.writeNumberField("count", t.count());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
