package com.papisandbox.server;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.fault.FaultReplies;
import com.papisandbox.server.fault.Faults;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The edge: everything that needs no trading state. It finds the endpoint in the {@link RouteTable};
 * for a signed request the checks run in a fixed, documented order (docs/decisions.md): route, API key
 * (-2014/-2015), parameter syntax (-1100/-1101), unread parameters (-1104), the endpoint's own
 * parameters in documented order (-1102/-1100/-11xx), timestamp and recvWindow (-1102/-1100/-1131, then
 * -1021), signature (-1102, -1022), symbol (-1121) and precision (-1111); then the engine decides.
 * USER_STREAM and MARKET_DATA requests skip timestamp and signature; NONE requests skip the key too.
 */
public final class PapiHttpHandler implements Handler<HttpServerRequest> {
    private static final Logger log = LoggerFactory.getLogger(PapiHttpHandler.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long DEFAULT_RECV_WINDOW = 5000;
    private static final long MAX_RECV_WINDOW = 60000;
    private static final long MAX_AHEAD_MS = 1000;
    private static final Set<String> ENVELOPE = Set.of("timestamp", "recvWindow");

    private final RouteTable routes;
    private final ApiKeys apiKeys;
    private final EngineThread engine;
    /** The contracts trading now: read per request, since a quarterly roll replaces them. */
    private final Supplier<Map<String, Instrument>> instruments;
    private final RateLimits rateLimits;
    private final LongSupplier clock;
    private final long engineTimeoutMillis;
    private final HttpDate date;
    /** The admin API: served past the route table, so Binance's paths pay nothing for it. */
    private final com.papisandbox.server.admin.AdminHttpHandler admin;
    /** Faults armed through the admin API; unarmed, they cost one volatile read per request. */
    private final com.papisandbox.server.fault.Faults faults;

    public PapiHttpHandler(RouteTable routes, ApiKeys apiKeys, EngineThread engine, Supplier<Map<String, Instrument>> instruments,
                           RateLimits rateLimits, LongSupplier clock, long engineTimeoutMillis,
                           com.papisandbox.server.admin.AdminHttpHandler admin, com.papisandbox.server.fault.Faults faults) {
        this.admin = admin;
        this.faults = faults;
        this.routes = routes;
        this.apiKeys = apiKeys;
        this.engine = engine;
        this.instruments = instruments;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.engineTimeoutMillis = engineTimeoutMillis;
        this.date = new HttpDate(clock);
    }

    @Override
    public void handle(HttpServerRequest req) {
        String ip = req.remoteAddress() == null ? "local" : req.remoteAddress().host();
        Endpoint<?> endpoint = routes.find(req.method().name() + " " + req.path());
        if (endpoint == null && admin != null && com.papisandbox.server.admin.AdminHttpHandler.serves(req.path())) {
            admin.handle(req);
            return;
        }
        RateLimits.IpBudget budget = rateLimits.ip(ip);
        long now = clock.getAsLong();
        long bannedUntil = budget.bannedUntil(now);
        if (bannedUntil > 0) {
            // a banned IP is answered at the door: nothing of the request is read, nothing counted
            send(req, new ApiException(ApiError.ipBanned(bannedUntil), RateLimits.secondsUntil(now, bannedUntil)), budget, -1);
            return;
        }
        if (endpoint == null) {
            sendCharged(req, ApiError.notFound(req.method().name(), displayPath(req.path())), budget, now);
            return;
        }
        Context context = Vertx.currentContext();
        if (endpoint.security() == Security.NONE) {
            // Public endpoints take their parameters from the query string only: no body to wait for.
            process(req, endpoint, null, budget, context);
            return;
        }
        String length = req.getHeader("Content-Length");
        if (length != null && (length.length() > 9 || parseOrMax(length) > MAX_BODY_BYTES)) {
            sendCharged(req, ApiError.tooManyParameters(), budget, now);
            return;
        }
        req.body().onComplete(body -> {
            if (body.failed()) {
                log.debug("request body failed: {}", body.cause().toString());
                send(req, new ApiException(ApiError.illegalChars()), budget, -1);
                return;
            }
            process(req, endpoint, body.result(), budget, context);
        });
    }

    /** An answer that weighs 1; over the limit the refusal replaces it. */
    private void sendCharged(HttpServerRequest req, ApiError error, RateLimits.IpBudget budget, long now) {
        int used = budget.charge(1, now);
        send(req, budget.over(used) ? refusal(budget, now) : new ApiException(error), budget, -1);
    }

    /** 429 until the minute rolls; past {@link RateLimits#REFUSALS_BEFORE_BAN} refusals, 418 for the ban earned. */
    private static ApiException refusal(RateLimits.IpBudget budget, long now) {
        long bannedUntil = budget.refuse(now);
        return bannedUntil == 0
                ? new ApiException(ApiError.tooManyRequests(RateLimits.IP_WEIGHT_PER_MINUTE), RateLimits.secondsToNextMinute(now))
                : new ApiException(ApiError.ipBanned(bannedUntil), RateLimits.secondsUntil(now, bannedUntil));
    }

    private <R> void process(HttpServerRequest req, Endpoint<R> endpoint, Buffer body, RateLimits.IpBudget budget, Context context) {
        long now = clock.getAsLong();
        int weight = 1;
        try {
            if (body != null && body.length() > MAX_BODY_BYTES) throw new ApiException(ApiError.tooManyParameters());
            Security security = endpoint.security();
            ApiKeys.Entry account = security.keyed() ? apiKeys.authenticate(req.getHeader("X-MBX-APIKEY")) : null;
            boolean readsParameters = !endpoint.parameters().isEmpty() || security.signed();
            RequestParams params = readsParameters
                    ? RequestParams.parse(req.query(), body == null ? "" : formBody(req, body))
                    : RequestParams.parse(null, "");
            weight = endpoint.weight().of(params);
            int used = weight == 0 ? budget.used(now) : budget.charge(weight, now);
            weight = 0;
            if (budget.over(used)) throw refusal(budget, now);
            Faults.Hit hit = faults.armed() ? faults.hit(req.method().name(), req.path(), FaultReplies.throttleExempt(req, params)) : null;
            if (hit != null && hit.answersAlone()) {
                FaultReplies.answer(req, hit, date.now(), now, budget.used(now));
                return;
            }
            if (readsParameters) checkAllRead(endpoint, params, security.acceptsEnvelope());
            ParamReader reader = new ParamReader(params);
            R request = endpoint.parse(reader);
            if (security.signed()) {
                checkTimestamp(reader, now);
                if (params.signature() == null || params.signature().isEmpty()) throw new ApiException(ApiError.mandatoryParam("signature"));
                if (!account.credential().verifies(params.signedPayload(), params.signature())) {
                    throw new ApiException(ApiError.invalidSignature());
                }
            }
            long accountId = account == null ? -1 : account.accountId();
            EngineRequest call = endpoint.request(accountId, request, instruments.get());
            if (endpoint.placesOrder() && rateLimits.addOrder(accountId, now) < 0) {
                throw new ApiException(ApiError.tooManyOrders(RateLimits.ORDERS_PER_MINUTE), RateLimits.secondsToNextMinute(now));
            }
            long orderAccount = endpoint.placesOrder() ? accountId : -1;
            if (call == null) {
                finish(req, endpoint, request, null, null, budget, orderAccount, hit);
                return;
            }
            CompletableFuture<Result> reply = engine.submit(call).orTimeout(engineTimeoutMillis, TimeUnit.MILLISECONDS);
            reply.whenComplete((result, failure) -> context.runOnContext(v ->
                    finish(req, endpoint, request, result, failure, budget, orderAccount, hit)));
        } catch (ApiException e) {
            // refused before its weight was known (key, parameter syntax): it weighs 1, and over the limit the
            // limit's refusal is the answer, so a client sending only bad requests is throttled and banned too
            ApiException answer = weight > 0 && budget.over(budget.charge(weight, now)) ? refusal(budget, now) : e;
            send(req, answer, budget, -1);
        } catch (RuntimeException e) {
            log.error("unexpected failure handling {} {}", req.method(), req.path(), e);
            send(req, new ApiException(ApiError.unknown()), budget, -1);
        }
    }

    private <R> void finish(HttpServerRequest req, Endpoint<R> endpoint, R request, Result result,
                            Throwable failure, RateLimits.IpBudget budget, long orderAccount, Faults.Hit hit) {
        if (hit != null && hit.delayMillis() > 0) {
            // the request was carried out at once; its answer is what arrives late
            Vertx.currentContext().owner().setTimer(hit.delayMillis(), id -> finish(req, endpoint, request, result, failure, budget, orderAccount,
                    hit.fault() == null ? null : new Faults.Hit(0, hit.fault())));
            return;
        }
        if (hit != null && hit.fault() != null) {
            // UNKNOWN_EXECUTED: carried out, but the client learns nothing of it
            FaultReplies.answer(req, hit, date.now(), clock.getAsLong(), budget.used(clock.getAsLong()));
            return;
        }
        try {
            if (failure != null) {
                send(req, new ApiException(engineFailure(failure)), budget, orderAccount);
                return;
            }
            byte[] json = endpoint.render(request, result);
            long now = clock.getAsLong();
            int orders = orderAccount < 0 ? -1 : rateLimits.usedOrders(orderAccount, now);
            send(req.response(), 200, json, budget.used(now), orders, 0);
        } catch (ApiException e) {
            send(req, e, budget, orderAccount);
        } catch (RuntimeException e) {
            log.error("unexpected failure rendering {} {}", req.method(), req.path(), e);
            send(req, new ApiException(ApiError.unknown()), budget, orderAccount);
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

    private static void checkAllRead(Endpoint<?> endpoint, RequestParams params, boolean envelope) {
        Set<String> known = endpoint.parameters();
        int unread = 0;
        for (String name : params.names()) {
            if (!known.contains(name) && !(envelope && ENVELOPE.contains(name))) unread++;
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

    private void send(HttpServerRequest req, ApiException refused, RateLimits.IpBudget budget, long orderAccount) {
        long now = clock.getAsLong();
        int orders = orderAccount < 0 ? -1 : rateLimits.usedOrders(orderAccount, now);
        ApiError error = refused.error();
        send(req.response(), error.httpStatus(), Json.error(error), budget.used(now), orders, refused.retryAfterSeconds());
    }

    private void send(HttpServerResponse response, int status, byte[] json, int usedWeight, int orderCount, long retryAfterSeconds) {
        if (response.ended() || response.closed()) return;
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Date", date.now())
                .putHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(Math.max(usedWeight, 0)));
        if (orderCount >= 0) response.putHeader("X-MBX-ORDER-COUNT-1M", Integer.toString(orderCount));
        if (retryAfterSeconds > 0) response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.end(Buffer.buffer(json));
    }

    /**
     * The path as the client meant it, for error messages: Netty reads the request line as ISO-8859-1,
     * so raw UTF-8 bytes arrive as one char each, and percent-escapes arrive undecoded; both become UTF-8.
     */
    static String displayPath(String rawPath) {
        boolean plain = true;
        for (int i = 0; i < rawPath.length() && plain; i++) {
            char c = rawPath.charAt(i);
            plain = c < 0x80 && c != '%';
        }
        if (plain) return rawPath;
        byte[] bytes = rawPath.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static long parseOrMax(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
