package com.papisandbox.server.dapi;

import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.RateLimits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /dapi/v1/exchangeInfo}, unsigned, in the live key order (spec §11): ccxt's unified
 * methods load markets from it before trading PAPI CM.
 */
public final class ExchangeInfo {
    private final String symbolsJson;

    public ExchangeInfo(InstrumentCatalog catalog) {
        JsonArray symbols = new JsonArray();
        catalog.rows().forEach(symbols::add);
        this.symbolsJson = symbols.encode();
    }

    public byte[] render(long serverTime) {
        JsonArray rateLimits = new JsonArray()
                .add(new JsonObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
                        .put("limit", RateLimits.IP_WEIGHT_PER_MINUTE))
                .add(new JsonObject().put("rateLimitType", "ORDERS").put("interval", "MINUTE").put("intervalNum", 1)
                        .put("limit", RateLimits.ORDERS_PER_MINUTE));
        String json = "{\"timezone\":\"UTC\",\"serverTime\":" + serverTime + ",\"rateLimits\":" + rateLimits.encode()
                + ",\"exchangeFilters\":[],\"symbols\":" + symbolsJson + "}";
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
