package com.papisandbox.server.trade;

import com.papisandbox.engine.Instrument;
import com.papisandbox.server.Endpoint;

import java.util.List;
import java.util.Map;

/** The PAPI CM trading surface (spec §5 "trade/…" pages). */
public final class TradeEndpoints {
    private TradeEndpoints() {
    }

    /** @param instruments to render trades in their instrument's precision */
    public static List<Endpoint<?>> all(Map<String, Instrument> instruments) {
        return List.of(new NewOrderEndpoint(), new ModifyOrderEndpoint(), new CancelOrderEndpoint(), new QueryOrderEndpoint(),
                new QueryOpenOrderEndpoint(), new QueryOpenOrdersEndpoint(), new CancelAllOpenOrdersEndpoint(),
                new OrderAmendmentEndpoint(), new AllOrdersEndpoint(), new UserTradesEndpoint(instruments));
    }
}
