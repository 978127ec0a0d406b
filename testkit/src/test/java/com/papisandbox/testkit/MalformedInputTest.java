package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile or broken requests: never a 5xx, always a Binance error (where the request reaches the
 * application), and never a change of state. Three orders rest before the first test; after every test
 * both accounts' open orders must be byte-identical to the snapshot, no new order may exist, and (when
 * the sandbox exposes it) the engine state hash must be unchanged.
 */
@ExtendWith(SandboxExtension.class)
class MalformedInputTest {
    private static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    private static final String GOOD = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=28500";

    private static PapiClient a;
    private static PapiClient b;
    private static String openA;
    private static String openB;
    private static long lastOrderId;
    private static String stateHash;

    @BeforeAll
    static void restingOrders(Sandbox sandbox) {
        a = SandboxExtension.clientA(sandbox);
        b = SandboxExtension.clientB(sandbox);
        placeId(a, with(limit(BTC, "BUY", "1", "28000"), "newClientOrderId", "malformed-a1"));
        placeId(a, limit(ETH, "SELL", "3", "9800.25"));
        lastOrderId = placeId(b, limit(BTC, "BUY", "2", "28001.5"));
        openA = openOrdersBody(a);
        openB = openOrdersBody(b);
        assertThat(new io.vertx.core.json.JsonArray(openA)).hasSize(2);
        stateHash = stateHash();
    }

    /** The engine state hash if this sandbox serves it, else null. */
    private static String stateHash() {
        PapiClient.Response r = a.raw("GET", "/sandbox/v1/stateHash", "", "", null);
        if (r.status() != 200) return null;
        return new JsonObject(r.body()).getString("stateHash");
    }

