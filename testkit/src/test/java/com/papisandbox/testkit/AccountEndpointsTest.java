package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import org.junit.jupiter.api.Test;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The PAPI account surface through signed HTTP: shapes, key order and errors. */
class AccountEndpointsTest extends TwoAccounts {
    private final Sandbox sandbox;

    AccountEndpointsTest(Sandbox sandbox) {
        super(sandbox);
        this.sandbox = sandbox;
    }

    @Test
    void rateLimitOrderIsTheOrdersLimitTheSandboxEnforces() {
        PapiClient.Response r = a.signed("GET", "/papi/v1/rateLimit/order", params());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200}]");
        assertWeightHeader(r);
    }

    @Test
    void rateLimitOrderIsSigned() {
        PapiClient.Response unsigned = new PapiClient(sandbox.baseUrl(), null, "x").raw("GET", "/papi/v1/rateLimit/order", "", "", null);
        assertThat(unsigned.status()).isEqualTo(401);
        assertError(a.signed("GET", "/papi/v1/rateLimit/order", params("symbol", "BTCUSD_PERP")), -1104, unread(2, 3));
    }

    @Test
    void commissionRateNeedsASymbolAndShowsTheAccountsRates() {
        assertThat(a.signed("GET", "/papi/v1/cm/commissionRate", params("symbol", BTC)).body())
                .isEqualTo("{\"symbol\":\"BTCUSD_PERP\",\"makerCommissionRate\":\"0.00015\",\"takerCommissionRate\":\"0.00040\"}");
        assertError(a.signed("GET", "/papi/v1/cm/commissionRate", params()), -1102, mandatory("symbol"));
        assertError(a.signed("GET", "/papi/v1/cm/commissionRate", params("symbol", "NOPE")), -1121, "Invalid symbol.");
    }

    @Test
    void leverageBracketsAreBinancesBtcTableAllNumbers() {
        String body = a.signed("GET", "/papi/v1/cm/leverageBracket", params("symbol", BTC)).body();
        assertThat(body).startsWith("[{\"symbol\":\"BTCUSD_PERP\",\"brackets\":["
                + "{\"bracket\":1,\"initialLeverage\":125,\"qtyCap\":5,\"qtyFloor\":0,\"maintMarginRatio\":0.004,\"cum\":0.0},"
                + "{\"bracket\":2,\"initialLeverage\":100,\"qtyCap\":10,\"qtyFloor\":5,\"maintMarginRatio\":0.005,\"cum\":0.005},");
        assertThat(body).endsWith("{\"bracket\":10,\"initialLeverage\":1,\"qtyCap\":9223372036854775807,\"qtyFloor\":1500,"
                + "\"maintMarginRatio\":0.5,\"cum\":496.605}]}]");
        io.vertx.core.json.JsonArray all = array(a.signed("GET", "/papi/v1/cm/leverageBracket", params()));
        assertThat(all.size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void leverageOutsideTheBracketsIsRefusedWithItsValue() {
        assertError(a.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC, "leverage", "0")), -4028, "Leverage 0 is not valid");
        assertError(a.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC, "leverage", "126")), -4028, "Leverage 126 is not valid");
        // ETHUSD_PERP's first bracket allows 100x only
        assertError(a.signed("POST", "/papi/v1/cm/leverage", params("symbol", "ETHUSD_PERP", "leverage", "101")), -4028,
                "Leverage 101 is not valid");
        assertError(a.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC)), -1102, mandatory("leverage"));
        assertError(a.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC, "leverage", "2x")), -1100,
                illegal("leverage", "^[0-9]{1,20}$"));
    }

    @Test
    void positionModeIsOneWayUntilChangedAndRefusesNoChange() {
        assertThat(b.signed("GET", "/papi/v1/cm/positionSide/dual", params()).body()).isEqualTo("{\"dualSidePosition\":false}");
        assertError(b.signed("POST", "/papi/v1/cm/positionSide/dual", params("dualSidePosition", "false")), -4059,
                "No need to change position side.");
        assertError(b.signed("POST", "/papi/v1/cm/positionSide/dual", params("dualSidePosition", "yes")), -1130,
                "Data sent for parameter 'dualSidePosition' is not valid.");
        place(b, limit(BTC, "BUY", "1", "10000"));
        assertError(b.signed("POST", "/papi/v1/cm/positionSide/dual", params("dualSidePosition", "true")), -4067,
                "Position side cannot be changed if there exists open orders.");
        cancelEverything(b);
        assertThat(b.signed("POST", "/papi/v1/cm/positionSide/dual", params("dualSidePosition", "true")).body())
                .isEqualTo("{\"code\":200,\"msg\":\"success\"}");
        assertThat(b.signed("GET", "/papi/v1/cm/positionSide/dual", params()).body()).isEqualTo("{\"dualSidePosition\":true}");
        // hedge mode: positionSide is mandatory on orders, reduceOnly cannot be sent
        assertError(b.signed("POST", ORDER, limit(BTC, "BUY", "1", "10000")), -4061,
                "Order's position side does not match user's setting.");
        assertError(b.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "10000"), "positionSide", "LONG", "reduceOnly", "true")),
                -1106, "Parameter 'reduceonly' sent when not required.");
        assertError(b.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "10000"), "positionSide", "LONG", "reduceOnly", "false")),
                -1106, "Parameter 'reduceonly' sent when not required.");
        assertThat(b.signed("POST", "/papi/v1/cm/positionSide/dual", params("dualSidePosition", "false")).body())
                .isEqualTo("{\"code\":200,\"msg\":\"success\"}");
    }

    @Test
    void historyReadsCheckTheirParameters() {
        assertError(a.signed("GET", "/papi/v1/cm/income", params("incomeType", "BONUS")), -1130,
                "Data sent for parameter 'incomeType' is not valid.");
        assertError(a.signed("GET", "/papi/v1/cm/allOrders", params()), -1102,
                "Param 'symbol' or 'pair' must be sent, but both were empty/null!");
        assertError(a.signed("GET", "/papi/v1/cm/allOrders", params("symbol", BTC, "limit", "101")), -1130,
                "Data sent for parameter 'limit' is not valid.");
        assertError(a.signed("GET", "/papi/v1/cm/userTrades", params()), -1102,
                "Param 'symbol' or 'pair' must be sent, but both were empty/null!");
        assertError(a.signed("GET", "/papi/v1/cm/userTrades", params("symbol", BTC, "pair", "BTCUSD")), -1128,
                "Combination of optional parameters invalid.");
        assertThat(a.signed("GET", "/papi/v1/cm/userTrades", params("symbol", BTC)).body()).isEqualTo("[]");
        assertThat(a.signed("GET", "/papi/v1/cm/income", params("symbol", BTC)).body()).isEqualTo("[]");
    }

    @Test
    void aBalanceOfAnAssetNeverHeldIsZeros() {
        assertThat(a.signed("GET", "/papi/v1/balance", params("asset", "XRP")).body()).isEqualTo("{\"asset\":\"XRP\","
                + "\"totalWalletBalance\":\"0.0\",\"crossMarginBorrowed\":\"0.0\",\"crossMarginFree\":\"0.0\","
                + "\"crossMarginInterest\":\"0.0\",\"crossMarginLocked\":\"0.0\",\"umWalletBalance\":\"0.0\","
                + "\"umUnrealizedPNL\":\"0.0\",\"cmWalletBalance\":\"0.0\",\"cmUnrealizedPNL\":\"0.0\",\"updateTime\":0,"
                + "\"negativeBalance\":\"0.0\"}");
    }
}
