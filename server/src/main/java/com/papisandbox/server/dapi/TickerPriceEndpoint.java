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

/** Symbol Price Ticker — {@code GET /dapi/v1/ticker/price} (spec §5.7): always an array; {@code ps} is the pair. */
final class TickerPriceEndpoint extends MarketDataEndpoint<MarketDataEndpoint.Selection> {
    TickerPriceEndpoint() {
        super("/dapi/v1/ticker/price", Weight.withOrWithout("symbol", 1, 2), Set.of("symbol", "pair"));
    }

    @Override
    public Selection parse(ParamReader p) {
        return selection(p);
    }

    @Override
    public EngineRequest request(long accountId, Selection s, Map<String, Instrument> instruments) {
        known(instruments, s.symbol());
        return new Query.PriceTicker(s.symbol(), s.pair());
    }

    @Override
    public byte[] render(Selection s, Result result) {
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.PriceTicker t : expect(result, Result.PriceTickers.class).tickers()) {
                g.writeStartObject();
                g.writeStringField("symbol", t.instrument().symbol());
                g.writeStringField("ps", t.instrument().pair());
                g.writeStringField("price", MarketJson.price(t.instrument(), t.price()));
                g.writeNumberField("time", t.time());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
