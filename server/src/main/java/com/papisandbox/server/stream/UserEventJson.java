package com.papisandbox.server.stream;

import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.StrategyView;
import com.papisandbox.server.CoinFormat;
import com.papisandbox.server.Decimals;
import com.papisandbox.server.Json;
import com.papisandbox.server.conditional.StrategyJson;
import com.papisandbox.server.trade.OrderJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The user data stream's JSON (spec §8, spec-next §4.3–4.9), in the key order of the live PAPI bodies:
 * {@code e, T, E, i, fs} and then the payload. Event time and transaction time are both the command's
 * timestamp: the sandbox publishes an event the moment its command is durable.
 */
final class UserEventJson {
    private UserEventJson() {
    }

    static String render(UserEvent event, String alias) {
        byte[] json;
        if (event instanceof UserEvent.OrderUpdate u) json = order(u, alias);
        else if (event instanceof UserEvent.AccountUpdate u) json = account(u, alias);
        else if (event instanceof UserEvent.ConfigUpdate u) json = config(u);
        else if (event instanceof UserEvent.StrategyUpdate u) json = strategy(u, alias);
        else if (event instanceof UserEvent.RiskLevelChange u) json = risk(u);
        else throw new IllegalArgumentException("unknown user event " + event);
        return new String(json, StandardCharsets.UTF_8);
    }

    static String listenKeyExpired(long time) {
        return "{\"e\":\"listenKeyExpired\",\"E\":" + time + "}";
    }

