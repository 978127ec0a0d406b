package com.papisandbox.server.conditional;

import com.papisandbox.server.Endpoint;

import java.util.List;

/** The CM conditional (strategy) order surface: {@code /papi/v1/cm/conditional/*} (spec §5, §6.9). */
public final class ConditionalEndpoints {
    private ConditionalEndpoints() {
    }

    public static List<Endpoint<?>> all() {
        return List.of(new NewStrategyEndpoint(), new CancelStrategyEndpoint(), new CancelAllStrategiesEndpoint(),
                new QueryOpenStrategyEndpoint(), new QueryOpenStrategiesEndpoint(), new AllStrategiesEndpoint(),
                new StrategyHistoryEndpoint());
    }
}
