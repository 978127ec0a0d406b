package com.papisandbox.server.trade;

import com.papisandbox.engine.Instrument;
import com.papisandbox.server.Endpoint;

import java.util.List;
import java.util.function.Function;
import java.util.Map;

/** The PAPI CM trading surface (spec §5 "trade/…" pages). */
public final class TradeEndpoints {
    private TradeEndpoints() {
    }

    /** @param listed any contract listed now or delivered earlier, by symbol: to render trades in its precision */
    public static List<Endpoint<?>> all(Function<String, Instrument> listed) {
        return List.of(new NewOrderEndpoint(), new ModifyOrderEndpoint(), new CancelOrderEndpoint(), new QueryOrderEndpoint(),
                new QueryOpenOrderEndpoint(), new QueryOpenOrdersEndpoint(), new CancelAllOpenOrdersEndpoint(),
                new OrderAmendmentEndpoint(), new AllOrdersEndpoint(), new UserTradesEndpoint(listed), new ForceOrdersEndpoint(), new AdlQuantileEndpoint());
    }
}
