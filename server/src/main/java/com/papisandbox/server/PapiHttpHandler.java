package com.papisandbox.server;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The edge: everything that needs no trading state. For a signed request the checks run in a fixed,
 * documented order (docs/decisions.md): route, API key (-2014/-2015), parameter syntax (-1100/-1101),
 * unread parameters (-1104), the endpoint's own parameters in documented order (-1102/-1100/-11xx),
 * timestamp and recvWindow (-1102/-1100/-1131, then -1021), signature (-1102, -1022), symbol (-1121)
 * and precision (-1111); then the engine decides.
 */
public final class PapiHttpHandler implements Handler<HttpServerRequest> {
    private static final Logger log = LoggerFactory.getLogger(PapiHttpHandler.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long DEFAULT_RECV_WINDOW = 5000;
    private static final long MAX_RECV_WINDOW = 60000;
    private static final long MAX_AHEAD_MS = 1000;
    private static final Set<String> ENVELOPE = Set.of("timestamp", "recvWindow");
    private static final byte[] EMPTY_OBJECT = "{}".getBytes();
    public static final String STATE_HASH_ROUTE = "GET /sandbox/v1/stateHash";

    private final Map<String, SignedEndpoint<?>> signed = new HashMap<>();
    private final Map<String, PublicEndpoint> open = new HashMap<>();
    private final ApiKeys apiKeys;
    private final EngineThread engine;
    private final Map<String, Instrument> instruments;
    private final RateLimits rateLimits;
    private final LongSupplier clock;
    private final long engineTimeoutMillis;

    /** An unsigned endpoint (security type NONE). */
    public interface PublicEndpoint {
        byte[] answer();
    }

    public PapiHttpHandler(ApiKeys apiKeys, EngineThread engine, Map<String, Instrument> instruments,
                           RateLimits rateLimits, LongSupplier clock, long engineTimeoutMillis, ExchangeInfo exchangeInfo) {
        this.apiKeys = apiKeys;
        this.engine = engine;
        this.instruments = instruments;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.engineTimeoutMillis = engineTimeoutMillis;
        signed.put("POST /papi/v1/cm/order", new NewOrderEndpoint());
        signed.put("DELETE /papi/v1/cm/order", new CancelOrderEndpoint());
        signed.put("GET /papi/v1/cm/order", new QueryOrderEndpoint());
        signed.put("GET /papi/v1/cm/openOrder", new QueryOpenOrderEndpoint());
        signed.put("GET /papi/v1/cm/openOrders", new QueryOpenOrdersEndpoint());
        signed.put("DELETE /papi/v1/cm/allOpenOrders", new CancelAllOpenOrdersEndpoint());
        open.put("GET /papi/v1/ping", () -> EMPTY_OBJECT);
        open.put("GET /dapi/v1/exchangeInfo", () -> exchangeInfo.render(clock.getAsLong()));
        PublicEndpoint time = () -> Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("serverTime", clock.getAsLong());
            g.writeEndObject();
        });
        open.put("GET /dapi/v1/time", time);
        open.put("GET /fapi/v1/time", time);
        open.put("GET /api/v3/time", time);
    }

    @Override
    public void handle(HttpServerRequest req) {
        String route = req.method().name() + " " + req.path();
        String ip = req.remoteAddress() == null ? "local" : req.remoteAddress().host();
        PublicEndpoint publicEndpoint = open.get(route);
        if (publicEndpoint != null) {
            int used = rateLimits.addWeight(ip, 1, clock.getAsLong());
            if (used < 0) {
                send(req, ApiError.tooManyRequests(RateLimits.IP_WEIGHT_PER_MINUTE), ip, -1);
                return;
            }
            send(req.response(), 200, publicEndpoint.answer(), used, -1);
            return;
        }
        if (route.equals(STATE_HASH_ROUTE)) {
            answerStateHash(req);
            return;
        }
        SignedEndpoint<?> endpoint = signed.get(route);
        if (endpoint == null) {
            rateLimits.addWeight(ip, 1, clock.getAsLong());
            send(req, ApiError.notFound(req.method().name(), req.path()), ip, -1);
            return;
        }
        String length = req.getHeader("Content-Length");
        if (length != null && (length.length() > 9 || parseOrMax(length) > MAX_BODY_BYTES)) {
            rateLimits.addWeight(ip, 1, clock.getAsLong());
            send(req, ApiError.tooManyParameters(), ip, -1);
            return;
        }
        Context context = Vertx.currentContext();
        req.body().onComplete(body -> {
            if (body.failed()) {
                log.debug("request body failed: {}", body.cause().toString());
                send(req, ApiError.illegalChars(), ip, -1);
                return;
            }
            handleSigned(req, endpoint, body.result(), ip, context);
        });
    }

    /** Sandbox admin: the SHA-256 of the whole engine state, read in sequence with the commands. */
    private void answerStateHash(HttpServerRequest req) {
        Context context = Vertx.currentContext();
        engine.read(e -> new Object[]{com.papisandbox.engine.EngineSnapshot.stateHash(e), e.orderCount()})
                .orTimeout(engineTimeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((values, failure) -> context.runOnContext(v -> {
                    if (failure != null) {
                        send(req.response(), 503, Json.error(engineFailure(failure)), 0, -1);
                        return;
                    }
                    send(req.response(), 200, Json.write(g -> {
                        g.writeStartObject();
                        g.writeStringField("stateHash", (String) values[0]);
                        g.writeNumberField("orders", (Integer) values[1]);
                        g.writeEndObject();
                    }), 0, -1);
                }));
    }

    private <R> void handleSigned(HttpServerRequest req, SignedEndpoint<R> endpoint, Buffer body, String ip, Context context) {
        long now = clock.getAsLong();
        int weight = 1;
        try {
            if (body.length() > MAX_BODY_BYTES) throw new ApiException(ApiError.tooManyParameters());
            ApiKeys.Entry account = apiKeys.authenticate(req.getHeader("X-MBX-APIKEY"));
            RequestParams params = RequestParams.parse(req.query(), formBody(req, body));
            weight = endpoint.weight(params);
            int used = rateLimits.addWeight(ip, weight, now);
            weight = 0;
            if (used < 0) throw new ApiException(ApiError.tooManyRequests(RateLimits.IP_WEIGHT_PER_MINUTE));
            checkAllRead(endpoint, params);
            ParamReader reader = new ParamReader(params);
            R request = endpoint.parse(reader);
            checkTimestamp(reader, now);
            if (params.signature() == null || params.signature().isEmpty()) throw new ApiException(ApiError.mandatoryParam("signature"));
            if (!account.credential().verifies(params.signedPayload(), params.signature())) {
                throw new ApiException(ApiError.invalidSignature());
            }
            EngineRequest command = endpoint.command(account.accountId(), request, instruments);
            if (endpoint.placesOrder() && rateLimits.addOrder(account.accountId(), now) < 0) {
                throw new ApiException(ApiError.tooManyOrders(RateLimits.ORDERS_PER_MINUTE));
            }
            long orderAccount = endpoint.placesOrder() ? account.accountId() : -1;
            CompletableFuture<Result> reply = engine.submit(command).orTimeout(engineTimeoutMillis, TimeUnit.MILLISECONDS);
            reply.whenComplete((result, failure) -> context.runOnContext(v ->
                    finish(req, endpoint, request, result, failure, ip, orderAccount)));
        } catch (ApiException e) {
            if (weight > 0) rateLimits.addWeight(ip, weight, now);
            send(req, e.error(), ip, -1);
        } catch (RuntimeException e) {
            log.error("unexpected failure handling {} {}", req.method(), req.path(), e);
            send(req, ApiError.unknown(), ip, -1);
        }
    }

    private <R> void finish(HttpServerRequest req, SignedEndpoint<R> endpoint, R request, Result result,
                            Throwable failure, String ip, long orderAccount) {
        try {
            if (failure != null) {
                send(req, engineFailure(failure), ip, orderAccount);
                return;
            }
            byte[] json = endpoint.render(request, result);
            int used = rateLimits.usedWeight(ip, clock.getAsLong());
            int orders = orderAccount < 0 ? -1 : rateLimits.usedOrders(orderAccount, clock.getAsLong());
            send(req.response(), 200, json, used, orders);
        } catch (ApiException e) {
            send(req, e.error(), ip, orderAccount);
        } catch (RuntimeException e) {
            log.error("unexpected failure rendering {} {}", req.method(), req.path(), e);
            send(req, ApiError.unknown(), ip, orderAccount);
        }
    }

    private static ApiError engineFailure(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) return ApiError.executionTimeout();
        if (cause instanceof EngineThread.EngineBusyException) return ApiError.internalErrorTryAgain();
        if (cause instanceof EngineThread.EngineStoppedException) return ApiError.serviceShuttingDown();
        log.error("engine failure", cause);
        return ApiError.unknown();
    }

    /** The body counts as parameters only when it is a form; GET bodies never do (spec §1, clients.md). */
    private static String formBody(HttpServerRequest req, Buffer body) {
        if (body.length() == 0 || req.method() == HttpMethod.GET) return "";
        String type = req.getHeader("Content-Type");
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return "";
        }
        return body.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void checkAllRead(SignedEndpoint<?> endpoint, RequestParams params) {
        Set<String> known = endpoint.parameters();
        int unread = 0;
        for (String name : params.names()) {
            if (!known.contains(name) && !ENVELOPE.contains(name)) unread++;
        }
        if (unread > 0) throw new ApiException(ApiError.unreadParameters(params.count() - unread, params.count()));
    }

    private static void checkTimestamp(ParamReader reader, long now) {
        long timestamp = reader.requiredLong("timestamp");
        long recvWindow = reader.optionalLong("recvWindow", DEFAULT_RECV_WINDOW);
        if (recvWindow > MAX_RECV_WINDOW) throw new ApiException(ApiError.recvWindowTooLarge());
        if (timestamp >= now + MAX_AHEAD_MS) throw new ApiException(ApiError.timestampAhead());
        if (now - timestamp > recvWindow) throw new ApiException(ApiError.timestampOutsideRecvWindow());
    }

    private void send(HttpServerRequest req, ApiError error, String ip, long orderAccount) {
        long now = clock.getAsLong();
        int orders = orderAccount < 0 ? -1 : rateLimits.usedOrders(orderAccount, now);
        send(req.response(), error.httpStatus(), Json.error(error), rateLimits.usedWeight(ip, now), orders);
    }

    private static void send(HttpServerResponse response, int status, byte[] json, int usedWeight, int orderCount) {
        if (response.ended() || response.closed()) return;
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(Math.max(usedWeight, 0)));
        if (orderCount >= 0) response.putHeader("X-MBX-ORDER-COUNT-1M", Integer.toString(orderCount));
        response.end(Buffer.buffer(json));
    }

    private static long parseOrMax(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
