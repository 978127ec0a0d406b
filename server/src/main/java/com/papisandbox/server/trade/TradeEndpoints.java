package com.papisandbox.server.trade;

import com.papisandbox.server.Endpoint;

import java.util.List;

/** The PAPI CM trading surface (spec §5 "trade/…" pages). */
public final class TradeEndpoints {
    private TradeEndpoints() {
    }

    public static List<Endpoint<?>> all() {
        return List.of(new NewOrderEndpoint(), new ModifyOrderEndpoint(), new CancelOrderEndpoint(), new QueryOrderEndpoint(),
                new QueryOpenOrderEndpoint(), new QueryOpenOrdersEndpoint(), new CancelAllOpenOrdersEndpoint(),
                new OrderAmendmentEndpoint());
    }
}
