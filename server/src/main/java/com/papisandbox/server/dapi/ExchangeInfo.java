package com.papisandbox.server.dapi;

import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Quarterlies;
import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.RateLimits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /dapi/v1/exchangeInfo}, unsigned, in the live key order (spec §11): ccxt's unified
 * methods load markets from it before trading PAPI CM. The symbols are the contracts trading now: each
 * is its slot's row of the instruments file with the listing's symbol, dates and contract type, so a
 * quarterly listed by a roll shows the rules of the contract it replaced.
 */
public final class ExchangeInfo {
    private record Rendered(Map<String, Instrument> listed, String symbolsJson) {
    }

    private final List<JsonObject> templates;
    private final Supplier<Map<String, Instrument>> current;
    /** The symbols JSON of the last listing seen; rebuilt only when a roll replaces the listing. */
    private volatile Rendered rendered;

    /** @param current the contracts trading now, in slot order (the catalogue's order) */
    public ExchangeInfo(InstrumentCatalog catalog, Supplier<Map<String, Instrument>> current) {
        this.templates = catalog.rows();
        this.current = current;
    }

    /** The catalogue's contracts, as at a start before any delivery. */
    public ExchangeInfo(InstrumentCatalog catalog) {
        this(catalog, () -> bySymbol(catalog.instruments()));
    }

    private static Map<String, Instrument> bySymbol(List<Instrument> instruments) {
        Map<String, Instrument> map = new java.util.LinkedHashMap<>();
        for (Instrument in : instruments) map.put(in.symbol(), in);
        return map;
    }

    public byte[] render(long serverTime) {
        JsonArray rateLimits = new JsonArray()
                .add(new JsonObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
                        .put("limit", RateLimits.IP_WEIGHT_PER_MINUTE))
                .add(new JsonObject().put("rateLimitType", "ORDERS").put("interval", "MINUTE").put("intervalNum", 1)
                        .put("limit", RateLimits.ORDERS_PER_MINUTE));
        String json = "{\"timezone\":\"UTC\",\"serverTime\":" + serverTime + ",\"rateLimits\":" + rateLimits.encode()
                + ",\"exchangeFilters\":[],\"symbols\":" + symbolsJson() + "}";
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String symbolsJson() {
        Map<String, Instrument> listed = current.get();
        Rendered last = rendered;
        if (last != null && last.listed() == listed) return last.symbolsJson();
        String json = symbols(listed.values()).encode();
        rendered = new Rendered(listed, json);
        return json;
    }

    private JsonArray symbols(Collection<Instrument> listed) {
        List<Instrument> bySlot = new ArrayList<>(listed);
        if (bySlot.size() != templates.size()) throw new IllegalStateException("the listing and the instruments file differ in size");
        JsonArray symbols = new JsonArray();
        for (int slot = 0; slot < bySlot.size(); slot++) {
            Instrument in = bySlot.get(slot);
            JsonObject row = templates.get(slot);
            if (!row.getString("symbol").equals(in.symbol())) {
                row = row.copy().put("symbol", in.symbol()).put("deliveryDate", in.deliveryDate()).put("onboardDate", in.onboardDate());
            }
            String type = Quarterlies.contractType(in, listed);
            if (!type.equals(row.getString("contractType"))) row = row.copy().put("contractType", type);
            symbols.add(row);
        }
        return symbols;
    }
}
