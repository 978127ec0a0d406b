package com.papisandbox.server.conditional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.StrategyStatus;
import com.papisandbox.engine.StrategyView;
import com.papisandbox.server.Decimals;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The four shapes of a CM conditional order (spec §6.9, papi-cm-next §2.12): new, cancel, open (openOrder and
 * openOrders) and history (allOrders, orderHistory). Key orders are the live ones where a capture exists; each
 * shape is written out in full, as {@code OrderJson} does for orders.
 */
public final class StrategyJson {
    private StrategyJson() {
    }

    /** POST: the live 2024 key order; no {@code pair}; activatePrice and priceRate only for a trailing stop. */
    static void writeNew(JsonGenerator g, StrategyView s) throws IOException {
        Instrument in = s.instrument();
        g.writeStartObject();
        g.writeStringField("newClientStrategyId", s.clientStrategyId());
        g.writeNumberField("strategyId", s.strategyId());
        g.writeStringField("strategyStatus", s.status().name());
        g.writeStringField("strategyType", s.type().name());
        common(g, s, in);
        g.writeStringField("timeInForce", s.timeInForce().name());
        trailing(g, s, in);
        g.writeNumberField("bookTime", s.bookTime());
        g.writeNumberField("updateTime", s.updateTime());
        tail(g, s);
        g.writeEndObject();
    }

    /** DELETE: the live (UM) cancel key order; activatePrice and priceRate null unless trailing. */
    static void writeCanceled(JsonGenerator g, StrategyView s) throws IOException {
        Instrument in = s.instrument();
        g.writeStartObject();
        g.writeNumberField("strategyId", s.strategyId());
        g.writeStringField("newClientStrategyId", s.clientStrategyId());
        g.writeStringField("strategyType", s.type().name());
        g.writeStringField("strategyStatus", s.status().name());
        common(g, s, in);
        g.writeStringField("timeInForce", s.timeInForce().name());
        if (s.type().trailing()) {
            trailing(g, s, in);
        } else {
            g.writeNullField("activatePrice");
            g.writeNullField("priceRate");
        }
        g.writeNumberField("bookTime", s.bookTime());
        g.writeNumberField("updateTime", s.updateTime());
        tail(g, s);
        g.writeEndObject();
    }

    /** openOrder and openOrders: the live key order, timeInForce after updateTime. */
    static void writeOpen(JsonGenerator g, StrategyView s) throws IOException {
        Instrument in = s.instrument();
        g.writeStartObject();
        g.writeStringField("newClientStrategyId", s.clientStrategyId());
        g.writeNumberField("strategyId", s.strategyId());
        g.writeStringField("strategyStatus", s.status().name());
        g.writeStringField("strategyType", s.type().name());
        common(g, s, in);
        g.writeNumberField("bookTime", s.bookTime());
        g.writeNumberField("updateTime", s.updateTime());
        g.writeStringField("timeInForce", s.timeInForce().name());
        trailing(g, s, in);
        tail(g, s);
        g.writeEndObject();
    }

    /**
     * allOrders and orderHistory rows: the doc's key order with the triggered order's id, status and type and the
     * trigger time (0, and the status NEW, before any trigger); orderHistory adds priceMatch. A cancelled strategy
     * reads "CANCELLED" here, as the live (UM) allOrders rows spell it.
     */
    static void writeHistory(JsonGenerator g, StrategyView s, boolean withPriceMatch) throws IOException {
        Instrument in = s.instrument();
        g.writeStartObject();
        g.writeStringField("newClientStrategyId", s.clientStrategyId());
        g.writeNumberField("strategyId", s.strategyId());
        g.writeStringField("strategyStatus", s.status() == StrategyStatus.CANCELED ? "CANCELLED" : s.status().name());
        g.writeStringField("strategyType", s.type().name());
        common(g, s, in);
        g.writeNumberField("orderId", s.orderId());
        g.writeStringField("status", s.orderStatus() == null ? "NEW" : s.orderStatus().name());
        g.writeNumberField("bookTime", s.bookTime());
        g.writeNumberField("updateTime", s.updateTime());
        g.writeNumberField("triggerTime", s.triggerTime());
        g.writeStringField("timeInForce", s.timeInForce().name());
        g.writeStringField("type", s.orderType().name());
        trailing(g, s, in);
        tail(g, s);
        if (withPriceMatch) g.writeStringField("priceMatch", "NONE");
        g.writeEndObject();
    }

    /** origQty … symbol, the run every shape shares. */
    private static void common(JsonGenerator g, StrategyView s, Instrument in) throws IOException {
        g.writeStringField("origQty", Decimals.quantity(in, s.quantity()));
        g.writeStringField("price", Decimals.price(in, s.price()));
        g.writeBooleanField("reduceOnly", s.reduceOnly());
        g.writeStringField("side", s.side().name());
        g.writeStringField("positionSide", s.positionSide().name());
        g.writeStringField("stopPrice", Decimals.price(in, s.stopPrice()));
        g.writeStringField("symbol", in.symbol());
    }

    private static void trailing(JsonGenerator g, StrategyView s, Instrument in) throws IOException {
        if (!s.type().trailing()) return;
        g.writeStringField("activatePrice", Decimals.price(in, s.activationPrice()));
        g.writeStringField("priceRate", priceRate(s));
    }

    private static void tail(JsonGenerator g, StrategyView s) throws IOException {
        g.writeStringField("workingType", s.workingType().name());
        g.writeBooleanField("priceProtect", s.priceProtect());
    }

    /** The callback rate in percent with one decimal ("0.5", "5.0"), as the doc example's {@code cr}. */
    public static String priceRate(StrategyView s) {
        return BigDecimal.valueOf(s.callbackRate(), 1).toPlainString();
    }
}
