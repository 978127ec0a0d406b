package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One account's life through signed HTTP, against empty books (the market is off), so every figure is
 * computed by hand: B rests SELL 10 @ 50000, A buys 10 at market; B rests BUY 4 @ 51000, A sells 4 at
 * market. With no mark price set, positions are valued at the last trade (51000).
 */
class AccountLifecycleTest extends TwoAccounts {
    static final List<String> ASSET_KEYS = List.of("asset", "crossWalletBalance", "crossUnPnl", "maintMargin",
            "initialMargin", "positionInitialMargin", "openOrderInitialMargin", "updateTime");
    static final List<String> ACCOUNT_POSITION_KEYS = List.of("symbol", "initialMargin", "maintMargin", "unrealizedProfit",
            "positionInitialMargin", "openOrderInitialMargin", "leverage", "entryPrice", "positionSide", "positionAmt",
            "maxQty", "updateTime", "notionalValue", "breakEvenPrice");
    static final List<String> RISK_KEYS = List.of("symbol", "positionAmt", "entryPrice", "markPrice", "unRealizedProfit",
            "liquidationPrice", "leverage", "positionSide", "updateTime", "maxQty", "notionalValue", "breakEvenPrice");
    static final List<String> TRADE_KEYS = List.of("symbol", "id", "orderId", "pair", "side", "price", "qty", "realizedPnl",
            "marginAsset", "baseQty", "commission", "commissionAsset", "time", "positionSide", "buyer", "maker");
    static final List<String> BALANCE_KEYS = List.of("asset", "totalWalletBalance", "crossMarginAsset", "crossMarginBorrowed",
            "crossMarginFree", "crossMarginInterest", "crossMarginLocked", "umWalletBalance", "umUnrealizedPNL",
            "cmWalletBalance", "cmUnrealizedPNL", "updateTime", "negativeBalance");
    static final List<String> PORTFOLIO_KEYS = List.of("uniMMR", "accountEquity", "actualEquity", "accountInitialMargin",
            "accountMaintMargin", "accountStatus", "virtualMaxWithdrawAmount", "totalAvailableBalance",
            "totalMarginOpenLoss", "updateTime");

    AccountLifecycleTest(Sandbox sandbox) {
        super(sandbox);
    }

