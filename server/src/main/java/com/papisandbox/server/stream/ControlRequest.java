package com.papisandbox.server.stream;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A control message a stream client sends (spec-next §6.2): {@code {"method":…,"params":[…],"id":…}}. The id
 * may be an unsigned integer, as Binance's docs say, or a string, as Binance's own connectors send
 * (32 hex digits); replies echo it. {@link #parse} gives the request, or the error frame to answer with.
 */
record ControlRequest(Object id, String method, Object params) {
    static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";
    static final String INVALID_JSON = "{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}}";

    /** Not a request: the frame to send back, and whether the connection then closes (invalid JSON). */
    record Refused(String reply, boolean close) {
    }

    static Object parse(String text) {
        JsonObject request;
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(text);
            if (!(parsed instanceof JsonObject o)) return new Refused(INVALID_JSON, true);
            request = o;
        } catch (DecodeException e) {
            return new Refused(INVALID_JSON, true);
        }
        Object id = request.getValue("id");
        boolean unsigned = id instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue());
        if (id != null && !unsigned && !(id instanceof String)) {
            return new Refused(reply(null, "{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\""), false);
        }
        Object method = request.getValue("method");
        if (method == null) return new Refused(reply(id, "{\"code\":2,\"msg\":\"Invalid request: missing field `method`\""), false);
        return new ControlRequest(id, String.valueOf(method), request.getValue("params"));
    }

    /** The stream names of SUBSCRIBE / UNSUBSCRIBE, or null when params is not a list of strings. */
    JsonArray names() {
        if (!(params instanceof JsonArray names) || names.stream().anyMatch(n -> !(n instanceof String))) return null;
        return names;
    }

    /** {@code body} is a JSON object without its closing brace (or with it); the id closes it. */
    static String reply(Object id, String body) {
        if (body.endsWith("}")) body = body.substring(0, body.length() - 1);
        String idJson = id == null ? "null" : id instanceof String s ? io.vertx.core.json.Json.encode(s) : String.valueOf(id);
        return body + ",\"id\":" + idJson + "}";
    }

    String reply(String body) {
        return reply(id, body);
    }

    String unknownMethod() {
        return reply("{\"code\":2,\"msg\":\"Invalid request: unknown variant `" + method + "`, expected one of " + METHODS + "\"}");
    }
}
