package com.papisandbox.testkit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A minimal signing PAPI client for tests: HMAC-SHA256 over query + body, as Binance specifies,
 * with the parameters in the query string (like the official connector) or in a form body (like ccxt).
 */
public final class PapiClient {
    public enum Placement { QUERY, BODY }

    public record Response(int status, String body, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;
    private final String secret;
    private LongSupplier clock = System::currentTimeMillis;

    public PapiClient(String baseUrl, String apiKey, String secret) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    public PapiClient withClock(LongSupplier clock) {
        this.clock = clock;
        return this;
    }

    /** Sends a signed request, parameters in the query string, {@code timestamp} appended. */
    public Response signed(String method, String path, Map<String, String> params) {
        return signed(method, path, params, Placement.QUERY);
    }

    public Response signed(String method, String path, Map<String, String> params, Placement placement) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("timestamp", Long.toString(clock.getAsLong()));
        String encoded = encode(all);
        String signature = hmac(encoded);
        if (placement == Placement.QUERY) {
            return raw(method, path, encoded + "&signature=" + signature, "", null);
        }
        return raw(method, path, "", encoded + "&signature=" + signature, "application/x-www-form-urlencoded");
    }

    /** Sends exactly the given raw query and body with this client's API key; no signing. */
    public Response raw(String method, String path, String rawQuery, String rawBody, String contentType) {
        return rawWithKey(method, path, rawQuery, rawBody, contentType, apiKey);
    }

    public Response rawWithKey(String method, String path, String rawQuery, String rawBody, String contentType, String key) {
        String uri = baseUrl + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .method(method, rawBody == null || rawBody.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody));
        if (key != null) b.header("X-MBX-APIKEY", key);
        if (contentType != null) b.header("Content-Type", contentType);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            return new Response(r.statusCode(), r.body(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) sb.append('&');
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }
}
