package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Unsigned endpoints, unknown routes and the headers every reply carries. */
@ExtendWith(SandboxExtension.class)
class ServiceEndpointsTest {

    @Test
    void pingAnswersAnEmptyObjectWithoutAnyKey(Sandbox sandbox) {
        PapiClient anonymous = new PapiClient(sandbox.baseUrl(), null, "unused");
        PapiClient.Response r = anonymous.raw("GET", "/papi/v1/ping", "", "", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        assertWeightHeader(r);
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void pingIgnoresAnApiKeyHeader(Sandbox sandbox) {
        PapiClient.Response r = SandboxExtension.clientA(sandbox).raw("GET", "/papi/v1/ping", "", "", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
        PapiClient.Response unknownKey = new PapiClient(sandbox.baseUrl(), "noSuchKey", "x").raw("GET", "/papi/v1/ping", "", "", null);
        assertThat(unknownKey.status()).isEqualTo(200);
        assertThat(unknownKey.body()).isEqualTo("{}");
    }

    @Test
    void exchangeInfoIsUnsignedAndListsBtcusdPerpWithContractSize100(Sandbox sandbox) {
        PapiClient anonymous = new PapiClient(sandbox.baseUrl(), null, "unused");
        PapiClient.Response r = anonymous.raw("GET", "/dapi/v1/exchangeInfo", "", "", null);
        JsonObject info = object(r);
        assertKeys(info, List.of("timezone", "serverTime", "rateLimits", "exchangeFilters", "symbols"));
        assertThat(info.getValue("timezone")).isEqualTo("UTC");
        assertThat(info.getValue("serverTime")).isInstanceOf(Number.class);
        assertThat(info.getJsonArray("exchangeFilters")).isEmpty();

        JsonObject btc = symbolRow(info, BTC);
        assertThat(btc).as("BTCUSD_PERP row").isNotNull();
        assertThat(btc.getValue("contractSize")).isInstanceOf(Integer.class).isEqualTo(100);
        assertThat(btc.getValue("pair")).isEqualTo("BTCUSD");
        assertThat(btc.getValue("contractType")).isEqualTo("PERPETUAL");
        assertThat(btc.getValue("contractStatus")).isEqualTo("TRADING");
        assertThat(btc.getValue("marginAsset")).isEqualTo("BTC");
        assertThat(btc.getValue("pricePrecision")).isEqualTo(1);
        assertThat(btc.getValue("quantityPrecision")).isEqualTo(0);
        JsonObject priceFilter = filter(btc, "PRICE_FILTER");
        assertThat(priceFilter.encode())
                .isEqualTo("{\"minPrice\":\"1000\",\"maxPrice\":\"4520958\",\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.1\"}");
        assertThat(filter(btc, "LOT_SIZE").encode())
                .isEqualTo("{\"stepSize\":\"1\",\"filterType\":\"LOT_SIZE\",\"maxQty\":\"1000000\",\"minQty\":\"1\"}");

        JsonObject eth = symbolRow(info, ETH);
        assertThat(eth).as("ETHUSD_PERP row").isNotNull();
        assertThat(eth.getValue("contractSize")).isEqualTo(10);
        assertThat(eth.getValue("pricePrecision")).isEqualTo(2);
    }

    @Test
    void exchangeInfoRateLimitsAreNumbers(Sandbox sandbox) {
        JsonObject info = object(new PapiClient(sandbox.baseUrl(), null, "x").raw("GET", "/dapi/v1/exchangeInfo", "", "", null));
        JsonArray limits = info.getJsonArray("rateLimits");
        assertThat(limits).hasSize(2);
        for (int i = 0; i < limits.size(); i++) {
            JsonObject l = limits.getJsonObject(i);
            assertKeys(l, List.of("rateLimitType", "interval", "intervalNum", "limit"));
            assertThat(l.getValue("intervalNum")).isInstanceOf(Integer.class);
            assertThat(l.getValue("limit")).isInstanceOf(Integer.class);
        }
    }

    @Test
    void unknownRouteIs404JsonEvenWithoutKey(Sandbox sandbox) {
        PapiClient anonymous = new PapiClient(sandbox.baseUrl(), null, "unused");
        for (String[] route : new String[][]{
                {"GET", "/papi/v1/cm/nothingHere"},
                {"PUT", "/papi/v1/cm/openOrders"},
                {"GET", "/papi/v1/cm/allOpenOrders"},
                {"POST", "/papi/v1/ping"},
                {"GET", "/papi/v1/cm/order/"},
                {"GET", "/"}}) {
            PapiClient.Response r = anonymous.raw(route[0], route[1], "symbol=BTCUSD_PERP", "", null);
            assertThat(r.status()).as("%s %s", route[0], route[1]).isEqualTo(404);
            assertClient404(r);
        }
    }

    @Test
    void unknownRouteNamesPathAndMethod(Sandbox sandbox) {
        PapiClient.Response r = new PapiClient(sandbox.baseUrl(), null, "x").raw("GET", "/papi/v1/cm/nothingHere", "", "", null);
        assertError(r, 404, -5000, "Path /papi/v1/cm/nothingHere, Method GET is invalid");
        PapiClient.Response put = SandboxExtension.clientA(sandbox).raw("PUT", OPEN_ORDERS, "symbol=BTCUSD_PERP", "", null);
        assertError(put, 404, -5000, "Path /papi/v1/cm/openOrders, Method PUT is invalid");
    }

    @Test
    void unknownRouteWinsOverBadKeyAndBadParameters(Sandbox sandbox) {
        PapiClient client = SandboxExtension.clientA(sandbox);
        PapiClient.Response r = socket(client, "bad key!", "DELETE", "/papi/v1/cm/orders",
                latin1("symbol=%zz&symbol=1"), null, null);
        assertThat(r.status()).isEqualTo(404);
        assertClient404(r);
    }

    private static void assertClient404(PapiClient.Response r) {
        assertWeightHeader(r);
        JsonObject o = new JsonObject(r.body());
        assertThat(new ArrayList<>(o.fieldNames())).containsExactly("code", "msg");
        assertThat(o.getValue("code")).isInstanceOf(Integer.class);
        assertThat(o.getValue("msg")).isInstanceOf(String.class);
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void everyReplyCarriesTheWeightHeaderAndPlacementsTheOrderCount(Sandbox sandbox) {
        PapiClient a = SandboxExtension.clientA(sandbox);
        // errors
        assertWeightHeader(a.rawWithKey("GET", OPEN_ORDERS, "", "", null, null));
        assertWeightHeader(a.rawWithKey("GET", OPEN_ORDERS, "", "", null, "unknownKey"));
        assertWeightHeader(a.raw("GET", OPEN_ORDERS, "timestamp=1&signature=00", "", null));
        // successes of every signed endpoint
        PapiClient.Response placed = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "21000"));
        assertWeightHeader(placed);
        assertThat(placed.header("X-MBX-ORDER-COUNT-1M")).isNotNull().matches("[0-9]+");
        assertThat(Integer.parseInt(placed.header("X-MBX-ORDER-COUNT-1M"))).isPositive();
        long id = orderId(new JsonObject(placed.body()));
        assertWeightHeader(a.signed("GET", ORDER, byId(BTC, id)));
        assertWeightHeader(a.signed("GET", OPEN_ORDER, byId(BTC, id)));
        assertWeightHeader(a.signed("GET", OPEN_ORDERS, params("symbol", BTC)));
        assertWeightHeader(a.signed("DELETE", ORDER, byId(BTC, id)));
        assertWeightHeader(a.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC)));
        // engine rejections
        assertWeightHeader(a.signed("DELETE", ORDER, byId(BTC, id)));
        assertWeightHeader(a.signed("GET", ORDER, byId(BTC, 1)));
    }

