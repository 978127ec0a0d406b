package com.papisandbox.server.compat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.server.Json;

import java.io.IOException;

/**
 * {@code GET /api/v3/exchangeInfo} (spot) and {@code GET /fapi/v1/exchangeInfo} (USDⓈ-M) in Binance's key
 * order, with no symbols: the sandbox lists only COIN-M instruments. The rate limits are the ones those
 * hosts publish, since a client sizes its own throttle for that host from them.
 */
final class EmptyExchangeInfo {
    private EmptyExchangeInfo() {
    }

    static byte[] spot(long serverTime) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("timezone", "UTC");
            g.writeNumberField("serverTime", serverTime);
            g.writeArrayFieldStart("rateLimits");
            limit(g, "REQUEST_WEIGHT", "MINUTE", 1, 6000);
            limit(g, "ORDERS", "SECOND", 10, 100);
            limit(g, "ORDERS", "DAY", 1, 200000);
            limit(g, "RAW_REQUESTS", "MINUTE", 5, 61000);
            g.writeEndArray();
            g.writeArrayFieldStart("exchangeFilters");
            g.writeEndArray();
            g.writeArrayFieldStart("symbols");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** No UM symbol means no UM margin asset either, so {@code assets} is empty too. */
    static byte[] usdsFutures(long serverTime) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("timezone", "UTC");
            g.writeNumberField("serverTime", serverTime);
            g.writeStringField("futuresType", "U_MARGINED");
            g.writeArrayFieldStart("rateLimits");
            limit(g, "REQUEST_WEIGHT", "MINUTE", 1, 2400);
            limit(g, "ORDERS", "MINUTE", 1, 1200);
            limit(g, "ORDERS", "SECOND", 10, 300);
            g.writeEndArray();
            g.writeArrayFieldStart("exchangeFilters");
            g.writeEndArray();
            g.writeArrayFieldStart("assets");
            g.writeEndArray();
            g.writeArrayFieldStart("symbols");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void limit(JsonGenerator g, String type, String interval, int intervalNum, int limit) throws IOException {
        g.writeStartObject();
        g.writeStringField("rateLimitType", type);
        g.writeStringField("interval", interval);
        g.writeNumberField("intervalNum", intervalNum);
        g.writeNumberField("limit", limit);
        g.writeEndObject();
    }
}
