package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.server.admin.Scenario;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.AdminApiTest.assertRefused;
import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The two example scenarios shipped in {@code scenarios/}, loaded through the admin API, and what a wrong one gets. */
class ScenarioTest {
    private static final String TOKEN = "scenario-token";
    private static final Path SCENARIOS = Path.of("..", "scenarios");

    private static Sandbox start(Path dir, java.util.function.LongSupplier clock) {
        return Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.defaults().withTickMillis(0)).withClock(clock)
                .withRateLimits(false).withAdmin(new SandboxConfig.AdminConfig(TOKEN, false))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A,
                        Map.of("BTC", new BigDecimal("10"))))));
    }

    @Test
    void theFlashCrashTriggersAStopAndFillsARestingBid(@TempDir Path dir) throws Exception {
        AtomicLong source = new AtomicLong(1_800_000_000_000L);
        try (Sandbox sandbox = start(dir, source::get)) {
            HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
            Scenario.Loaded loaded = admin.loadScenario(Files.readString(SCENARIOS.resolve("flash-crash.yaml")));
            assertThat(loaded.market().state()).isEqualTo("HELD");
            assertThat(loaded.market().levelQty()).isEqualTo(300);
            assertThat(loaded.market().scriptedPairs()).containsExactly("BTCUSD");
            assertThat(loaded.accounts()).extracting(c -> c.account().apiKey()).containsExactly("crashBot");
            assertThat(loaded.accounts().get(0).account().balances()).isEqualTo(Map.of("BTC", new BigDecimal("5"), "ETH", new BigDecimal("50")));

            PapiClient bot = new PapiClient(sandbox.baseUrl(), "crashBot", "crashBotSecret").withClock(sandbox.clock());
            // long 3 at the calm price, protected by a stop-loss on the mark; a bid to catch the fall
            place(bot, market(BTC, "BUY", "3"));
            JsonObject stop = object(bot.signed("POST", "/papi/v1/cm/conditional/order", params("symbol", BTC, "side", "SELL",
                    "strategyType", "STOP_MARKET", "quantity", "3", "stopPrice", "60000", "workingType", "MARK_PRICE", "reduceOnly", "true")));
            String strategyId = Long.toString(stop.getLong("strategyId"));
            long orderId = new JsonObject(bot.signed("POST", ORDER, limit(BTC, "BUY", "2", "58000")).body()).getLong("orderId");
            admin.advanceClock(30_000);
            assertThat(new JsonObject(bot.signed("GET", ORDER, byId(BTC, orderId)).body()).getString("status")).as("a calm first minute").isEqualTo("NEW");
            assertThat(array(bot.signed("GET", "/papi/v1/cm/conditional/openOrders", params("symbol", BTC)))).hasSize(1);
            admin.advanceClock(35_000);
            assertThat(new JsonObject(bot.signed("GET", ORDER, byId(BTC, orderId)).body()).getString("status")).as("the crash went through it").isEqualTo("FILLED");
            JsonObject stopped = object(bot.signed("GET", "/papi/v1/cm/conditional/orderHistory", params("symbol", BTC, "strategyId", strategyId)));
            assertThat(stopped.getString("strategyStatus")).as("the stop-loss fired on the way down").isIn("TRIGGERED", "FINISHED");
            assertThat(array(bot.signed("GET", "/papi/v1/cm/conditional/openOrders", params("symbol", BTC)))).isEmpty();
            // the stop sold the 3, the bid bought 2 lower down
            assertThat(array(bot.signed("GET", "/papi/v1/cm/positionRisk", params("pair", "BTCUSD"))).stream()
                    .map(o -> (JsonObject) o).filter(o -> o.getString("symbol").equals(BTC)).findFirst().orElseThrow()
                    .getString("positionAmt")).isEqualTo("2");
            BigDecimal bottom = admin.market().symbols().stream().filter(p -> p.symbol().equals(BTC)).findFirst().orElseThrow().referencePrice();
            assertThat(bottom).isEqualByComparingTo("57200.0");
            admin.advanceClock(120_000);
            BigDecimal after = admin.market().symbols().stream().filter(p -> p.symbol().equals(BTC)).findFirst().orElseThrow().referencePrice();
            assertThat(after).as("recovered").isEqualByComparingTo("64000.0");
        }
    }

    @Test
    void theFlakyExchangeArmsItsSeededFaults(@TempDir Path dir) {
        try (Sandbox sandbox = start(dir, System::currentTimeMillis)) {
            HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
            Scenario.Loaded loaded = admin.loadScenario(Files.readString(SCENARIOS.resolve("flaky-exchange.yaml")));
            assertThat(loaded.faults()).extracting(SandboxAdmin.FaultInfo::kind).containsExactly("LATENCY", "THROTTLED", "UNKNOWN_EXECUTED", "HTML_502");
            assertThat(loaded.market().state()).isEqualTo("RUNNING");
            assertThat(loaded.market().volatility()).isEqualTo(0.02);
            assertThat(admin.accounts()).extracting(SandboxAdmin.AccountInfo::apiKey).containsExactly(SandboxExtension.KEY_A, "flakyBot");
            assertThat(admin.accounts().get(1).takerCommissionRate()).isEqualByComparingTo("0.0005");

            PapiClient bot = new PapiClient(sandbox.baseUrl(), "flakyBot", "flakyBotSecret");
            Set<Integer> statuses = new HashSet<>();
            for (int i = 0; i < 150; i++) {
                statuses.add(bot.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000")).status());
            }
            assertThat(statuses).contains(200, 503).isSubsetOf(200, 502, 503);
            assertThat(admin.faults().injected()).extracting(SandboxAdmin.InjectionInfo::kind).contains("LATENCY", "THROTTLED");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWrongScenarioIsRefusedWholeAndChangesNothing(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = start(dir, System::currentTimeMillis)) {
            HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
            String hash = admin.stateHash().stateHash();
            String good = "accounts:\n  - {apiKey: x1, secret: x1secret}\nfaults:\n  - {kind: HTML_502, probability: 0.5}\nclock: {freeze: true}\n";
            for (String bad : List.of(
                    good + "colour: blue\n",
                    good.replace("HTML_502", "HTML_503"),
                    good + "prices:\n  - {symbol: BTCUSD_PERP, referencePrice: cheap}\n",
                    good + "market: {state: sideways}\n",
                    good + "market: {state: off}\npaths:\n  - {symbol: BTCUSD_PERP, points: [{afterMillis: 5, price: 1}]}\n",
                    "accounts: [unterminated\n",
                    "- just\n- a list\n",
                    "",
                    good.replace("x1secret", "[a, b]"))) {
                assertRefused(() -> admin.loadScenario(bad), 400, "BAD_REQUEST");
            }
            assertRefused(() -> admin.loadScenario("accounts:\n  - {apiKey: " + SandboxExtension.KEY_A + ", secret: s12345678}\nclock: {freeze: true}\n"),
                    409, "ACCOUNT_EXISTS");
            assertThat(admin.stateHash().stateHash()).as("nothing applied").isEqualTo(hash);
            assertThat(admin.faults().active()).isEmpty();
            assertThat(admin.clock().frozen()).isFalse();

            // JSON is YAML too, and a scenario can come over plain HTTP
            HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/v1/scenario"))
                    .header("X-Sandbox-Token", TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"accounts\":[{\"apiKey\":\"jsonBot\",\"balances\":{\"ETH\":\"7.5\"}}],\"market\":{\"state\":\"off\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
            JsonObject loaded = new JsonObject(json.body());
            assertThat(loaded.fieldNames()).containsExactly("accounts", "market", "clock", "faults");
            assertThat(loaded.getJsonArray("accounts").getJsonObject(0).getString("secret")).as("generated, shown once").hasSize(64);
            assertThat(loaded.getJsonObject("market").getString("state")).isEqualTo("OFF");
        }
    }
}
