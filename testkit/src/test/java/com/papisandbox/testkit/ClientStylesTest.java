package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request layouts real clients send (shared/spec/clients.md): ccxt (form body, timestamp first,
 * recvWindow=10000), the official connector (all in the query, empty body with Content-Type
 * application/json), tiagosiebler/binance (query, empty form-typed body, recvWindow=5000), the official
 * Java SDK (form body + timestamp/signature in the query), and mixed query+body signing.
 */
class ClientStylesTest extends TwoAccounts {
    ClientStylesTest(Sandbox sandbox) {
        super(sandbox);
    }

    // ---------------------------------------------------------------- ccxt

    @Test
    void ccxtFormBodyWithTimestampFirstAndRecvWindow10000() {
        String body = signQuery(a, "timestamp=" + now() + "&symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=27000&newClientOrderId=x-xcKtGhcu0123456789abcdef012345&newOrderRespType=RESULT&recvWindow=10000");
        PapiClient.Response r = a.raw("POST", ORDER, "", body, FORM);
        JsonObject o = Expected.limit(BTC, "BUY", "1", "27000").clientOrderId("x-xcKtGhcu0123456789abcdef012345").assertNew(r);
        long id = orderId(o);

        String q = "timestamp=" + now() + "&symbol=BTCUSD_PERP&orderId=" + id + "&recvWindow=10000";
        Expected.limit(BTC, "BUY", "1", "27000").clientOrderId("x-xcKtGhcu0123456789abcdef012345")
                .assertQueried(a.raw("GET", ORDER, signQuery(a, q), "", null));
        Expected.limit(BTC, "BUY", "1", "27000").clientOrderId("x-xcKtGhcu0123456789abcdef012345")
                .assertOpen(a.raw("GET", OPEN_ORDER, signQuery(a, q), "", null));
        assertThat(ids(array(a.raw("GET", OPEN_ORDERS, signQuery(a, "timestamp=" + now() + "&symbol=BTCUSD_PERP&recvWindow=10000"), "", null))))
                .containsExactly(id);
        Expected.limit(BTC, "BUY", "1", "27000").clientOrderId("x-xcKtGhcu0123456789abcdef012345").status("CANCELED")
                .assertCanceled(a.raw("DELETE", ORDER, signQuery(a, "timestamp=" + now() + "&symbol=BTCUSD_PERP&orderId=" + id + "&recvWindow=10000"), "", null));
        PapiClient.Response all = a.raw("DELETE", ALL_OPEN_ORDERS, signQuery(a, "timestamp=" + now() + "&symbol=BTCUSD_PERP&recvWindow=10000"), "", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).isEqualTo(CANCEL_ALL_DONE);
    }

    @Test
    void ccxtImplicitPlaceWithoutClientIdAndCancelByClientId() {
        String body = signQuery(a, "timestamp=" + now() + "&symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=2&price=27001&recvWindow=10000");
        JsonObject o = Expected.limit(BTC, "BUY", "2", "27001").assertNew(a.raw("POST", ORDER, "", body, FORM));
        String clientId = o.getString("clientOrderId");
        String q = "timestamp=" + now() + "&symbol=BTCUSD_PERP&origClientOrderId=" + clientId + "&recvWindow=10000";
        Expected.limit(BTC, "BUY", "2", "27001").clientOrderId(clientId).status("CANCELED")
                .assertCanceled(a.raw("DELETE", ORDER, signQuery(a, q), "", null));
    }

    // ---------------------------------------------------------------- official connector