    @AfterEach
    void stateIsUnchanged() {
        assertThat(openOrdersBody(a)).as("A's open orders").isEqualTo(openA);
        assertThat(openOrdersBody(b)).as("B's open orders").isEqualTo(openB);
        for (long id = lastOrderId + 1; id <= lastOrderId + 3; id++) {
            assertError(a.signed("GET", ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
            assertError(b.signed("GET", ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
            assertError(a.signed("GET", ORDER, byId(ETH, id)), -2013, NO_SUCH_ORDER);
        }
        if (stateHash != null) assertThat(stateHash()).as("engine state hash").isEqualTo(stateHash);
    }

    private static String signed(String rawUnsigned) {
        return signQuery(a, rawUnsigned);
    }

    private static String ts() {
        return "&timestamp=" + now();
    }

    private static PapiClient.Response postQuery(String rawQuery) {
        return socket(a, "POST", ORDER, rawQuery, null, null);
    }

    private static PapiClient.Response postBody(String rawBody) {
        return socket(a, "POST", ORDER, "", FORM, rawBody);
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void hugeNumbers() {
        assertError(postQuery(signed(GOOD.replace("quantity=1", "quantity=99999999999999999999") + ts())),
                -4005, "Quantity greater than max quantity.");
        assertError(postQuery(signed(GOOD.replace("quantity=1", "quantity=99999999999999999999.99999999999999999999") + ts())),
                -1111, BAD_PRECISION);
        assertError(postQuery(signed(GOOD.replace("quantity=1", "quantity=" + repeat('9', 40)) + ts())),
                -1100, illegal("quantity", DECIMAL_RANGE));
        assertError(postQuery(signed(GOOD.replace("price=28500", "price=1234567890123456789012345") + ts())),
                -1100, illegal("price", DECIMAL_RANGE));
        assertError(postQuery(signed(GOOD.replace("price=28500", "price=99999999999999999999") + ts())),
                -4002, "Price greater than max price.");
        assertError(postQuery(signed(GOOD.replace("price=28500", "price=28500." + repeat('0', 25)) + ts())),
                -1100, illegal("price", DECIMAL_RANGE));
        assertError(socket(a, "DELETE", ORDER, signed("symbol=BTCUSD_PERP&orderId=" + repeat('9', 25) + ts()), null, null),
                -1100, illegal("orderId", LONG_RANGE));
        assertError(socket(a, "DELETE", ORDER, signed("symbol=BTCUSD_PERP&orderId=9223372036854775808" + ts()), null, null),
                -1100, illegal("orderId", LONG_RANGE));
        assertError(postQuery(signed(GOOD + "&timestamp=99999999999999999999")), -1100, illegal("timestamp", LONG_RANGE));
        assertError(postQuery(signed(GOOD + "&recvWindow=99999999999999999999" + ts())), -1100, illegal("recvWindow", LONG_RANGE));
        assertError(postQuery(signed(GOOD + "&recvWindow=9223372036854775807" + ts())), -1131, RECV_WINDOW_TOO_LARGE);
        assertError(postQuery(signed(GOOD + "&timestamp=9223372036854775807")), -1021, AHEAD);
    }

    @Test
    void negativeNumbers() {
        assertError(postQuery(signed(GOOD.replace("price=28500", "price=-28500") + ts())), -1100, illegal("price", DECIMAL_RANGE));
        assertError(postQuery(signed(GOOD.replace("quantity=1", "quantity=-1") + ts())), -1100, illegal("quantity", DECIMAL_RANGE));
        assertError(postQuery(signed(GOOD.replace("quantity=1", "quantity=-0") + ts())), -1100, illegal("quantity", DECIMAL_RANGE));
        assertError(socket(a, "DELETE", ORDER, signed("symbol=BTCUSD_PERP&orderId=-1" + ts()), null, null),
                -1100, illegal("orderId", LONG_RANGE));
        assertError(postQuery(signed(GOOD + "&timestamp=-1")), -1100, illegal("timestamp", LONG_RANGE));
        assertError(postQuery(signed(GOOD + "&recvWindow=-5000" + ts())), -1100, illegal("recvWindow", LONG_RANGE));
    }

    @Test
    void numbersInOtherNotations() {
        for (String price : new String[]{"2.85e4", "0x6F54", "28,500", "28500f", "Infinity", "NaN", "+28500", "28500%20", "%2028500",
                "\u0662\u0668\u0665\u0660\u0660"}) {
            String q = GOOD.replace("price=28500", "price=" + (price.chars().allMatch(c -> c < 128) ? price
                    : java.net.URLEncoder.encode(price, StandardCharsets.UTF_8))) + ts();
            PapiClient.Response r = socket(a, "POST", ORDER, signed(q), null, null);
            assertError(r, -1100, illegal("price", DECIMAL_RANGE));
        }
    }

    // ---------------------------------------------------------------- encoding

    @Test
    void badPercentEscapes() {
        for (String bad : new String[]{"%zz", "%", "%2", "%g0", "abc%", "%%41"}) {
            assertError(postQuery(signed(GOOD + "&newClientOrderId=" + bad + ts())), -1100, ILLEGAL_CHARS);
            assertError(postBody(signed(GOOD + "&newClientOrderId=" + bad + ts())), -1100, ILLEGAL_CHARS);
        }
        assertError(postQuery(signed(GOOD + "&%zz=1" + ts())), -1100, ILLEGAL_CHARS);
        assertError(socket(a, "DELETE", ORDER, signed("symbol=BTC%zz&orderId=1" + ts()), null, null), -1100, ILLEGAL_CHARS);
        assertError(socket(a, "GET", OPEN_ORDERS, signed("symbol=%zz" + ts()), null, null), -1100, ILLEGAL_CHARS);
    }

    @Test
    void percentEncodedBytesThatAreNotUtf8() {
        for (String bad : new String[]{"%ff%fe", "%ff", "%c3%28", "%ed%a0%80", "%e2%82", "%80"}) {
            assertError(postQuery(signed(GOOD + "&newClientOrderId=" + bad + ts())), -1100, ILLEGAL_CHARS);
            assertError(postBody(signed(GOOD + "&newClientOrderId=" + bad + ts())), -1100, ILLEGAL_CHARS);
            assertError(socket(a, "DELETE", ORDER, signed("symbol=BTCUSD_PERP&origClientOrderId=" + bad + ts()), null, null),
                    -1100, ILLEGAL_CHARS);
        }
    }

    /** HMAC-SHA256 hex of raw bytes with A's secret (PapiClient signs Strings as UTF-8). */
    private static String hmacA(byte[] payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SandboxExtension.SECRET_A.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code prefix + 0xff 0xfe + suffix}, then {@code &signature=} over exactly those bytes. */
    private static byte[] withRawNonUtf8(String prefix, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
        out.write(0xff);
        out.write(0xfe);
        out.writeBytes(suffix.getBytes(StandardCharsets.US_ASCII));
        String signature = hmacA(out.toByteArray());
        out.writeBytes(("&signature=" + signature).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void rawBytesThatAreNotUtf8InANewOrder() {
        byte[] body = withRawNonUtf8(GOOD + "&newClientOrderId=", ts());
        assertClientError(socket(a, a.apiKey(), "POST", ORDER, new byte[0], FORM, body));
        PapiClient.Response r = socket(a, a.apiKey(), "POST", ORDER, body, null, null);
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        if (r.body().startsWith("{")) assertClientError(r);
    }

    @Test
    void rawBytesThatAreNotUtf8InTheBodyAreIllegalCharacters() {
        byte[] body = withRawNonUtf8("symbol=BTCUSD_PERP&origClientOrderId=", ts());
        assertError(socket(a, a.apiKey(), "DELETE", ORDER, new byte[0], FORM, body), -1100, ILLEGAL_CHARS);
    }

    @Test
    void rawBytesThatAreNotUtf8InTheQueryAreIllegalCharacters() {
        byte[] query = withRawNonUtf8("symbol=BTCUSD_PERP&origClientOrderId=", ts());
        assertError(socket(a, a.apiKey(), "DELETE", ORDER, query, null, null), -1100, ILLEGAL_CHARS);
    }

    @Test
    void rawBytesThatAreNotUtf8NeverReachAnOrder() {
        byte[] body = withRawNonUtf8("symbol=BTCUSD_PERP&origClientOrderId=", ts());
        assertClientError(socket(a, a.apiKey(), "DELETE", ORDER, new byte[0], FORM, body));
        PapiClient.Response r = socket(a, a.apiKey(), "DELETE", ORDER, body, null, null);
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
    }

    @Test
    void nulAndControlCharacters() {
        assertError(postQuery(signed(GOOD.replace("symbol=BTCUSD_PERP", "symbol=BTCUSD_PERP%00") + ts())), -1121, INVALID_SYMBOL);
        assertError(postQuery(signed(GOOD + "&newClientOrderId=a%0d%0aX-Injected:%201" + ts())),
                -1100, illegal("newClientOrderId", CLIENT_ID_RANGE));
        assertError(postQuery(signed(GOOD.replace("side=BUY", "side=BUY%00") + ts())), -1117, "Invalid side.");
    }

    // ---------------------------------------------------------------- sizes

    @Test
    void veryLongValues() {
        assertError(postQuery(signed(GOOD.replace("symbol=BTCUSD_PERP", "symbol=" + repeat('B', 3000)) + ts())), -1121, INVALID_SYMBOL);
        assertError(postBody(signed(GOOD.replace("symbol=BTCUSD_PERP", "symbol=" + repeat('B', 60_000)) + ts())), -1121, INVALID_SYMBOL);
        assertError(postBody(signed(GOOD + "&newClientOrderId=" + repeat('c', 50_000) + ts())),
                -1100, illegal("newClientOrderId", CLIENT_ID_RANGE));
        assertError(postBody(signed(GOOD.replace("price=28500", "price=" + repeat('1', 50_000)) + ts())),
                -1100, illegal("price", DECIMAL_RANGE));
        assertError(socket(a, "DELETE", ORDER, "", FORM, signed("symbol=BTCUSD_PERP&origClientOrderId=" + repeat('o', 60_000) + ts())),
                -2011, UNKNOWN_ORDER);
        // symbol side type timeInForce quantity price <long name> timestamp signature
        assertError(postBody(signed(GOOD + "&" + repeat('n', 20_000) + "=1" + ts())), -1104, unread(8, 9));
    }

    @Test
    void requestLineBeyondTheServersLimitIsAClientError() {
        PapiClient.Response r = postQuery(signed(GOOD + "&newClientOrderId=" + repeat('x', 20_000) + ts()));
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
    }

    @Test
    void hugeApiKeyHeader() {
        String q = signed(GOOD + ts());
        assertError(a.rawWithKey("POST", ORDER, q, "", null, repeat('k', 5000)), 401, -2014, BAD_KEY_FORMAT);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MBX-APIKEY", repeat('k', 100_000));
        PapiClient.Response tooBig = RawHttp.send(a.baseUrl(), "POST", ORDER + "?" + q, headers, null);
        assertThat(tooBig.status()).as(tooBig.body()).isBetween(400, 499);
    }

    @Test
    void hundredKilobyteBody() {
        String body = signed(GOOD + "&junk=" + repeat('j', 100 * 1024) + ts());
        assertError(socket(a, "POST", ORDER, "", FORM, body), -1101, "Too many parameters sent for this endpoint.");
        assertError(a.raw("POST", ORDER, "", body, FORM), -1101, "Too many parameters sent for this endpoint.");
        assertError(socket(a, "DELETE", ORDER, "", FORM, body), -1101, "Too many parameters sent for this endpoint.");
    }

    @Test
    void hundredKilobyteChunkedBody() {
        byte[] data = signed(GOOD + "&junk=" + repeat('j', 100 * 1024) + ts()).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int off = 0; off < data.length; off += 8192) {
            int n = Math.min(8192, data.length - off);
            chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(data, off, n);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MBX-APIKEY", a.apiKey());
        headers.put("Content-Type", FORM);
        headers.put("Transfer-Encoding", "chunked");
        PapiClient.Response r = RawHttp.send(a.baseUrl(), "POST", ORDER, headers, chunked.toByteArray());
        assertError(r, -1101, "Too many parameters sent for this endpoint.");
    }

    @Test
    void thousandsOfUnknownParameters() {
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 3000; i++) junk.append("&p").append(i).append("=1");
        // 6 good + 3000 unknown + timestamp + signature
        assertError(postBody(signed(GOOD + junk + ts())), -1104, unread(8, 3008));
    }

    @Test
    void thousandsOfDuplicates() {
        StringBuilder dup = new StringBuilder(GOOD);
        for (int i = 0; i < 3000; i++) dup.append("&price=1");
        assertError(postBody(signed(dup + ts())), -1101, DUPLICATE);
    }

    // ---------------------------------------------------------------- shapes of the request itself

    @Test
    void emptyBodyWithOddContentTypesAndNoParameters() {
        for (String type : new String[]{null, FORM, JSON, "text/plain", "multipart/form-data; boundary=--x", "application/xml",
                "", ";;;", "application/x-www-form-urlencoded; charset=ISO-8859-1"}) {
            PapiClient.Response r = socket(a, a.apiKey(), "POST", ORDER, new byte[0], type, new byte[0]);
            assertError(r, -1102, mandatory("symbol"));
            PapiClient.Response d = socket(a, a.apiKey(), "DELETE", ORDER, new byte[0], type, new byte[0]);
            assertError(d, -1102, mandatory("symbol"));
        }
    }

    @Test
    void bodiesThatAreNotForms() {
        String q = signed(GOOD.replace("price=28500", "price=1") + "&newClientOrderId=zz%zz" + ts());
        // A JSON body typed as a form: its text becomes parameter names
        assertClientError(socket(a, "POST", ORDER, "", FORM, "{\"symbol\":\"BTCUSD_PERP\",\"side\":\"BUY\"}"));
        // Binary junk typed as octet-stream with a broken query
        PapiClient.Response r = socket(a, a.apiKey(), "POST", ORDER, latin1(q), "application/octet-stream",
                new byte[]{0, 1, 2, (byte) 0xff, (byte) 0xfe, '&', '=', '%'});
        assertError(r, -1100, ILLEGAL_CHARS);
        // XML, multipart
        assertClientError(socket(a, "POST", ORDER, "", "application/xml", "<order><symbol>BTCUSD_PERP</symbol></order>"));
        assertClientError(socket(a, "POST", ORDER, "", "multipart/form-data; boundary=X",
                "--X\r\nContent-Disposition: form-data; name=\"symbol\"\r\n\r\nBTCUSD_PERP\r\n--X--\r\n"));
    }

    @Test
    void oddParameterStructure() {
        for (String q : new String[]{"&&&&", "=", "==", "=x", "&=&=&", "a==b", "symbol", "symbol&symbol", "?", "#",
                "symbol=BTCUSD_PERP&&&orderId=1&&", "%26=%3D"}) {
            assertClientError(socket(a, "DELETE", ORDER, q, null, null));
            assertClientError(postQuery(q));
            assertClientError(postBody(q));
        }
    }

    @Test
    void validlySignedButNonsensicalOrders() {
        assertError(postQuery(signed(GOOD.replace("quantity=1", "quantity=0") + ts())), -4003, "Quantity less than zero.");
        assertError(postQuery(signed(GOOD.replace("price=28500", "price=0") + ts())), -4001, "Price less than 0.");
        assertError(postQuery(signed(GOOD.replace("price=28500", "price=0.0") + ts())), -4001, "Price less than 0.");
        assertError(postQuery(signed(GOOD + "&reduceOnly=maybe" + ts())), -1130, "Data sent for parameter 'reduceOnly' is not valid.");
        assertError(postQuery(signed(GOOD.replace("type=LIMIT", "type=") + ts())), -1102, mandatory("type"));
        assertError(postQuery(signed(GOOD.replace("type=LIMIT", "type=MARKET") + ts())), -1106, "Parameter 'price' sent when not required.");
    }

    @Test
    void malformedContentLengthIsAClientError() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MBX-APIKEY", a.apiKey());
        headers.put("Content-Type", FORM);
        headers.put("Content-Length", "abc");
        PapiClient.Response r = RawHttp.send(a.baseUrl(), "POST", ORDER, headers,
                signed(GOOD + ts()).getBytes(StandardCharsets.US_ASCII));
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
    }

    @Test
    void hugeDeclaredContentLengthIsRefusedWithoutWaitingForTheBody() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MBX-APIKEY", a.apiKey());
        headers.put("Content-Type", FORM);
        headers.put("Content-Length", "99999999999");
        PapiClient.Response r = RawHttp.send(a.baseUrl(), "POST", ORDER, headers, "symbol=BTCUSD_PERP".getBytes(StandardCharsets.US_ASCII));
        assertError(r, -1101, "Too many parameters sent for this endpoint.");
    }
}
