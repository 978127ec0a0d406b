package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static com.papisandbox.testkit.E2E.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP details of Binance's edge: 404 shape, UTF-8 paths, Date, gzip, request line and header limits. */
@ExtendWith(SandboxExtension.class)
class EdgeProtocolTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aNonAsciiPathIsEchoedInUtf8WhetherSentRawOrPercentEncoded(Sandbox sandbox) {
        String expected = "Path /papi/v1/cm/ordér€, Method GET is invalid";
        PapiClient.Response raw = RawHttp.send(sandbox.baseUrl(), "GET",
                "/papi/v1/cm/ordér€".getBytes(StandardCharsets.UTF_8), Map.of(), null);
        assertError(raw, 404, -5000, expected);
        PapiClient.Response escaped = RawHttp.send(sandbox.baseUrl(), "GET", "/papi/v1/cm/ord%C3%A9r%E2%82%AC", Map.of(), null);
        assertError(escaped, 404, -5000, expected);
    }

    @Test
    void everyReplyCarriesADateHeader(Sandbox sandbox) {
        for (String target : new String[]{"/papi/v1/ping", "/papi/v1/nothing", "/papi/v1/cm/order?symbol=BTCUSD_PERP"}) {
            PapiClient.Response r = RawHttp.send(sandbox.baseUrl(), "GET", target, Map.of(), null);
            String date = r.header("Date");
            assertThat(date).as(target).matches("[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
            ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(parsed.toInstant().toEpochMilli()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
        }
    }

    @Test
    void largeBodiesAreGzippedWhenAskedAndSmallOnesNever(Sandbox sandbox) throws Exception {
        HttpResponse<byte[]> plain = get(sandbox, "/dapi/v1/exchangeInfo", false);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> zipped = get(sandbox, "/dapi/v1/exchangeInfo", true);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
        JsonObject a = new JsonObject(new String(plain.body(), StandardCharsets.UTF_8));
        JsonObject b = new JsonObject(gunzip(zipped.body()));
        a.remove("serverTime");
        b.remove("serverTime");
        assertThat(b).isEqualTo(a);

        HttpResponse<byte[]> ping = get(sandbox, "/papi/v1/ping", true);
        assertThat(ping.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(ping.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        HttpResponse<byte[]> error = get(sandbox, "/papi/v1/cm/order?symbol=BTCUSD_PERP", true);
        assertThat(error.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(error.body(), StandardCharsets.UTF_8)).startsWith("{\"code\":");
    }

    @Test
    void requestLinesUpTo8KbAndHeadersUpTo20KbAreRead(Sandbox sandbox) {
        String path = "/papi/v1/ping?pad=";
        // "GET " + target + " HTTP/1.1" is the request line; fill it to exactly 8 KB.
        String fits = path + "a".repeat(8 * 1024 - "GET ".length() - " HTTP/1.1".length() - path.length());
        assertThat(RawHttp.send(sandbox.baseUrl(), "GET", fits, Map.of(), null).status()).isEqualTo(200);
        PapiClient.Response tooLong = RawHttp.send(sandbox.baseUrl(), "GET", fits + "a".repeat(1024), Map.of(), null);
        assertThat(tooLong.status()).isEqualTo(414);

        assertThat(RawHttp.send(sandbox.baseUrl(), "GET", "/papi/v1/ping", Map.of("X-Pad", "b".repeat(19 * 1024)), null).status())
                .isEqualTo(200);
        PapiClient.Response tooBig = RawHttp.send(sandbox.baseUrl(), "GET", "/papi/v1/ping", Map.of("X-Pad", "b".repeat(21 * 1024)), null);
        assertThat(tooBig.status()).isEqualTo(431);
    }

    private static HttpResponse<byte[]> get(Sandbox sandbox, String target, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + target)).GET();
        if (gzip) b.header("Accept-Encoding", "gzip");
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
