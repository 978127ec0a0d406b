package com.papisandbox.testkit;

import com.papisandbox.server.market.MarketConfig;
import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox on a clock the test sets, with rate limits enforced: exact timestamp-window boundaries,
 * exact order times, the weight and order-count headers, the 429 row of spec §10 and the 3-day rule.
 * Every test starts at the beginning of its own clock minute, so rate-limit windows never overlap.
 */
class FixedClockTest {
    private static final long START = 1_800_000_000_000L; // a whole minute
    private static final long MINUTE = 60_000L;
    private static final long DAY = 24 * 60 * MINUTE;

    private static final AtomicLong clock = new AtomicLong(START);
    private static final AtomicLong nextMinute = new AtomicLong(START);
    private static Sandbox sandbox;
    private static Path dataDir;
    private static PapiClient a;
    private static PapiClient b;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-fixed-clock");
        Map<String, BigDecimal> funds = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));
        sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off()).withClock(clock::get).withRateLimits(true)
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, funds),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, funds))));
        a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        b = SandboxExtension.clientB(sandbox).withClock(clock::get);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dataDir != null) SandboxExtension.deleteTree(dataDir);
    }

    @BeforeEach
    void freshMinute() {
        // far enough ahead that no earlier test's minute or 3-day jump is reused
        clock.set(nextMinute.addAndGet(10 * DAY));
    }

    @AfterEach
    void cleanUp() {
        clock.set(nextMinute.addAndGet(MINUTE));
        cancelEverything(a);
        cancelEverything(b);
    }

    private PapiClient.Response openOrders(String timestamp, String recvWindow) {
        Map<String, String> p = params("symbol", BTC, "timestamp", timestamp);
        if (recvWindow != null) p.put("recvWindow", recvWindow);
        return a.signed("GET", OPEN_ORDERS, p);
    }

    // ---------------------------------------------------------------- timestamp window (spec §2.1)

    @Test
    void timestampMayBeUpTo999MillisecondsAhead() {
        long now = clock.get();
        assertThat(openOrders(Long.toString(now + 999), null).status()).isEqualTo(200);
        assertError(openOrders(Long.toString(now + 1000), null), -1021, AHEAD);
        assertError(openOrders(Long.toString(now + 1000), "60000"), -1021, AHEAD);
    }

    @Test
    void defaultRecvWindowIs5000Inclusive() {
        long now = clock.get();
        assertThat(openOrders(Long.toString(now - 5000), null).status()).isEqualTo(200);
        assertError(openOrders(Long.toString(now - 5001), null), -1021, OUTSIDE_WINDOW);
    }

    @Test
    void recvWindowBoundaries() {
        long now = clock.get();
        assertThat(openOrders(Long.toString(now - 60_000), "60000").status()).isEqualTo(200);
        assertError(openOrders(Long.toString(now - 60_001), "60000"), -1021, OUTSIDE_WINDOW);
        assertError(openOrders(Long.toString(now), "60001"), -1131, RECV_WINDOW_TOO_LARGE);
        assertThat(openOrders(Long.toString(now), "0").status()).isEqualTo(200);
        assertError(openOrders(Long.toString(now - 1), "0"), -1021, OUTSIDE_WINDOW);
        assertThat(openOrders(Long.toString(now - 100), "100").status()).isEqualTo(200);
        assertError(openOrders(Long.toString(now - 101), "100"), -1021, OUTSIDE_WINDOW);
    }

    // ---------------------------------------------------------------- order times

    @Test
    void orderTimesAreTheEngineClock() {
        long t0 = clock.get();
        PapiClient.Response placed = a.signed("POST", ORDER, with(limit(BTC, "BUY", "2", "30000"), "newClientOrderId", "clock-1"));
        Expected e = Expected.limit(BTC, "BUY", "2", "30000").clientOrderId("clock-1");
        long id = orderId(e.assertNew(placed));
        assertThat(placed.body()).isEqualTo(e.newJson("clock-1", id, t0));
        assertThat(a.signed("GET", ORDER, byId(BTC, id)).body()).isEqualTo(e.queryJson("clock-1", id, t0, t0));
        assertThat(a.signed("GET", OPEN_ORDER, byId(BTC, id)).body()).isEqualTo(e.openJson("clock-1", id, t0, t0));

        clock.addAndGet(700);
        long t1 = clock.get();
        long taker = orderId(place(b, with(limit(BTC, "SELL", "1", "30000"), "newOrderRespType", "RESULT")));
        Expected partial = e.status("PARTIALLY_FILLED").filled("1", "0.00333333", "30000.0");
        assertThat(a.signed("GET", ORDER, byId(BTC, id)).body()).isEqualTo(partial.queryJson("clock-1", id, t0, t1));
        assertThat(b.signed("GET", ORDER, byId(BTC, taker)).body()).contains("\"time\":" + t1 + ",\"updateTime\":" + t1 + ",");

        clock.addAndGet(500);
        long t2 = clock.get();
        assertThat(a.signed("DELETE", ORDER, byId(BTC, id)).body()).isEqualTo(partial.status("CANCELED").cancelJson("clock-1", id, t2));
        assertThat(a.signed("GET", ORDER, byId(BTC, id)).body()).isEqualTo(partial.status("CANCELED").queryJson("clock-1", id, t0, t2));
    }

    // ---------------------------------------------------------------- 3-day rule (spec §6.5)

    @Test
    void unfilledClosedOrdersAreForgottenAfterThreeDays() {
        long t0 = clock.get();
        long canceled = placeId(a, limit(BTC, "BUY", "1", "30100"));
        object(a.signed("DELETE", ORDER, byId(BTC, canceled)));
        long expired = orderId(place(a, with(limit(BTC, "BUY", "1", "30101"), "timeInForce", "IOC")));
        long open = placeId(a, limit(BTC, "BUY", "1", "30102"));
        placeId(b, limit(BTC, "SELL", "2", "30103"));
        long partial = placeId(a, limit(BTC, "BUY", "3", "30103"));
        object(a.signed("DELETE", ORDER, byId(BTC, partial)));

        clock.set(t0 + 3 * DAY);
        object(a.signed("GET", ORDER, byId(BTC, canceled)));
        object(a.signed("GET", ORDER, byId(BTC, expired)));

        clock.set(t0 + 3 * DAY + 1);
        assertError(a.signed("GET", ORDER, byId(BTC, canceled)), -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", ORDER, byId(BTC, expired)), -2013, NO_SUCH_ORDER);
        Expected.limit(BTC, "BUY", "1", "30102").assertQueried(a.signed("GET", ORDER, byId(BTC, open)));
        Expected.limit(BTC, "BUY", "3", "30103").status("CANCELED").filled("2", "0.00664386", "30103.0")
                .assertQueried(a.signed("GET", ORDER, byId(BTC, partial)));
    }

    // ---------------------------------------------------------------- headers and limits (spec §3)

    @Test
    void usedWeightHeaderCountsEveryRequestOfTheMinute() {
        PapiClient anonymous = new PapiClient(sandbox.baseUrl(), null, "x");
        assertThat(anonymous.raw("GET", "/papi/v1/ping", "", "", null).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("1");
        assertThat(a.signed("GET", OPEN_ORDERS, params("symbol", BTC)).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("2");
        assertThat(a.signed("GET", OPEN_ORDERS, params()).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("42");
        assertThat(a.signed("GET", ORDER, byId(BTC, 1)).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("43");
        assertThat(anonymous.raw("GET", "/papi/v1/nothing", "", "", null).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("44");
        assertThat(anonymous.raw("GET", OPEN_ORDERS, "", "", null).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("45");
        assertThat(b.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC)).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("46");
        clock.addAndGet(MINUTE);
        assertThat(anonymous.raw("GET", "/papi/v1/ping", "", "", null).header("X-MBX-USED-WEIGHT-1M")).isEqualTo("1");
    }

    @Test
    void orderCountHeaderCountsPlacementsPerAccountNotCancels() {
        PapiClient.Response first = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30200"));
        assertThat(first.header("X-MBX-ORDER-COUNT-1M")).isEqualTo("1");
        PapiClient.Response cancel = a.signed("DELETE", ORDER, byId(BTC, orderId(object(first))));
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30201")).header("X-MBX-ORDER-COUNT-1M")).isEqualTo("2");
        assertThat(b.signed("POST", ORDER, limit(BTC, "BUY", "1", "30202")).header("X-MBX-ORDER-COUNT-1M")).isEqualTo("1");
        assertThat(a.signed("GET", OPEN_ORDERS, params()).header("X-MBX-ORDER-COUNT-1M")).isNull();
        clock.addAndGet(MINUTE);
        assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30203")).header("X-MBX-ORDER-COUNT-1M")).isEqualTo("1");
    }

    @Test
    void overTheIpWeightLimitEverythingIs429UntilTheNextMinute() {
        for (int i = 0; i < 150; i++) {
            PapiClient.Response r = a.signed("GET", OPEN_ORDERS, params());
            assertThat(r.status()).as("request %s: %s", i, r.body()).isEqualTo(200);
        }
        String msg = "Too many requests; current limit is 6000 requests per minute. Please use the websocket for live updates to avoid polling the API.";
        assertError(a.signed("DELETE", ORDER, byId(BTC, 1)), 429, -1003, msg);
        assertError(b.signed("GET", OPEN_ORDERS, params("symbol", BTC)), 429, -1003, msg);
        assertError(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30300")), 429, -1003, msg);
        PapiClient.Response ping = new PapiClient(sandbox.baseUrl(), null, "x").raw("GET", "/papi/v1/ping", "", "", null);
        assertError(ping, 429, -1003, msg);
        assertThat(openOrdersBodyNextMinute()).isEqualTo("[]");
        assertError(a.signed("DELETE", ORDER, byId(BTC, 1)), -2011, UNKNOWN_ORDER);
    }

    private String openOrdersBodyNextMinute() {
        clock.addAndGet(MINUTE);
        return openOrdersBody(a);
    }

    @Test
    void ackUpdateTimeIsTheAcceptanceTime() {
        long t0 = clock.get();
        placeId(b, limit(BTC, "SELL", "1", "30400"));
        clock.addAndGet(250);
        PapiClient.Response ack = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30400"));
        JsonObject o = Expected.limit(BTC, "BUY", "1", "30400").assertNew(ack);
        assertThat(number(o, "updateTime")).isEqualTo(t0 + 250);
    }

    @Test
    void overTheOrderLimitNewOrdersAre429ButOtherRequestsWork() {
        // FOK orders on an empty book are rejected by the engine but count as new orders
        for (int i = 0; i < 1200; i++) {
            PapiClient.Response r = a.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "30500"), "timeInForce", "FOK"));
            assertThat(r.status()).as("order %s: %s", i, r.body()).isEqualTo(400);
        }
        assertError(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30500")), 429, -1015,
                "Too many new orders; current limit is 1200 orders per MINUTE.");
        assertThat(openOrdersBody(a)).isEqualTo("[]");
        assertError(a.signed("DELETE", ORDER, byId(BTC, 1)), -2011, UNKNOWN_ORDER);
        // per account
        object(b.signed("POST", ORDER, limit(BTC, "BUY", "1", "30501")));
        clock.addAndGet(MINUTE);
        object(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30502")));
    }
}
