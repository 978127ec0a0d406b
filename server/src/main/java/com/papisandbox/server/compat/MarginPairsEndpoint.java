package com.papisandbox.server.compat;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /sapi/v1/margin/allPairs} and {@code GET /sapi/v1/margin/isolated/allPairs}: the sandbox has
 * no spot market, so no margin pair either; the list is {@code []} and any {@code symbol} is unknown.
 */
final class MarginPairsEndpoint extends DeclaredEndpoint<String> {
    private static final byte[] NONE = "[]".getBytes(StandardCharsets.US_ASCII);

    MarginPairsEndpoint(Route route, Security security, Weight weight) {
        super(route, security, weight, "symbol");
    }

    @Override
    public String parse(ParamReader params) {
        return params.optionalString("symbol");
    }

    /** The symbol is judged after the signature, as on every endpoint (docs/decisions.md). */
    @Override
    public EngineRequest request(long accountId, String symbol, Map<String, Instrument> instruments) {
        if (symbol != null) throw new ApiException(ApiError.invalidSymbol());
        return null;
    }

    @Override
    public byte[] render(String symbol, Result result) {
        return NONE.clone();
    }
}