    @Test
    void officialConnectorQueryOnlyWithEmptyJsonBody() {
        String place = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27010&timestamp=" + now();
        JsonObject o = Expected.limit(BTC, "BUY", "1", "27010").assertNew(a.raw("POST", ORDER, signQuery(a, place), "", JSON));
        long id = orderId(o);
        String ref = "symbol=BTCUSD_PERP&orderId=" + id + "&timestamp=";
        Expected.limit(BTC, "BUY", "1", "27010").clientOrderId(o.getString("clientOrderId"))
                .assertQueried(a.raw("GET", ORDER, signQuery(a, ref + now()), "", JSON));
        Expected.limit(BTC, "BUY", "1", "27010").clientOrderId(o.getString("clientOrderId"))
                .assertOpen(a.raw("GET", OPEN_ORDER, signQuery(a, ref + now()), "", JSON));
        assertThat(ids(array(a.raw("GET", OPEN_ORDERS, signQuery(a, "symbol=BTCUSD_PERP&timestamp=" + now()), "", JSON))))
                .containsExactly(id);
        Expected.limit(BTC, "BUY", "1", "27010").clientOrderId(o.getString("clientOrderId")).status("CANCELED")
                .assertCanceled(a.raw("DELETE", ORDER, signQuery(a, ref + now()), "", JSON));
        PapiClient.Response all = a.raw("DELETE", ALL_OPEN_ORDERS, signQuery(a, "symbol=BTCUSD_PERP&timestamp=" + now()), "", JSON);
        assertThat(all.body()).isEqualTo(CANCEL_ALL_DONE);
    }

    @Test
    void officialConnectorEmptyJsonBodyWithExplicitContentLengthZero() {
        String place = signQuery(a, "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27011"
                + "&newClientOrderId=official-1&timestamp=" + now());
        PapiClient.Response r = socket(a, a.apiKey(), "POST", ORDER, latin1(place), JSON, new byte[0]);
        Expected.limit(BTC, "BUY", "1", "27011").clientOrderId("official-1").assertNew(r);
    }

    // ---------------------------------------------------------------- tiagosiebler/binance

    @Test
    void binanceNpmQueryOnlyWithEmptyFormTypedBody() {
        String clientId = "x-15PC4ZJy" + "AbCdEfGhIjKlMnOpQr_-12";
        assertThat(clientId).hasSize(32);
        String place = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27020&newClientOrderId="
                + clientId + "&timestamp=" + now() + "&recvWindow=5000";
        JsonObject o = Expected.limit(BTC, "BUY", "1", "27020").clientOrderId(clientId)
                .assertNew(a.raw("POST", ORDER, signQuery(a, place), "", FORM));
        long id = orderId(o);
        Expected.limit(BTC, "BUY", "1", "27020").clientOrderId(clientId)
                .assertQueried(a.raw("GET", ORDER, signQuery(a, "symbol=BTCUSD_PERP&origClientOrderId=" + clientId
                        + "&timestamp=" + now() + "&recvWindow=5000"), "", null));
        Expected.limit(BTC, "BUY", "1", "27020").clientOrderId(clientId).status("CANCELED")
                .assertCanceled(a.raw("DELETE", ORDER, signQuery(a, "symbol=BTCUSD_PERP&orderId=" + id
                        + "&timestamp=" + now() + "&recvWindow=5000"), "", null));
    }

    @Test
    void emptyPostBodyWithAnyContentTypeIsFine() {
        int price = 27030;
        for (String type : new String[]{"text/plain", "application/octet-stream", "multipart/form-data; boundary=xyz",
                "application/json; charset=utf-8", "application/x-www-form-urlencoded; charset=UTF-8", "garbage"}) {
            String q = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=" + price + "&timestamp=" + now();
            PapiClient.Response r = socket(a, a.apiKey(), "POST", ORDER, latin1(signQuery(a, q)), type, new byte[0]);
            assertThat(r.status()).as("Content-Type %s: %s", type, r.body()).isEqualTo(200);
            Expected.limit(BTC, "BUY", "1", Integer.toString(price)).assertNew(r);
            price++;
        }
    }

    // ---------------------------------------------------------------- official Java SDK and mixed signing

    @Test
    void javaSdkFormBodyWithTimestampAndSignatureInTheQuery() {
        String body = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27040";
        String query = "timestamp=" + now();
        String signature = a.hmac(query + body);
        PapiClient.Response r = a.raw("POST", ORDER, query + "&signature=" + signature, body, FORM);
        Expected.limit(BTC, "BUY", "1", "27040").assertNew(r);
    }

    @Test
    void signatureCoversQueryAndBodyConcatenatedWithoutSeparator() {
        String query = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=27050&recvWindow=5000&timestamp=" + now();
        PapiClient.Response r = a.raw("POST", ORDER, query, body + "&signature=" + a.hmac(query + body), FORM);
        Expected.limit(BTC, "BUY", "1", "27050").assertNew(r);
    }