    @Test
    void fillsMoveBalancesPositionsPnlAndHistoryExactlyAsComputedByHand() {
        // Before any trade: funded, flat, default leverage 20 (maxQty 50 BTC: bracket 4's cap).
        JsonObject fresh = object(a.signed("GET", "/papi/v1/cm/account", params()));
        assertThat(new java.util.ArrayList<>(fresh.fieldNames())).containsExactly("assets", "positions");
        JsonObject btc = fresh.getJsonArray("assets").getJsonObject(0);
        assertKeys(btc, ASSET_KEYS);
        assertThat(btc.getString("asset")).isEqualTo("BTC");
        assertThat(btc.getString("crossWalletBalance")).isEqualTo("10.00000000");
        JsonObject flat = position(fresh.getJsonArray("positions"), "BTCUSD_PERP");
        assertKeys(flat, ACCOUNT_POSITION_KEYS);
        assertThat(flat.encode()).isEqualTo("{\"symbol\":\"BTCUSD_PERP\",\"initialMargin\":\"0\",\"maintMargin\":\"0\","
                + "\"unrealizedProfit\":\"0.00000000\",\"positionInitialMargin\":\"0\",\"openOrderInitialMargin\":\"0\","
                + "\"leverage\":\"20\",\"entryPrice\":\"0.00000000\",\"positionSide\":\"BOTH\",\"positionAmt\":\"0\","
                + "\"maxQty\":\"50\",\"updateTime\":0,\"notionalValue\":\"0\",\"breakEvenPrice\":\"0.00000000\"}");

        place(b, limit(BTC, "SELL", "10", "50000"));
        place(a, market(BTC, "BUY", "10"));
        place(b, limit(BTC, "BUY", "4", "51000"));
        place(a, market(BTC, "SELL", "4"));

        // Trades: opening 10 @ 50000 pays taker 0.0004 × 0.02 = 0.000008; closing 4 @ 51000 realizes
        // 400 × (1/50000 − 1/51000) = 0.000156862… → 0.00015686 (cut), pays 0.0004 × 0.00784313… = 0.00000314.
        JsonArray trades = array(a.signed("GET", "/papi/v1/cm/userTrades", params("symbol", BTC)));
        assertThat(trades).hasSize(2);
        JsonObject open = trades.getJsonObject(0);
        JsonObject close = trades.getJsonObject(1);
        assertKeys(open, TRADE_KEYS);
        assertThat(open.getString("side")).isEqualTo("BUY");
        assertThat(open.getString("price")).isEqualTo("50000");
        assertThat(open.getString("qty")).isEqualTo("10");
        assertThat(open.getString("realizedPnl")).isEqualTo("0");
        assertThat(open.getString("baseQty")).isEqualTo("0.02000000");
        assertThat(open.getString("commission")).isEqualTo("0.00000800");
        assertThat(open.getBoolean("buyer")).isTrue();
        assertThat(open.getBoolean("maker")).isFalse();
        assertThat(close.getString("realizedPnl")).isEqualTo("0.00015686");
        assertThat(close.getString("baseQty")).isEqualTo("0.00784314");
        assertThat(close.getString("commission")).isEqualTo("0.00000314");
        assertThat(close.getBoolean("buyer")).isFalse();
        // the maker side: B paid maker 0.00015 on each fill and realized the mirror loss
        JsonArray bTrades = array(b.signed("GET", "/papi/v1/cm/userTrades", params("pair", "BTCUSD")));
        assertThat(bTrades.getJsonObject(0).getString("commission")).isEqualTo("0.00000300");
        assertThat(bTrades.getJsonObject(0).getBoolean("maker")).isTrue();
        assertThat(bTrades.getJsonObject(1).getString("realizedPnl")).isEqualTo("-0.00015686");
        assertThat(bTrades.getJsonObject(1).getString("commission")).isEqualTo("0.00000118");

        // Position +6 @ 50000 valued at 51000: uPnL 600 × (1/50000 − 1/51000) = 0.00023529, notional
        // 600/51000 = 0.01176470, IM at 20x 0.00058823, MM 0.4 % = 0.00004705, break-even 50000 × 1.0004.
        JsonObject risk = position(array(a.signed("GET", "/papi/v1/cm/positionRisk", params("pair", "BTCUSD"))), BTC);
        assertKeys(risk, RISK_KEYS);
        assertThat(risk.getString("positionAmt")).isEqualTo("6");
        assertThat(risk.getString("entryPrice")).isEqualTo("50000.00000000");
        assertThat(risk.getString("markPrice")).isEqualTo("51000.00000000");
        assertThat(risk.getString("unRealizedProfit")).isEqualTo("0.00023529");
        assertThat(risk.getString("notionalValue")).isEqualTo("0.01176470");
        assertThat(risk.getString("breakEvenPrice")).isEqualTo("50020.00000000");
        assertThat(risk.getString("leverage")).isEqualTo("20");

        JsonObject detail = object(a.signed("GET", "/papi/v1/cm/account", params()));
        JsonObject asset = detail.getJsonArray("assets").getJsonObject(0);
        // wallet: 10 − 0.000008 + 0.00015686 − 0.00000314 = 10.00014572
        assertThat(asset.getString("crossWalletBalance")).isEqualTo("10.00014572");
        assertThat(asset.getString("crossUnPnl")).isEqualTo("0.00023529");
        assertThat(asset.getString("maintMargin")).isEqualTo("0.00004705");
        assertThat(asset.getString("positionInitialMargin")).isEqualTo("0.00058823");
        JsonObject held = position(detail.getJsonArray("positions"), BTC);
        assertThat(held.getString("initialMargin")).isEqualTo("0.00058823");
        assertThat(held.getString("positionAmt")).isEqualTo("6");

        // Income: one COMMISSION per fill and a REALIZED_PNL for the close, sharing its tradeId; oldest first.
        JsonArray income = array(a.signed("GET", "/papi/v1/cm/income", params()));
        assertThat(income).hasSize(3);
        assertKeys(income.getJsonObject(0), List.of("symbol", "incomeType", "income", "asset", "info", "time", "tranId", "tradeId"));
        assertThat(income.getJsonObject(0).getString("incomeType")).isEqualTo("COMMISSION");
        assertThat(income.getJsonObject(0).getString("income")).isEqualTo("-0.00000800");
        assertThat(income.getJsonObject(1).getString("incomeType")).isEqualTo("REALIZED_PNL");
        assertThat(income.getJsonObject(1).getString("income")).isEqualTo("0.00015686");
        assertThat(income.getJsonObject(1).getString("tradeId")).isEqualTo(income.getJsonObject(2).getString("tradeId"));
        assertThat(income.getJsonObject(1).getValue("tranId")).isInstanceOf(String.class);
        assertThat(array(a.signed("GET", "/papi/v1/cm/income", params("incomeType", "REALIZED_PNL")))).hasSize(1);

        // Balance: plain decimals; the array form has crossMarginAsset, the single-asset object not.
        JsonArray balances = array(a.signed("GET", "/papi/v1/balance", params()));
        assertKeys(balances.getJsonObject(0), BALANCE_KEYS);
        JsonObject one = object(a.signed("GET", "/papi/v1/balance", params("asset", "BTC")));
        assertThat(new java.util.ArrayList<>(one.fieldNames())).doesNotContain("crossMarginAsset");
        assertThat(one.getString("cmWalletBalance")).isEqualTo("10.00014572");
        assertThat(one.getString("cmUnrealizedPNL")).isEqualTo("0.00023529");
        assertThat(one.getString("umWalletBalance")).isEqualTo("0.0");

        JsonObject portfolio = object(a.signed("GET", "/papi/v1/account", params()));
        assertKeys(portfolio, PORTFOLIO_KEYS);
        assertThat(portfolio.getString("accountStatus")).isEqualTo("NORMAL");

        // Settings that a position forbids or allows.
        assertError(a.signed("POST", "/papi/v1/cm/positionSide/dual", params("dualSidePosition", "true")), -4068,
                "Position side cannot be changed if there exists position.");
        assertThat(a.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC, "leverage", "100")).body())
                .isEqualTo("{\"leverage\":100,\"maxQty\":\"10\",\"symbol\":\"BTCUSD_PERP\"}");
        assertThat(position(array(a.signed("GET", "/papi/v1/cm/positionRisk", params())), BTC).getString("leverage")).isEqualTo("100");
        assertThat(a.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC, "leverage", "20")).body())
                .isEqualTo("{\"leverage\":20,\"maxQty\":\"50\",\"symbol\":\"BTCUSD_PERP\"}");

        // allOrders: both of A's orders, as Query CM Order shows them.
        JsonArray orders = array(a.signed("GET", "/papi/v1/cm/allOrders", params("symbol", BTC)));
        assertThat(orders).hasSize(2);
        assertKeys(orders.getJsonObject(0), QUERY_KEYS);
        assertThat(orders.getJsonObject(1).getString("status")).isEqualTo("FILLED");
        assertThat(orders.getJsonObject(1).getString("avgPrice")).isEqualTo("51000.0");
    }

    private static JsonObject position(JsonArray rows, String symbol) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getJsonObject(i).getString("symbol").equals(symbol)) return rows.getJsonObject(i);
        }
        throw new AssertionError("no row for " + symbol + " in " + rows.encode());
    }
}
