package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CM conditional orders over signed HTTP and the user stream (spec §6.9, papi-cm-next §2.12, §4.7), on a
 * sandbox whose market is off and whose clock stands still: the mark price is set through the admin API, the
 * last price by trades between two other accounts, so every price is the test's own.
 */
class ConditionalOrderTest {
    private static final long START = 1_800_000_000_000L;
    private static final String TOKEN = "conditional-token";
    private static final String COND = "/papi/v1/cm/conditional/order";
    private static final String COND_ALL_OPEN = "/papi/v1/cm/conditional/allOpenOrders";
    private static final String COND_OPEN = "/papi/v1/cm/conditional/openOrder";
    private static final String COND_OPENS = "/papi/v1/cm/conditional/openOrders";
    private static final String COND_ALL = "/papi/v1/cm/conditional/allOrders";
    private static final String COND_HISTORY = "/papi/v1/cm/conditional/orderHistory";
    private static final String FIRST_ID = "1000000";
    private static final String ALIAS_A = com.papisandbox.server.stream.UserStreams.deriveAlias(1);

    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(START);
    private Sandbox sandbox;
    private HttpAdminClient admin;
    private PapiClient a;
    private PapiClient b;
    private PapiClient c;

    @BeforeEach
    void start() {
        Map<String, BigDecimal> funds = Map.of("BTC", new BigDecimal("10"));
        sandbox = Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withClock(clock::get).withRateLimits(false)
                .withAdmin(new SandboxConfig.AdminConfig(TOKEN, false))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, funds),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, funds), new AccountSpec("keyC", "secretC", funds))));
        admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
        a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        b = SandboxExtension.clientB(sandbox).withClock(clock::get);
        c = new PapiClient(sandbox.baseUrl(), "keyC", "secretC").withClock(clock::get);
        mark("60000");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void mark(String price) {
        admin.setPrices(BTC, null, new BigDecimal(price), new BigDecimal(price));
    }

    /** B rests a SELL of 1 at the price and C buys it: the last price becomes {@code price}. */
    private void last(String price) {
        place(b, limit(BTC, "SELL", "1", price));
        place(c, market(BTC, "BUY", "1"));
    }

    private static Map<String, String> stop(String type, String side, String stopPrice, String... more) {
        return with(params("symbol", BTC, "side", side, "strategyType", type, "quantity", "1", "stopPrice", stopPrice), more);
    }

    private JsonObject history(String strategyId) {
        return object(a.signed("GET", COND_HISTORY, params("symbol", BTC, "strategyId", strategyId)));
    }

    // ---------------------------------------------------------------- shapes

    @Test
    void everyEndpointAnswersInItsLiveShape() {
        String common = "\"origQty\":\"1\",\"price\":\"58000\",\"reduceOnly\":false,\"side\":\"SELL\",\"positionSide\":\"BOTH\","
                + "\"stopPrice\":\"59000.5\",\"symbol\":\"BTCUSD_PERP\"";
        PapiClient.Response placed = a.signed("POST", COND, stop("STOP", "SELL", "59000.5", "price", "58000", "newClientStrategyId", "my-stop",
                "workingType", "MARK_PRICE"));
        assertThat(object(placed).encode()).isEqualTo(placed.body());
        assertThat(placed.body()).isEqualTo("{\"newClientStrategyId\":\"my-stop\",\"strategyId\":" + FIRST_ID + ",\"strategyStatus\":\"NEW\","
                + "\"strategyType\":\"STOP\"," + common + ",\"timeInForce\":\"GTC\",\"bookTime\":" + START + ",\"updateTime\":" + START
                + ",\"workingType\":\"MARK_PRICE\",\"priceProtect\":false}");
        String open = "{\"newClientStrategyId\":\"my-stop\",\"strategyId\":" + FIRST_ID + ",\"strategyStatus\":\"NEW\",\"strategyType\":\"STOP\","
                + common + ",\"bookTime\":" + START + ",\"updateTime\":" + START + ",\"timeInForce\":\"GTC\",\"workingType\":\"MARK_PRICE\","
                + "\"priceProtect\":false}";
        assertThat(object(a.signed("GET", COND_OPEN, params("symbol", BTC, "strategyId", FIRST_ID))).encode()).isEqualTo(open);
        assertThat(a.signed("GET", COND_OPEN, params("symbol", BTC, "newClientStrategyId", "my-stop")).body()).isEqualTo(open);
        assertThat(array(a.signed("GET", COND_OPENS, params("symbol", BTC))).encode()).isEqualTo("[" + open + "]");
        assertThat(a.signed("GET", COND_OPENS, params()).body()).isEqualTo("[" + open + "]");
        assertThat(a.signed("GET", COND_OPENS, params("symbol", ETH)).body()).isEqualTo("[]");

        clock.addAndGet(5);
        PapiClient.Response canceled = a.signed("DELETE", COND, params("symbol", BTC, "strategyId", FIRST_ID));
        assertThat(object(canceled).encode()).isEqualTo("{\"strategyId\":" + FIRST_ID + ",\"newClientStrategyId\":\"my-stop\","
                + "\"strategyType\":\"STOP\",\"strategyStatus\":\"CANCELED\"," + common + ",\"timeInForce\":\"GTC\",\"activatePrice\":null,"
                + "\"priceRate\":null,\"bookTime\":" + START + ",\"updateTime\":" + (START + 5) + ",\"workingType\":\"MARK_PRICE\",\"priceProtect\":false}");
        String row = "{\"newClientStrategyId\":\"my-stop\",\"strategyId\":" + FIRST_ID + ",\"strategyStatus\":\"CANCELLED\",\"strategyType\":\"STOP\","
                + common + ",\"orderId\":0,\"status\":\"NEW\",\"bookTime\":" + START + ",\"updateTime\":" + (START + 5) + ",\"triggerTime\":0,"
                + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"workingType\":\"MARK_PRICE\",\"priceProtect\":false";
        assertThat(array(a.signed("GET", COND_ALL, params("symbol", BTC))).encode()).isEqualTo("[" + row + "}]");
        assertThat(history(FIRST_ID).encode()).isEqualTo(row + ",\"priceMatch\":\"NONE\"}");
        assertThat(a.signed("DELETE", COND_ALL_OPEN, params("symbol", BTC)).body())
                .isEqualTo("{\"code\":\"200\",\"msg\":\"The operation of cancel all conditional open order is done.\"}");
    }

    @Test
    void aTrailingStopShowsItsActivationPriceAndRate() {
        PapiClient.Response placed = a.signed("POST", COND, params("symbol", BTC, "side", "SELL", "strategyType", "TRAILING_STOP_MARKET",
                "quantity", "2", "activationPrice", "61000", "callbackRate", "1", "newClientStrategyId", "trail", "workingType", "MARK_PRICE",
                "priceProtect", "TRUE"));
        assertThat(object(placed).encode()).isEqualTo("{\"newClientStrategyId\":\"trail\",\"strategyId\":" + FIRST_ID + ",\"strategyStatus\":\"NEW\","
                + "\"strategyType\":\"TRAILING_STOP_MARKET\",\"origQty\":\"2\",\"price\":\"0\",\"reduceOnly\":false,\"side\":\"SELL\","
                + "\"positionSide\":\"BOTH\",\"stopPrice\":\"60390\",\"symbol\":\"BTCUSD_PERP\",\"timeInForce\":\"GTC\",\"activatePrice\":\"61000\","
                + "\"priceRate\":\"1.0\",\"bookTime\":" + START + ",\"updateTime\":" + START + ",\"workingType\":\"MARK_PRICE\",\"priceProtect\":true}");
        JsonObject open = object(a.signed("GET", COND_OPEN, params("symbol", BTC, "strategyId", FIRST_ID)));
        assertKeys(open, List.of("newClientStrategyId", "strategyId", "strategyStatus", "strategyType", "origQty", "price", "reduceOnly", "side",
                "positionSide", "stopPrice", "symbol", "bookTime", "updateTime", "timeInForce", "activatePrice", "priceRate", "workingType",
                "priceProtect"));
        String generated = object(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "65000"))).getString("newClientStrategyId");
        assertThat(generated).matches("[A-Za-z0-9]{22}");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void badRequestsGetBinanceErrors() {
        assertError(a.signed("POST", COND, without(stop("STOP_MARKET", "BUY", "61000"), "strategyType")), -1102, mandatory("strategyType"));
        assertError(a.signed("POST", COND, stop("LIMIT", "BUY", "61000")), -1116, "Invalid orderType.");
        assertError(a.signed("POST", COND, stop("STOP", "BUY", "61000")), -1102, mandatory("price"));
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "price", "61000")), -1106, "Parameter 'price' sent when not required.");
        assertError(a.signed("POST", COND, without(stop("STOP_MARKET", "BUY", "61000"), "stopPrice")), -1102, mandatory("stopPrice"));
        assertError(a.signed("POST", COND, without(stop("STOP_MARKET", "BUY", "61000"), "quantity")), -1102, mandatory("quantity"));
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "callbackRate", "1")), -1106,
                "Parameter 'callbackRate' sent when not required.");
        assertError(a.signed("POST", COND, stop("TAKE_PROFIT_MARKET", "BUY", "59000", "activationPrice", "59000")), -1106,
                "Parameter 'activationPrice' sent when not required.");
        Map<String, String> trailing = params("symbol", BTC, "side", "BUY", "strategyType", "TRAILING_STOP_MARKET", "quantity", "1");
        assertError(a.signed("POST", COND, trailing), -1102, mandatory("callbackRate"));
        assertError(a.signed("POST", COND, with(trailing, "callbackRate", "5.1")), -1130, "Data sent for parameter 'callbackRate' is not valid.");
        assertError(a.signed("POST", COND, with(trailing, "callbackRate", "0.05")), -1130, "Data sent for parameter 'callbackRate' is not valid.");
        assertError(a.signed("POST", COND, with(trailing, "callbackRate", "1", "stopPrice", "60000")), -1106,
                "Parameter 'stopPrice' sent when not required.");
        assertError(a.signed("POST", COND, with(trailing, "callbackRate", "1", "activationPrice", "60000", "workingType", "MARK_PRICE")), -2021, "Order would immediately trigger.");
        assertError(a.signed("POST", COND, with(trailing, "callbackRate", "1", "activationPrice", "0")), -4135, "Invalid activation price");
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "workingType", "INDEX_PRICE")), -1130,
                "Data sent for parameter 'workingType' is not valid.");
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "priceProtect", "yes")), -1130,
                "Data sent for parameter 'priceProtect' is not valid.");
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "newClientStrategyId", repeat('x', 37))), -1100,
                illegal("newClientStrategyId", "^[\\.A-Z\\:/a-z0-9_-]{1,36}$"));
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "closePosition", "true")), -1104, unread(7, 8));
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "59999.9", "workingType", "MARK_PRICE")), -2021, "Order would immediately trigger.");
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "0")), -4006, "Stop price less than zero.");
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000.05")), -1111, "Precision is over the maximum defined for this asset.");
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "positionSide", "LONG")), -4061,
                "Order's position side does not match user's setting.");
        assertError(a.signed("POST", COND, with(stop("STOP_MARKET", "BUY", "61000"), "symbol", "NOPE_PERP")), -1121, "Invalid symbol.");
        // the normal order endpoint still takes LIMIT and MARKET only
        assertError(a.signed("POST", ORDER, with(market(BTC, "BUY", "1"), "type", "STOP_MARKET")), -1116, "Invalid orderType.");

        assertError(a.signed("DELETE", COND, params("symbol", BTC)), -1102,
                "Param 'strategyId' or 'newClientStrategyId' must be sent, but both were empty/null!");
        assertError(a.signed("DELETE", COND, params("symbol", BTC, "strategyId", "42")), -2011, "Unknown order sent.");
        assertError(a.signed("GET", COND_OPEN, params("symbol", BTC, "newClientStrategyId", "nope")), -2013, "Order does not exist.");
        object(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "newClientStrategyId", "dup")));
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "61000", "newClientStrategyId", "dup")), -4116, "ClientOrderId is duplicated.");
        assertError(a.signed("GET", COND_HISTORY, params("symbol", BTC, "newClientStrategyId", "dup")), -2013, "Order does not exist.");
        assertError(b.signed("DELETE", COND, params("symbol", BTC, "strategyId", FIRST_ID)), -2011, "Unknown order sent.");
        assertError(a.signed("GET", COND_ALL, params("limit", "1001")), -1130, "Data sent for parameter 'limit' is not valid.");
        assertError(a.signed("GET", COND_ALL, params("startTime", "1000", "endTime", "999")), -1023, "Start time is greater than end time.");
        assertError(a.signed("GET", COND_ALL, params("startTime", "0", "endTime", Long.toString(7L * 24 * 3600 * 1000))), -1127,
                "More than 168 hours between startTime and endTime.");
        assertError(a.signed("POST", "/papi/v1/cm/positionSide/dual", params("dualSidePosition", "true")), -4067,
                "Position side cannot be changed if there exists open orders.");
    }

    @Test
    void maxNumAlgoOrdersIsTwentyAStrategyPerSymbol() {
        for (int i = 0; i < 20; i++) object(a.signed("POST", COND, stop("STOP_MARKET", "BUY", Integer.toString(61000 + i))));
        assertError(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "62000")), -4045, "Reach max stop order limit.");
        assertThat(array(a.signed("GET", COND_OPENS, params()))).hasSize(20);
        assertThat(a.signed("DELETE", COND_ALL_OPEN, params("symbol", BTC)).status()).isEqualTo(200);
        assertThat(a.signed("GET", COND_OPENS, params()).body()).isEqualTo("[]");
        JsonArray all = array(a.signed("GET", COND_ALL, params("limit", "3")));
        assertThat(all).hasSize(3);
        assertThat(all.getJsonObject(2).getLong("strategyId")).as("the newest").isEqualTo(1_000_019L);
        object(a.signed("POST", COND, stop("STOP_MARKET", "BUY", "62000")));
    }

    // ---------------------------------------------------------------- triggers

    /** Each type on each working type, as a SELL: STOP from 60000 down to 59000, TAKE_PROFIT up to 61000, trailing 1 % off 61000. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "STOP, MARK_PRICE", "STOP, CONTRACT_PRICE", "STOP_MARKET, MARK_PRICE", "STOP_MARKET, CONTRACT_PRICE",
            "TAKE_PROFIT, MARK_PRICE", "TAKE_PROFIT, CONTRACT_PRICE", "TAKE_PROFIT_MARKET, MARK_PRICE", "TAKE_PROFIT_MARKET, CONTRACT_PRICE",
            "TRAILING_STOP_MARKET, MARK_PRICE", "TRAILING_STOP_MARKET, CONTRACT_PRICE"})
    void eachTypeTriggersOnItsWorkingPrice(String type, String workingType) {
        boolean onMark = workingType.equals("MARK_PRICE");
        if (!onMark) last("60000");
        place(b, limit(BTC, "BUY", "5", "50000"));
        boolean stopLike = type.startsWith("STOP");
        boolean trailing = type.equals("TRAILING_STOP_MARKET");
        Map<String, String> request = trailing
                ? params("symbol", BTC, "side", "SELL", "strategyType", type, "quantity", "1", "activationPrice", "61000", "callbackRate", "1")
                : stop(type, "SELL", stopLike ? "59000" : "61000");
        if (type.equals("STOP") || type.equals("TAKE_PROFIT")) request = with(request, "price", "58000");
        String id = Long.toString(number(object(a.signed("POST", COND, with(request, "workingType", workingType))), "strategyId"));
        List<String> path = trailing ? List.of("60500", "61000", "60400", "60390") : List.of(stopLike ? "59000" : "61000");
        for (int k = 0; k < path.size(); k++) {
            assertThat(object(a.signed("GET", COND_OPEN, params("symbol", BTC, "strategyId", id))).getString("strategyStatus"))
                    .as("before %s", path.get(k)).isEqualTo("NEW");
            if (onMark) mark(path.get(k)); else last(path.get(k));
        }
        assertError(a.signed("GET", COND_OPEN, params("symbol", BTC, "strategyId", id)), -2013, "Order does not exist.");
        JsonObject done = history(id);
        boolean market = type.endsWith("MARKET");
        assertThat(done.getString("type")).isEqualTo(market ? "MARKET" : "LIMIT");
        assertThat(done.getString("strategyStatus")).isEqualTo(market ? "FINISHED" : "TRIGGERED");
        assertThat(done.getString("status")).isEqualTo(market ? "FILLED" : "NEW");
        assertThat(done.getLong("triggerTime")).isEqualTo(START);
        long orderId = done.getLong("orderId");
        JsonObject order = object(a.signed("GET", ORDER, byId(BTC, orderId)));
        assertThat(order.getString("type")).isEqualTo(done.getString("type"));
        assertThat(order.getString("side")).isEqualTo("SELL");
        if (!market) assertThat(order.getString("price")).isEqualTo("58000");
    }

    // ---------------------------------------------------------------- stream

    @Test
    void theStreamShowsTheStrategyAndItsOrder() throws Exception {
        PapiClient.Response key = a.rawWithKey("POST", "/papi/v1/listenKey", null, null, null, a.apiKey());
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + new JsonObject(key.body()).getString("listenKey"))) {
            long deadline = System.currentTimeMillis() + 5_000;
            while (sandbox.userStreams().connectionCount() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(10);
            long bid = placeId(b, limit(BTC, "BUY", "1", "58000"));
            object(a.signed("POST", COND, stop("STOP_MARKET", "SELL", "59000", "newClientStrategyId", "s1", "workingType", "MARK_PRICE")));
            object(a.signed("POST", COND, stop("TAKE_PROFIT_MARKET", "SELL", "65000", "newClientStrategyId", "s2")));
            a.signed("DELETE", COND, params("symbol", BTC, "newClientStrategyId", "s2"));
            mark("59000");

            String head = "{\"e\":\"CONDITIONAL_ORDER_TRADE_UPDATE\",\"T\":" + START + ",\"E\":" + START + ",\"i\":\"" + ALIAS_A + "\",\"fs\":\"CM\",";
            String s1 = "\"so\":{\"s\":\"BTCUSD_PERP\",\"c\":\"s1\",\"si\":" + FIRST_ID + ",\"S\":\"SELL\",\"st\":\"STOP_MARKET\",\"f\":\"GTC\","
                    + "\"q\":\"1\",\"p\":\"0\",\"sp\":\"59000\",\"os\":\"%s\",\"T\":" + START + ",\"ut\":" + START + ",\"R\":false,"
                    + "\"wt\":\"MARK_PRICE\",\"ps\":\"BOTH\",\"cp\":false,\"AP\":\"0\",\"cr\":\"0\",\"i\":%d,\"V\":\"EXPIRE_NONE\",\"gtd\":0}}";
            assertThat(s.nextRaw()).isEqualTo(head + String.format(s1, "NEW", 0));
            assertThat(s.next().getJsonObject("so").getString("os")).isEqualTo("NEW");
            JsonObject canceled = s.next().getJsonObject("so");
            assertThat(List.of(canceled.getString("c"), canceled.getString("os"), canceled.getString("wt"))).containsExactly("s2", "CANCELED", "CONTRACT_PRICE");
            long orderId = bid + 1;
            assertThat(s.nextRaw()).isEqualTo(head + String.format(s1, "TRIGGERED", orderId));
            JsonObject accepted = s.next().getJsonObject("o");
            assertThat(List.of(accepted.getString("c"), accepted.getString("o"), accepted.getString("x"), accepted.getString("sp"),
                    accepted.getString("st"))).containsExactly("strategy_" + FIRST_ID, "MARKET", "NEW", "59000", "C_STOP_MARKET");
            assertThat(accepted.getLong("si")).isEqualTo(1_000_000L);
            assertThat(accepted.getLong("i")).isEqualTo(orderId);
            assertThat(new java.util.ArrayList<>(accepted.fieldNames()).subList(25, 30)).containsExactly("st", "si", "V", "pm", "gtd");
            JsonObject fill = s.next().getJsonObject("o");
            assertThat(List.of(fill.getString("x"), fill.getString("X"), fill.getString("L"), fill.getString("st"))).containsExactly(
                    "TRADE", "FILLED", "58000", "C_STOP_MARKET");
            assertThat(s.next().getString("e")).isEqualTo("ACCOUNT_UPDATE");
            assertThat(s.nextRaw()).isEqualTo(head + String.format(s1, "FINISHED", orderId));
            assertThat(s.drain(300)).isEmpty();
        }
    }
}