    @Test
    void signatureWithAnAmpersandBetweenQueryAndBodyIsInvalid() {
        String query = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=27051&timestamp=" + now();
        assertError(a.raw("POST", ORDER, query, body + "&signature=" + a.hmac(query + "&" + body), FORM), -1022, BAD_SIGNATURE);
        assertError(a.raw("POST", ORDER, query, body + "&signature=" + a.hmac(body + query), FORM), -1022, BAD_SIGNATURE);
    }

    @Test
    void queryWinsOverBodyForTheSameName() {
        String query = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&price=27060";
        String body = "quantity=1&price=27061&side=SELL&timestamp=" + now();
        PapiClient.Response r = a.raw("POST", ORDER, query, body + "&signature=" + a.hmac(query + body), FORM);
        Expected.limit(BTC, "BUY", "1", "27060").assertNew(r);
    }

    @Test
    void timestampInBothPlacesTakesTheQueryOne() {
        String query = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27062&timestamp=" + now();
        String body = "timestamp=1";
        PapiClient.Response r = a.raw("POST", ORDER, query, body + "&signature=" + a.hmac(query + body), FORM);
        Expected.limit(BTC, "BUY", "1", "27062").assertNew(r);
        String staleQuery = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27063&timestamp=1";
        String freshBody = "timestamp=" + now();
        assertError(a.raw("POST", ORDER, staleQuery, freshBody + "&signature=" + a.hmac(staleQuery + freshBody), FORM),
                -1021, OUTSIDE_WINDOW);
    }

    @Test
    void signatureIsOverTheRawBytesAsSentNotAReEncoding() {
        // unencoded ':' and '/' signed as sent
        String raw = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27070&newClientOrderId=raw:id/1&timestamp=" + now();
        Expected.limit(BTC, "BUY", "1", "27070").clientOrderId("raw:id/1").assertNew(a.raw("POST", ORDER, signQuery(a, raw), "", null));
        // percent-encoded on the wire but signed decoded: invalid
        String encoded = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27071&newClientOrderId=enc%3Aid&timestamp=" + now();
        String decoded = encoded.replace("%3A", ":");
        assertError(a.raw("POST", ORDER, encoded + "&signature=" + a.hmac(decoded), "", null), -1022, BAD_SIGNATURE);
        // and signed as sent: valid, the id is decoded
        Expected.limit(BTC, "BUY", "1", "27071").clientOrderId("enc:id").assertNew(a.raw("POST", ORDER, signQuery(a, encoded), "", null));
    }

    @Test
    void parametersInAnyOrderAndSignatureNotLast() {
        String q = "price=27080&timestamp=" + now() + "&quantity=1&timeInForce=GTC&type=LIMIT&side=BUY&symbol=BTCUSD_PERP";
        String sig = a.hmac(q);
        String withSigInMiddle = "price=27080&signature=" + sig + q.substring(q.indexOf("&timestamp="));
        Expected.limit(BTC, "BUY", "1", "27080").assertNew(a.raw("POST", ORDER, withSigInMiddle, "", null));
    }

    @Test
    void deleteWithParametersInAFormBody() {
        long id = placeId(a, limit(BTC, "BUY", "1", "27090"));
        String body = signQuery(a, "symbol=BTCUSD_PERP&orderId=" + id + "&timestamp=" + now());
        Expected.limit(BTC, "BUY", "1", "27090").status("CANCELED").assertCanceled(a.raw("DELETE", ORDER, "", body, FORM));
    }

    @Test
    void deleteMixingQueryAndFormBody() {
        long id = placeId(a, limit(BTC, "BUY", "1", "27091"));
        String query = "symbol=BTCUSD_PERP";
        String body = "orderId=" + id + "&timestamp=" + now();
        Expected.limit(BTC, "BUY", "1", "27091").status("CANCELED")
                .assertCanceled(a.raw("DELETE", ORDER, query, body + "&signature=" + a.hmac(query + body), FORM));
    }

