package com.papisandbox.server.admin;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One admin call's input: the path's {@code {names}} and the JSON body. Every body field must be one the
 * operation reads, so a misspelt setting is refused instead of silently ignored.
 */
final class AdminRequest {
    private final Map<String, String> pathParams;
    private final JsonObject body;
    private final String text;

    private AdminRequest(Map<String, String> pathParams, JsonObject body, String text) {
        this.pathParams = pathParams;
        this.body = body;
        this.text = text;
    }

    /** A request whose body is a document of its own (a scenario), kept as text. */
    static AdminRequest raw(Map<String, String> pathParams, String body) {
        return new AdminRequest(pathParams, new JsonObject(), body);
    }

    /** The body as sent. */
    String body() {
        return text;
    }

    static AdminRequest of(Map<String, String> pathParams, String body, Set<String> fields) {
        JsonObject json;
        if (body == null || body.isBlank()) {
            json = new JsonObject();
        } else {
            try {
                Object parsed = io.vertx.core.json.Json.decodeValue(body);
                if (!(parsed instanceof JsonObject object)) throw AdminException.badRequest("the body must be a JSON object");
                json = object;
            } catch (DecodeException e) {
                throw AdminException.badRequest("the body is not valid JSON");
            }
        }
        for (String name : json.fieldNames()) {
            if (!fields.contains(name)) throw AdminException.badRequest("unknown field '" + name + "'" + (fields.isEmpty() ? "" : "; known: " + fields));
        }
        return new AdminRequest(pathParams, json, body);
    }

    String path(String name) {
        return pathParams.get(name);
    }

    String string(String name) {
        Object v = body.getValue(name);
        if (v == null) return null;
        if (!(v instanceof String s)) throw AdminException.badRequest(name + " must be a string");
        return s;
    }

    /** A decimal sent as a JSON string ("0.5") or number (0.5). */
    BigDecimal decimal(String name) {
        Object v = body.getValue(name);
        return v == null ? null : decimal(name, v);
    }

    static BigDecimal decimal(String name, Object v) {
        if (!(v instanceof String) && !(v instanceof Number)) throw AdminException.badRequest(name + " must be a decimal");
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw AdminException.badRequest(name + " must be a decimal, not '" + v + "'");
        }
    }

    Double fraction(String name) {
        BigDecimal d = decimal(name);
        return d == null ? null : d.doubleValue();
    }

    Long integer(String name) {
        Object v = body.getValue(name);
        if (v == null) return null;
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue();
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw AdminException.badRequest(name + " must be a whole number");
    }

    Integer smallInteger(String name) {
        Long v = integer(name);
        if (v == null) return null;
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw AdminException.badRequest(name + " out of range");
        return v.intValue();
    }

    long requiredInteger(String name) {
        Long v = integer(name);
        if (v == null) throw AdminException.badRequest(name + " is required");
        return v;
    }

    long pathLong(String name) {
        try {
            return Long.parseLong(path(name));
        } catch (NumberFormatException e) {
            throw AdminException.notFound("UNKNOWN_FAULT", "no armed fault has id " + path(name));
        }
    }

    /** Milliseconds from {@code millis}, or from {@code duration}: ISO-8601 ("PT8H") or short ("90s", "5m", "8h", "1d"). */
    long millis() {
        Long millis = integer("millis");
        String duration = string("duration");
        if ((millis == null) == (duration == null)) throw AdminException.badRequest("send millis or duration");
        if (millis != null) return millis;
        return parseDuration(duration);
    }

    static long parseDuration(String text) {
        String t = text.trim();
        try {
            if (t.regionMatches(true, 0, "P", 0, 1)) return Duration.parse(t).toMillis();
            char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            String amount = t.endsWith("ms") ? t.substring(0, t.length() - 2) : t.substring(0, Math.max(0, t.length() - 1));
            long n = Long.parseLong(amount);
            if (t.endsWith("ms")) return n;
            return switch (unit) {
                case 's' -> Math.multiplyExact(n, 1_000L);
                case 'm' -> Math.multiplyExact(n, 60_000L);
                case 'h' -> Math.multiplyExact(n, 3_600_000L);
                case 'd' -> Math.multiplyExact(n, 86_400_000L);
                default -> throw new NumberFormatException();
            };
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw AdminException.badRequest("duration must be like 500ms, 90s, 5m, 8h, 1d or PT8H, not '" + text + "'");
        }
    }

    /** An object of decimals, e.g. balances {"BTC": "10"}. */
    Map<String, BigDecimal> decimals(String name) {
        Object v = body.getValue(name);
        if (v == null) return null;
        if (!(v instanceof JsonObject object)) throw AdminException.badRequest(name + " must be an object of asset: amount");
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (String key : object.fieldNames()) result.put(key, decimal(name + "." + key, object.getValue(key)));
        return result;
    }

    /** A path: {@code points} as [{"afterMillis":…, "price":…}], or {@code csv} as lines of afterMillis,price. */
    List<SandboxAdmin.PricePoint> points() {
        Object points = body.getValue("points");
        String csv = string("csv");
        if ((points == null) == (csv == null)) throw AdminException.badRequest("send points or csv");
        List<SandboxAdmin.PricePoint> result = new ArrayList<>();
        if (csv != null) {
            for (String line : csv.split("\\R")) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#") || Character.isLetter(l.charAt(0))) continue;
                String[] cells = l.split("[,;\\s]+");
                if (cells.length != 2) throw AdminException.badRequest("csv lines must be afterMillis,price: '" + l + "'");
                long after;
                try {
                    after = Long.parseLong(cells[0]);
                } catch (NumberFormatException e) {
                    throw AdminException.badRequest("csv afterMillis must be a whole number: '" + l + "'");
                }
                result.add(new SandboxAdmin.PricePoint(after, decimal("price", cells[1])));
            }
            return result;
        }
        if (!(points instanceof JsonArray array)) throw AdminException.badRequest("points must be an array");
        for (Object item : array) {
            if (!(item instanceof JsonObject p)) throw AdminException.badRequest("every point must be an object {afterMillis, price}");
            for (String key : p.fieldNames()) {
                if (!key.equals("afterMillis") && !key.equals("price")) throw AdminException.badRequest("unknown point field '" + key + "'");
            }
            Object after = p.getValue("afterMillis");
            if (!(after instanceof Integer || after instanceof Long)) throw AdminException.badRequest("afterMillis must be a whole number");
            Object price = p.getValue("price");
            if (price == null) throw AdminException.badRequest("every point needs a price");
            result.add(new SandboxAdmin.PricePoint(((Number) after).longValue(), decimal("price", price)));
        }
        return result;
    }
}
