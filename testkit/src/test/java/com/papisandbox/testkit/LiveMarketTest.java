package com.papisandbox.testkit;

import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalStores;
import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.Recovery;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.BTC;
import static com.papisandbox.testkit.E2E.ORDER;
import static com.papisandbox.testkit.E2E.byId;
import static com.papisandbox.testkit.E2E.limit;
import static com.papisandbox.testkit.E2E.market;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live market over HTTP. Each test starts its own sandbox with the market on, a clock it moves
 * itself and a tick period of 0, so it drives the ticks: every price it trades at is read first.
 */
class LiveMarketTest {
    private static final long START = 1_800_000_000_000L;
    private static final Map<String, BigDecimal> FUNDS = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));

    private final AtomicLong clock = new AtomicLong(START);

    private Sandbox start(Path dir, MarketConfig market) {
        return Sandbox.start(SandboxConfig.defaults(dir).withClock(clock::get).withRateLimits(false)
                .withMarket(market.withTickMillis(0))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, FUNDS))));
    }

    private void tick(Sandbox sandbox, long millis) {
        clock.addAndGet(millis);
        sandbox.market().orElseThrow().tick();
    }

    private static JsonObject depth(Sandbox sandbox, String symbol) {
        return new JsonObject(new PapiClient(sandbox.baseUrl(), null, null).raw("GET", "/dapi/v1/depth", "symbol=" + symbol + "&limit=50", "", null).body());
    }

    private static BigDecimal markPrice(Sandbox sandbox, String symbol) {
        String body = new PapiClient(sandbox.baseUrl(), null, null).raw("GET", "/dapi/v1/premiumIndex", "symbol=" + symbol, "", null).body();
        return new BigDecimal(new JsonArray(body).getJsonObject(0).getString("markPrice"));
    }

    @Test
    void everySymbolHasBothSidesTwentyLevelsDeepAndAThousandContractMarketOrderFillsAtOnce() throws Exception {
        Path dir = Files.createTempDirectory("papi-sandbox-live");
        try (Sandbox sandbox = start(dir, MarketConfig.defaults())) {
            // every symbol trading at the test clock, 2027-01-15: BTCUSD_261225 and ETHUSD_261225 delivered on
            // 2026-12-25 and their successors, BTCUSD_270625 and ETHUSD_270625, took their places
            JsonArray listed = new JsonObject(new PapiClient(sandbox.baseUrl(), null, null).raw("GET", "/dapi/v1/exchangeInfo", "", "", null)
                    .body()).getJsonArray("symbols");
            List<String> symbols = listed.stream().map(row -> ((JsonObject) row).getString("symbol")).toList();
            assertThat(symbols).containsExactly("BTCUSD_PERP", "BTCUSD_270625", "BTCUSD_270326", "ETHUSD_PERP", "ETHUSD_270625", "ETHUSD_270326");
            for (String symbol : symbols) {
                JsonObject d = depth(sandbox, symbol);
                assertThat(d.getJsonArray("bids")).as(symbol).hasSizeGreaterThanOrEqualTo(20);
                assertThat(d.getJsonArray("asks")).as(symbol).hasSizeGreaterThanOrEqualTo(20);
                BigDecimal bid = new BigDecimal(d.getJsonArray("bids").getJsonArray(0).getString(0));
                BigDecimal ask = new BigDecimal(d.getJsonArray("asks").getJsonArray(0).getString(0));
                BigDecimal mark = markPrice(sandbox, symbol);
                assertThat(bid).as(symbol).isLessThan(mark);
                assertThat(ask).as(symbol).isGreaterThan(mark);
            }
            PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
            PapiClient.Response r = a.signed("POST", ORDER, E2E.with(market(BTC, "BUY", "1000"), "newOrderRespType", "RESULT"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonObject order = new JsonObject(r.body());
            assertThat(order.getString("status")).isEqualTo("FILLED");
            assertThat(order.getString("executedQty")).isEqualTo("1000");
            JsonArray trades = new JsonArray(new PapiClient(sandbox.baseUrl(), null, null).raw("GET", "/dapi/v1/trades", "symbol=" + BTC, "", null).body());
            assertThat(trades).isNotEmpty();
            // The house refills the levels the order took on the next tick.
            tick(sandbox, 1000);
            assertThat(depth(sandbox, BTC).getJsonArray("asks")).hasSizeGreaterThanOrEqualTo(20);
        } finally {
            SandboxExtension.deleteTree(dir);
        }
    }

    @Test
    void theMarkPriceFollowsTheWalkAndARestingOrderFillsWhenThePriceMovesThroughIt() throws Exception {
        Path dir = Files.createTempDirectory("papi-sandbox-live-csv");
        Path csv = dir.resolve("prices.csv");
        Files.writeString(csv, "time,price\n0,100\n1000,101\n2000,102\n");
        try (Sandbox sandbox = start(dir.resolve("data"), MarketConfig.defaults().withMode(MarketConfig.Mode.CSV, csv))) {
            BigDecimal first = markPrice(sandbox, BTC);
            assertThat(first).isEqualByComparingTo("65000");
            PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
            // 0.5 % above the price: it rests, above every ask of the house.
            PapiClient.Response placed = a.signed("POST", ORDER, limit(BTC, "SELL", "10", "65325"));
            assertThat(new JsonObject(placed.body()).getString("status")).isEqualTo("NEW");
            long orderId = new JsonObject(placed.body()).getLong("orderId");
            tick(sandbox, 1000);
            assertThat(markPrice(sandbox, BTC)).isEqualByComparingTo("65650");
            JsonObject after = new JsonObject(a.signed("GET", ORDER, byId(BTC, orderId)).body());
            assertThat(after.getString("status")).isEqualTo("FILLED");
            assertThat(after.getString("avgPrice")).isEqualTo("65325.0");
        } finally {
            SandboxExtension.deleteTree(dir);
        }
    }

    /** The same seed, clock and commands give the same state; a replay of the journal reproduces it. */
    @Test
    void theSameSeedAndClockGiveTheSameStateAndTheJournalReplaysIt() throws Exception {
        String[] hashes = new String[2];
        for (int run = 0; run < 2; run++) {
            Path dir = Files.createTempDirectory("papi-sandbox-live-det");
            clock.set(START);
            try {
                String live;
                try (Sandbox sandbox = start(dir, MarketConfig.defaults().withSeed(7).withVolatility(0.05))) {
                    PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
                    BigDecimal mark = markPrice(sandbox, BTC);
                    // Client order ids given, so the edge generates none (those are random).
                    a.signed("POST", ORDER, E2E.with(limit(BTC, "SELL", "5", mark.multiply(new BigDecimal("1.002"))
                            .setScale(1, java.math.RoundingMode.DOWN).toPlainString()), "newClientOrderId", "s1"));
                    a.signed("POST", ORDER, E2E.with(limit(BTC, "BUY", "5", mark.multiply(new BigDecimal("0.998"))
                            .setScale(1, java.math.RoundingMode.DOWN).toPlainString()), "newClientOrderId", "b1"));
                    for (int i = 0; i < 120; i++) tick(sandbox, 1000);
                    a.signed("POST", ORDER, E2E.with(market(BTC, "SELL", "50"), "newClientOrderId", "m1"));
                    for (int i = 0; i < 60; i++) tick(sandbox, 1000);
                    live = sandbox.stateHash();
                    assertThat(markPrice(sandbox, BTC)).isNotEqualByComparingTo(mark);
                }
                try (Journal journal = JournalStores.sqlite(dir)) {
                    assertThat(EngineSnapshot.stateHash(Recovery.recover(journal, InstrumentCatalog.bundled(), false).engine()))
                            .as("replay of the whole journal").isEqualTo(live);
                }
                hashes[run] = live;
            } finally {
                SandboxExtension.deleteTree(dir);
            }
        }
        assertThat(hashes[1]).isEqualTo(hashes[0]);
    }
}
