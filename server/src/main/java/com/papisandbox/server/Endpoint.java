package com.papisandbox.server;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;

import java.util.Map;
import java.util.Set;

/**
 * One row of the route table: what an endpoint is (route, security, weight, parameters) and how it turns
 * a request into an engine call and the engine's answer into Binance JSON. The edge calls, in this order:
 * {@link #parse} (syntax of the endpoint's own parameters), then, for SIGNED endpoints, checks timestamp
 * and signature, then {@link #request} (meaning: symbol, precision), sends the request to the engine and
 * {@link #render}s the result.
 *
 * @param <R> the endpoint's parsed request
 */
public interface Endpoint<R> {
    Route route();

    Security security();

    /** IP request weight. */
    default Weight weight() {
        return Weight.of(1);
    }

    /** The parameters this endpoint reads, besides timestamp, recvWindow and signature. */
    Set<String> parameters();

    /** True if a success counts toward the account's ORDERS limit. */
    default boolean placesOrder() {
        return false;
    }

    R parse(ParamReader params);

    /**
     * The command or query for the engine; null when the edge answers alone (ping, time).
     * {@code accountId} is the caller's account, or -1 for an endpoint of security NONE.
     */
    EngineRequest request(long accountId, R request, Map<String, Instrument> instruments);

    /**
     * The success body; {@code result} is null when {@link #request} was. Throws {@link ApiException} when
     * the engine refused.
     */
    byte[] render(R request, Result result);

    static ApiException refused(Result result) {
        if (result instanceof Result.Rejected rejected) return new ApiException(ApiError.of(rejected.reason()));
        return new ApiException(ApiError.unknown());
    }
}
