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

/** Symbol Order Book Ticker — {@code GET /dapi/v1/ticker/bookTicker} (spec §5.8): always an array. */
final class BookTickerEndpoint extends MarketDataEndpoint<MarketDataEndpoint.Selection> {
    BookTickerEndpoint() {
        super("/dapi/v1/ticker/bookTicker", Weight.withOrWithout("symbol", 2, 5), Set.of("symbol", "pair"));
    }

    @Override
    public Selection parse(ParamReader p) {
        return selection(p);
    }

    @Override
    public EngineRequest request(long accountId, Selection s, Map<String, Instrument> instruments) {
        known(instruments, s.symbol());
        return new Query.BookTicker(s.symbol(), s.pair());
    }

    @Override
    public byte[] render(Selection s, Result result) {
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.BookTicker t : expect(result, Result.BookTickers.class).tickers()) {
                Instrument i = t.instrument();
                g.writeStartObject();
                g.writeNumberField("lastUpdateId", t.lastUpdateId());
                g.writeStringField("symbol", i.symbol());
                g.writeStringField("pair", i.pair());
                g.writeStringField("bidPrice", MarketJson.price(i, t.bidPrice()));
                g.writeStringField("bidQty", MarketJson.qty(i, t.bidQty()));
                g.writeStringField("askPrice", MarketJson.price(i, t.askPrice()));
                g.writeStringField("askQty", MarketJson.qty(i, t.askQty()));
                g.writeNumberField("time", t.time());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
