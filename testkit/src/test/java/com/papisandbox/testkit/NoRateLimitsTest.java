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

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --no-rate-limits}: the budgets are counted and reported, never enforced, and nobody is banned. */
class NoRateLimitsTest {
    private static Sandbox sandbox;
    private static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("papi-sandbox-no-rate-limits");
        sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off()).withRateLimits(false)
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A,
                        Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"))))));
        sandbox.admin().freezeClock();
        long now = sandbox.clock().getAsLong();
        sandbox.admin().advanceClock(60_000 - Math.floorMod(now, 60_000L));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dataDir != null) SandboxExtension.deleteTree(dataDir);
    }

    @Test
    void pastBothLimitsEverythingIsServedWithTheCountsInTheHeaders() {
        PapiClient anonymous = new PapiClient(sandbox.baseUrl(), null, "x");
        PapiClient a = SandboxExtension.clientA(sandbox).withClock(sandbox.clock());
        for (int i = 1; i <= 170; i++) {
            PapiClient.Response r = anonymous.raw("GET", "/dapi/v1/ticker/24hr", "", "", null);
            assertThat(r.status()).as("request %s", i).isEqualTo(200);
            assertThat(r.header("X-MBX-USED-WEIGHT-1M")).isEqualTo(Integer.toString(40 * i));
        }
        for (int i = 1; i <= 1210; i++) {
            PapiClient.Response r = a.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "30000"), "timeInForce", "FOK"));
            assertThat(r.status()).as("order %s: %s", i, r.body()).isEqualTo(400);
            assertThat(r.header("X-MBX-ORDER-COUNT-1M")).isEqualTo(Integer.toString(i));
        }
        PapiClient.Response placed = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "30000"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.header("X-MBX-USED-WEIGHT-1M")).isEqualTo(Integer.toString(40 * 170 + 1211));
        assertThat(placed.header("Retry-After")).isNull();
        cancelEverything(a);
    }
}
