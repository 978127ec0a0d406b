package com.papisandbox.testkit;

import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalStores;
import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.Recovery;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.papisandbox.testkit.AdminApiTest.assertRefused;
import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reset and named snapshots through the admin API: what comes back, what is gone, that a restart and a replay of
 * the whole journal reach the same state, and what is refused.
 */
class AdminStateTest {
    private static final String TOKEN = "admin-state-token";
    private static final Map<String, BigDecimal> FUNDS = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));

    private static SandboxConfig config(Path dir, MarketConfig market) {
        return SandboxConfig.defaults(dir).withMarket(market).withRateLimits(false)
                .withAdmin(new SandboxConfig.AdminConfig(TOKEN, false))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, FUNDS)));
    }

    private static JsonArray openOrders(PapiClient client) {
        return new JsonArray(client.signed("GET", OPEN_ORDERS, params()).body());
    }

    @Test
    void aRestoredSnapshotIsTheSavedStateAndSurvivesARestartAndAFullReplay(@TempDir Path dir) throws Exception {
        String restoredHash;
        try (Sandbox sandbox = Sandbox.start(config(dir, MarketConfig.off()))) {
            HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
            PapiClient a = SandboxExtension.clientA(sandbox);
            admin.createAccount(new SandboxAdmin.NewAccount("before", "beforeSecret", null, null));
            assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "3", "30000")).status()).isEqualTo(200);
            SandboxAdmin.SavedStateInfo saved = admin.saveSnapshot("one-order");
            assertThat(saved.stateHash()).isEqualTo(admin.stateHash().stateHash());
            assertThat(saved.bytes()).isPositive();

            admin.createAccount(new SandboxAdmin.NewAccount("after", "afterSecret", null, null));
            assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "31000")).status()).isEqualTo(200);
            admin.deposit(SandboxExtension.KEY_A, "BTC", new BigDecimal("5"));
            String key = new JsonObject(a.rawWithKey("POST", "/papi/v1/listenKey", null, null, null, a.apiKey()).body()).getString("listenKey");
            try (StreamClient stream = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key)) {
                SandboxAdmin.StateHash restored = admin.restoreSnapshot("one-order");
                assertThat(restored.stateHash()).isEqualTo(saved.stateHash());
                assertThat(stream.closed.get(5, TimeUnit.SECONDS)).as("streams are closed: clients resync").isEqualTo(1012);
            }
            assertThat(openOrders(a)).hasSize(1);
            assertThat(new JsonObject(a.signed("GET", "/papi/v1/balance", params("asset", "BTC")).body()).getString("cmWalletBalance")).isEqualTo("10.0");
            assertThat(new PapiClient(sandbox.baseUrl(), "before", "beforeSecret").signed("GET", "/papi/v1/balance", params()).status()).isEqualTo(200);
            JsonObject gone = new JsonObject(new PapiClient(sandbox.baseUrl(), "after", "afterSecret").signed("GET", "/papi/v1/balance", params()).body());
            assertThat(gone.getInteger("code")).as("a key opened after the save is gone").isEqualTo(-2015);
            assertThat(a.rawWithKey("PUT", "/papi/v1/listenKey", null, null, null, a.apiKey()).body()).contains("-1125");
            // trading goes on from the restored state
            assertThat(a.signed("POST", ORDER, limit(BTC, "SELL", "1", "90000")).status()).isEqualTo(200);
            restoredHash = admin.stateHash().stateHash();

            assertThat(admin.snapshots()).extracting(SandboxAdmin.SavedStateInfo::name).containsExactly("one-order");
            assertRefused(() -> admin.restoreSnapshot("missing"), 404, "UNKNOWN_SNAPSHOT");
            assertRefused(() -> admin.restoreSnapshot("bad name"), 400, "BAD_REQUEST");
            assertRefused(() -> admin.saveSnapshot(""), 400, "BAD_REQUEST");
            assertThat(admin.stateHash().stateHash()).isEqualTo(restoredHash);
        }
        try (Sandbox again = Sandbox.start(config(dir, MarketConfig.off()))) {
            assertThat(new HttpAdminClient(again.baseUrl(), TOKEN).stateHash().stateHash()).as("after a restart").isEqualTo(restoredHash);
            assertThat(new PapiClient(again.baseUrl(), "after", "afterSecret").signed("GET", "/papi/v1/balance", params()).body()).contains("-2015");
        }
        try (Journal journal = JournalStores.sqlite(dir)) {
            String replayed = EngineSnapshot.stateHash(Recovery.recover(journal, InstrumentCatalog.bundled(), false).engine());
            assertThat(replayed).as("a replay of the whole journal").isEqualTo(restoredHash);
        }
    }

    @Test
    void aResetLeavesTheStartAccountsWithTheirStartBalancesAndTheMarketAsItStarted(@TempDir Path dir) {
        try (Sandbox sandbox = Sandbox.start(config(dir, MarketConfig.defaults().withTickMillis(0)))) {
            HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
            PapiClient a = SandboxExtension.clientA(sandbox);
            admin.createAccount(new SandboxAdmin.NewAccount("temp", "tempSecret", null, null));
            assertThat(a.signed("POST", ORDER, market(BTC, "BUY", "10")).status()).isEqualTo(200);
            assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000")).status()).isEqualTo(200);
            admin.stopMarket();
            admin.saveSnapshot("kept");

            SandboxAdmin.StateHash reset = admin.reset();
            assertThat(reset.stateHash()).isEqualTo(admin.stateHash().stateHash());
            assertThat(admin.market().state()).as("the market as it started").isEqualTo("RUNNING");
            assertThat(new JsonObject(a.raw("GET", "/dapi/v1/depth", "symbol=" + BTC, null, null).body()).getJsonArray("bids")).isNotEmpty();
            assertThat(admin.accounts()).extracting(SandboxAdmin.AccountInfo::apiKey).containsExactly(SandboxExtension.KEY_A);
            assertThat(admin.accounts().get(0).balances()).isEqualTo(FUNDS);
            assertThat(openOrders(a)).isEmpty();
            JsonArray positions = new JsonArray(a.signed("GET", "/papi/v1/cm/positionRisk", params()).body());
            assertThat(positions.stream().map(p -> ((JsonObject) p).getString("positionAmt")).distinct().toList()).containsExactly("0");
            assertThat(new JsonArray(a.signed("GET", "/papi/v1/cm/userTrades", params("symbol", BTC)).body())).isEmpty();
            assertThat(new PapiClient(sandbox.baseUrl(), "temp", "tempSecret").signed("GET", "/papi/v1/balance", params()).body()).contains("-2015");
            assertThat(admin.snapshots()).as("saved snapshots outlive a reset").extracting(SandboxAdmin.SavedStateInfo::name).containsExactly("kept");
        }
    }
}
