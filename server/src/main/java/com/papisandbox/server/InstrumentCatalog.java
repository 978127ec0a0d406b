package com.papisandbox.server;

import com.papisandbox.engine.Instrument;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tradable CM contracts, read from a file in the shape of the {@code symbols} rows of
 * {@code GET /dapi/v1/exchangeInfo}, so a row copied from Binance works as it is. The rows are kept
 * verbatim to serve exchangeInfo; the engine gets {@link Instrument}s with the numbers it trades on.
 */
public final class InstrumentCatalog {
    public static final String BUNDLED = "/instruments.json";

    private final List<Instrument> instruments;
    private final List<JsonObject> rows;

    private InstrumentCatalog(List<Instrument> instruments, List<JsonObject> rows) {
        this.instruments = Collections.unmodifiableList(instruments);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** The instruments of a file, or the bundled ones when {@code file} is null. */
    public static InstrumentCatalog of(Path file) {
        return file == null ? bundled() : load(file);
    }

    public static InstrumentCatalog bundled() {
        try (InputStream in = InstrumentCatalog.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("bundled " + BUNDLED + " is missing");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled instruments", e);
        }
    }

    public static InstrumentCatalog load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read instruments file " + file + ": " + e.getMessage(), e);
        }
    }

    static InstrumentCatalog parse(String text, String origin) {
        JsonObject doc;
        try {
            doc = new JsonObject(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(origin + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonArray symbols = doc.getJsonArray("symbols");
        if (symbols == null || symbols.isEmpty()) throw new IllegalArgumentException(origin + " has no \"symbols\" rows");
        List<Instrument> instruments = new ArrayList<>();
        List<JsonObject> rows = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            JsonObject row = symbols.getJsonObject(i);
            try {
                instruments.add(toInstrument(row));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(origin + ": symbol row " + i + " (" + row.getString("symbol") + "): " + e.getMessage(), e);
            }
            rows.add(row);
        }
        return new InstrumentCatalog(instruments, rows);
    }

    private static Instrument toInstrument(JsonObject row) {
        int pricePrecision = required(row, "pricePrecision").intValue();
        int quantityPrecision = required(row, "quantityPrecision").intValue();
        JsonObject price = filter(row, "PRICE_FILTER");
        JsonObject lot = filter(row, "LOT_SIZE");
        JsonObject marketLot = filter(row, "MARKET_LOT_SIZE");
        JsonObject maxOrders = filter(row, "MAX_NUM_ORDERS");
        JsonObject maxAlgoOrders = filter(row, "MAX_NUM_ALGO_ORDERS");
        return new Instrument(
                requiredString(row, "symbol"), requiredString(row, "pair"), requiredString(row, "contractType"),
                required(row, "deliveryDate").longValue(), required(row, "onboardDate").longValue(),
                required(row, "contractSize").intValue(), requiredString(row, "marginAsset"),
                requiredString(row, "baseAsset"), requiredString(row, "quoteAsset"), pricePrecision, quantityPrecision,
                units(price, "minPrice", pricePrecision), units(price, "maxPrice", pricePrecision), units(price, "tickSize", pricePrecision),
                units(lot, "minQty", quantityPrecision), units(lot, "maxQty", quantityPrecision), units(lot, "stepSize", quantityPrecision),
                units(marketLot, "minQty", quantityPrecision), units(marketLot, "maxQty", quantityPrecision),
                units(marketLot, "stepSize", quantityPrecision), required(maxOrders, "limit").intValue(),
                // PERCENT_PRICE as before: Binance's 1.05 / 0.95 (the row's filter is not read)
                10_500L, 9_500L,
                required(maxAlgoOrders, "limit").intValue(), units(row, "triggerProtect", 4));
    }

    private static JsonObject filter(JsonObject row, String type) {
        JsonArray filters = row.getJsonArray("filters");
        if (filters != null) {
            for (int i = 0; i < filters.size(); i++) {
                JsonObject f = filters.getJsonObject(i);
                if (type.equals(f.getString("filterType"))) return f;
            }
        }
        throw new IllegalArgumentException("missing filter " + type);
    }

    private static long units(JsonObject filter, String field, int precision) {
        String value = filter.getValue(field) == null ? null : String.valueOf(filter.getValue(field));
        if (value == null) throw new IllegalArgumentException("filter " + filter.getString("filterType") + " lacks " + field);
        BigDecimal decimal = new BigDecimal(value).movePointRight(precision);
        try {
            return decimal.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + value + " has more decimals than the precision " + precision);
        }
    }

    private static Number required(JsonObject row, String field) {
        Object v = row.getValue(field);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("missing number " + field);
        return n;
    }

    private static String requiredString(JsonObject row, String field) {
        String v = row.getString(field);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("missing " + field);
        return v;
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    /** The rows as read, for exchangeInfo. */
    public List<JsonObject> rows() {
        return rows;
    }
}
