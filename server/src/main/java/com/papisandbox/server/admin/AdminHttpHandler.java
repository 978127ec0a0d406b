package com.papisandbox.server.admin;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin API over HTTP, under {@code /sandbox/v1}: loopback callers only (unless told otherwise), each
 * request carrying the admin token in {@code X-Sandbox-Token} (or {@code Authorization: Bearer}). Operations
 * run one at a time on their own thread, since they wait for the engine, never on an event loop.
 */
public final class AdminHttpHandler implements AutoCloseable {
    public static final String TOKEN_HEADER = "X-Sandbox-Token";
    private static final Logger log = LoggerFactory.getLogger(AdminHttpHandler.class);
    static final int MAX_BODY_BYTES = 1 << 20;

    private final SandboxAdmin admin;
    private final byte[] token;
    private final boolean remoteAllowed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "admin");
        t.setDaemon(true);
        return t;
    });

    public AdminHttpHandler(SandboxAdmin admin, String token, boolean remoteAllowed) {
        this.admin = admin;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.remoteAllowed = remoteAllowed;
    }

    public static boolean serves(String path) {
        return path.startsWith("/sandbox/");
    }

    public void handle(HttpServerRequest req) {
        try {
            if (!remoteAllowed && !loopback(req)) throw new AdminException(403, "FORBIDDEN", "the admin API answers loopback callers only (serve --admin-remote to allow others)");
            if (!authorized(req)) throw new AdminException(401, "UNAUTHORIZED", "missing or wrong admin token (header " + TOKEN_HEADER + ")");
            AdminRoute route = null;
            Map<String, String> params = null;
            boolean pathKnown = false;
            for (AdminRoute r : AdminRoutes.ALL) {
                Map<String, String> p = r.match(req.path());
                if (p == null) continue;
                pathKnown = true;
                if (r.method().equals(req.method().name())) {
                    route = r;
                    params = p;
                    break;
                }
            }
            if (route == null) {
                if (pathKnown) throw new AdminException(405, "METHOD_NOT_ALLOWED", req.method().name() + " is not an operation on " + req.path());
                throw AdminException.notFound("UNKNOWN_OPERATION", "no admin operation at " + req.path());
            }
            String length = req.getHeader("Content-Length");
            if (length != null && (length.length() > 9 || Long.parseLong(length.trim()) > MAX_BODY_BYTES)) {
                throw new AdminException(413, "BODY_TOO_LARGE", "admin bodies are limited to " + MAX_BODY_BYTES + " bytes");
            }
            AdminRoute chosen = route;
            Map<String, String> pathParams = params;
            Context context = Vertx.currentContext();
            req.body().onComplete(body -> {
                if (body.failed()) {
                    send(req.response(), new AdminException(400, "BAD_REQUEST", "the body did not arrive"));
                    return;
                }
                Buffer buffer = body.result();
                if (buffer.length() > MAX_BODY_BYTES) {
                    send(req.response(), new AdminException(413, "BODY_TOO_LARGE", "admin bodies are limited to " + MAX_BODY_BYTES + " bytes"));
                    return;
                }
                worker.execute(() -> {
                    Object result;
                    try {
                        String text = buffer.toString(StandardCharsets.UTF_8);
                        result = chosen.operation().apply(admin, chosen.raw() ? AdminRequest.raw(pathParams, text)
                                : AdminRequest.of(pathParams, text, chosen.fields()));
                    } catch (AdminException e) {
                        context.runOnContext(v -> send(req.response(), e));
                        return;
                    } catch (ArithmeticException e) {
                        context.runOnContext(v -> send(req.response(), AdminException.badRequest("number out of range")));
                        return;
                    } catch (RuntimeException e) {
                        log.error("admin operation {} {} failed", req.method(), req.path(), e);
                        context.runOnContext(v -> send(req.response(), new AdminException(500, "INTERNAL", e.toString())));
                        return;
                    }
                    byte[] json = AdminJson.render(result);
                    context.runOnContext(v -> send(req.response(), 200, json));
                });
            });
        } catch (AdminException e) {
            send(req.response(), e);
        } catch (NumberFormatException e) {
            send(req.response(), AdminException.badRequest("bad Content-Length"));
        }
    }

    private boolean authorized(HttpServerRequest req) {
        String sent = req.getHeader(TOKEN_HEADER);
        if (sent == null) {
            String authorization = req.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) sent = authorization.substring(7).trim();
        }
        return sent != null && MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(HttpServerRequest req) {
        if (req.remoteAddress() == null) return true;
        String host = req.remoteAddress().hostAddress();
        if (host == null) return false;
        try {
            // an address literal: no name lookup happens
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void send(HttpServerResponse response, AdminException e) {
        send(response, e.status(), AdminJson.error(e));
    }

    private static void send(HttpServerResponse response, int status, byte[] json) {
        if (response.ended() || response.closed()) return;
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(Buffer.buffer(json));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
