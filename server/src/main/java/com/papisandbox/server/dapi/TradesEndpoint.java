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
import java.util.function.Function;
import java.util.Set;

/** Recent Trades List — {@code GET /dapi/v1/trades} (spec §5.4): order-book trades, oldest first. */
final class TradesEndpoint extends MarketDataEndpoint<TradesEndpoint.Request> {
    /** Any contract listed now or delivered earlier, by symbol: to render in its precision. */
    private final Function<String, Instrument> listed;

    record Request(String symbol, int limit) {
    }

    TradesEndpoint(Function<String, Instrument> listed) {
        super("/dapi/v1/trades", Weight.of(5), Set.of("symbol", "limit"));
        this.listed = listed;
    }

    @Override
    public Request parse(ParamReader p) {
        return new Request(p.requiredString("symbol"), limit(p, 500, 1000));
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        known(instruments, r.symbol());
        return new Query.RecentTrades(r.symbol(), r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        Instrument instrument = listed.apply(r.symbol());
        return Json.write(g -> {
            g.writeStartArray();
            for (MarketView.Trade t : expect(result, Result.Trades.class).trades()) {
                g.writeStartObject();
                g.writeNumberField("id", t.id());
                g.writeStringField("price", MarketJson.price(instrument, t.price()));
                g.writeStringField("qty", MarketJson.qty(instrument, t.qty()));
                g.writeStringField("baseQty", MarketJson.eight(t.baseQty()));
                g.writeNumberField("time", t.time());
                g.writeBooleanField("isBuyerMaker", t.buyerMaker());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
