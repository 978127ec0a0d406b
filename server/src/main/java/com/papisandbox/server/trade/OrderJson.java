package com.papisandbox.server.trade;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.TimeInForce;
import com.papisandbox.server.Decimals;

import java.io.IOException;
import java.util.List;

/**
 * The five shapes Binance uses for a CM order (spec §6, papi-cm-next §2.10). They differ in fields, key order and how a
 * zero average price looks, so each is written out in full rather than assembled from options.
 */
public final class OrderJson {
    private OrderJson() {
    }

    /** Cancel CM Order (§6.1): the doc order with origQty last, as a live PAPI CM cancel (papi-cm-next §12). */
    public static void writeCanceled(JsonGenerator g, OrderView o) throws IOException {
        Instrument in = o.instrument();
        g.writeStartObject();
        g.writeStringField("avgPrice", Decimals.avgPricePadded(o.avgPrice()));
        g.writeStringField("clientOrderId", o.clientOrderId());
        g.writeStringField("cumQty", Decimals.quantity(in, o.executedQty()));
        g.writeStringField("cumBase", Decimals.cumBase(o.cumBase()));
        g.writeStringField("executedQty", Decimals.quantity(in, o.executedQty()));
        g.writeNumberField("orderId", o.orderId());
        g.writeStringField("price", Decimals.price(in, o.price()));
        g.writeBooleanField("reduceOnly", o.reduceOnly());
        g.writeStringField("side", o.side().name());
        g.writeStringField("positionSide", o.positionSide().name());
        g.writeStringField("status", o.status().name());
        g.writeStringField("symbol", in.symbol());
        g.writeStringField("pair", in.pair());
        g.writeStringField("timeInForce", timeInForce(o));
        g.writeStringField("type", o.type().name());
        g.writeNumberField("updateTime", o.updateTime());
        g.writeStringField("origQty", Decimals.quantity(in, o.origQty()));
        g.writeEndObject();
    }

    /** New CM Order (§6.2): the live key order (a Java HashMap's iteration order). */
    public static void writeNew(JsonGenerator g, OrderView o) throws IOException {
        Instrument in = o.instrument();
        g.writeStartObject();
        g.writeStringField("symbol", in.symbol());
        g.writeStringField("side", o.side().name());
        g.writeStringField("cumBase", Decimals.cumBase(o.cumBase()));
        g.writeStringField("executedQty", Decimals.quantity(in, o.executedQty()));
        g.writeNumberField("orderId", o.orderId());
        g.writeStringField("avgPrice", Decimals.avgPricePadded(o.avgPrice()));
        g.writeStringField("origQty", Decimals.quantity(in, o.origQty()));
        g.writeStringField("clientOrderId", o.clientOrderId());
        g.writeStringField("positionSide", o.positionSide().name());
        g.writeStringField("cumQty", Decimals.quantity(in, o.executedQty()));
        g.writeNumberField("updateTime", o.updateTime());
        g.writeStringField("type", o.type().name());
        g.writeStringField("pair", in.pair());
        g.writeBooleanField("reduceOnly", o.reduceOnly());
        g.writeStringField("price", Decimals.price(in, o.price()));
        g.writeStringField("timeInForce", timeInForce(o));
        g.writeStringField("status", o.status().name());
        g.writeEndObject();
    }

