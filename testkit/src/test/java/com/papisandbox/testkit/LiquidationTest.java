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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A liquidation through the real interface: the admin API moves the mark, the account's margin runs out, its open
 * order is cancelled and its position closed by {@code autoclose-} orders that GET /papi/v1/cm/forceOrders lists and
 * the user stream shows as LIQUIDATION orders with CALCULATED fills. The market is off: the books hold only what
 * the test placed.
 */
class LiquidationTest {
    private static final String TOKEN = "liquidation-token";
    private static final String FORCE_ORDERS = "/papi/v1/cm/forceOrders";
    /** Spec §6.12's field list. */
    static final List<String> FORCE_KEYS = List.of("orderId", "symbol", "pair", "status", "clientOrderId", "price", "avgPrice",
            "origQty", "executedQty", "cumBase", "timeInForce", "type", "reduceOnly", "side", "positionSide", "origType",
            "time", "updateTime");

    @TempDir
    Path dir;
    private Sandbox sandbox;
    private HttpAdminClient admin;
    private PapiClient poor;
    private PapiClient rich;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withRateLimits(false)
                .withAdmin(new SandboxConfig.AdminConfig(TOKEN, false))
                .withAccounts(List.of(new AccountSpec("poorKey", "poorSecret", Map.of("BTC", new BigDecimal("0.001"))),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, Map.of("BTC", new BigDecimal("10"))))));
        admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
        poor = new PapiClient(sandbox.baseUrl(), "poorKey", "poorSecret");
        rich = SandboxExtension.clientB(sandbox);
        // poor: 0.001 BTC at 20x, long 11 BTCUSD_PERP @ 60 000, a reducing sell resting at 70 000
        admin.setPrices(BTC, null, new BigDecimal("60000"), new BigDecimal("60000"));
        place(rich, limit(BTC, "SELL", "11", "60000"));
        place(poor, market(BTC, "BUY", "11"));
        place(poor, limit(BTC, "SELL", "2", "70000"));
    }

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void aMarkThatExhaustsTheMarginLiquidatesThroughTheBookAndShowsTheOrders() throws Exception {
        place(rich, limit(BTC, "BUY", "5", "55000"));
        String key = new JsonObject(poor.rawWithKey("POST", "/papi/v1/listenKey", null, null, null, "poorKey").body()).getString("listenKey");
        try (StreamClient stream = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key)) {
            long deadline = System.currentTimeMillis() + 5_000;
            while (sandbox.userStreams().connectionCount() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(10);

            // mark 56 000: the loss is more than the wallet; the book takes 5 of the 11 down to the 53 200 bound
            admin.setPrices(BTC, null, new BigDecimal("56000"), new BigDecimal("56000"));
            JsonArray force = array(poor.signed("GET", FORCE_ORDERS, params()));
            assertThat(force).hasSize(1);
            JsonObject first = force.getJsonObject(0);
            assertKeys(first, FORCE_KEYS);
            assertThat(first.getString("clientOrderId")).matches("autoclose-\\d{19}");
            assertThat(first.getString("status")).isEqualTo("EXPIRED");
            assertThat(first.getString("price")).isEqualTo("53200");
            assertThat(first.getString("avgPrice")).isEqualTo("55000.0");
            assertThat(first.getString("origQty")).isEqualTo("11");
            assertThat(first.getString("executedQty")).isEqualTo("5");
            assertThat(first.getString("timeInForce")).isEqualTo("IOC");
            assertThat(first.getString("type")).isEqualTo("LIMIT");
            assertThat(first.getString("origType")).isEqualTo("LIMIT");
            assertThat(first.getBoolean("reduceOnly")).isFalse();
            assertThat(first.getString("side")).isEqualTo("SELL");
            assertThat(first.getString("positionSide")).isEqualTo("BOTH");
            assertThat(array(poor.signed("GET", "/papi/v1/cm/openOrders", params("symbol", BTC)))).isEmpty();

            // still in liquidation: no new order until the rest is closed
            JsonObject account = object(poor.signed("GET", "/papi/v1/account", params()));
            assertThat(account.getString("accountStatus")).isIn("ACTIVE_LIQUIDATION", "FORCE_LIQUIDATION");
            assertError(poor.signed("POST", ORDER, limit(BTC, "BUY", "1", "56000")), 400, -2023, "User in liquidation mode now.");

            place(rich, limit(BTC, "BUY", "10", "55500"));
            admin.setPrices(BTC, null, new BigDecimal("55800"), new BigDecimal("55800"));
            force = array(poor.signed("GET", FORCE_ORDERS, params("symbol", BTC, "autoCloseType", "LIQUIDATION")));
            assertThat(force).hasSize(2);
            JsonObject second = force.getJsonObject(1);
            assertThat(second.getString("status")).isEqualTo("FILLED");
            assertThat(second.getString("origQty")).isEqualTo("6");
            assertThat(second.getString("price")).isEqualTo("53010");
            assertThat(second.getLong("orderId")).isGreaterThan(first.getLong("orderId"));
            assertThat(array(poor.signed("GET", FORCE_ORDERS, params("autoCloseType", "ADL")))).isEmpty();
            JsonArray positions = array(poor.signed("GET", "/papi/v1/cm/positionRisk", params()));
            for (int i = 0; i < positions.size(); i++) assertThat(positions.getJsonObject(i).getString("positionAmt")).isEqualTo("0");
            assertThat(object(poor.signed("GET", "/papi/v1/account", params())).getString("accountStatus")).isEqualTo("NORMAL");
            assertThat(array(rich.signed("GET", FORCE_ORDERS, params()))).isEmpty();

            List<JsonObject> orders = new ArrayList<>();
            JsonObject risk = null;
            deadline = System.currentTimeMillis() + 5_000;
            while (orders.size() < 6 && System.currentTimeMillis() < deadline) {
                for (String m : stream.drain(200)) {
                    JsonObject e = new JsonObject(m);
                    if (e.getString("e").equals("ORDER_TRADE_UPDATE")) orders.add(e.getJsonObject("o"));
                    if (e.getString("e").equals("riskLevelChange") && risk == null) risk = e;
                }
            }
            // the cancel, then each liquidation order: NEW, its CALCULATED fills, the first one's expiry
            assertThat(orders).extracting(o -> o.getString("x") + "/" + o.getString("X") + "/" + o.getString("o")).containsExactly(
                    "CANCELED/CANCELED/LIMIT",
                    "NEW/NEW/LIQUIDATION", "CALCULATED/PARTIALLY_FILLED/LIQUIDATION", "EXPIRED/EXPIRED/LIQUIDATION",
                    "NEW/NEW/LIQUIDATION", "CALCULATED/FILLED/LIQUIDATION");
            assertThat(orders.get(1).getString("c")).isEqualTo(first.getString("clientOrderId"));
            assertThat(orders.get(2).getString("L")).isEqualTo("55000");
            assertThat(orders.get(2).getString("l")).isEqualTo("5");
            assertThat(risk).as("a riskLevelChange before the liquidation").isNotNull();
            assertThat(risk.getString("s")).isEqualTo("FORCE_LIQUIDATION");
        }
    }

    @Test
    void adlQuantileShowsEachPositionsPlaceInTheQueue() {
        // poor is long 11, rich short 11: each alone on its side, so last in the queue
        String expected = "[{\"symbol\":\"" + BTC + "\",\"adlQuantile\":{\"LONG\":0,\"SHORT\":0,\"BOTH\":0}}]";
        assertThat(poor.signed("GET", "/papi/v1/cm/adlQuantile", params()).body()).isEqualTo(expected);
        assertThat(rich.signed("GET", "/papi/v1/cm/adlQuantile", params("symbol", BTC)).body()).isEqualTo(expected);
        assertThat(rich.signed("GET", "/papi/v1/cm/adlQuantile", params("symbol", "ETHUSD_PERP")).body()).isEqualTo("[]");
        assertError(poor.signed("GET", "/papi/v1/cm/adlQuantile", params("symbol", "NOPE_PERP")), 400, -1121, "Invalid symbol.");
    }

    @Test
    void forceOrdersChecksItsParameters() {
        assertError(poor.signed("GET", FORCE_ORDERS, params("autoCloseType", "MARGIN_CALL")), 400, -1130,
                "Data sent for parameter 'autoCloseType' is not valid.");
        assertError(poor.signed("GET", FORCE_ORDERS, params("limit", "101")), 400, -1130, "Data sent for parameter 'limit' is not valid.");
        assertError(poor.signed("GET", FORCE_ORDERS, params("symbol", "NOPE_PERP")), 400, -1121, "Invalid symbol.");
        assertError(poor.signed("GET", FORCE_ORDERS, params("startTime", "2000", "endTime", "1000")), 400, -1023,
                "Start time is greater than end time.");
        assertThat(array(poor.signed("GET", FORCE_ORDERS, params("symbol", BTC, "limit", "100")))).isEmpty();
        // the exchange's own client order id namespaces are not for users
        assertError(poor.signed("POST", ORDER, with(limit(BTC, "SELL", "1", "61000"), "newClientOrderId", "autoclose-1")),
                400, -4015, "Client order id is not valid.");
    }
}
