package com.papisandbox.server.conditional;

import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.ParamReader;

import java.util.Set;

/** The strategy a cancel or lookup names: by {@code strategyId} (wins when both are sent) or its client id. */
record StrategyRef(String symbol, long strategyId, String clientStrategyId) {
    static final Set<String> PARAMETERS = Set.of("symbol", "strategyId", "newClientStrategyId");

    static StrategyRef parse(ParamReader p) {
        String symbol = p.requiredString("symbol");
        long strategyId = p.optionalLong("strategyId", -1);
        String clientStrategyId = p.optionalString("newClientStrategyId");
        if (strategyId < 0 && clientStrategyId == null) throw new ApiException(ApiError.eitherParam("strategyId", "newClientStrategyId"));
        return new StrategyRef(symbol, strategyId, strategyId >= 0 ? null : clientStrategyId);
    }
}
