package com.papisandbox.server;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;

import java.util.Set;
import java.util.Map;

/**
 * A TRADE / USER_DATA endpoint. The edge calls, in this order: {@link #parse} (syntax of the
 * endpoint's own parameters), then checks timestamp and signature, then {@link #command} (meaning:
 * symbol, precision), sends the command to the engine and {@link #render}s the result.
 *
 * @param <R> the endpoint's parsed request
 */
public interface SignedEndpoint<R> {
    /** The parameters this endpoint reads, besides timestamp, recvWindow and signature. */
    Set<String> parameters();

    /** IP request weight. */
    default int weight(RequestParams params) {
        return 1;
    }

    /** True if a success counts toward the account's ORDERS limit. */
    default boolean placesOrder() {
        return false;
    }

    R parse(ParamReader params);

    EngineRequest command(long accountId, R request, Map<String, Instrument> instruments);

    /** The success body; throws {@link ApiException} when the engine refused. */
    byte[] render(R request, Result result);

    static ApiException refused(Result result) {
        if (result instanceof Result.Rejected rejected) return new ApiException(ApiError.of(rejected.reason()));
        return new ApiException(ApiError.unknown());
    }
}
