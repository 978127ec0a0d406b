package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.admin.AdminException;
import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin API through HTTP, with the testkit's {@link HttpAdminClient}: the token, accounts and money,
 * the clock, and what each refuses. The market starts off here and is driven by hand (tick period 0);
 * {@link AdminMarketTest} covers the market operations.
 */
class AdminApiTest {
    private static final String TOKEN = "admin-test-token";
    private static final long START = 1_800_000_000_000L;
    private static final AtomicLong source = new AtomicLong(START);
    private static Sandbox sandbox;
    private static Path dataDir;
    private static HttpAdminClient admin;
    private static PapiClient a;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-admin");
        sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off().withTickMillis(0)).withClock(source::get)
                .withRateLimits(false).withAdmin(new SandboxConfig.AdminConfig(TOKEN, false))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A,
                        Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"))))));
        admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
        a = SandboxExtension.clientA(sandbox).withClock(sandbox.clock());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dataDir != null) SandboxExtension.deleteTree(dataDir);
    }

    private static HttpResponse<String> raw(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("X-Sandbox-Token", token);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyOperationNeedsTheToken() throws Exception {
        String hash = admin.stateHash().stateHash();
        for (String token : new String[]{null, "wrong-token", TOKEN + "x", ""}) {
            HttpResponse<String> r = raw("POST", "/sandbox/v1/accounts", "{\"apiKey\":\"intruder\"}", token);
            assertThat(r.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(r.body()).isEqualTo("{\"error\":\"UNAUTHORIZED\",\"message\":\"missing or wrong admin token (header X-Sandbox-Token)\"}");
            assertThat(raw("GET", "/sandbox/v1/stateHash", null, token).statusCode()).isEqualTo(401);
        }
        assertThat(admin.stateHash().stateHash()).as("nothing changed").isEqualTo(hash);
        HttpResponse<String> bearer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/v1/clock"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(bearer.body()).fieldNames()).containsExactly("time", "frozen");
    }

    @Test
    void unknownOperationsAndMethodsAndBodiesAreRefused() throws Exception {
        HttpResponse<String> unknown = raw("GET", "/sandbox/v1/nothing", null, TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("error")).isEqualTo("UNKNOWN_OPERATION");
        assertThat(raw("DELETE", "/sandbox/v1/accounts", null, TOKEN).statusCode()).isEqualTo(405);
        HttpResponse<String> typo = raw("POST", "/sandbox/v1/market/settings", "{\"volatilty\":0.1}", TOKEN);
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(typo.body()).getString("message")).startsWith("unknown field 'volatilty'");
        assertThat(raw("POST", "/sandbox/v1/accounts", "{not json", TOKEN).statusCode()).isEqualTo(400);
        assertThat(raw("POST", "/sandbox/v1/accounts", "[1,2]", TOKEN).statusCode()).isEqualTo(400);
        // Binance's paths are not the admin API's: a token there changes nothing
        assertThat(raw("GET", "/papi/v1/sandbox", null, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void anAccountOpenedAtRunTimeTradesAtOnce() {
        SandboxAdmin.CreatedAccount created = admin.createAccount(new SandboxAdmin.NewAccount(null, null, null, null));
        assertThat(created.account().apiKey()).hasSize(63).startsWith("sbx");
        assertThat(created.secret()).hasSize(64);
        assertThat(created.account().keyType()).isEqualTo("HMAC");
        assertThat(created.account().balances()).isEqualTo(Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100")));
        PapiClient client = new PapiClient(sandbox.baseUrl(), created.account().apiKey(), created.secret()).withClock(sandbox.clock());
        PapiClient.Response balance = client.signed("GET", "/papi/v1/balance", params("asset", "BTC"));
        assertThat(balance.status()).isEqualTo(200);
        assertThat(new JsonObject(balance.body()).getString("cmWalletBalance")).isEqualTo("10.0");
        PapiClient.Response order = client.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"));
        assertThat(order.status()).as(order.body()).isEqualTo(200);

        SandboxAdmin.CreatedAccount named = admin.createAccount(new SandboxAdmin.NewAccount("ciKey1", "ciSecret1",
                null, Map.of("BTC", new BigDecimal("0.5"))));
        assertThat(named.secret()).isEqualTo("ciSecret1");
        assertThat(named.account().balances()).isEqualTo(Map.of("BTC", new BigDecimal("0.5")));
        assertThat(admin.accounts()).extracting(SandboxAdmin.AccountInfo::apiKey)
                .contains(SandboxExtension.KEY_A, created.account().apiKey(), "ciKey1")
                .doesNotContain("papi-sandbox-house");
        assertThat(new PapiClient(sandbox.baseUrl(), "ciKey1", "ciSecret1").withClock(sandbox.clock())
                .signed("GET", "/papi/v1/balance", params("asset", "BTC")).status()).isEqualTo(200);
    }

    @Test
    void anRsaAccountSignsWithItsPrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        SandboxAdmin.CreatedAccount created = admin.createAccount(new SandboxAdmin.NewAccount("rsaKey1", null, pem, null));
        assertThat(created.secret()).isNull();
        assertThat(created.account().keyType()).isEqualTo("RSA");
        String query = "asset=BTC&timestamp=" + sandbox.clock().getAsLong();
        var signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(query.getBytes());
        String signature = java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()), java.nio.charset.StandardCharsets.UTF_8);
        PapiClient.Response r = a.rawWithKey("GET", "/papi/v1/balance", query + "&signature=" + signature, null, null, "rsaKey1");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void badAccountsAreRefusedAndChangeNothing() {
        String hash = admin.stateHash().stateHash();
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount(SandboxExtension.KEY_A, "x12345678", null, null)), 409, "ACCOUNT_EXISTS");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("papi-sandbox-house", "x12345678", null, null)), 409, "ACCOUNT_EXISTS");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("bad key", null, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("k2", "has space", null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("k2", null, "not a pem", null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("k2", "s", "pem", null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("k2", null, null, Map.of("BTC", new BigDecimal("-1")))), 400, "BAD_REQUEST");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("k2", null, null, Map.of("BTC", new BigDecimal("0.000000001")))), 400, "BAD_REQUEST");
        assertRefused(() -> admin.createAccount(new SandboxAdmin.NewAccount("k2", null, null, Map.of("btc", BigDecimal.ONE))), 400, "BAD_REQUEST");
        assertThat(admin.stateHash().stateHash()).isEqualTo(hash);
        assertThat(admin.accounts()).extracting(SandboxAdmin.AccountInfo::apiKey).doesNotContain("k2");
    }

    @Test
    void depositsAndWithdrawalsMoveTheWalletAndReachTheStream() throws Exception {
        admin.createAccount(new SandboxAdmin.NewAccount("moneyKey", "moneySecret", null, Map.of("BTC", new BigDecimal("1"))));
        PapiClient client = new PapiClient(sandbox.baseUrl(), "moneyKey", "moneySecret").withClock(sandbox.clock());
        String listenKey = new JsonObject(client.rawWithKey("POST", "/papi/v1/listenKey", null, null, null, "moneyKey").body()).getString("listenKey");
        try (StreamClient stream = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + listenKey)) {
            Thread.sleep(100);
            SandboxAdmin.AccountInfo after = admin.deposit("moneyKey", "BTC", new BigDecimal("2.5"));
            assertThat(after.balances()).containsEntry("BTC", new BigDecimal("3.5"));
            JsonObject deposit = stream.next();
            assertThat(deposit.getString("e")).isEqualTo("ACCOUNT_UPDATE");
            assertThat(deposit.getJsonObject("a").getString("m")).isEqualTo("DEPOSIT");
            assertThat(deposit.getJsonObject("a").getJsonArray("B").getJsonObject(0).getMap())
                    .containsEntry("a", "BTC").containsEntry("wb", "3.50000000").containsEntry("bc", "2.50000000");

            assertThat(admin.withdraw("moneyKey", "BTC", new BigDecimal("0.5")).balances()).containsEntry("BTC", new BigDecimal("3"));
            JsonObject withdrawal = stream.next();
            assertThat(withdrawal.getJsonObject("a").getString("m")).isEqualTo("WITHDRAW");
            assertThat(withdrawal.getJsonObject("a").getJsonArray("B").getJsonObject(0).getString("bc")).isEqualTo("-0.50000000");
        }
        JsonArray income = new JsonArray(client.signed("GET", "/papi/v1/cm/income", params("incomeType", "TRANSFER")).body());
        assertThat(income).hasSize(2);
        assertThat(new JsonObject(client.signed("GET", "/papi/v1/balance", params("asset", "BTC")).body()).getString("cmWalletBalance"))
                .isEqualTo("3.0");

        String hash = admin.stateHash().stateHash();
        assertRefused(() -> admin.withdraw("moneyKey", "BTC", new BigDecimal("4")), 409, "MARGIN_INSUFFICIENT");
        assertRefused(() -> admin.deposit("nobody", "BTC", BigDecimal.ONE), 404, "UNKNOWN_ACCOUNT");
        assertRefused(() -> admin.deposit("moneyKey", "DOGE", BigDecimal.ONE), 400, "BAD_REQUEST");
        assertRefused(() -> admin.deposit("moneyKey", "BTC", BigDecimal.ZERO), 400, "BAD_REQUEST");
        assertRefused(() -> admin.deposit("moneyKey", "BTC", new BigDecimal("-1")), 400, "BAD_REQUEST");
        assertRefused(() -> admin.deposit("moneyKey", "BTC", new BigDecimal("1e12")), 400, "BAD_REQUEST");
        assertRefused(() -> admin.deposit("moneyKey", null, BigDecimal.ONE), 400, "BAD_REQUEST");
        assertThat(admin.stateHash().stateHash()).isEqualTo(hash);
    }

    @Test
    void commissionRatesSetByTheAdminAreWhatTheAccountPays() {
        SandboxAdmin.AccountInfo info = admin.setCommission(SandboxExtension.KEY_A, new BigDecimal("-0.0001"), new BigDecimal("0.0007"));
        assertThat(info.makerCommissionRate()).isEqualByComparingTo("-0.0001");
        JsonObject rates = new JsonObject(a.signed("GET", "/papi/v1/cm/commissionRate", params("symbol", BTC)).body());
        assertThat(rates.encode()).isEqualTo("{\"symbol\":\"BTCUSD_PERP\",\"makerCommissionRate\":\"-0.00010\",\"takerCommissionRate\":\"0.00070\"}");
        assertRefused(() -> admin.setCommission(SandboxExtension.KEY_A, new BigDecimal("2"), BigDecimal.ZERO), 400, "BAD_REQUEST");
        assertRefused(() -> admin.setCommission(SandboxExtension.KEY_A, new BigDecimal("0.000000001"), BigDecimal.ZERO), 400, "BAD_REQUEST");
        assertRefused(() -> admin.setCommission(SandboxExtension.KEY_A, null, BigDecimal.ZERO), 400, "BAD_REQUEST");
        admin.setCommission(SandboxExtension.KEY_A, new BigDecimal("0.0002"), new BigDecimal("0.0005"));
    }

    @Test
    void theClockFreezesAdvancesAndRunsAndEverythingFollowsIt() throws Exception {
        SandboxAdmin.ClockInfo frozen = admin.freezeClock();
        assertThat(frozen.frozen()).isTrue();
        source.addAndGet(5_000);
        assertThat(admin.clock().time()).as("frozen time stands").isEqualTo(frozen.time());
        assertThat(new JsonObject(a.raw("GET", "/dapi/v1/time", null, null, null).body()).getLong("serverTime")).isEqualTo(frozen.time());

        SandboxAdmin.ClockInfo advanced = admin.advanceClock(3_600_000);
        assertThat(advanced.time()).isEqualTo(frozen.time() + 3_600_000);
        assertThat(new JsonObject(a.raw("GET", "/dapi/v1/time", null, null, null).body()).getLong("serverTime")).isEqualTo(advanced.time());
        // recvWindow follows sandbox time: a request stamped with the source's time is an hour late
        PapiClient stale = SandboxExtension.clientA(sandbox).withClock(source::get);
        assertThat(new JsonObject(stale.signed("GET", "/papi/v1/balance", params()).body()).getInteger("code")).isEqualTo(-1021);
        assertThat(a.signed("GET", "/papi/v1/balance", params()).status()).isEqualTo(200);

        SandboxAdmin.ClockInfo running = admin.runClock();
        assertThat(running.frozen()).isFalse();
        assertThat(running.time()).isEqualTo(advanced.time());
        source.addAndGet(250);
        assertThat(admin.clock().time()).as("runs on from where it stood").isEqualTo(advanced.time() + 250);

        assertRefused(() -> admin.advanceClock(0), 400, "BAD_REQUEST");
        assertRefused(() -> admin.advanceClock(-5), 400, "BAD_REQUEST");
        HttpResponse<String> duration = raw("POST", "/sandbox/v1/clock/advance", "{\"duration\":\"90s\"}", TOKEN);
        assertThat(duration.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(duration.body()).getLong("time")).isEqualTo(advanced.time() + 250 + 90_000);
        assertThat(raw("POST", "/sandbox/v1/clock/advance", "{\"duration\":\"PT1M\"}", TOKEN).statusCode()).isEqualTo(200);
        assertThat(raw("POST", "/sandbox/v1/clock/advance", "{\"duration\":\"soon\"}", TOKEN).statusCode()).isEqualTo(400);
        assertThat(raw("POST", "/sandbox/v1/clock/advance", "{\"millis\":1,\"duration\":\"1s\"}", TOKEN).statusCode()).isEqualTo(400);
        assertThat(raw("POST", "/sandbox/v1/clock/advance", "{\"millis\":1.5}", TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void aListenKeyLapsesWhenTheClockIsAdvancedPastItsHour() throws Exception {
        String key = new JsonObject(a.rawWithKey("POST", "/papi/v1/listenKey", null, null, null, a.apiKey()).body()).getString("listenKey");
        try (StreamClient stream = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key)) {
            long advanced = admin.advanceClock(61 * 60_000L).time();
            JsonObject expired = new JsonObject(stream.drain(3_000).stream().filter(m -> m.contains("listenKeyExpired")).findFirst().orElseThrow());
            assertThat(expired.getLong("E")).isGreaterThanOrEqualTo(advanced);
        }
        assertThat(new JsonObject(a.rawWithKey("PUT", "/papi/v1/listenKey", null, null, null, a.apiKey()).body()).getInteger("code")).isEqualTo(-1125);
    }

    static void assertRefused(Runnable call, int status, String error) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.error()).isEqualTo(error);
        });
    }
}
