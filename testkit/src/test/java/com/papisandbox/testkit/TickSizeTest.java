package com.papisandbox.testkit;

import com.papisandbox.server.market.MarketConfig;
import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tick-size rule (-4014), which the bundled instruments cannot show (their tick equals their price
 * precision, so a finer price is already -1111): a sandbox whose BTCUSD_PERP has tickSize 0.5 and whose
 * ETHUSD_PERP has minPrice 50.05 / tickSize 0.1.
 */
class TickSizeTest {
    private static Sandbox sandbox;
    private static Path dir;
    private static PapiClient a;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("papi-sandbox-ticks");
        JsonObject catalog;
        try (InputStream in = InstrumentCatalog.class.getResourceAsStream(InstrumentCatalog.BUNDLED)) {
            catalog = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonArray symbols = catalog.getJsonArray("symbols");
        for (int i = 0; i < symbols.size(); i++) {
            JsonObject row = symbols.getJsonObject(i);
            JsonObject price = priceFilter(row);
            if (row.getString("symbol").equals(BTC)) price.put("tickSize", "0.5");
            if (row.getString("symbol").equals(ETH)) price.put("minPrice", "50.05").put("tickSize", "0.1");
        }
        Path file = dir.resolve("instruments.json");
        Files.writeString(file, catalog.encodePrettily());
        Map<String, BigDecimal> funds = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));
        sandbox = Sandbox.start(SandboxConfig.defaults(dir.resolve("data")).withMarket(MarketConfig.off()).withInstruments(file).withRateLimits(false)
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, funds))));
        a = SandboxExtension.clientA(sandbox);
    }

    private static JsonObject priceFilter(JsonObject row) {
        JsonArray filters = row.getJsonArray("filters");
        for (int i = 0; i < filters.size(); i++) {
            if ("PRICE_FILTER".equals(filters.getJsonObject(i).getString("filterType"))) return filters.getJsonObject(i);
        }
        throw new AssertionError("no PRICE_FILTER");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
        if (dir != null) SandboxExtension.deleteTree(dir);
    }

    @AfterEach
    void cleanUp() {
        cancelEverything(a);
    }

    private static final String TICK = "Price not increased by tick size.";

    @Test
    void priceOffTheTickIsRejected() {
        assertError(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "31000.3")), -4014, TICK);
        assertError(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "31000.1")), -4014, TICK);
        assertThat(openOrdersBody(a)).isEqualTo("[]");
    }

    @Test
    void priceOnTheTickIsAccepted() {
        Expected.limit(BTC, "BUY", "1", "31000.5").assertNew(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "31000.5")));
        Expected.limit(BTC, "BUY", "1", "31001").assertNew(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "31001.0")));
    }

    @Test
    void tooManyDecimalsStillComesBeforeTheTick() {
        assertError(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "31000.25")), -1111, BAD_PRECISION);
    }

    @Test
    void tickIsCountedFromMinPrice() {
        Expected.limit(ETH, "BUY", "1", "2000.05").assertNew(a.signed("POST", ORDER, limit(ETH, "BUY", "1", "2000.05")));
        assertError(a.signed("POST", ORDER, limit(ETH, "BUY", "1", "2000.1")), -4014, TICK);
        assertError(a.signed("POST", ORDER, limit(ETH, "BUY", "1", "50")), -4013, "Price less than min price.");
    }

    @Test
    void exchangeInfoServesTheFileAsGiven() {
        JsonObject info = object(new PapiClient(sandbox.baseUrl(), null, "x").raw("GET", "/dapi/v1/exchangeInfo", "", "", null));
        JsonArray symbols = info.getJsonArray("symbols");
        for (int i = 0; i < symbols.size(); i++) {
            JsonObject row = symbols.getJsonObject(i);
            if (row.getString("symbol").equals(BTC)) assertThat(priceFilter(row).getString("tickSize")).isEqualTo("0.5");
        }
    }
}