    @Test
    void deleteJsonBodyIsIgnored() {
        long id = placeId(a, limit(BTC, "BUY", "1", "27092"));
        String q = signQuery(a, "symbol=BTCUSD_PERP&orderId=" + id + "&timestamp=" + now());
        Expected.limit(BTC, "BUY", "1", "27092").status("CANCELED")
                .assertCanceled(a.raw("DELETE", ORDER, q, "{\"symbol\":\"ETHUSD_PERP\",\"orderId\":1}", JSON));
    }

    @Test
    void getWithAJsonBodyIsUnaffected() {
        long id = placeId(a, limit(BTC, "BUY", "1", "27100"));
        String q = "symbol=BTCUSD_PERP&timestamp=" + now();
        String plain = a.raw("GET", OPEN_ORDERS, signQuery(a, q), "", null).body();
        PapiClient.Response withJson = a.raw("GET", OPEN_ORDERS, signQuery(a, q), "{\"symbol\":\"ETHUSD_PERP\",\"foo\":[1,2,3]}", JSON);
        assertThat(withJson.status()).isEqualTo(200);
        assertThat(withJson.body()).isEqualTo(plain);
        assertThat(ids(array(withJson))).containsExactly(id);
        Expected.limit(BTC, "BUY", "1", "27100").assertQueried(
                a.raw("GET", ORDER, signQuery(a, "symbol=BTCUSD_PERP&orderId=" + id + "&timestamp=" + now()), "{\"orderId\":\"x\"}", JSON));
    }

    @Test
    void getBodyIsIgnoredEvenWhenItIsAForm() {
        long id = placeId(a, limit(BTC, "BUY", "1", "27101"));
        String q = signQuery(a, "symbol=BTCUSD_PERP&timestamp=" + now());
        // if the body were read it would be an unread parameter (-1104), an unsigned part (-1022) or a duplicate
        PapiClient.Response r = a.raw("GET", OPEN_ORDERS, q, "foo=bar&symbol=ETHUSD_PERP&signature=00", FORM);
        assertThat(ids(array(r))).containsExactly(id);
        PapiClient.Response viaSocket = socket(a, a.apiKey(), "GET", OPEN_ORDERS, latin1(q), FORM,
                "symbol=%zz&timestamp=1".getBytes(StandardCharsets.US_ASCII));
        assertThat(ids(array(viaSocket))).containsExactly(id);
    }

    @Test
    void postJsonBodyIsNotParameters() {
        String q = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27110&timestamp=" + now();
        Expected.limit(BTC, "BUY", "1", "27110").assertNew(a.raw("POST", ORDER, signQuery(a, q), "{\"price\":\"1\",\"foo\":1}", JSON));
    }

    @Test
    void plusInAValueIsASpaceAndPercentEncodedCharactersAreDecoded() {
        // '+' decodes to a space: an illegal client order id, as the decoded value
        String q = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27120&newClientOrderId=a+b&timestamp=" + now();
        assertError(a.raw("POST", ORDER, signQuery(a, q), "", null), -1100, illegal("newClientOrderId", CLIENT_ID_RANGE));
        String encoded = "symbol=BTCUSD%5FPERP&side=B%55Y&type=LIMIT&timeInForce=GTC&quantity=1&price=27120&timestamp=" + now();
        Expected.limit(BTC, "BUY", "1", "27120").assertNew(a.raw("POST", ORDER, signQuery(a, encoded), "", null));
    }

    @Test
    void deleteBodyWithoutContentTypeIsAForm() {
        long id = placeId(a, limit(BTC, "BUY", "1", "27130"));
        String body = signQuery(a, "symbol=BTCUSD_PERP&orderId=" + id + "&timestamp=" + now());
        Expected.limit(BTC, "BUY", "1", "27130").status("CANCELED")
                .assertCanceled(socket(a, "DELETE", ORDER, "", null, body));
    }

    @Test
    void postBodyOfAnotherTypeIsNeitherParametersNorSigned() {
        String body = signQuery(a, "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27140&timestamp=" + now());
        assertError(a.raw("POST", ORDER, "", body, "text/plain"), -1102, mandatory("symbol"));
        // with the parameters in the query, a text body does not enter the signed payload
        String q = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=27141&timestamp=" + now();
        Expected.limit(BTC, "BUY", "1", "27141").assertNew(a.raw("POST", ORDER, signQuery(a, q), "price=1&foo=2", "text/plain"));
    }
}
