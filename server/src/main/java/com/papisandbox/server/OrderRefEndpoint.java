package com.papisandbox.server;

import java.util.List;

/** An endpoint that names one order of one symbol: cancel, query, query open order. */
abstract class OrderRefEndpoint implements SignedEndpoint<OrderRef> {
    private static final List<String> PARAMETERS = List.of(OrderRef.SYMBOL, OrderRef.ORDER_ID, OrderRef.ORIG_CLIENT_ORDER_ID);

    @Override
    public final List<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public final OrderRef parse(ParamReader p) {
        return OrderRef.parse(p);
    }
}
