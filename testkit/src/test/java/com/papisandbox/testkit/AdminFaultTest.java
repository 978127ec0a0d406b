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

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.papisandbox.testkit.AdminApiTest.assertRefused;
import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault kind through the admin API and a signed client: what the client sees and whether it was carried out. */
class AdminFaultTest {
    private static final String TOKEN = "admin-fault-token";
    private static Sandbox sandbox;
    private static Path dataDir;
    private static HttpAdminClient admin;
    private static PapiClient a;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-admin-fault");
        sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off()).withRateLimits(false)
                .withAdmin(new SandboxConfig.AdminConfig(TOKEN, false))
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A,
                        Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"))))));
        admin = new HttpAdminClient(sandbox.baseUrl(), TOKEN);
        a = SandboxExtension.clientA(sandbox);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dataDir != null) SandboxExtension.deleteTree(dataDir);
    }

    @AfterEach
    void clean() {
        admin.clearFaults();
        a.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC));
    }

    private static SandboxAdmin.FaultSpec fault(String kind, String target, Integer count) {
        return new SandboxAdmin.FaultSpec(kind, target, count, null, null, null, null, null, null);
    }

    private static int openOrders() {
        return new JsonArray(a.signed("GET", OPEN_ORDERS, params("symbol", BTC)).body()).size();
    }

    @Test
    void aChosenErrorAnswersInsteadOfTheOrderForTheNextNRequests() {
        SandboxAdmin.FaultInfo f = admin.addFault(new SandboxAdmin.FaultSpec("ERROR", "POST /papi/v1/cm/order", 2, null, null, null, -2019, null, null));
        assertThat(f.msg()).isEqualTo("Margin is insufficient.");
        for (int i = 0; i < 2; i++) {
            PapiClient.Response r = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}");
        }
        assertThat(openOrders()).as("not carried out").isZero();
        assertThat(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000")).status()).as("the third goes through").isEqualTo(200);
        SandboxAdmin.FaultsInfo info = admin.faults();
        assertThat(info.active()).as("its count is used up").isEmpty();
        assertThat(info.injected()).extracting(SandboxAdmin.InjectionInfo::kind, SandboxAdmin.InjectionInfo::method, SandboxAdmin.InjectionInfo::path)
                .endsWith(org.assertj.core.groups.Tuple.tuple("ERROR", "POST", "/papi/v1/cm/order"),
                        org.assertj.core.groups.Tuple.tuple("ERROR", "POST", "/papi/v1/cm/order"));
        // other paths are untouched, a custom error takes its own message and status
        admin.addFault(new SandboxAdmin.FaultSpec("ERROR", "/papi/v1/balance", 1, null, null, null, -9999, "Sandbox says no.", 418));
        PapiClient.Response custom = a.signed("GET", "/papi/v1/balance", params());
        assertThat(custom.status()).isEqualTo(418);
        assertThat(custom.body()).isEqualTo("{\"code\":-9999,\"msg\":\"Sandbox says no.\"}");
    }

    @Test
    void anExecuted503LeavesTheCancelDoneAndARetrySeesUnknownOrder() {
        long orderId = new JsonObject(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000")).body()).getLong("orderId");
        admin.addFault(fault("UNKNOWN_EXECUTED", "DELETE /papi/v1/cm/order", 1));
        PapiClient.Response r = a.signed("DELETE", ORDER, byId(BTC, orderId));
        assertThat(r.status()).isEqualTo(503);
        JsonObject body = new JsonObject(r.body());
        assertThat(body.fieldNames()).containsExactly("timestamp", "path", "msg");
        assertThat(body.getString("path")).isEqualTo("/papi/v1/cm/order");
        assertThat(body.getString("msg")).isEqualTo("Unknown error, please check your request or try again later.");
        assertThat(new JsonObject(a.signed("GET", ORDER, byId(BTC, orderId)).body()).getString("status")).as("it was carried out").isEqualTo("CANCELED");
        PapiClient.Response retry = a.signed("DELETE", ORDER, byId(BTC, orderId));
        assertThat(retry.body()).isEqualTo("{\"code\":-2011,\"msg\":\"Unknown order sent.\"}");

        admin.addFault(fault("UNKNOWN_EXECUTED", "POST /papi/v1/cm/order", 1));
        assertThat(a.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "30001"), "newClientOrderId", "placed-unknown")).status()).isEqualTo(503);
        JsonObject placed = new JsonObject(a.signed("GET", ORDER, byClientId(BTC, "placed-unknown")).body());
        assertThat(placed.getString("status")).as("the order is placed and visible to a later query").isEqualTo("NEW");
    }

    @Test
    void aNotExecuted503AnHtml502AndAClosedConnectionCarryNothingOut() throws Exception {
        admin.addFault(fault("UNKNOWN_NOT_EXECUTED", "POST /papi/v1/cm/order", 1));
        PapiClient.Response unknown = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"));
        assertThat(unknown.status()).isEqualTo(503);
        assertThat(new JsonObject(unknown.body()).getString("msg")).isEqualTo("Unknown error, please check your request or try again later.");
        assertThat(openOrders()).isZero();

        admin.addFault(fault("HTML_502", "/papi/v1/cm/order", 1));
        PapiClient.Response html = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"));
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.header("content-type")).isEqualTo("text/html");
        assertThat(html.body()).startsWith("<html>").contains("<title>502 Bad Gateway</title>").contains("nginx");
        assertThat(openOrders()).isZero();

        admin.addFault(fault("CLOSE_CONNECTION", "/papi/v1/cm/order", 1));
        assertThatThrownBy(() -> a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"))).hasRootCauseInstanceOf(IOException.class);
        assertThat(openOrders()).isZero();
        assertThat(admin.faults().injected()).extracting(SandboxAdmin.InjectionInfo::kind)
                .containsSubsequence("UNKNOWN_NOT_EXECUTED", "HTML_502", "CLOSE_CONNECTION");
    }

    @Test
    void theThrottleRefusesNewOrdersButLetsCancelsAndReduceOnlyOrdersThrough() {
        long orderId = new JsonObject(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000")).body()).getLong("orderId");
        admin.addFault(fault("THROTTLED", "*", null));
        PapiClient.Response refused = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"code\":-1008,\"msg\":\"Request throttled by system-level protection. "
                + "Reduce-only/close-position orders are exempt. Please try again.\"}");
        PapiClient.Response reduceOnly = a.signed("POST", ORDER, with(limit(BTC, "SELL", "1", "90000"), "reduceOnly", "true"));
        assertThat(new JsonObject(reduceOnly.body()).getInteger("code")).as("past the throttle, refused on its merits").isEqualTo(-2022);
        assertThat(a.signed("DELETE", ORDER, byId(BTC, orderId)).status()).as("cancels are exempt").isEqualTo(200);
        assertThat(admin.faults().active()).as("no count: armed until removed").hasSize(1);
    }

    @Test
    void latencyDelaysTheAnswerAndChanceFollowsTheSeed() {
        admin.addFault(new SandboxAdmin.FaultSpec("LATENCY", "/dapi/v1/ping", 1, null, 400L, null, null, null, null));
        long started = System.nanoTime();
        assertThat(a.raw("GET", "/dapi/v1/ping", null, null, null).body()).isEqualTo("{}");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(400);

        List<Integer> first = statuses(7);
        List<Integer> second = statuses(7);
        assertThat(first).as("the same seed, the same hits").isEqualTo(second);
        assertThat(first).contains(200, 400);
    }

    private static List<Integer> statuses(long seed) {
        admin.clearFaults();
        admin.seedFaults(seed);
        admin.addFault(new SandboxAdmin.FaultSpec("ERROR", "/dapi/v1/time", null, 0.5, null, null, -1021, null, null));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) statuses.add(a.raw("GET", "/dapi/v1/time", null, null, null).status());
        return statuses;
    }

    @Test
    void streamFaultsDropStallAndExpire() throws Exception {
        String key = new JsonObject(a.rawWithKey("POST", "/papi/v1/listenKey", null, null, null, a.apiKey()).body()).getString("listenKey");
        try (StreamClient user = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key)) {
            Thread.sleep(100);
            admin.expireListenKeys(SandboxExtension.KEY_A);
            assertThat(user.next().getString("e")).isEqualTo("listenKeyExpired");
        }
        key = new JsonObject(a.rawWithKey("POST", "/papi/v1/listenKey", null, null, null, a.apiKey()).body()).getString("listenKey");
        try (StreamClient user = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key)) {
            Thread.sleep(100);
            admin.stallStreams("user", 1_500);
            a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"));
            assertThat(user.drain(800)).as("stalled: nothing arrives").isEmpty();
            Thread.sleep(800);
            a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30001"));
            assertThat(user.next().getString("e")).as("after the stall, frames flow again").isEqualTo("ORDER_TRADE_UPDATE");
            admin.dropStreams("user");
            assertThat(user.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1012);
        }
        assertRefused(() -> admin.expireListenKeys("nobody"), 404, "UNKNOWN_ACCOUNT");
        assertRefused(() -> admin.stallStreams("both", 100), 400, "BAD_REQUEST");
        assertRefused(() -> admin.stallStreams("user", 0), 400, "BAD_REQUEST");
    }

    @Test
    void inconsistentFaultsAreRefused() throws Exception {
        assertRefused(() -> admin.addFault(fault("EXPLODE", null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(fault(null, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(fault("ERROR", null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(new SandboxAdmin.FaultSpec("ERROR", null, null, null, null, null, -777, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(fault("LATENCY", null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(new SandboxAdmin.FaultSpec("LATENCY", null, null, null, 10L, "SLOW", null, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(new SandboxAdmin.FaultSpec("HTML_502", null, null, 1.5, null, null, null, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(new SandboxAdmin.FaultSpec("HTML_502", null, -1, null, null, null, null, null, null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.addFault(fault("HTML_502", "papi/v1/cm/order", null)), 400, "BAD_REQUEST");
        assertRefused(() -> admin.removeFault(12345), 404, "UNKNOWN_FAULT");
        assertThat(admin.faults().active()).isEmpty();
        SandboxAdmin.FaultInfo preset = admin.addFault(new SandboxAdmin.FaultSpec("LATENCY", "/dapi/v1/time", null, null, null, "binance_busy", null, null, null));
        assertThat(preset.latencyPreset()).isEqualTo("BINANCE_BUSY");
        assertThat(admin.removeFault(preset.id()).active()).isEmpty();
        HttpResponse<String> byHttp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/v1/faults/abc"))
                .header("X-Sandbox-Token", TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byHttp.statusCode()).isEqualTo(404);
    }
}
