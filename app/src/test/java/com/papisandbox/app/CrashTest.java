package com.papisandbox.app;

import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalStores;
import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.Recovery;
import com.papisandbox.testkit.HttpAdminClient;
import com.papisandbox.testkit.PapiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed place/cancel traffic from several accounts while the server is {@code kill -9}ed at random
 * moments. After each restart: every acknowledged placement and cancel is there with its acknowledged
 * result, nothing the clients did not send exists, order ids never repeat, and the live state hash
 * equals a fresh replay of the whole journal. Rounds: {@code -Dpapi.crash.rounds=N} (3 in the suite;
 * {@code scripts/crash-test.sh} runs 20).
 */
class CrashTest {
    private static final String SYMBOL = "BTCUSD_PERP";
    private static final int ACCOUNTS = 3;

    @TempDir
    Path dataDir;

    /** What a client was told. */
    private record Ack(String account, long orderId, String clientOrderId, String price, String origQty, String executedQty) {
    }

    private final Map<String, Ack> placed = new ConcurrentHashMap<>();
    private final Map<Long, Ack> canceled = new ConcurrentHashMap<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    @Test
    void killNineUnderLoad() throws Exception {
        int rounds = Integer.getInteger("papi.crash.rounds", 3);
        Random random = new Random(Long.getLong("papi.crash.seed", System.nanoTime()));
        String[] accountFlags = new String[ACCOUNTS * 2];
        for (int i = 0; i < ACCOUNTS; i++) {
            accountFlags[2 * i] = "--account";
            accountFlags[2 * i + 1] = "key" + i + ":secret" + i + ":BTC=10";
        }
        for (int round = 0; round < rounds; round++) {
            String[] args = concat(accountFlags, "--no-rate-limits", "--snapshot-every", "300");
            try (SandboxProcess sandbox = SandboxProcess.start(dataDir, args)) {
                if (round > 0) verify(sandbox);
                load(sandbox, round, 150 + random.nextInt(600));
            }
        }
        // the checks query every order: thousands after many rounds, more than the weight limit allows a minute
        try (SandboxProcess sandbox = SandboxProcess.start(dataDir, concat(accountFlags, "--no-rate-limits"))) {
            verify(sandbox);
            assertThat(placed).hasSizeGreaterThan(rounds * 10);
        }
    }

    private void load(SandboxProcess sandbox, int round, long killAfterMillis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(ACCOUNTS * 2);
        for (int t = 0; t < ACCOUNTS * 2; t++) {
            int account = t % ACCOUNTS;
            String prefix = "r" + round + "t" + t + "-";
            pool.submit(() -> trade(new PapiClient(sandbox.baseUrl(), "key" + account, "secret" + account), prefix, stop));
        }
        Thread.sleep(killAfterMillis);
        sandbox.kill();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private void trade(PapiClient client, String prefix, AtomicBoolean stop) {
        Random random = new Random(prefix.hashCode());
        List<Ack> mine = new ArrayList<>();
        for (int i = 0; !stop.get(); i++) {
            try {
                if (!mine.isEmpty() && random.nextInt(3) == 0) {
                    Ack target = mine.remove(random.nextInt(mine.size()));
                    PapiClient.Response r = client.signed("DELETE", "/papi/v1/cm/order",
                            Map.of("symbol", SYMBOL, "orderId", Long.toString(target.orderId())));
                    if (r.status() == 200) {
                        JsonObject o = new JsonObject(r.body());
                        canceled.put(target.orderId(), new Ack(client.apiKey(), o.getLong("orderId"), o.getString("clientOrderId"),
                                o.getString("price"), o.getString("origQty"), o.getString("executedQty")));
                    }
                    continue;
                }
                String clientOrderId = prefix + i;
                String side = random.nextBoolean() ? "BUY" : "SELL";
                String price = Integer.toString(60_000 + random.nextInt(20));
                sent.add(clientOrderId);
                PapiClient.Response r = client.signed("POST", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "side", side,
                        "type", "LIMIT", "timeInForce", "GTC", "quantity", Integer.toString(1 + random.nextInt(3)), "price", price,
                        "newClientOrderId", clientOrderId, "newOrderRespType", "RESULT"));
                if (r.status() == 200) {
                    JsonObject o = new JsonObject(r.body());
                    Ack ack = new Ack(client.apiKey(), o.getLong("orderId"), clientOrderId, o.getString("price"),
                            o.getString("origQty"), o.getString("executedQty"));
                    placed.put(clientOrderId, ack);
                    if (o.getString("status").equals("NEW") || o.getString("status").equals("PARTIALLY_FILLED")) mine.add(ack);
                    if (mine.size() > 150) mine.remove(0);
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    private void verify(SandboxProcess sandbox) {
        Map<String, PapiClient> clients = new HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) clients.put("key" + i, new PapiClient(sandbox.baseUrl(), "key" + i, "secret" + i));
        Map<Long, String> owners = new HashMap<>();
        for (Ack ack : placed.values()) {
            assertThat(owners.put(ack.orderId(), ack.clientOrderId())).as("order id %d acknowledged twice", ack.orderId()).isNull();
            JsonObject o = query(clients.get(ack.account()), ack.orderId());
            assertThat(o.getString("clientOrderId")).isEqualTo(ack.clientOrderId());
            assertThat(o.getString("price")).isEqualTo(ack.price());
            assertThat(o.getString("origQty")).isEqualTo(ack.origQty());
            assertThat(Long.parseLong(o.getString("executedQty"))).isGreaterThanOrEqualTo(Long.parseLong(ack.executedQty()));
        }
        for (Ack ack : canceled.values()) {
            JsonObject o = query(clients.get(ack.account()), ack.orderId());
            assertThat(o.getString("status")).as("acknowledged cancel of %d", ack.orderId()).isEqualTo("CANCELED");
            assertThat(o.getString("executedQty")).isEqualTo(ack.executedQty());
        }
        for (PapiClient client : clients.values()) {
            JsonArray open = new JsonArray(client.signed("GET", "/papi/v1/cm/openOrders", Map.of("symbol", SYMBOL)).body());
            for (int i = 0; i < open.size(); i++) {
                assertThat(sent).as("nothing the clients did not send").contains(open.getJsonObject(i).getString("clientOrderId"));
            }
        }
        String live = new HttpAdminClient(sandbox.baseUrl(), SandboxProcess.ADMIN_TOKEN).stateHash().stateHash();
        try (Journal journal = JournalStores.sqlite(dataDir)) {
            String replayed = EngineSnapshot.stateHash(Recovery.recover(journal, InstrumentCatalog.bundled(), false).engine());
            assertThat(live).as("live state hash vs a replay of the whole journal").isEqualTo(replayed);
        }
    }

    private static JsonObject query(PapiClient client, long orderId) {
        PapiClient.Response r = client.signed("GET", "/papi/v1/cm/order", Map.of("symbol", SYMBOL, "orderId", Long.toString(orderId)));
        assertThat(r.status()).as("order %d: %s", orderId, r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
