package com.papisandbox.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An account with an RSA key (--account KEY:rsa=public.pem) signs with PKCS#8 + SHA256withRSA, base64, URL-encoded. */
class RsaAccountTest {
    @TempDir
    Path dir;

    @Test
    void rsaSignedOrdersAreAcceptedAndBadSignaturesRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        AccountSpec spec = AccountSpec.parse("rsaKey:rsa=" + pem + ":BTC=1");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults(dir.resolve("data")).withAccounts(List.of(spec)))) {
            String query = "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=30000&timestamp=" + System.currentTimeMillis();
            HttpResponse<String> ok = send(sandbox, "POST", query + "&signature=" + encode(sign(pair.getPrivate(), query)));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.body()).contains("\"status\":\"NEW\"");

            String other = query.replace("price=30000", "price=30001");
            HttpResponse<String> bad = send(sandbox, "POST", other + "&signature=" + encode(sign(pair.getPrivate(), query)));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).isEqualTo("{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
        }
        try (Sandbox restarted = Sandbox.start(SandboxConfig.defaults(dir.resolve("data")).withAccounts(List.of()))) {
            String query = "symbol=BTCUSD_PERP&timestamp=" + System.currentTimeMillis();
            HttpResponse<String> open = send(restarted, "GET", query + "&signature=" + encode(sign(pair.getPrivate(), query)), "/papi/v1/cm/openOrders");
            assertThat(open.statusCode()).as("the stored RSA key survives a restart").isEqualTo(200);
            assertThat(open.body()).contains("\"price\":\"30000\"");
        }
    }

    private static String sign(PrivateKey key, String payload) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(payload.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(Sandbox sandbox, String method, String query) throws Exception {
        return send(sandbox, method, query, "/papi/v1/cm/order");
    }

    private static HttpResponse<String> send(Sandbox sandbox, String method, String query, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path + "?" + query))
                .header("X-MBX-APIKEY", "rsaKey").method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
