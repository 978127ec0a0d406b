package com.papisandbox.app;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Credential;
import com.papisandbox.server.Sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The requests of the launcher's training run: a ping and a signed cancel of an unknown order, so the
 * class-data-sharing archive holds the classes that a start and the first requests load.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    static void exercise(Sandbox sandbox, AccountSpec account) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        send(http, HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/papi/v1/ping")).GET());
        if (account == null || account.credential().startsWith(Credential.RSA_PREFIX)) return;
        String query = "symbol=BTCUSD_PERP&orderId=1&timestamp=" + System.currentTimeMillis();
        String signature = new Credential.Hmac(account.credential()).sign(query);
        send(http, HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/papi/v1/cm/order?" + query + "&signature=" + signature))
                .header("X-MBX-APIKEY", account.apiKey()).DELETE());
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws Exception {
        http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