    @Test
    void usedWeightGrowsWithRequests(Sandbox sandbox) {
        PapiClient a = SandboxExtension.clientA(sandbox);
        int first = Integer.parseInt(a.signed("GET", OPEN_ORDERS, params("symbol", BTC)).header("X-MBX-USED-WEIGHT-1M"));
        int second = Integer.parseInt(a.signed("GET", OPEN_ORDERS, params("symbol", BTC)).header("X-MBX-USED-WEIGHT-1M"));
        // Same minute almost always; a minute boundary in between resets the window.
        assertThat(second == first + 1 || second <= 1).as("%s then %s", first, second).isTrue();
    }

    private static JsonObject symbolRow(JsonObject info, String symbol) {
        JsonArray symbols = info.getJsonArray("symbols");
        for (int i = 0; i < symbols.size(); i++) {
            if (symbol.equals(symbols.getJsonObject(i).getString("symbol"))) return symbols.getJsonObject(i);
        }
        return null;
    }

    private static JsonObject filter(JsonObject row, String type) {
        JsonArray filters = row.getJsonArray("filters");
        for (int i = 0; i < filters.size(); i++) {
            if (type.equals(filters.getJsonObject(i).getString("filterType"))) return filters.getJsonObject(i);
        }
        throw new AssertionError("no " + type + " in " + row);
    }
}
