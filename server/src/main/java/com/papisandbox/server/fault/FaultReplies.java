package com.papisandbox.server.fault;

import com.papisandbox.server.ApiError;
import com.papisandbox.server.Json;
import com.papisandbox.server.RequestParams;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** What a request hit by a fault gets instead of its answer, as Binance's edge sends it. */
public final class FaultReplies {
    /** Binance's "execution status unknown" 503: no code, the path and a timestamp (as captured from fapi). */
    static final String UNKNOWN_MSG = "Unknown error, please check your request or try again later.";
    /** The page the proxy in front of Binance's API answers when the API behind it does not (nginx's). */
    static final String BAD_GATEWAY_HTML = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private FaultReplies() {
    }

    /** Cancels, reduce-only and close-position orders pass Binance's -1008 throttle. */
    public static boolean throttleExempt(HttpServerRequest req, RequestParams params) {
        return req.method() == HttpMethod.DELETE || "true".equalsIgnoreCase(params.get("reduceOnly"))
                || "true".equalsIgnoreCase(params.get("closePosition"));
    }

    public static void answer(HttpServerRequest req, Faults.Hit hit, String date, long now, int usedWeight) {
        HttpServerResponse response = req.response();
        if (response.ended() || response.closed()) return;
        Fault fault = hit.fault();
        switch (fault.kind()) {
            case CLOSE_CONNECTION -> req.connection().close();
            case HTML_502 -> response.setStatusCode(502).putHeader("Content-Type", "text/html").putHeader("Date", date)
                    .end(BAD_GATEWAY_HTML);
            case UNKNOWN_EXECUTED, UNKNOWN_NOT_EXECUTED -> json(response, 503, Json.write(g -> {
                g.writeStartObject();
                g.writeNumberField("timestamp", now);
                g.writeStringField("path", req.path());
                g.writeStringField("msg", UNKNOWN_MSG);
                g.writeEndObject();
            }), date, usedWeight);
            case THROTTLED -> json(response, 503, Json.error(ApiError.throttled()), date, usedWeight);
            case ERROR -> json(response, fault.error().httpStatus(), Json.error(fault.error()), date, usedWeight);
            case LATENCY -> throw new IllegalStateException("latency is a delay, not an answer");
        }
    }

    private static void json(HttpServerResponse response, int status, byte[] body, String date, int usedWeight) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Date", date)
                .putHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(Math.max(usedWeight, 0))).end(Buffer.buffer(body));
    }
}
