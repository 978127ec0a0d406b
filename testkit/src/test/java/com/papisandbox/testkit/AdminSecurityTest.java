package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Who may use the admin API: loopback callers with the token, others only when allowed; and a fuzz of its
 * inputs, which must never get a 5xx or change anything when refused.
 */
class AdminSecurityTest {
    private static final String TOKEN = "admin-security-token";
    private final HttpClient http = HttpClient.newHttpClient();

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) b.header("X-Sandbox-Token", token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCallerFromAnotherAddressIsRefusedUnlessRemoteCallsAreAllowed(@TempDir Path dir) throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has a non-loopback IPv4 address");
        String host = address.get().getHostAddress();
        for (boolean remoteAllowed : new boolean[]{false, true}) {
            try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults(dir.resolve("remote-" + remoteAllowed)).withHost("0.0.0.0")
                    .withMarket(MarketConfig.off()).withAdmin(new SandboxConfig.AdminConfig(TOKEN, remoteAllowed)))) {
                String remote = "http://" + host + ":" + sandbox.port() + "/sandbox/v1/clock";
                String local = "http://127.0.0.1:" + sandbox.port() + "/sandbox/v1/clock";
                HttpResponse<String> fromRemote = get(remote, TOKEN);
                assertThat(get(local, TOKEN).statusCode()).isEqualTo(200);
                if (remoteAllowed) {
                    assertThat(fromRemote.statusCode()).isEqualTo(200);
                    assertThat(get(remote, "wrong-token").statusCode()).as("the token is still needed").isEqualTo(401);
                } else {
                    assertThat(fromRemote.statusCode()).isEqualTo(403);
                    assertThat(new JsonObject(fromRemote.body()).getString("error")).isEqualTo("FORBIDDEN");
                    // Binance's own paths answer any address
                    assertThat(get("http://" + host + ":" + sandbox.port() + "/dapi/v1/ping", null).statusCode()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void fuzzedAdminRequestsNeverGetA5xxAndRefusalsChangeNothing(@TempDir Path dir) throws Exception {
        Random random = new Random(42);
        List<String> paths = List.of("/stateHash", "/accounts", "/accounts/testKeyA/deposit", "/accounts/testKeyA/withdraw",
                "/accounts/testKeyA/commission", "/accounts/%00/deposit", "/accounts//deposit", "/market", "/market/hold",
                "/market/resume", "/market/stop", "/market/settings", "/market/prices", "/market/path", "/clock",
                "/clock/freeze", "/clock/advance", "/clock/run", "/nothing", "/accounts/x/y/z", "");
        List<String> fields = List.of("apiKey", "secret", "rsaPublicKey", "balances", "asset", "amount", "makerCommissionRate",
                "takerCommissionRate", "volatility", "spread", "depth", "levelQty", "symbol", "referencePrice", "markPrice",
                "indexPrice", "points", "csv", "millis", "duration", "bogus");
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.off().withTickMillis(0))
                .withAdmin(new SandboxConfig.AdminConfig(TOKEN, false)).withRateLimits(false))) {
            HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
            int refused = 0;
            for (int i = 0; i < 600; i++) {
                String path = paths.get(random.nextInt(paths.size()));
                String method = methods[random.nextInt(path.isEmpty() || path.equals("/market") ? 4 : 2)];
                String body = randomBody(random, fields);
                String before = admin.stateHash().stateHash();
                HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/v1" + path))
                        .header("X-Sandbox-Token", TOKEN).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("%s %s %s -> %s", method, path, body, r.body()).isLessThan(500);
                if (r.statusCode() != 200) {
                    refused++;
                    assertThat(new JsonObject(r.body()).fieldNames()).containsExactly("error", "message");
                    assertThat(admin.stateHash().stateHash()).as("%s %s %s changed state", method, path, body).isEqualTo(before);
                }
            }
            assertThat(refused).as("most random requests are refused").isGreaterThan(300);
        }
    }

    private static String randomBody(Random random, List<String> fields) {
        switch (random.nextInt(8)) {
            case 0:
                return "";
            case 1:
                return "{\"unterminated";
            case 2:
                return "[" + random.nextInt() + "]";
            default:
                break;
        }
        JsonObject body = new JsonObject();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) body.put(fields.get(random.nextInt(fields.size())), randomValue(random));
        return body.encode();
    }

    private static Object randomValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * 1e6 - 5e5;
            case 4 -> "BTCUSD_PERP";
            case 5 -> "BTC";
            case 6 -> "1e400";
            case 7 -> "" + random.nextInt(100_000);
            case 8 -> new JsonObject().put("BTC", random.nextInt(3) == 0 ? "-1" : "0.5");
            case 9 -> new JsonArray().add(new JsonObject().put("afterMillis", random.nextInt(5000)).put("price", random.nextInt(100_000)));
            case 10 -> "8h";
            default -> "x".repeat(random.nextInt(300));
        };
    }
}
