package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.BTC;
import static com.papisandbox.testkit.E2E.ORDER;
import static com.papisandbox.testkit.E2E.limit;
import static com.papisandbox.testkit.E2E.market;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The COIN-M market-data endpoints (spec papi-cm-next §5) over HTTP, exact bytes: key order, types,
 * padding, error codes. The market is off and the clock fixed, so the book and the tape hold exactly the
 * orders and trades below: A rests 3 @ 65000.0, 5 @ 65010.0 and a bid 2 @ 64990.0; one second later B
 * buys 4 at market (trades 1: 3 @ 65000.0, 2: 1 @ 65010.0).
 */
class MarketDataEndpointsTest {
    private static final long START = 1_800_000_000_000L; // 2027-01-15T08:00:00Z
    private static final long TRADE = START + 1000;
    private static final long NOW = START + 5000;
    private static final AtomicLong clock = new AtomicLong(START);
    private static Sandbox sandbox;
    private static Path dataDir;
    private static PapiClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-market-data");
        Map<String, BigDecimal> funds = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));
        sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off()).withClock(clock::get).withRateLimits(true)
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, funds),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, funds))));
        PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        PapiClient b = SandboxExtension.clientB(sandbox).withClock(clock::get);
        assertThat(a.signed("POST", ORDER, limit(BTC, "SELL", "3", "65000")).status()).isEqualTo(200);
        assertThat(a.signed("POST", ORDER, limit(BTC, "SELL", "5", "65010")).status()).isEqualTo(200);
        assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "2", "64990")).status()).isEqualTo(200);
        clock.set(TRADE);
        assertThat(b.signed("POST", ORDER, market(BTC, "BUY", "4")).status()).isEqualTo(200);
        clock.set(NOW);
        anonymous = new PapiClient(sandbox.baseUrl(), null, null);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dataDir != null) SandboxExtension.deleteTree(dataDir);
    }

    private static PapiClient.Response get(String path, String query) {
        return anonymous.raw("GET", path, query, "", null);
    }

    private static void assertBody(String path, String query, String expected) {
        PapiClient.Response r = get(path, query);
        assertThat(r.status()).as("%s?%s: %s", path, query, r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expected);
    }

    private static void assertError(String path, String query, int status, int code, String msg) {
        PapiClient.Response r = get(path, query);
        assertThat(r.body()).isEqualTo("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
        assertThat(r.status()).isEqualTo(status);
    }

    @Test
    void depthInTheLiveKeyOrderWithItsWeight() {
        assertBody("/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=5", "{\"lastUpdateId\":5,\"E\":" + NOW + ",\"T\":" + TRADE
                + ",\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"bids\":[[\"64990.0\",\"2\"]],\"asks\":[[\"65010.0\",\"4\"]]}");
        int before = Integer.parseInt(get("/dapi/v1/time", "").header("X-MBX-USED-WEIGHT-1M"));
        assertThat(Integer.parseInt(get("/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=1000").header("X-MBX-USED-WEIGHT-1M")))
                .isEqualTo(before + 20);
        assertThat(Integer.parseInt(get("/dapi/v1/depth", "symbol=BTCUSD_PERP").header("X-MBX-USED-WEIGHT-1M")))
                .isEqualTo(before + 30);
    }

    @Test
    void recentTradesAndAggregatedTrades() {
        assertBody("/dapi/v1/trades", "symbol=BTCUSD_PERP",
                "[{\"id\":1,\"price\":\"65000.0\",\"qty\":\"3\",\"baseQty\":\"0.00461538\",\"time\":" + TRADE + ",\"isBuyerMaker\":false},"
                        + "{\"id\":2,\"price\":\"65010.0\",\"qty\":\"1\",\"baseQty\":\"0.00153822\",\"time\":" + TRADE + ",\"isBuyerMaker\":false}]");
        assertBody("/dapi/v1/trades", "symbol=BTCUSD_PERP&limit=1",
                "[{\"id\":2,\"price\":\"65010.0\",\"qty\":\"1\",\"baseQty\":\"0.00153822\",\"time\":" + TRADE + ",\"isBuyerMaker\":false}]");
        String both = "[{\"a\":1,\"p\":\"65000.0\",\"q\":\"3\",\"f\":1,\"l\":1,\"T\":" + TRADE + ",\"m\":false},"
                + "{\"a\":2,\"p\":\"65010.0\",\"q\":\"1\",\"f\":2,\"l\":2,\"T\":" + TRADE + ",\"m\":false}]";
        assertBody("/dapi/v1/aggTrades", "symbol=BTCUSD_PERP", both);
        assertBody("/dapi/v1/aggTrades", "symbol=BTCUSD_PERP&startTime=" + START, both);
        assertBody("/dapi/v1/aggTrades", "symbol=BTCUSD_PERP&endTime=" + (TRADE - 1), "[]");
        assertBody("/dapi/v1/aggTrades", "symbol=BTCUSD_PERP&fromId=2",
                "[{\"a\":2,\"p\":\"65010.0\",\"q\":\"1\",\"f\":2,\"l\":2,\"T\":" + TRADE + ",\"m\":false}]");
        assertBody("/dapi/v1/trades", "symbol=ETHUSD_PERP", "[]");
    }

    @Test
    void klinesRowsOfTwelve() {
        String bar = "[" + START + ",\"65000.0\",\"65010.0\",\"65000.0\",\"65010.0\",\"4\"," + (START + 59_999)
                + ",\"0.00615360\",2,\"4\",\"0.00615360\",\"0\"]";
        assertBody("/dapi/v1/klines", "symbol=BTCUSD_PERP&interval=1m", "[" + bar + "]");
        assertBody("/dapi/v1/klines", "symbol=BTCUSD_PERP&interval=1h&limit=1", "[[" + START + ",\"65000.0\",\"65010.0\",\"65000.0\",\"65010.0\",\"4\","
                + (START + 3_599_999) + ",\"0.00615360\",2,\"4\",\"0.00615360\",\"0\"]]");
        assertBody("/dapi/v1/klines", "symbol=BTCUSD_PERP&interval=1m&endTime=" + (START - 1), "[]");
    }

    @Test
    void tickers() {
        assertBody("/dapi/v1/ticker/price", "symbol=BTCUSD_PERP",
                "[{\"symbol\":\"BTCUSD_PERP\",\"ps\":\"BTCUSD\",\"price\":\"65010.0\",\"time\":" + TRADE + "}]");
        assertBody("/dapi/v1/ticker/bookTicker", "symbol=BTCUSD_PERP", "[{\"lastUpdateId\":5,\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\","
                + "\"bidPrice\":\"64990.0\",\"bidQty\":\"2\",\"askPrice\":\"65010.0\",\"askQty\":\"4\",\"time\":" + TRADE + "}]");
        assertBody("/dapi/v1/ticker/24hr", "symbol=BTCUSD_PERP", "[{\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"priceChange\":\"10.0\","
                + "\"priceChangePercent\":\"0.015\",\"weightedAvgPrice\":\"65002.60010400\",\"lastPrice\":\"65010.0\",\"lastQty\":\"1\","
                + "\"openPrice\":\"65000.0\",\"highPrice\":\"65010.0\",\"lowPrice\":\"65000.0\",\"volume\":\"4\",\"baseVolume\":\"0.00615360\","
                + "\"openTime\":" + START + ",\"closeTime\":" + NOW + ",\"firstId\":1,\"lastId\":2,\"count\":2}]");
        assertThat(new io.vertx.core.json.JsonArray(get("/dapi/v1/ticker/price", "pair=BTCUSD").body())).hasSize(3);
        assertThat(new io.vertx.core.json.JsonArray(get("/dapi/v1/ticker/24hr", "").body())).hasSize(6);
    }

    @Test
    void premiumIndexAndFundingRate() {
        assertBody("/dapi/v1/premiumIndex", "symbol=BTCUSD_PERP", "[{\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\","
                + "\"markPrice\":\"65010.00000000\",\"indexPrice\":\"65010.00000000\",\"estimatedSettlePrice\":\"65010.00000000\","
                + "\"lastFundingRate\":\"0.00010000\",\"interestRate\":\"0.00010000\",\"nextFundingTime\":1800028800000,\"time\":" + NOW + "}]");
        assertBody("/dapi/v1/premiumIndex", "symbol=BTCUSD_270326", "[{\"symbol\":\"BTCUSD_270326\",\"pair\":\"BTCUSD\","
                + "\"markPrice\":\"0.00000000\",\"indexPrice\":\"0.00000000\",\"estimatedSettlePrice\":\"0.00000000\","
                + "\"lastFundingRate\":\"\",\"interestRate\":\"\",\"nextFundingTime\":0,\"time\":" + NOW + "}]");
        assertBody("/dapi/v1/fundingRate", "symbol=BTCUSD_PERP", "[]");
    }

    @Test
    void binanceErrorsForBadSymbolsIntervalsAndLimits() {
        assertError("/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=7", 400, -4021, "'7' is not valid depth limit.");
        assertError("/dapi/v1/depth", "symbol=NOPE", 400, -1121, "Invalid symbol.");
        assertError("/dapi/v1/depth", "", 400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        assertError("/dapi/v1/klines", "symbol=BTCUSD_PERP&interval=2m", 400, -1120, "Invalid interval.");
        assertError("/dapi/v1/klines", "symbol=BTCUSD_PERP", 400, -1102, "Mandatory parameter 'interval' was not sent, was empty/null, or malformed.");
        assertError("/dapi/v1/klines", "symbol=BTCUSD_PERP&interval=1m&limit=1501", 400, -1130, "Data sent for parameter 'limit' is not valid.");
        assertError("/dapi/v1/trades", "symbol=BTCUSD_PERP&limit=1001", 400, -1130, "Data sent for parameter 'limit' is not valid.");
        assertError("/dapi/v1/aggTrades", "symbol=BTCUSD_PERP&fromId=1&startTime=1", 400, -1128, "Combination of optional parameters invalid.");
        assertError("/dapi/v1/aggTrades", "symbol=BTCUSD_PERP&startTime=0&endTime=3600000", 400, -1127, "More than 1 hours between startTime and endTime.");
        assertError("/dapi/v1/ticker/price", "symbol=BTCUSD_PERP&pair=BTCUSD", 400, -1128, "Combination of optional parameters invalid.");
        assertError("/dapi/v1/ticker/bookTicker", "pair=XRPUSD", 400, -1121, "Invalid symbol.");
        assertError("/dapi/v1/fundingRate", "symbol=NOPE", 400, -1121, "Invalid symbol.");
        assertError("/dapi/v1/trades", "symbol=BTCUSD_PERP&foo=1", 400, -1104, "Not all sent parameters were read; read '1' parameter(s) but was sent '2'.");
    }
}
