package com.papisandbox.app;

import com.papisandbox.testkit.PapiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability through the real command line: acknowledged orders and cancels survive {@code kill -9},
 * books are rebuilt (a restarted book still matches), nothing is invented, ids are never reused.
 */
class KillAndRestartTest {
    private static final String SYMBOL = "BTCUSD_PERP";

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedStateSurvivesKillNine() throws Exception {
        Map<Long, String> acknowledged = new HashMap<>();
        long lastId;
        try (SandboxProcess sandbox = SandboxProcess.start(dataDir, "--account", "ka:sa:BTC=10", "--account", "kb:sb:BTC=10")) {
            PapiClient a = new PapiClient(sandbox.baseUrl(), "ka", "sa");
            PapiClient b = new PapiClient(sandbox.baseUrl(), "kb", "sb");
            long resting = place(a, "BUY", "3", "50000.5", "rest-1");
            long canceled = place(a, "BUY", "1", "49000", "cancel-me");
            assertThat(a.signed("DELETE", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "orderId", Long.toString(canceled))).status()).isEqualTo(200);
            long maker = place(b, "SELL", "5", "51000", "maker");
            long taker = place(a, "BUY", "2", "51000", "taker");
            for (long id : List.of(resting, canceled, maker, taker)) {
                acknowledged.put(id, query(id == maker ? b : a, id));
            }
            lastId = taker;
            sandbox.kill();
        }

        try (SandboxProcess restarted = SandboxProcess.start(dataDir, "--account", "ka:sa:BTC=10", "--account", "kb:sb:BTC=10")) {
            PapiClient a = new PapiClient(restarted.baseUrl(), "ka", "sa");
            PapiClient b = new PapiClient(restarted.baseUrl(), "kb", "sb");
            for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
                PapiClient owner = e.getValue().contains("\"clientOrderId\":\"maker\"") ? b : a;
                assertThat(query(owner, e.getKey())).isEqualTo(e.getValue());
            }
            // The book was rebuilt: the maker's remaining 3 contracts still trade.
            PapiClient.Response cross = a.signed("POST", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "side", "BUY",
                    "type", "LIMIT", "timeInForce", "IOC", "quantity", "4", "price", "51000", "newOrderRespType", "RESULT"));
            JsonObject result = new JsonObject(cross.body());
            assertThat(result.getString("executedQty")).isEqualTo("3");
            assertThat(result.getString("status")).isEqualTo("EXPIRED");
            assertThat(result.getLong("orderId")).isGreaterThan(lastId);
            // The resting order is still open and cancellable, exactly once.
            long resting = acknowledged.keySet().stream().min(Long::compare).orElseThrow();
            assertThat(a.signed("DELETE", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "orderId", Long.toString(resting))).status()).isEqualTo(200);
            assertThat(a.signed("DELETE", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "orderId", Long.toString(resting))).body())
                    .isEqualTo("{\"code\":-2011,\"msg\":\"Unknown order sent.\"}");
            assertThat(restarted.terminate()).isZero();
        }
    }

    @Test
    void killDuringTrafficKeepsEveryAcknowledgedOrderAndInventsNothing() throws Exception {
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        try (SandboxProcess sandbox = SandboxProcess.start(dataDir, "--account", "ka:sa:BTC=10", "--no-rate-limits")) {
            PapiClient a = new PapiClient(sandbox.baseUrl(), "ka", "sa");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 10_000 && !Thread.currentThread().isInterrupted(); i++) {
                        String id = "t" + thread + "-" + i;
                        sent.add(id);
                        try {
                            PapiClient.Response r = a.signed("POST", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "side", "BUY",
                                    "type", "LIMIT", "timeInForce", "GTC", "quantity", "1", "price", Integer.toString(20000 + i % 100),
                                    "newClientOrderId", id));
                            if (r.status() == 200) acked.put(id, new JsonObject(r.body()).getLong("orderId"));
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.size() < 150) {
                assertThat(System.nanoTime()).as("150 orders acknowledged within 60 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            sandbox.kill();
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        try (SandboxProcess restarted = SandboxProcess.start(dataDir, "--account", "ka:sa:BTC=10")) {
            PapiClient a = new PapiClient(restarted.baseUrl(), "ka", "sa");
            List<JsonObject> open = new ArrayList<>();
            JsonArray list = new JsonArray(a.signed("GET", "/papi/v1/cm/openOrders", Map.of("symbol", SYMBOL)).body());
            for (int i = 0; i < list.size(); i++) open.add(list.getJsonObject(i));
            Map<String, Long> recovered = new HashMap<>();
            Set<Long> ids = new HashSet<>();
            for (JsonObject o : open) {
                recovered.put(o.getString("clientOrderId"), o.getLong("orderId"));
                assertThat(ids.add(o.getLong("orderId"))).isTrue();
            }
            assertThat(recovered).containsAllEntriesOf(acked);
            assertThat(sent).containsAll(recovered.keySet());
            long maxId = ids.stream().max(Long::compare).orElseThrow();
            JsonObject next = new JsonObject(a.signed("POST", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "side", "BUY",
                    "type", "LIMIT", "timeInForce", "GTC", "quantity", "1", "price", "20000")).body());
            assertThat(next.getLong("orderId")).isGreaterThan(maxId);
        }
    }

    private static long place(PapiClient client, String side, String qty, String price, String clientId) {
        PapiClient.Response r = client.signed("POST", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "side", side, "type", "LIMIT",
                "timeInForce", "GTC", "quantity", qty, "price", price, "newClientOrderId", clientId));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getLong("orderId");
    }

    private static String query(PapiClient client, long orderId) {
        PapiClient.Response r = client.signed("GET", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "orderId", Long.toString(orderId)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
