package com.papisandbox.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The HMAC test vectors of spec §2.1, and RSA signatures the way Binance clients make them. */
class SignatureTest {
    private static final String SECRET_1 = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    private static final String SECRET_2 = "YtP1BudNOWZE1ag5uzCkh4hIC7qSmQOu797r5EJBFGhxBYivjj8HIX0iiiPof5yG";

    @Test
    void vector1_futuresDocsExample() {
        assertThat(new Credential.Hmac(SECRET_1).sign(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"))
                .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }

    @Test
    void vector2_optionsDocsExample() {
        assertThat(new Credential.Hmac(SECRET_2).sign(
                "symbol=BTC-210129-40000-C&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=2000&recvWindow=5000&timestamp=1611825601400"))
                .isEqualTo("7c12045972f6140e765e0f2b67d28099718df805732676494238f50be830a7d7");
    }

    @Test
    void vector3_theRealDigestOfThePmPagePayload_notThePrintedOne() {
        String payload = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=2000&recvWindow=5000&timestamp=1611825601400";
        Credential.Hmac hmac = new Credential.Hmac(SECRET_2);
        assertThat(hmac.sign(payload)).isEqualTo("4c633cd74726176f44d7a81ac9c86ffd6045169b3fadac568b577285ac95ca45");
        // The PM page prints vector 2's digest under this payload; a correct server must refuse it.
        assertThat(hmac.verifies(payload, "7c12045972f6140e765e0f2b67d28099718df805732676494238f50be830a7d7")).isFalse();
    }

    @Test
    void vector4_queryAndBodyConcatenatedWithoutSeparator() {
        String query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=0.01&price=2000&recvWindow=5000&timestamp=1611825601400";
        String signature = "9de499863c33b6e74b625a72b39f252653b62ca6c31c2c0c8fc4e8b87c711129";
        RequestParams params = RequestParams.parse(query, body + "&signature=" + signature);
        assertThat(params.signedPayload()).isEqualTo(query + body);
        assertThat(new Credential.Hmac(SECRET_2).verifies(params.signedPayload(), params.signature())).isTrue();
    }

    @Test
    void hexIsCaseInsensitive() {
        String payload = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943";
        assertThat(new Credential.Hmac(SECRET_1).verifies(payload,
                "3C661234138461FCC7A7D8746C6558C9842D4E10870D2ECBEDF7777CAD694AF9")).isTrue();
    }

    @Test
    void rsaPkcs8SignatureVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = Credential.RSA_PREFIX + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Credential credential = Credential.parse(pem);
        String payload = "symbol=BTCUSD_PERP&orderId=1&timestamp=1";
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(payload.getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        assertThat(credential.verifies(payload, signature)).isTrue();
        assertThat(credential.verifies(payload + "&x=1", signature)).isFalse();
        assertThat(credential.verifies(payload, "not base64!")).isFalse();
    }
}
