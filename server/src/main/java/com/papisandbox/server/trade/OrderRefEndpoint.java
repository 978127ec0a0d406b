package com.papisandbox.server.trade;

import com.papisandbox.server.Endpoint;
import com.papisandbox.server.ParamReader;

import java.util.Set;

/** An endpoint that names one order of one symbol: cancel, query, query open order. */
abstract class OrderRefEndpoint implements Endpoint<OrderRef> {
    private static final Set<String> PARAMETERS = Set.of(OrderRef.SYMBOL, OrderRef.ORDER_ID, OrderRef.ORIG_CLIENT_ORDER_ID);

    @Override
    public final Set<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public final OrderRef parse(ParamReader p) {
        return OrderRef.parse(p);
    }
}