    /**
     * Modify CM Order (papi-cm-next §2.10): the doc's 18 fields in doc order; {@code modifyId} (after
     * clientOrderId, where spec §6.3 lists it) only when the request sent one (negative: not sent).
     */
    public static void writeModified(JsonGenerator g, OrderView o, long modifyId) throws IOException {
        Instrument in = o.instrument();
        g.writeStartObject();
        g.writeNumberField("orderId", o.orderId());
        g.writeStringField("symbol", in.symbol());
        g.writeStringField("pair", in.pair());
        g.writeStringField("status", o.status().name());
        g.writeStringField("clientOrderId", o.clientOrderId());
        if (modifyId >= 0) g.writeNumberField("modifyId", modifyId);
        g.writeStringField("price", Decimals.price(in, o.price()));
        g.writeStringField("avgPrice", Decimals.avgPricePadded(o.avgPrice()));
        g.writeStringField("origQty", Decimals.quantity(in, o.origQty()));
        g.writeStringField("executedQty", Decimals.quantity(in, o.executedQty()));
        g.writeStringField("cumQty", Decimals.quantity(in, o.executedQty()));
        g.writeStringField("cumBase", Decimals.cumBase(o.cumBase()));
        g.writeStringField("timeInForce", timeInForce(o));
        g.writeStringField("type", o.type().name());
        g.writeBooleanField("reduceOnly", o.reduceOnly());
        g.writeStringField("side", o.side().name());
        g.writeStringField("positionSide", o.positionSide().name());
        g.writeStringField("origType", o.type().name());
        g.writeNumberField("updateTime", o.updateTime());
        g.writeEndObject();
    }

    /** Query CM Order (§6.5, the allOrders item): positionSide last, zero avgPrice padded. */
    public static void writeQueried(JsonGenerator g, OrderView o) throws IOException {
        Instrument in = o.instrument();
        g.writeStartObject();
        writeQueryHead(g, o, in, Decimals.avgPricePadded(o.avgPrice()));
        g.writeStringField("origType", o.type().name());
        g.writeNumberField("time", o.time());
        g.writeNumberField("updateTime", o.updateTime());
        g.writeStringField("positionSide", o.positionSide().name());
        g.writeEndObject();
    }

    /** Query User's CM Force Orders (§6.12): Query CM Order's fields with positionSide before origType. */
    public static void writeForceOrder(JsonGenerator g, OrderView o) throws IOException {
        Instrument in = o.instrument();
        g.writeStartObject();
        writeQueryHead(g, o, in, Decimals.avgPricePadded(o.avgPrice()));
        g.writeStringField("positionSide", o.positionSide().name());
        g.writeStringField("origType", o.type().name());
        g.writeNumberField("time", o.time());
        g.writeNumberField("updateTime", o.updateTime());
        g.writeEndObject();
    }

    /** Query Current CM Open Order(s) (§6.6/6.7): positionSide before origType, zero avgPrice "0". */
    public static void writeOpen(JsonGenerator g, OrderView o) throws IOException {
        Instrument in = o.instrument();
        g.writeStartObject();
        writeQueryHead(g, o, in, Decimals.avgPriceOpenOrder(o.avgPrice()));
        g.writeStringField("positionSide", o.positionSide().name());
        g.writeStringField("origType", o.type().name());
        g.writeNumberField("time", o.time());
        g.writeNumberField("updateTime", o.updateTime());
        g.writeEndObject();
    }

    public static void writeOpenList(JsonGenerator g, List<OrderView> orders) throws IOException {
        g.writeStartArray();
        for (OrderView o : orders) writeOpen(g, o);
        g.writeEndArray();
    }

    private static void writeQueryHead(JsonGenerator g, OrderView o, Instrument in, String avgPrice) throws IOException {
        g.writeNumberField("orderId", o.orderId());
        g.writeStringField("symbol", in.symbol());
        g.writeStringField("pair", in.pair());
        g.writeStringField("status", o.status().name());
        g.writeStringField("clientOrderId", o.clientOrderId());
        g.writeStringField("price", Decimals.price(in, o.price()));
        g.writeStringField("avgPrice", avgPrice);
        g.writeStringField("origQty", Decimals.quantity(in, o.origQty()));
        g.writeStringField("executedQty", Decimals.quantity(in, o.executedQty()));
        g.writeStringField("cumBase", Decimals.cumBase(o.cumBase()));
        g.writeStringField("timeInForce", timeInForce(o));
        g.writeStringField("type", o.type().name());
        g.writeBooleanField("reduceOnly", o.reduceOnly());
        g.writeStringField("side", o.side().name());
    }

    /** MARKET orders carry no time in force; Binance shows them as GTC (replies and stream events). */
    public static String timeInForce(OrderView o) {
        return o.timeInForce() == null ? TimeInForce.GTC.name() : o.timeInForce().name();
    }
}