    /** The live CM bodies' opening keys: {@code e, T, E, i, fs} (the object is left open for the payload). */
    private static void envelope(com.fasterxml.jackson.core.JsonGenerator g, String type, long time, String alias) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("e", type);
        g.writeNumberField("T", time);
        g.writeNumberField("E", time);
        g.writeStringField("i", alias);
        g.writeStringField("fs", "CM");
    }

    private static byte[] order(UserEvent.OrderUpdate u, String alias) {
        OrderView o = u.order();
        Instrument in = o.instrument();
        return Json.write(g -> {
            envelope(g, "ORDER_TRADE_UPDATE", u.time(), alias);
            g.writeObjectFieldStart("o");
            g.writeStringField("s", in.symbol());
            g.writeStringField("c", o.clientOrderId());
            g.writeStringField("S", o.side().name());
            boolean liquidation = o.liquidation();
            g.writeStringField("o", liquidation ? "LIQUIDATION" : o.type().name());
            g.writeStringField("f", OrderJson.timeInForce(o));
            g.writeStringField("q", Decimals.quantity(in, o.origQty()));
            g.writeStringField("p", Decimals.price(in, o.price()));
            g.writeStringField("ap", Decimals.avgPriceOpenOrder(o.avgPrice()));
            g.writeStringField("sp", u.strategy() == null ? "0" : Decimals.price(in, u.strategy().stopPrice()));
            // a liquidation's fills are Binance's CALCULATED executions (spec §8.1 `x`)
            g.writeStringField("x", liquidation && u.executionType().equals("TRADE") ? "CALCULATED" : u.executionType());
            g.writeStringField("X", o.status().name());
            g.writeNumberField("i", o.orderId());
            g.writeStringField("l", Decimals.quantity(in, u.lastQty()));
            g.writeStringField("z", Decimals.quantity(in, o.executedQty()));
            g.writeStringField("L", Decimals.price(in, u.lastPrice()));
            g.writeStringField("n", CoinFormat.fixed8OrZero(u.commission(), 8));
            g.writeStringField("N", u.commissionAsset());
            g.writeNumberField("T", u.time());
            g.writeNumberField("t", u.tradeId());
            g.writeStringField("b", CoinFormat.stripped(u.bidNotional(), 8));
            g.writeStringField("a", CoinFormat.stripped(u.askNotional(), 8));
            g.writeBooleanField("m", u.maker());
            g.writeBooleanField("R", o.reduceOnly());
            g.writeStringField("ps", o.positionSide().name());
            g.writeStringField("rp", CoinFormat.fixed8OrZero(u.realizedPnl(), 8));
            if (u.strategy() != null) {
                // only on an order a conditional order placed (papi-cm-next §4.4)
                g.writeStringField("st", "C_" + u.strategy().type().name());
                g.writeNumberField("si", u.strategy().strategyId());
            }
            g.writeStringField("V", "EXPIRE_NONE");
            g.writeStringField("pm", "PM_NONE");
            g.writeNumberField("gtd", 0);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static byte[] account(UserEvent.AccountUpdate u, String alias) {
        return Json.write(g -> {
            envelope(g, "ACCOUNT_UPDATE", u.time(), alias);
            g.writeObjectFieldStart("a");
            g.writeArrayFieldStart("B");
            g.writeStartObject();
            g.writeStringField("a", u.asset());
            g.writeStringField("wb", CoinFormat.fixed8(u.wallet(), 8));
            g.writeStringField("cw", CoinFormat.fixed8(u.wallet(), 8));
            g.writeStringField("bc", CoinFormat.fixed8OrZero(u.balanceChange(), 8));
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("P");
            for (UserEvent.Position p : u.positions()) {
                g.writeStartObject();
                g.writeStringField("s", p.symbol());
                g.writeStringField("pa", BigDecimal.valueOf(p.amount()).toPlainString());
                g.writeStringField("ep", p.amount() == 0 ? "0" : CoinFormat.significant13(p.entryPrice()));
                g.writeStringField("cr", CoinFormat.fixed8OrZero(p.accumulatedRealized(), 8));
                g.writeStringField("up", CoinFormat.fixed8OrZero(p.unrealizedPnl(), 8));
                g.writeStringField("ps", p.side().name());
                // a number, not a string, in the live CM body; plain digits, never an exponent
                g.writeFieldName("bep");
                g.writeNumber(p.amount() == 0 ? "0" : p.breakEvenPrice().toPlainString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("m", u.reason() == com.papisandbox.engine.Event.Reason.DELIVERY ? "ORDER" : u.reason().name());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * CONDITIONAL_ORDER_TRADE_UPDATE (papi-cm-next §4.7) in the doc's {@code so} key order, after the CM envelope.
     * AP and cr are a trailing stop's ("0" for the other types); i is the triggered order (0 before).
     */
    private static byte[] strategy(UserEvent.StrategyUpdate u, String alias) {
        StrategyView s = u.strategy();
        Instrument in = s.instrument();
        return Json.write(g -> {
            envelope(g, "CONDITIONAL_ORDER_TRADE_UPDATE", u.time(), alias);
            g.writeObjectFieldStart("so");
            g.writeStringField("s", in.symbol());
            g.writeStringField("c", s.clientStrategyId());
            g.writeNumberField("si", s.strategyId());
            g.writeStringField("S", s.side().name());
            g.writeStringField("st", s.type().name());
            g.writeStringField("f", s.timeInForce().name());
            g.writeStringField("q", Decimals.quantity(in, s.quantity()));
            g.writeStringField("p", Decimals.price(in, s.price()));
            g.writeStringField("sp", Decimals.price(in, s.stopPrice()));
            g.writeStringField("os", s.status().name());
            g.writeNumberField("T", s.bookTime());
            g.writeNumberField("ut", s.updateTime());
            g.writeBooleanField("R", s.reduceOnly());
            g.writeStringField("wt", s.workingType().name());
            g.writeStringField("ps", s.positionSide().name());
            g.writeBooleanField("cp", false);
            g.writeStringField("AP", s.type().trailing() ? Decimals.price(in, s.activationPrice()) : "0");
            g.writeStringField("cr", s.type().trailing() ? StrategyJson.priceRate(s) : "0");
            g.writeNumberField("i", s.orderId());
            g.writeStringField("V", "EXPIRE_NONE");
            g.writeNumberField("gtd", 0);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** The doc's example and key order; no {@code fs}: the risk level is the portfolio's. */
    private static byte[] risk(UserEvent.RiskLevelChange u) {
        int usd = com.papisandbox.engine.Money.USD_SCALE;
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("e", "riskLevelChange");
            g.writeNumberField("E", u.time());
            g.writeStringField("u", CoinFormat.fixed8(u.uniMmr(), com.papisandbox.engine.Money.RATE_SCALE));
            g.writeStringField("s", u.level());
            g.writeStringField("eq", CoinFormat.fixed8(u.equity(), usd));
            g.writeStringField("ae", CoinFormat.fixed8(u.actualEquity(), usd));
            g.writeStringField("m", CoinFormat.fixed8(u.maintMargin(), usd));
            g.writeEndObject();
        });
    }

    private static byte[] config(UserEvent.ConfigUpdate u) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("e", "ACCOUNT_CONFIG_UPDATE");
            g.writeStringField("fs", "CM");
            g.writeNumberField("E", u.time());
            g.writeNumberField("T", u.time());
            g.writeObjectFieldStart("ac");
            g.writeStringField("s", u.symbol());
            g.writeNumberField("l", u.leverage());
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
