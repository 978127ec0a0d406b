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
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox running through BTCUSD_261225's delivery (2026-12-25 08:00 UTC) with the live market on: the
 * quarterly settles, BTCUSD_270326 becomes the current quarter, BTCUSD_270625 is listed as the next one and
 * the market quotes it at once; history keeps the delivered symbol; a restart and a journal replay keep
 * the new listing.
 */
class QuarterlyRollTest {
    /** 2026-12-25 07:59:00 UTC. */
    private static final long START = 1_798_185_540_000L;
    private static final long DELIVERY = 1_798_185_600_000L;
    private static final long JUNE_2027 = 1_813_910_400_000L;
    private static final String DELIVERED = "BTCUSD_261225";
    private static final String LISTED = "BTCUSD_270625";
    private static final Map<String, BigDecimal> FUNDS = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));

    private final AtomicLong clock = new AtomicLong(START);

    @TempDir
    Path dir;

    private Sandbox start() {
        return Sandbox.start(SandboxConfig.defaults(dir).withClock(clock::get).withRateLimits(false)
                .withMarket(MarketConfig.defaults().withTickMillis(0))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, FUNDS))));
    }

    @Test
    void aDeliveredQuarterlyIsSucceededByTheNextQuarterWhichTradesAtOnce() throws Exception {
        String hash;
        Map<String, JsonObject> listedAfter;
        try (Sandbox sandbox = start()) {
            PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
            Map<String, JsonObject> before = symbols(sandbox);
            assertThat(before.get(DELIVERED).getString("contractType")).isEqualTo("CURRENT_QUARTER");
            assertThat(before.get("BTCUSD_270326").getString("contractType")).isEqualTo("NEXT_QUARTER");
            assertThat(before).doesNotContainKey(LISTED);
            JsonObject bought = place(a, with(market(DELIVERED, "BUY", "2"), "newOrderRespType", "RESULT"));
            assertThat(bought.getString("status")).isEqualTo("FILLED");

            clock.set(DELIVERY + 1_000);
            sandbox.market().orElseThrow().tick();
            sandbox.market().orElseThrow().tick();

            listedAfter = symbols(sandbox);
            assertThat(listedAfter).doesNotContainKey(DELIVERED);
            assertThat(listedAfter.get("BTCUSD_270326").getString("contractType")).isEqualTo("CURRENT_QUARTER");
            JsonObject row = listedAfter.get(LISTED);
            assertThat(row.getString("contractType")).isEqualTo("NEXT_QUARTER");
            assertThat(row.getString("pair")).isEqualTo("BTCUSD");
            assertThat(row.getLong("deliveryDate")).isEqualTo(JUNE_2027);
            assertThat(row.getLong("onboardDate")).isEqualTo(DELIVERY);
            assertThat(row.getString("contractStatus")).isEqualTo("TRADING");
            assertThat(row.getJsonArray("filters")).isEqualTo(before.get(DELIVERED).getJsonArray("filters"));

            // the delivered symbol is gone from trading; its settlement and fills keep their symbol
            assertError(a.signed("POST", ORDER, market(DELIVERED, "BUY", "1")), -1121, "Invalid symbol.");
            JsonArray settled = array(a.signed("GET", "/papi/v1/cm/income", params("incomeType", "DELIVERED_SETTELMENT")));
            assertThat(settled).hasSize(1);
            assertThat(settled.getJsonObject(0).getString("symbol")).isEqualTo(DELIVERED);
            assertThat(settled.getJsonObject(0).getLong("time")).isEqualTo(DELIVERY);
            JsonArray fills = array(a.signed("GET", "/papi/v1/cm/userTrades", params("pair", "BTCUSD", "startTime", String.valueOf(START),
                    "endTime", String.valueOf(DELIVERY + 1_000))));
            assertThat(fills).isNotEmpty();
            assertThat(fills.getJsonObject(0).getString("symbol")).isEqualTo(DELIVERED);
            assertThat(new BigDecimal(fills.getJsonObject(0).getString("price"))).isEqualByComparingTo(bought.getString("avgPrice"));

            // the market quotes the new contract, which fills a market order and shows as a position
            JsonObject depth = new JsonObject(get(sandbox, "/dapi/v1/depth", "symbol=" + LISTED + "&limit=50"));
            assertThat(depth.getJsonArray("bids")).hasSizeGreaterThanOrEqualTo(20);
            assertThat(depth.getJsonArray("asks")).hasSizeGreaterThanOrEqualTo(20);
            JsonObject filled = place(a, with(market(LISTED, "BUY", "1000"), "newOrderRespType", "RESULT"));
            assertThat(filled.getString("status")).isEqualTo("FILLED");
            JsonArray positions = array(a.signed("GET", "/papi/v1/cm/positionRisk", params("pair", "BTCUSD")));
            JsonObject position = null;
            for (int i = 0; i < positions.size(); i++) {
                if (positions.getJsonObject(i).getString("symbol").equals(LISTED)) position = positions.getJsonObject(i);
            }
            assertThat(position).isNotNull();
            assertThat(position.getString("positionAmt")).isEqualTo("1000");
            assertThat(position.getString("leverage")).isEqualTo("20");
            hash = sandbox.stateHash();
        }
        // the shutdown snapshot and a replay of the whole journal both restore the listing and the state
        try (Journal journal = JournalStores.sqlite(dir)) {
            Recovery fromSnapshot = Recovery.recover(journal, InstrumentCatalog.bundled(), true);
            assertThat(fromSnapshot.replayedEntries()).isZero();
            assertThat(EngineSnapshot.stateHash(fromSnapshot.engine())).isEqualTo(hash);
            var replayed = Recovery.recover(journal, InstrumentCatalog.bundled(), false).engine();
            assertThat(EngineSnapshot.stateHash(replayed)).isEqualTo(hash);
            assertThat(replayed.instruments().keySet()).containsAll(List.of(LISTED, "BTCUSD_270326")).doesNotContain(DELIVERED);
        }
        try (Sandbox again = start()) {
            assertThat(symbols(again).keySet()).isEqualTo(listedAfter.keySet());
        }
    }

    private static String get(Sandbox sandbox, String path, String query) {
        PapiClient.Response r = new PapiClient(sandbox.baseUrl(), null, null).raw("GET", path, query, "", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static Map<String, JsonObject> symbols(Sandbox sandbox) {
        JsonArray rows = new JsonObject(get(sandbox, "/dapi/v1/exchangeInfo", "")).getJsonArray("symbols");
        Map<String, JsonObject> bySymbol = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) bySymbol.put(rows.getJsonObject(i).getString("symbol"), rows.getJsonObject(i));
        return bySymbol;
    }
}
