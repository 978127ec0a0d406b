package com.papisandbox.server.dapi;

import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;

/**
 * A public COIN-M market-data endpoint (security NONE): its route, weight and parameters as data, and the
 * parameter rules they share (spec papi-cm-next §5).
 */
abstract class MarketDataEndpoint<R> extends DeclaredEndpoint<R> {
    MarketDataEndpoint(String path, Weight weight, Set<String> parameters) {
        super(Route.get(path), Security.NONE, weight, parameters);
    }

    /** The symbol or pair a ticker endpoint selects; neither means every symbol. */
    record Selection(String symbol, String pair) {
    }

    static Selection selection(ParamReader p) {
        Selection s = new Selection(p.optionalString("symbol"), p.optionalString("pair"));
        symbolOrPair(s.symbol(), s.pair());
        return s;
    }

    /** {@code limit}, or its default when absent; outside 1..max is -1130. */
    static int limit(ParamReader p, int defaultLimit, int max) {
        long limit = p.optionalLong("limit", defaultLimit);
        if (limit < 1 || limit > max) throw new ApiException(ApiError.invalidParameter("limit"));
        return (int) limit;
    }

    /** -1121 for a symbol the sandbox does not list. */
    static void known(Map<String, Instrument> instruments, String symbol) {
        if (symbol != null) ParamReader.instrument(instruments, symbol);
    }

    /** symbol and pair are alternatives: both is -1128. */
    static void symbolOrPair(String symbol, String pair) {
        if (symbol != null && pair != null) throw new ApiException(ApiError.invalidCombination());
    }

    static <T extends Result> T expect(Result result, Class<T> type) {
        if (!type.isInstance(result)) throw Endpoint.refused(result);
        return type.cast(result);
    }
}
