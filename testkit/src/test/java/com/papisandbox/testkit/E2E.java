package com.papisandbox.testkit;

import com.papisandbox.engine.Quarterlies;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared vocabulary of the end-to-end tests: paths, request builders, and assertions on the EXACT bytes
 * of replies (key order, string-vs-number types, values). Expected bodies are built in the expected key
 * order and compared with the raw body as a string, so any extra, missing, reordered or retyped field
 * fails the comparison.
 */
final class E2E {
    static final String BTC = "BTCUSD_PERP";
    static final String ETH = "ETHUSD_PERP";
    /** The quarterlies the calendar lists today (tests run on the real clock, and the sandbox rolls them). */
    static final String BTC_Q = Quarterlies.listedQuarterly("BTCUSD", System.currentTimeMillis(), 0);
    static final String BTC_NEXT_Q = Quarterlies.listedQuarterly("BTCUSD", System.currentTimeMillis(), 1);
    static final String ETH_Q = Quarterlies.listedQuarterly("ETHUSD", System.currentTimeMillis(), 0);
    static final String ETH_NEXT_Q = Quarterlies.listedQuarterly("ETHUSD", System.currentTimeMillis(), 1);

    static final String ORDER = "/papi/v1/cm/order";
    static final String OPEN_ORDER = "/papi/v1/cm/openOrder";
    static final String OPEN_ORDERS = "/papi/v1/cm/openOrders";
    static final String ALL_OPEN_ORDERS = "/papi/v1/cm/allOpenOrders";
    static final String ORDER_AMENDMENT = "/papi/v1/cm/orderAmendment";

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    static final String CANCEL_ALL_DONE = "{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}";
    static final Pattern CLIENT_ORDER_ID = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,32}$");
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** POST /papi/v1/cm/order, ACK and RESULT (spec §6.2, live HashMap order). */
    static final List<String> NEW_KEYS = List.of("symbol", "side", "cumBase", "executedQty", "orderId", "avgPrice",
            "origQty", "clientOrderId", "positionSide", "cumQty", "updateTime", "type", "pair", "reduceOnly", "price",
            "timeInForce", "status");
    /** DELETE /papi/v1/cm/order (spec §6.1, doc order). */
    static final List<String> CANCEL_KEYS = List.of("avgPrice", "clientOrderId", "cumQty", "cumBase", "executedQty",
            "orderId", "price", "reduceOnly", "side", "positionSide", "status", "symbol", "pair",
            "timeInForce", "type", "updateTime", "origQty");
    /** GET /papi/v1/cm/order (spec §6.5, allOrders item order: positionSide last). */
    static final List<String> QUERY_KEYS = List.of("orderId", "symbol", "pair", "status", "clientOrderId", "price",
            "avgPrice", "origQty", "executedQty", "cumBase", "timeInForce", "type", "reduceOnly", "side", "origType",
            "time", "updateTime", "positionSide");
    /** GET /papi/v1/cm/openOrder and each openOrders item (spec §6.6/6.7: positionSide before origType). */
    static final List<String> OPEN_KEYS = List.of("orderId", "symbol", "pair", "status", "clientOrderId", "price",
            "avgPrice", "origQty", "executedQty", "cumBase", "timeInForce", "type", "reduceOnly", "side",
            "positionSide", "origType", "time", "updateTime");

    /** PUT /papi/v1/cm/order (papi-cm-next §2.10, the doc's 18 fields in doc order). */
    static final List<String> MODIFY_KEYS = List.of("orderId", "symbol", "pair", "status", "clientOrderId", "price",
            "avgPrice", "origQty", "executedQty", "cumQty", "cumBase", "timeInForce", "type", "reduceOnly", "side",
            "positionSide", "origType", "updateTime");

    private E2E() {
    }

    // ---------------------------------------------------------------- request builders

    /** An ordered parameter map from name/value pairs. */
    static Map<String, String> params(String... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("odd number of arguments");
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** A copy of {@code base} with the pairs added (or replaced in place). */
    static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.putAll(params(kv));
        return m;
    }

    /** A copy of {@code base} without the named parameters. */
    static Map<String, String> without(Map<String, String> base, String... names) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (String n : names) m.remove(n);
        return m;
    }

    /** A GTC LIMIT order. */
    static Map<String, String> limit(String symbol, String side, String quantity, String price) {
        return params("symbol", symbol, "side", side, "type", "LIMIT", "timeInForce", "GTC", "quantity", quantity,
                "price", price);
    }

    static Map<String, String> market(String symbol, String side, String quantity) {
        return params("symbol", symbol, "side", side, "type", "MARKET", "quantity", quantity);
    }

    static Map<String, String> byId(String symbol, long orderId) {
        return params("symbol", symbol, "orderId", Long.toString(orderId));
    }

    static Map<String, String> byClientId(String symbol, String clientOrderId) {
        return params("symbol", symbol, "origClientOrderId", clientOrderId);
    }

    static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    /** {@code rawUnsigned + "&signature=" + hmac(rawUnsigned)}: signs exactly the bytes given. */
    static String signQuery(PapiClient client, String rawUnsigned) {
        return rawUnsigned + "&signature=" + client.hmac(rawUnsigned);
    }

    /**
     * Sends exactly these bytes over a socket (no URI validation): the query and body may hold bad
     * %-escapes or raw non-ASCII bytes. A null key sends no X-MBX-APIKEY header; a null content type none.
     */
    static PapiClient.Response socket(PapiClient client, String key, String method, String path, byte[] rawQuery,
                                      String contentType, byte[] body) {
        java.io.ByteArrayOutputStream target = new java.io.ByteArrayOutputStream();
        target.writeBytes(path.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (rawQuery != null && rawQuery.length > 0) {
            target.write('?');
            target.writeBytes(rawQuery);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) headers.put("X-MBX-APIKEY", key);
        if (contentType != null) headers.put("Content-Type", contentType);
        return RawHttp.send(client.baseUrl(), method, target.toByteArray(), headers, body);
    }

    static PapiClient.Response socket(PapiClient client, String method, String path, String rawQuery,
                                      String contentType, String body) {
        return socket(client, client.apiKey(), method, path, latin1(rawQuery), contentType,
                body == null ? null : latin1(body));
    }

    /** Each char as one byte (chars must be below 256): lets a String carry raw bytes such as 0xff. */
    static byte[] latin1(String s) {
        return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- flows

    /** Places an order that must be accepted; returns the parsed reply. */
    static JsonObject place(PapiClient client, Map<String, String> order) {
        PapiClient.Response r = client.signed("POST", ORDER, order);
        assertThat(r.status()).as("place %s -> %s", order, r.body()).isEqualTo(200);
        return object(r);
    }

    static long placeId(PapiClient client, Map<String, String> order) {
        return orderId(place(client, order));
    }

    static long orderId(JsonObject o) {
        Object id = o.getValue("orderId");
        assertThat(id).as("orderId must be a JSON number").isInstanceOf(Number.class);
        return ((Number) id).longValue();
    }

    static long number(JsonObject o, String field) {
        Object v = o.getValue(field);
        assertThat(v).as("%s must be a JSON number in %s", field, o).isInstanceOf(Number.class);
        return ((Number) v).longValue();
    }

    /** Cancels every open order of the client's account, symbol by symbol, and checks none is left. */
    static void cancelEverything(PapiClient client) {
        PapiClient.Response open = client.signed("GET", OPEN_ORDERS, params());
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        Set<String> symbols = new LinkedHashSet<>();
        JsonArray orders = new JsonArray(open.body());
        for (int i = 0; i < orders.size(); i++) symbols.add(orders.getJsonObject(i).getString("symbol"));
        for (String symbol : symbols) {
            PapiClient.Response r = client.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", symbol));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(client.signed("GET", OPEN_ORDERS, params()).body()).isEqualTo("[]");
    }

    static void cancelEverything(Sandbox sandbox) {
        cancelEverything(SandboxExtension.clientA(sandbox));
        cancelEverything(SandboxExtension.clientB(sandbox));
    }

    /** All open orders of the account (raw body of GET openOrders without symbol). */
    static String openOrdersBody(PapiClient client) {
        PapiClient.Response r = client.signed("GET", OPEN_ORDERS, params());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    // ---------------------------------------------------------------- reply assertions

    /** A 200 reply whose body is one compact JSON object, with the weight header; returns it parsed. */
    static JsonObject object(PapiClient.Response r) {
        assertThat(r.status()).as("HTTP status of %s", r.body()).isEqualTo(200);
        assertWeightHeader(r);
        JsonObject o = new JsonObject(r.body());
        assertThat(o.encode()).as("body is compact JSON without duplicate keys").isEqualTo(r.body());
        return o;
    }

    static JsonArray array(PapiClient.Response r) {
        assertThat(r.status()).as("HTTP status of %s", r.body()).isEqualTo(200);
        assertWeightHeader(r);
        JsonArray a = new JsonArray(r.body());
        assertThat(a.encode()).as("body is compact JSON without duplicate keys").isEqualTo(r.body());
        return a;
    }

    static void assertWeightHeader(PapiClient.Response r) {
        assertThat(r.header("X-MBX-USED-WEIGHT-1M")).as("X-MBX-USED-WEIGHT-1M on %s", r.body())
                .isNotNull().matches("[0-9]+");
    }

    static String errorBody(int code, String msg) {
        return new JsonObject().put("code", code).put("msg", msg).encode();
    }

    /** Exactly {@code {"code":code,"msg":msg}} with the given HTTP status and the weight header. */
    static void assertError(PapiClient.Response r, int httpStatus, int code, String msg) {
        assertThat(r.body()).as("error body (HTTP %s)", r.status()).isEqualTo(errorBody(code, msg));
        assertThat(r.status()).as("HTTP status of %s", r.body()).isEqualTo(httpStatus);
        assertWeightHeader(r);
    }

    static void assertError(PapiClient.Response r, int code, String msg) {
        assertError(r, 400, code, msg);
    }

    /** A client error (4xx, never 5xx) whose body is exactly {"code":<negative number>,"msg":<string>}. */
    static void assertClientError(PapiClient.Response r) {
        assertThat(r.status()).as("HTTP status of %s", r.body()).isBetween(400, 499);
        assertWeightHeader(r);
        JsonObject o = new JsonObject(r.body());
        assertThat(new ArrayList<>(o.fieldNames())).containsExactly("code", "msg");
        assertThat(o.getValue("code")).isInstanceOf(Integer.class);
        assertThat(o.getInteger("code")).isNegative();
        assertThat(o.getValue("msg")).isInstanceOf(String.class);
        assertThat(o.encode()).isEqualTo(r.body());
    }

    static void assertKeys(JsonObject o, List<String> keys) {
        assertThat(new ArrayList<>(o.fieldNames())).as("key order of %s", o.encode()).containsExactlyElementsOf(keys);
    }

    static String mandatory(String param) {
        return "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.";
    }

    static String illegal(String param, String range) {
        return "Illegal characters found in parameter '" + param + "'; legal range is '" + range + "'.";
    }

    static final String LONG_RANGE = "^[0-9]{1,20}$";
    static final String CLIENT_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,32}$";
    static final String EITHER_ID = "Param 'orderId' or 'origClientOrderId' must be sent, but both were empty/null!";
    static final String UNKNOWN_ORDER = "Unknown order sent.";
    static final String NO_SUCH_ORDER = "Order does not exist.";
    static final String ILLEGAL_CHARS = "Illegal characters found in a parameter.";
    static final String DUPLICATE = "Duplicate values for a parameter detected.";
    static final String BAD_KEY_FORMAT = "API-key format invalid.";
    static final String REJECTED_KEY = "Invalid API-key, IP, or permissions for action.";
    static final String BAD_SIGNATURE = "Signature for this request is not valid.";
    static final String OUTSIDE_WINDOW = "Timestamp for this request is outside of the recvWindow.";
    static final String AHEAD = "Timestamp for this request was 1000ms ahead of the server's time.";
    static final String RECV_WINDOW_TOO_LARGE = "recvWindow must be less than 60000";
    static final String INVALID_SYMBOL = "Invalid symbol.";
    static final String BAD_PRECISION = "Precision is over the maximum defined for this asset.";

    static String unread(int read, int sent) {
        return "Not all sent parameters were read; read '" + read + "' parameter(s) but was sent '" + sent + "'.";
    }

    // ---------------------------------------------------------------- expected order bodies

    /**
     * What an order must look like. The four shapes (§6.1, §6.2, §6.5, §6.6) are rendered from it in their
     * own key order; {@code avgPrice} is the padded form ("0.0"/"0.00" when unfilled), shown as "0" by the
     * open-order shapes when zero. A null {@code clientOrderId} means "server-generated": any valid id.
     */
    record Expected(String symbol, String side, String type, String timeInForce, String positionSide,
                    boolean reduceOnly, String price, String origQty, String executedQty, String cumBase,
                    String avgPrice, String status, String clientOrderId) {

        static Expected limit(String symbol, String side, String origQty, String price) {
            return new Expected(symbol, side, "LIMIT", "GTC", "BOTH", false, price, origQty, "0", "0",
                    zeroAvgPrice(symbol), "NEW", null);
        }

        static Expected market(String symbol, String side, String origQty) {
            return new Expected(symbol, side, "MARKET", "GTC", "BOTH", false, "0", origQty, "0", "0",
                    zeroAvgPrice(symbol), "NEW", null);
        }

        static String zeroAvgPrice(String symbol) {
            return symbol.startsWith("ETH") ? "0.00" : "0.0";
        }

        String pair() {
            return symbol.substring(0, symbol.indexOf('_'));
        }

        Expected status(String s) {
            return new Expected(symbol, side, type, timeInForce, positionSide, reduceOnly, price, origQty, executedQty,
                    cumBase, avgPrice, s, clientOrderId);
        }

        Expected filled(String executed, String base, String avg) {
            return new Expected(symbol, side, type, timeInForce, positionSide, reduceOnly, price, origQty, executed,
                    base, avg, status, clientOrderId);
        }

        Expected clientOrderId(String id) {
            return new Expected(symbol, side, type, timeInForce, positionSide, reduceOnly, price, origQty, executedQty,
                    cumBase, avgPrice, status, id);
        }

        Expected timeInForce(String tif) {
            return new Expected(symbol, side, type, tif, positionSide, reduceOnly, price, origQty, executedQty,
                    cumBase, avgPrice, status, clientOrderId);
        }

        Expected reduceOnly(boolean r) {
            return new Expected(symbol, side, type, timeInForce, positionSide, r, price, origQty, executedQty,
                    cumBase, avgPrice, status, clientOrderId);
        }

        private String openAvgPrice() {
            return avgPrice.matches("0\\.0+") ? "0" : avgPrice;
        }

        String newJson(String clientId, long orderId, long updateTime) {
            return new JsonObject().put("symbol", symbol).put("side", side).put("cumBase", cumBase)
                    .put("executedQty", executedQty).put("orderId", orderId).put("avgPrice", avgPrice)
                    .put("origQty", origQty).put("clientOrderId", clientId).put("positionSide", positionSide)
                    .put("cumQty", executedQty).put("updateTime", updateTime).put("type", type).put("pair", pair())
                    .put("reduceOnly", reduceOnly).put("price", price).put("timeInForce", timeInForce)
                    .put("status", status).encode();
        }

        String cancelJson(String clientId, long orderId, long updateTime) {
            return new JsonObject().put("avgPrice", avgPrice).put("clientOrderId", clientId)
                    .put("cumQty", executedQty).put("cumBase", cumBase).put("executedQty", executedQty)
                    .put("orderId", orderId).put("price", price).put("reduceOnly", reduceOnly)
                    .put("side", side).put("positionSide", positionSide).put("status", status).put("symbol", symbol)
                    .put("pair", pair()).put("timeInForce", timeInForce).put("type", type)
                    .put("updateTime", updateTime).put("origQty", origQty).encode();
        }

        private JsonObject queryHead(String clientId, long orderId, String avg) {
            return new JsonObject().put("orderId", orderId).put("symbol", symbol).put("pair", pair())
                    .put("status", status).put("clientOrderId", clientId).put("price", price).put("avgPrice", avg)
                    .put("origQty", origQty).put("executedQty", executedQty).put("cumBase", cumBase)
                    .put("timeInForce", timeInForce).put("type", type).put("reduceOnly", reduceOnly).put("side", side);
        }

        String queryJson(String clientId, long orderId, long time, long updateTime) {
            return queryHead(clientId, orderId, avgPrice).put("origType", type).put("time", time)
                    .put("updateTime", updateTime).put("positionSide", positionSide).encode();
        }

        String openJson(String clientId, long orderId, long time, long updateTime) {
            return queryHead(clientId, orderId, openAvgPrice()).put("positionSide", positionSide)
                    .put("origType", type).put("time", time).put("updateTime", updateTime).encode();
        }

        String modifiedJson(String clientId, long orderId, long updateTime) {
            return new JsonObject().put("orderId", orderId).put("symbol", symbol).put("pair", pair())
                    .put("status", status).put("clientOrderId", clientId).put("price", price).put("avgPrice", avgPrice)
                    .put("origQty", origQty).put("executedQty", executedQty).put("cumQty", executedQty)
                    .put("cumBase", cumBase).put("timeInForce", timeInForce).put("type", type)
                    .put("reduceOnly", reduceOnly).put("side", side).put("positionSide", positionSide)
                    .put("origType", type).put("updateTime", updateTime).encode();
        }

        /** Asserts the body of a PUT order reply (sent without modifyId); returns it parsed. */
        JsonObject assertModified(PapiClient.Response r) {
            JsonObject o = object(r);
            assertKeys(o, MODIFY_KEYS);
            assertThat(r.body()).isEqualTo(modifiedJson(clientId(o), orderId(o), number(o, "updateTime")));
            return o;
        }

        Expected price(String p) {
            return new Expected(symbol, side, type, timeInForce, positionSide, reduceOnly, p, origQty, executedQty,
                    cumBase, avgPrice, status, clientOrderId);
        }

        Expected origQty(String q) {
            return new Expected(symbol, side, type, timeInForce, positionSide, reduceOnly, price, q, executedQty,
                    cumBase, avgPrice, status, clientOrderId);
        }

        private String clientId(JsonObject actual) {
            if (clientOrderId != null) return clientOrderId;
            Object id = actual.getValue("clientOrderId");
            assertThat(id).as("generated clientOrderId").isInstanceOf(String.class);
            assertThat((String) id).matches(CLIENT_ORDER_ID);
            return (String) id;
        }

        /** Asserts the body of a POST order reply; returns it parsed. */
        JsonObject assertNew(PapiClient.Response r) {
            JsonObject o = object(r);
            assertKeys(o, NEW_KEYS);
            assertThat(r.body()).isEqualTo(newJson(clientId(o), orderId(o), number(o, "updateTime")));
            assertThat(orderId(o)).isPositive().isLessThanOrEqualTo(MAX_SAFE_INTEGER);
            return o;
        }

        JsonObject assertCanceled(PapiClient.Response r) {
            JsonObject o = object(r);
            assertKeys(o, CANCEL_KEYS);
            assertThat(r.body()).isEqualTo(cancelJson(clientId(o), orderId(o), number(o, "updateTime")));
            return o;
        }

        JsonObject assertQueried(PapiClient.Response r) {
            JsonObject o = object(r);
            assertKeys(o, QUERY_KEYS);
            long time = number(o, "time");
            long updateTime = number(o, "updateTime");
            assertThat(updateTime).isGreaterThanOrEqualTo(time);
            assertThat(r.body()).isEqualTo(queryJson(clientId(o), orderId(o), time, updateTime));
            return o;
        }

        JsonObject assertOpen(PapiClient.Response r) {
            JsonObject o = object(r);
            assertOpenItem(o);
            assertThat(r.body()).isEqualTo(o.encode());
            return o;
        }

        /** One item of an openOrders array (or the openOrder object). */
        void assertOpenItem(JsonObject o) {
            assertKeys(o, OPEN_KEYS);
            long time = number(o, "time");
            long updateTime = number(o, "updateTime");
            assertThat(updateTime).isGreaterThanOrEqualTo(time);
            assertThat(o.encode()).isEqualTo(openJson(clientId(o), orderId(o), time, updateTime));
        }
    }

    /** The order ids of an openOrders array, in reply order. */
    static List<Long> ids(JsonArray orders) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) ids.add(orderId(orders.getJsonObject(i)));
        return ids;
    }

    static String repeat(char c, int n) {
        char[] a = new char[n];
        Arrays.fill(a, c);
        return new String(a);
    }
}
