package com.papisandbox.server.trade;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.engine.Amendment;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.Decimals;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** Query CM Modify Order History — {@code GET /papi/v1/cm/orderAmendment} (papi-cm-next §2.11, spec §6.10). */
final class OrderAmendmentEndpoint extends DeclaredEndpoint<OrderAmendmentEndpoint.Request> {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final Set<String> PARAMETERS = Set.of(OrderRef.SYMBOL, OrderRef.ORDER_ID, OrderRef.ORIG_CLIENT_ORDER_ID,
            "startTime", "endTime", "limit");

    /** startTime/endTime: inclusive, negative when not sent. */
    record Request(OrderRef order, long startTime, long endTime, int limit) {
    }

    /** The doc page says TRADE for this read (sic); Binance's word is kept. */
    OrderAmendmentEndpoint() {
        super(Route.get("/papi/v1/cm/orderAmendment"), Security.TRADE, Weight.of(1), PARAMETERS);
    }

    @Override
    public Request parse(ParamReader p) {
        OrderRef order = OrderRef.parse(p);
        long startTime = p.optionalLong("startTime", -1);
        long endTime = p.optionalLong("endTime", -1);
        long limit = p.optionalLong("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) throw new ApiException(ApiError.invalidParameter("limit"));
        return new Request(order, startTime, endTime, (int) limit);
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        OrderRef o = r.order();
        ParamReader.instrument(instruments, o.symbol());
        return new Query.OrderAmendments(accountId, o.symbol(), o.orderId(), o.origClientOrderId(),
                Math.max(r.startTime(), 0), r.endTime() < 0 ? Long.MAX_VALUE : r.endTime(), r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Amendments found)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (Amendment a : found.amendments()) write(g, a);
            g.writeEndArray();
        });
    }

    /** The doc's row: ids, time and count are numbers; prices and quantities strings. */
    private static void write(JsonGenerator g, Amendment a) throws IOException {
        Instrument in = a.instrument();
        g.writeStartObject();
        g.writeNumberField("amendmentId", a.amendmentId());
        g.writeStringField("symbol", in.symbol());
        g.writeStringField("pair", in.pair());
        g.writeNumberField("orderId", a.orderId());
        g.writeStringField("clientOrderId", a.clientOrderId());
        g.writeNumberField("time", a.time());
        g.writeObjectFieldStart("amendment");
        g.writeObjectFieldStart("price");
        g.writeStringField("before", Decimals.price(in, a.priceBefore()));
        g.writeStringField("after", Decimals.price(in, a.priceAfter()));
        g.writeEndObject();
        g.writeObjectFieldStart("origQty");
        g.writeStringField("before", Decimals.quantity(in, a.origQtyBefore()));
        g.writeStringField("after", Decimals.quantity(in, a.origQtyAfter()));
        g.writeEndObject();
        g.writeNumberField("count", a.count());
        g.writeEndObject();
        g.writeEndObject();
    }
}
