package com.papisandbox.server.trade;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.LedgerViews;
import com.papisandbox.engine.Money;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.CoinFormat;
import com.papisandbox.server.Decimals;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.function.Function;
import java.util.Set;

/**
 * CM Account Trade List — {@code GET /papi/v1/cm/userTrades} (spec §6.11, papi-cm-next §2.9). The parameter
 * combination rules (symbol xor pair, fromId, the 24-hour window) are the engine's, in one place.
 */
final class UserTradesEndpoint extends DeclaredEndpoint<UserTradesEndpoint.Request> {
    private static final Set<String> PARAMETERS = Set.of("symbol", "pair", "orderId", "startTime", "endTime", "fromId", "limit");

    /** Any contract listed now or delivered earlier, by symbol: to render in its precision. */
    private final Function<String, Instrument> listed;

    UserTradesEndpoint(Function<String, Instrument> listed) {
        super(Route.get("/papi/v1/cm/userTrades"), Security.USER_DATA, Weight.symbolOrPair(20, 40), PARAMETERS);
        this.listed = listed;
    }

    record Request(String symbol, String pair, long orderId, long startTime, long endTime, long fromId, long limit) {
    }

    @Override
    public Request parse(ParamReader p) {
        return new Request(p.optionalString("symbol"), p.optionalString("pair"), p.optionalLong("orderId", -1),
                p.optionalLong("startTime", -1), p.optionalLong("endTime", -1), p.optionalLong("fromId", -1),
                p.optionalLong("limit", 50));
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        if (r.symbol() != null) ParamReader.instrument(instruments, r.symbol());
        return new Query.UserTrades(accountId, r.symbol(), r.pair(), r.orderId(), r.startTime(), r.endTime(),
                r.fromId(), (int) Math.min(r.limit(), Integer.MAX_VALUE));
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.UserTrades trades)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (LedgerViews.TradeView t : trades.trades()) write(g, t, listed.apply(t.symbol()));
            g.writeEndArray();
        });
    }

    /** The live key order; realizedPnl is "0" on an opening fill, 8 dp otherwise. */
    private static void write(com.fasterxml.jackson.core.JsonGenerator g, LedgerViews.TradeView t, Instrument in)
            throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("symbol", t.symbol());
        g.writeNumberField("id", t.id());
        g.writeNumberField("orderId", t.orderId());
        g.writeStringField("pair", t.pair());
        g.writeStringField("side", t.side().name());
        g.writeStringField("price", Decimals.price(in, t.price()));
        g.writeStringField("qty", Decimals.quantity(in, t.qty()));
        g.writeStringField("realizedPnl", CoinFormat.fixed8OrZero(t.realizedPnl(), Money.COIN_SCALE));
        g.writeStringField("marginAsset", t.marginAsset());
        g.writeStringField("baseQty", CoinFormat.fixed8(t.baseQty(), Money.COIN_SCALE));
        g.writeStringField("commission", CoinFormat.fixed8(t.commission(), Money.COIN_SCALE));
        g.writeStringField("commissionAsset", t.commissionAsset());
        g.writeNumberField("time", t.time());
        g.writeStringField("positionSide", t.positionSide().name());
        g.writeBooleanField("buyer", t.buyer());
        g.writeBooleanField("maker", t.maker());
        g.writeEndObject();
    }
}
