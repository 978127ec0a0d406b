package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.AdminApiTest.assertRefused;
import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API's market operations through HTTP, on a market that starts off and moves only when the test
 * advances the clock (tick period 0): prices set by hand, the market switched on, held, reconfigured, moved
 * along a path through a resting order, and switched off again.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class AdminMarketTest {
    private static final String TOKEN = "admin-market-token";
    private static final AtomicLong source = new AtomicLong(1_800_000_000_000L);
    private static Sandbox sandbox;
    private static Path dataDir;
    private static HttpAdminClient admin;
    private static PapiClient a;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-admin-market");
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

    @AfterEach
    void marketOff() {
        admin.stopMarket();
        a.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC));
    }

    private static JsonObject premiumIndex(String symbol) {
        return new JsonObject(a.raw("GET", "/dapi/v1/premiumIndex", "symbol=" + symbol, null, null).body().replaceAll("^\\[|]$", ""));
    }

    private static JsonObject depth(String symbol) {
        return new JsonObject(a.raw("GET", "/dapi/v1/depth", "symbol=" + symbol + "&limit=100", null, null).body());
    }

    private static BigDecimal reference(String symbol) {
        return admin.market().symbols().stream().filter(p -> p.symbol().equals(symbol)).findFirst().orElseThrow().referencePrice();
    }

    @Test
    void a_pricesSetWithTheMarketOffAreWhatTheMarketDataShows() {
        SandboxAdmin.SymbolPrices set = admin.setPrices(BTC, null, new BigDecimal("60000.5"), new BigDecimal("60010"));
        assertThat(set.markPrice()).isEqualByComparingTo("60000.5");
        assertThat(set.indexPrice()).isEqualByComparingTo("60010");
        JsonObject index = premiumIndex(BTC);
        assertThat(new BigDecimal(index.getString("markPrice"))).isEqualByComparingTo("60000.5");
        assertThat(new BigDecimal(index.getString("indexPrice"))).isEqualByComparingTo("60010");

        SandboxAdmin.SymbolPrices referenced = admin.setPrices(BTC, new BigDecimal("61000.04"), null, null);
        assertThat(referenced.referencePrice()).as("on the tick grid").isEqualByComparingTo("61000.0");
        assertThat(referenced.markPrice()).as("mark follows the reference").isEqualByComparingTo("61000");
        assertThat(referenced.indexPrice()).isEqualByComparingTo("61000");
        assertThat(depth(BTC).getJsonArray("bids")).as("no market: no quotes").isEmpty();

        String hash = admin.stateHash().stateHash();
        assertRefused(() -> admin.setPrices("NOPE_PERP", BigDecimal.ONE, null, null), 404, "UNKNOWN_SYMBOL");
        assertRefused(() -> admin.setPrices(BTC, null, null, null), 400, "BAD_REQUEST");
        assertRefused(() -> admin.setPrices(BTC, new BigDecimal("-5"), null, null), 400, "BAD_REQUEST");
        assertRefused(() -> admin.setPrices(BTC, null, new BigDecimal("1.123456789"), null), 400, "BAD_REQUEST");
        assertRefused(() -> admin.setPrices(BTC, null, new BigDecimal("1e15"), null), 400, "BAD_REQUEST");
        assertRefused(() -> admin.followPath(BTC, List.of(new SandboxAdmin.PricePoint(1000, BigDecimal.TEN))), 409, "MARKET_OFF");
        assertRefused(() -> admin.holdMarket(), 409, "MARKET_OFF");
        assertThat(admin.stateHash().stateHash()).as("refusals change nothing").isEqualTo(hash);
    }

    @Test
    void b_resumeSwitchesTheMarketOnHoldStopsItsMovesAndSettingsReshapeTheBook() {
        SandboxAdmin.MarketInfo on = admin.resumeMarket();
        assertThat(on.state()).isEqualTo("RUNNING");
        assertThat(on.mode()).isEqualTo("RANDOM_WALK");
        assertThat(depth(BTC).getJsonArray("bids")).hasSize(25);
        assertThat(depth(BTC).getJsonArray("asks")).hasSize(25);

        assertThat(admin.holdMarket().state()).isEqualTo("HELD");
        BigDecimal held = reference(BTC);
        admin.advanceClock(30 * 60_000L);
        assertThat(reference(BTC)).as("held: the price stands").isEqualByComparingTo(held);

        assertThat(admin.resumeMarket().state()).isEqualTo("RUNNING");
        admin.advanceClock(30 * 60_000L);
        assertThat(reference(BTC)).as("running: the price moves").isNotEqualByComparingTo(held);

        SandboxAdmin.MarketInfo reshaped = admin.configureMarket(new SandboxAdmin.MarketSettings(0.02, 0.0005, 30, 200L));
        assertThat(reshaped.depth()).isEqualTo(30);
        assertThat(reshaped.volatility()).isEqualTo(0.02);
        JsonObject book = depth(BTC);
        assertThat(book.getJsonArray("bids")).hasSize(30);
        BigDecimal bestBid = new BigDecimal(book.getJsonArray("bids").getJsonArray(0).getString(0));
        BigDecimal nextBid = new BigDecimal(book.getJsonArray("bids").getJsonArray(1).getString(0));
        assertThat(bestBid.subtract(nextBid).doubleValue() / bestBid.doubleValue()).as("level step ~ the spread").isBetween(0.0002, 0.0008);

        String hash = admin.stateHash().stateHash();
        assertRefused(() -> admin.configureMarket(new SandboxAdmin.MarketSettings(null, null, 5, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.configureMarket(new SandboxAdmin.MarketSettings(2.0, null, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.configureMarket(new SandboxAdmin.MarketSettings(null, 0.5, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.configureMarket(new SandboxAdmin.MarketSettings(null, null, null, 0L)), 400, "BAD_REQUEST");
        assertThat(admin.stateHash().stateHash()).isEqualTo(hash);
        admin.configureMarket(new SandboxAdmin.MarketSettings(0.005, 0.0001, 25, 500L));

        assertThat(admin.stopMarket().state()).isEqualTo("OFF");
        assertThat(depth(BTC).getJsonArray("bids")).as("off: the house's quotes are gone").isEmpty();
    }

    @Test
    void c_aPathMovesThePriceThroughARestingOrderWhichFills() {
        admin.resumeMarket();
        admin.holdMarket();
        admin.setPrices(BTC, new BigDecimal("60000"), null, null);
        PapiClient.Response order = a.signed("POST", ORDER, limit(BTC, "BUY", "2", "55000"));
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        long orderId = new JsonObject(order.body()).getLong("orderId");

        SandboxAdmin.MarketInfo scripted = admin.followPath(BTC, List.of(new SandboxAdmin.PricePoint(10_000, new BigDecimal("50000"))));
        assertThat(scripted.scriptedPairs()).containsExactly("BTCUSD");
        admin.advanceClock(5_000);
        assertThat(reference(BTC)).as("halfway along the path").isEqualByComparingTo("55000.0");
        admin.advanceClock(5_000);
        assertThat(reference(BTC)).isEqualByComparingTo("50000.0");
        assertThat(new BigDecimal(premiumIndex(BTC).getString("markPrice"))).isEqualByComparingTo("50000");
        assertThat(admin.market().scriptedPairs()).as("the path has ended").isEmpty();
        JsonObject filled = new JsonObject(a.signed("GET", ORDER, byId(BTC, orderId)).body());
        assertThat(filled.getString("status")).isEqualTo("FILLED");
        assertThat(new BigDecimal(filled.getString("avgPrice"))).isLessThanOrEqualTo(new BigDecimal("55000"));
        admin.advanceClock(60_000);
        assertThat(reference(BTC)).as("held after the path: stands at its end").isEqualByComparingTo("50000.0");
        // the quarterly of the same pair moved with it, keeping its premium
        String quarterly = com.papisandbox.engine.Quarterlies.listedQuarterly("BTCUSD", sandbox.clock().getAsLong(), 0);
        assertThat(reference(quarterly).doubleValue()).isBetween(50_050.0, 50_150.0);

        String hash = admin.stateHash().stateHash();
        assertRefused(() -> admin.followPath(BTC, List.of()), 400, "BAD_REQUEST");
        assertRefused(() -> admin.followPath(BTC, List.of(new SandboxAdmin.PricePoint(5000, BigDecimal.TEN),
                new SandboxAdmin.PricePoint(1000, BigDecimal.TEN))), 400, "BAD_REQUEST");
        assertRefused(() -> admin.followPath(BTC, List.of(new SandboxAdmin.PricePoint(1000, BigDecimal.ZERO))), 400, "BAD_REQUEST");
        assertRefused(() -> admin.followPath(BTC, List.of(new SandboxAdmin.PricePoint(-1, BigDecimal.TEN))), 400, "BAD_REQUEST");
        assertThat(admin.stateHash().stateHash()).isEqualTo(hash);
    }

    @Test
    void d_aCsvPathIsReadLikePoints() throws Exception {
        admin.resumeMarket();
        admin.holdMarket();
        admin.setPrices(ETH, new BigDecimal("2500"), null, null);
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sandbox.baseUrl() + "/sandbox/v1/market/path"))
                .header("X-Sandbox-Token", TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"symbol\":\"ETHUSD_PERP\",\"csv\":\"afterMillis,price\\n0,2400\\n1000,2000\\n\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(reference(ETH)).as("a point at 0 ms moves at once").isEqualByComparingTo("2400.00");
        admin.advanceClock(1_000);
        assertThat(reference(ETH)).isEqualByComparingTo("2000.00");
        JsonArray trades = new JsonArray(a.raw("GET", "/dapi/v1/trades", "symbol=" + ETH, null, null).body());
        assertThat(trades).as("no user orders: the house never trades with itself").isEmpty();
    }

    @Test
    void e_aTradeAtAPriceFillsTheOrdersItCrossesAndBecomesTheLastPrice() {
        assertRefused(() -> admin.tradeAt(BTC, new BigDecimal("60000"), null), 409, "MARKET_OFF");
        admin.resumeMarket();
        admin.holdMarket();
        admin.setPrices(BTC, new BigDecimal("60000"), null, null);
        long bid = new JsonObject(a.signed("POST", ORDER, limit(BTC, "BUY", "2", "59000")).body()).getLong("orderId");
        long ask = new JsonObject(a.signed("POST", ORDER, limit(BTC, "SELL", "1", "61000")).body()).getLong("orderId");

        admin.tradeAt(BTC, new BigDecimal("58900"), new BigDecimal("3"));
        JsonObject filled = new JsonObject(a.signed("GET", ORDER, byId(BTC, bid)).body());
        assertThat(filled.getString("status")).as("the print crossed it").isEqualTo("FILLED");
        assertThat(new BigDecimal(filled.getString("avgPrice"))).isEqualByComparingTo("59000");
        assertThat(new JsonObject(a.signed("GET", ORDER, byId(BTC, ask)).body()).getString("status")).isEqualTo("NEW");
        JsonObject ticker = new JsonObject(a.raw("GET", "/dapi/v1/ticker/price", "symbol=" + BTC, null, null).body().replaceAll("^\\[|]$", ""));
        assertThat(new BigDecimal(ticker.getString("price"))).as("the last price").isEqualByComparingTo("58900");
        JsonArray trades = new JsonArray(a.raw("GET", "/dapi/v1/trades", "symbol=" + BTC, null, null).body());
        JsonObject last = trades.getJsonObject(trades.size() - 1);
        assertThat(new BigDecimal(last.getString("price"))).isEqualByComparingTo("58900");
        assertThat(last.getString("qty")).isEqualTo("3");
        assertThat(reference(BTC)).isEqualByComparingTo("58900.0");

        String hash = admin.stateHash().stateHash();
        assertRefused(() -> admin.tradeAt(BTC, null, null), 400, "BAD_REQUEST");
        assertRefused(() -> admin.tradeAt(BTC, new BigDecimal("58900"), new BigDecimal("0.5")), 400, "BAD_REQUEST");
        assertRefused(() -> admin.tradeAt("NOPE", new BigDecimal("58900"), null), 404, "UNKNOWN_SYMBOL");
        assertThat(admin.stateHash().stateHash()).isEqualTo(hash);
    }

    @Test
    void f_liquidityAddedByHandRestsUntilRemoved() {
        admin.resumeMarket();
        admin.setPrices(BTC, new BigDecimal("60000"), null, null);
        SandboxAdmin.LiquidityInfo added = admin.addLiquidity(BTC, "BUY", new BigDecimal("59500"), new BigDecimal("700"));
        admin.addLiquidity(BTC, "SELL", new BigDecimal("60800.5"), new BigDecimal("40"));
        added = admin.addLiquidity(BTC, "BUY", new BigDecimal("59400"), new BigDecimal("10"));
        assertThat(added.bids()).containsExactly(List.of(new BigDecimal("59500.0"), new BigDecimal("700")),
                List.of(new BigDecimal("59400.0"), new BigDecimal("10")));
        assertThat(added.asks()).containsExactly(List.of(new BigDecimal("60800.5"), new BigDecimal("40")));
        assertThat(depthLevel(BTC, "bids", "59500.0")).isEqualTo("700");
        admin.advanceClock(60_000);
        assertThat(depthLevel(BTC, "bids", "59500.0")).as("the house's requotes leave it alone").isEqualTo("700");
        assertThat(admin.accounts()).extracting(SandboxAdmin.AccountInfo::apiKey).doesNotContain("papi-sandbox-liquidity");

        SandboxAdmin.LiquidityInfo left = admin.removeLiquidity(BTC, "BUY");
        assertThat(left.bids()).isEmpty();
        assertThat(left.asks()).hasSize(1);
        assertThat(depthLevel(BTC, "bids", "59500.0")).isNull();
        assertThat(admin.removeLiquidity(BTC, null).asks()).isEmpty();

        String hash = admin.stateHash().stateHash();
        assertRefused(() -> admin.addLiquidity(BTC, "UP", new BigDecimal("59500"), BigDecimal.ONE), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addLiquidity(BTC, "SELL", new BigDecimal("1000"), BigDecimal.ONE), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addLiquidity(BTC, "BUY", new BigDecimal("59500"), new BigDecimal("0.5")), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addLiquidity(BTC, "BUY", null, BigDecimal.ONE), 400, "BAD_REQUEST");
        assertRefused(() -> admin.removeLiquidity(BTC, "BOTH"), 400, "BAD_REQUEST");
        assertThat(admin.stateHash().stateHash()).isEqualTo(hash);
    }

    /** The quantity at one price of the REST depth, or null. */
    private static String depthLevel(String symbol, String side, String price) {
        for (Object level : depth(symbol).getJsonArray(side)) {
            JsonArray l = (JsonArray) level;
            if (l.getString(0).equals(price)) return l.getString(1);
        }
        return null;
    }
}
