package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.server.market.MarketConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec §3 end to end on the sandbox clock, frozen and advanced through the admin interface: the weight
 * and order budgets, their 429s and {@code Retry-After}, and the 418 bans of an IP that keeps going,
 * rung by rung and back to the bottom after a quiet day.
 */
class RateLimitTest {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long DAY = 24 * 60 * MINUTE;
    /** Weighs 40 without a symbol and needs no key: 150 of them are the whole 6000. */
    private static final String HEAVY = "/dapi/v1/ticker/24hr";
    private static final String WEIGHT_MSG = "Too many requests; current limit is 6000 requests per minute. "
            + "Please use the websocket for live updates to avoid polling the API.";

    private static final String TOKEN = "rate-limit-admin-token";

    private static Sandbox sandbox;
    private static Path dataDir;
    private static PapiClient anonymous;
    private static PapiClient a;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-rate-limits");
        sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off())
                .withAdmin(new SandboxConfig.AdminConfig(TOKEN, false))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A,
                        Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"))))));
        sandbox.admin().freezeClock();
        anonymous = new PapiClient(sandbox.baseUrl(), null, "x");
        a = SandboxExtension.clientA(sandbox).withClock(sandbox.clock());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dataDir != null) SandboxExtension.deleteTree(dataDir);
    }

    /** Each test starts 15 s into a fresh minute, more than 3 days after anything before it: no ban, no memory. */
    @BeforeEach
    void freshMinute() {
        long now = sandbox.clock().getAsLong() + 4 * DAY;
        long target = now - Math.floorMod(now, MINUTE) + MINUTE + 15 * SECOND;
        sandbox.admin().advanceClock(target - sandbox.clock().getAsLong());
    }

    private static void advance(long millis) {
        sandbox.admin().advanceClock(millis);
    }

    private static PapiClient.Response heavy() {
        return anonymous.raw("GET", HEAVY, "", "", null);
    }

    private static PapiClient.Response ping() {
        return anonymous.raw("GET", "/papi/v1/ping", "", "", null);
    }

    private static void useTheWholeMinute() {
        for (int i = 1; i <= 150; i++) {
            PapiClient.Response r = heavy();
            assertThat(r.status()).as("request %s: %s", i, r.body()).isEqualTo(200);
            assertThat(r.header("X-MBX-USED-WEIGHT-1M")).isEqualTo(Integer.toString(40 * i));
            assertThat(r.header("Retry-After")).isNull();
        }
    }

    private static String banMsg(long until) {
        return "Way too many requests; IP banned until " + until + ". Please use the websocket for live updates to avoid bans.";
    }

    /** Uses the minute, takes its 10 tolerated 429s and returns the 418 that bans. */
    private static PapiClient.Response earnABan() {
        useTheWholeMinute();
        for (int i = 0; i < 10; i++) assertError(ping(), 429, -1003, WEIGHT_MSG);
        return ping();
    }

    private static void assertBanned(PapiClient.Response r, long until, long retryAfter) {
        assertError(r, 418, -1003, banMsg(until));
        assertThat(r.header("Retry-After")).isEqualTo(Long.toString(retryAfter));
    }

    @Test
    void overTheWeightLimit429WithRetryAfterUntilTheMinuteRolls() {
        useTheWholeMinute();
        PapiClient.Response refused = ping();
        assertError(refused, 429, -1003, WEIGHT_MSG);
        assertThat(refused.header("Retry-After")).isEqualTo("45");
        // refused requests still count, as on Binance
        assertThat(refused.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("6001");
        advance(44 * SECOND + 500);
        PapiClient.Response last = a.signed("GET", OPEN_ORDERS, params("symbol", BTC));
        assertError(last, 429, -1003, WEIGHT_MSG);
        assertThat(last.header("Retry-After")).isEqualTo("1");
        advance(500);
        PapiClient.Response free = ping();
        assertThat(free.status()).isEqualTo(200);
        assertThat(free.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("1");
        assertThat(free.header("Retry-After")).isNull();
    }

    @Test
    void requestsRefusedBeforeTheirWeightIsKnownAreThrottledToo() {
        useTheWholeMinute();
        // no API key: -2014 weighs 1, and past the limit the limit's refusal is the answer, then the ban
        for (int i = 0; i < 10; i++) assertError(anonymous.raw("GET", OPEN_ORDERS, "symbol=" + BTC, "", null), 429, -1003, WEIGHT_MSG);
        PapiClient.Response banned = anonymous.raw("GET", OPEN_ORDERS, "symbol=" + BTC, "", null);
        assertThat(banned.status()).isEqualTo(418);
        sandbox.admin().liftBans();
    }

    @Test
    void theLastRequestThatFitsIsServedAndTheWeightThatOverflowsIsNot() {
        for (int i = 0; i < 149; i++) heavy();
        // 5960 used: a weight-40 request would make 6000 (served), a further ping 6001 (refused)
        assertThat(heavy().status()).isEqualTo(200);
        assertThat(ping().status()).isEqualTo(429);
    }

    @Test
    void keepingOnAfter429sIsA418BanOfTwoMinutesForEveryEndpoint() {
        long now = sandbox.clock().getAsLong();
        PapiClient.Response banned = earnABan();
        long until = now + 2 * MINUTE;
        assertBanned(banned, until, 120);
        advance(30 * SECOND);
        assertBanned(ping(), until, 90);
        assertBanned(a.signed("DELETE", ORDER, byId(BTC, 1)), until, 90);
        assertBanned(anonymous.raw("GET", "/papi/v1/nothing", "", "", null), until, 90);
        // the ban outlives the minute that earned it; the requests it refuses are not counted
        advance(89 * SECOND + 999);
        PapiClient.Response lastMoment = ping();
        assertBanned(lastMoment, until, 1);
        assertThat(lastMoment.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("0");
        advance(1);
        PapiClient.Response free = ping();
        assertThat(free.status()).isEqualTo(200);
        assertThat(free.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("1");
        assertError(a.signed("DELETE", ORDER, byId(BTC, 1)), -2011, UNKNOWN_ORDER);
    }

    @Test
    void repeatedBansClimbTheLadderAndAQuietDayResetsIt() {
        long[] rungs = {2 * MINUTE, 10 * MINUTE, 30 * MINUTE, 120 * MINUTE};
        for (long rung : rungs) {
            long now = sandbox.clock().getAsLong();
            assertBanned(earnABan(), now + rung, rung / SECOND);
            // serve the ban, then start the next violation 15 s into a minute, within the day's memory
            advance(rung);
            long t = sandbox.clock().getAsLong();
            advance(MINUTE - Math.floorMod(t, MINUTE) + 15 * SECOND);
        }
        // a day after the last ban ended, the ladder starts again at 2 minutes
        advance(DAY);
        long t = sandbox.clock().getAsLong();
        advance(MINUTE - Math.floorMod(t, MINUTE) + 15 * SECOND);
        long now = sandbox.clock().getAsLong();
        assertBanned(earnABan(), now + 2 * MINUTE, 120);
    }

    @Test
    void overTheOrderLimit429WithRetryAfterAndCancelsAndQueriesStillWork() {
        long resting = placeId(a, limit(BTC, "BUY", "1", "30000"));
        // FOK orders on an empty book are rejected by the engine but count as new orders
        for (int i = 2; i <= 1200; i++) {
            PapiClient.Response r = a.signed("POST", ORDER, with(limit(BTC, "SELL", "1", "90000"), "timeInForce", "FOK"));
            assertThat(r.status()).as("order %s: %s", i, r.body()).isEqualTo(400);
        }
        PapiClient.Response refused = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30001"));
        assertError(refused, 429, -1015, "Too many new orders; current limit is 1200 orders per MINUTE.");
        // the seconds until the minute rolls, as for the weight (docs/decisions.md "Rate limits")
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertError(a.signed("PUT", ORDER, params("symbol", BTC, "orderId", Long.toString(resting), "side", "BUY",
                "quantity", "1", "price", "30002")), 429, -1015, "Too many new orders; current limit is 1200 orders per MINUTE.");
        assertThat(a.signed("GET", "/papi/v1/rateLimit/order", params()).body())
                .isEqualTo("[{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200}]");
        PapiClient.Response cancel = a.signed("DELETE", ORDER, byId(BTC, resting));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        // an order-limit refusal never bans the IP
        for (int i = 0; i < 12; i++) assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30003")).status()).isEqualTo(429);
        assertThat(ping().status()).isEqualTo(200);
        advance(45 * SECOND);
        PapiClient.Response next = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30004"));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.header("X-MBX-ORDER-COUNT-1M")).isEqualTo("1");
        cancelEverything(a);
    }

    @Test
    void theAdminApiShowsTheBudgetsAndLiftsBans() {
        HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
        long now = sandbox.clock().getAsLong();
        earnABan();
        SandboxAdmin.RateLimitInfo info = admin.rateLimits();
        assertThat(info.enforced()).isTrue();
        assertThat(info.weightPerMinute()).isEqualTo(6000);
        assertThat(info.ordersPerMinute()).isEqualTo(1200);
        // 150 x 40 and the 10 refused pings; the banning request is counted too, the admin calls are not
        assertThat(info.ips()).containsExactly(new SandboxAdmin.IpRateLimit("127.0.0.1", 6011, now + 2 * MINUTE, 10 * MINUTE));
        SandboxAdmin.RateLimitInfo lifted = admin.liftBans();
        assertThat(lifted.ips()).containsExactly(new SandboxAdmin.IpRateLimit("127.0.0.1", 6011, 0, 2 * MINUTE));
        // free again, though still over this minute's weight: 429, and the ladder starts at the bottom
        assertError(ping(), 429, -1003, WEIGHT_MSG);
        advance(45 * SECOND);
        assertThat(ping().status()).isEqualTo(200);
    }

    @Test
    void everyReplyCarriesTheWeightHeaderAndOrderRepliesTheOrderCount() {
        assertThat(ping().header("X-MBX-USED-WEIGHT-1M")).isEqualTo("1");
        PapiClient.Response rejected = a.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "30000"), "timeInForce", "FOK"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("2");
        assertThat(rejected.header("X-MBX-ORDER-COUNT-1M")).isEqualTo("1");
        PapiClient.Response badKey = new PapiClient(sandbox.baseUrl(), "nobody", "x").signed("GET", OPEN_ORDERS, params());
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.header("X-MBX-USED-WEIGHT-1M")).isEqualTo("3");
        assertThat(badKey.header("X-MBX-ORDER-COUNT-1M")).isNull();
    }
}
