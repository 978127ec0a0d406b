package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Funding every 8 hours of sandbox time, settled by the idle engine itself: nobody sends a command after
 * the clock passes 08:00 UTC, yet the income history shows the FUNDING_FEE.
 */
class FundingTest {
    /** 2027-01-15 07:59:00 UTC: a minute before a funding time. */
    private static final long START = 1_800_000_000_000L - 60_000L;

    @TempDir
    Path dir;

    @Test
    void anIdleSandboxPaysFundingAtTheFundingTime() throws Exception {
        AtomicLong clock = new AtomicLong(START);
        Map<String, BigDecimal> funds = Map.of("BTC", new BigDecimal("10"));
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withClock(clock::get)
                .withRateLimits(false).withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, funds),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, funds))))) {
            PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
            PapiClient b = SandboxExtension.clientB(sandbox).withClock(clock::get);
            place(b, limit(BTC, "SELL", "10", "50000"));
            place(a, market(BTC, "BUY", "10"));
            assertThat(funding(a)).isEmpty();

            clock.set(START + 60_000L + 1);
            // 10 contracts × 100 USD / 50000 (the mark: the last trade, the market is off) × 0.0001 = 0.000002 BTC;
            // the long pays, the short receives.
            long deadline = System.currentTimeMillis() + 10_000;
            while (funding(a).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(100);
            JsonArray paid = funding(a);
            assertThat(paid).hasSize(1);
            JsonObject row = paid.getJsonObject(0);
            assertThat(row.getString("symbol")).isEqualTo(BTC);
            assertThat(row.getString("income")).isEqualTo("-0.00000200");
            assertThat(row.getString("asset")).isEqualTo("BTC");
            assertThat(row.getLong("time")).isEqualTo(START + 60_000L);
            assertThat(row.getString("tradeId")).isEmpty();
            assertThat(funding(b).getJsonObject(0).getString("income")).isEqualTo("0.00000200");

            // the public history shows the settlement: its time, rate and the price it was valued at
            assertThat(publicGet(a, "/dapi/v1/fundingRate", "symbol=BTCUSD_PERP")).isEqualTo("[{\"symbol\":\"BTCUSD_PERP\","
                    + "\"fundingTime\":" + (START + 60_000L) + ",\"fundingRate\":\"0.00010000\",\"markPrice\":\"50000.00000000\"}]");
            assertThat(publicGet(a, "/dapi/v1/fundingRate", "symbol=BTCUSD_PERP&startTime=" + (START + 60_001L))).isEqualTo("[]");
            assertThat(publicGet(a, "/dapi/v1/fundingRate", "symbol=BTCUSD_PERP&endTime=" + (START + 60_000L) + "&limit=1"))
                    .contains("\"fundingTime\":" + (START + 60_000L));
            assertThat(publicGet(a, "/dapi/v1/fundingRate", "symbol=ETHUSD_PERP"))
                    .as("a perpetual that never had a price has no funding to show").isEqualTo("[]");
            assertThat(publicGet(a, "/dapi/v1/fundingRate", "symbol=BTCUSD_270326")).isEqualTo("[]");
        }
    }

    private static String publicGet(PapiClient client, String path, String query) {
        PapiClient.Response r = client.raw("GET", path, query, null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static JsonArray funding(PapiClient client) {
        return array(client.signed("GET", "/papi/v1/cm/income", params("incomeType", "FUNDING_FEE")));
    }
}
