package com.papisandbox.server;

import com.papisandbox.server.market.MarketConfig;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalCorruptedException;
import com.papisandbox.journal.JournalStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same replay/hash and damage tests against PostgreSQL, each in a schema of its own. The server
 * is {@code PAPI_TEST_POSTGRES_URL} (default {@code postgresql://postgres@127.0.0.1:5432/test}); it must
 * be up in CI ({@code CI=true}: a missing server fails the test instead of skipping it).
 */
class PostgresRecoveryTest {
    static final String BASE_URL = System.getenv().getOrDefault("PAPI_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test");

    private String schema;
    private String store;

    @TempDir
    Path dir;

    @BeforeEach
    void schema() {
        boolean up = reachable();
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeTrue(up, "PostgreSQL not reachable at " + BASE_URL + " (set PAPI_TEST_POSTGRES_URL)");
        }
        assertThat(up).as("PostgreSQL must be reachable in CI at " + BASE_URL).isTrue();
        schema = "papi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        store = BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema == null) return;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void replayAndSnapshotRecoveryReproduceTheLiveStateHash() throws Exception {
        String live;
        try (Journal journal = JournalStores.open(store, dir)) {
            live = RecoveryTest.run(journal, 4_000, 1_000, 11);
        }
        try (Journal journal = JournalStores.open(store, dir)) {
            assertThat(journal.location()).contains("schema " + schema).doesNotContain("password");
            assertThat(journal.latestSnapshot()).isPresent();
            assertThat(RecoveryTest.recoveredHash(journal, true)).isEqualTo(live);
            assertThat(RecoveryTest.recoveredHash(journal, false)).isEqualTo(live);
        }
    }

    @Test
    void damageStopsStartUp() throws Exception {
        try (Journal journal = JournalStores.open(store, dir)) {
            RecoveryTest.run(journal, 500, 0, 12);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE " + schema + ".journal SET command = replace(command, '\"qty\":', '\"qty\": ') WHERE seq = 100");
        }
        try (Journal journal = JournalStores.open(store, dir)) {
            assertThatThrownBy(() -> RecoveryTest.recoveredHash(journal, true))
                    .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("checksum mismatch at sequence 100");
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + schema + ".journal WHERE seq = 100");
        }
        try (Journal journal = JournalStores.open(store, dir)) {
            assertThatThrownBy(() -> RecoveryTest.recoveredHash(journal, true))
                    .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("sequence gap at position 100");
        }
    }

    @Test
    void aSandboxOnPostgresKeepsItsOrdersAcrossRestarts() throws Exception {
        SandboxConfig config = SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withStore(store).withDemoAccount(false)
                .withAccounts(List.of(new AccountSpec("pgKey", "pgSecret", Map.of("BTC", new java.math.BigDecimal("1")))));
        String placed;
        String hash;
        try (Sandbox sandbox = Sandbox.start(config)) {
            assertThatThrownBy(() -> Sandbox.start(config.withPort(0)))
                    .hasMessageContaining("is in use by another papi-sandbox");
            placed = signed(sandbox, "POST", "symbol=BTCUSD_PERP&side=BUY&type=LIMIT&timeInForce=GTC&quantity=2&price=60000.5");
            assertThat(placed).contains("\"status\":\"NEW\"");
            hash = sandbox.stateHash();
        }
        try (Sandbox sandbox = Sandbox.start(config)) {
            assertThat(sandbox.stateHash()).isEqualTo(hash);
            String orderId = placed.replaceAll(".*\"orderId\":(\\d+).*", "$1");
            String canceled = signed(sandbox, "DELETE", "symbol=BTCUSD_PERP&orderId=" + orderId);
            assertThat(canceled).contains("\"status\":\"CANCELED\"").contains("\"price\":\"60000.5\"");
        }
    }

    private static String signed(Sandbox sandbox, String method, String query) throws Exception {
        String q = query + "&timestamp=" + System.currentTimeMillis();
        String signature = new Credential.Hmac("pgSecret").sign(q);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/papi/v1/cm/order?" + q + "&signature=" + signature))
                .header("X-MBX-APIKEY", "pgKey").method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean reachable() {
        try (Connection c = connect()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect() throws SQLException {
        var url = java.net.URI.create(BASE_URL);
        String user = url.getUserInfo() == null ? "postgres" : url.getUserInfo().split(":")[0];
        String password = url.getUserInfo() != null && url.getUserInfo().contains(":") ? url.getUserInfo().split(":", 2)[1] : null;
        String jdbc = "jdbc:postgresql://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + url.getPath();
        return DriverManager.getConnection(jdbc, user, password);
    }
}
