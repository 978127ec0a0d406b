package com.papisandbox.server.account;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.engine.LedgerViews;
import com.papisandbox.engine.Money;
import com.papisandbox.server.CoinFormat;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The account endpoints' rows in Binance's live key order (papi-cm-next §2, §3), rendered from the
 * engine's views. Coin amounts are 1e-8 units; mark and liquidation prices 1e-8 USD.
 */
final class AccountJson {
    private static final int COIN = Money.COIN_SCALE;
    private static final int USD = Money.USD_SCALE;

    private AccountJson() {
    }

    /** A cm/account {@code assets[]} row (doc order; every amount 8 dp). */
    static void writeAsset(JsonGenerator g, LedgerViews.AssetView a) throws IOException {
        g.writeStartObject();
        g.writeStringField("asset", a.asset());
        g.writeStringField("crossWalletBalance", CoinFormat.fixed8(a.crossWalletBalance(), COIN));
        g.writeStringField("crossUnPnl", CoinFormat.fixed8(a.crossUnPnl(), COIN));
        g.writeStringField("maintMargin", CoinFormat.fixed8(a.maintMargin(), COIN));
        g.writeStringField("initialMargin", CoinFormat.fixed8(a.initialMargin(), COIN));
        g.writeStringField("positionInitialMargin", CoinFormat.fixed8(a.positionInitialMargin(), COIN));
        g.writeStringField("openOrderInitialMargin", CoinFormat.fixed8(a.openOrderInitialMargin(), COIN));
        g.writeNumberField("updateTime", a.updateTime());
        g.writeEndObject();
    }

    /**
     * A cm/account {@code positions[]} row in the live key order (the doc's plus notionalValue and
     * breakEvenPrice); margins and notional are a plain "0" when zero, the PnL and prices never are.
     */
    static void writeAccountPosition(JsonGenerator g, LedgerViews.PositionView p) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", p.symbol());
        g.writeStringField("initialMargin", CoinFormat.fixed8OrZero(p.initialMargin(), COIN));
        g.writeStringField("maintMargin", CoinFormat.fixed8OrZero(p.maintMargin(), COIN));
        g.writeStringField("unrealizedProfit", CoinFormat.fixed8(p.unrealizedProfit(), COIN));
        g.writeStringField("positionInitialMargin", CoinFormat.fixed8OrZero(p.positionInitialMargin(), COIN));
        g.writeStringField("openOrderInitialMargin", CoinFormat.fixed8OrZero(p.openOrderInitialMargin(), COIN));
        g.writeStringField("leverage", Integer.toString(p.leverage()));
        g.writeStringField("entryPrice", CoinFormat.significant13(p.entryPrice()));
        g.writeStringField("positionSide", p.positionSide().name());
        g.writeStringField("positionAmt", Long.toString(p.positionAmt()));
        g.writeStringField("maxQty", Long.toString(p.maxQty()));
        g.writeNumberField("updateTime", p.updateTime());
        g.writeStringField("notionalValue", CoinFormat.fixed8OrZero(p.notionalValue(), COIN));
        g.writeStringField("breakEvenPrice", CoinFormat.significant13(p.breakEvenPrice()));
        g.writeEndObject();
    }

    /** A positionRisk row in the live key order; its unrealized profit has trailing zeros stripped (live). */
    static void writePositionRisk(JsonGenerator g, LedgerViews.PositionView p) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", p.symbol());
        g.writeStringField("positionAmt", Long.toString(p.positionAmt()));
        g.writeStringField("entryPrice", CoinFormat.significant13(p.entryPrice()));
        g.writeStringField("markPrice", CoinFormat.fixed8(p.markPrice(), USD));
        g.writeStringField("unRealizedProfit", p.unrealizedProfit() == 0 ? "0.00000000"
                : CoinFormat.stripped(p.unrealizedProfit(), COIN));
        g.writeStringField("liquidationPrice", CoinFormat.fixed8OrZero(p.liquidationPrice(), USD));
        g.writeStringField("leverage", Integer.toString(p.leverage()));
        g.writeStringField("positionSide", p.positionSide().name());
        g.writeNumberField("updateTime", p.updateTime());
        g.writeStringField("maxQty", Long.toString(p.maxQty()));
        g.writeStringField("notionalValue", CoinFormat.fixed8OrZero(p.notionalValue(), COIN));
        g.writeStringField("breakEvenPrice", CoinFormat.significant13(p.breakEvenPrice()));
        g.writeEndObject();
    }

    /** A /papi/v1/balance row: plain decimals ("0.0"); {@code crossMarginAsset} only in the array form. */
    static void writeBalance(JsonGenerator g, LedgerViews.BalanceView b, boolean inArray) throws IOException {
        g.writeStartObject();
        g.writeStringField("asset", b.asset());
        g.writeStringField("totalWalletBalance", CoinFormat.plain(b.totalWalletBalance(), COIN));
        if (inArray) g.writeStringField("crossMarginAsset", CoinFormat.plain(b.crossMarginAsset(), COIN));
        g.writeStringField("crossMarginBorrowed", CoinFormat.plain(b.crossMarginBorrowed(), COIN));
        g.writeStringField("crossMarginFree", CoinFormat.plain(b.crossMarginFree(), COIN));
        g.writeStringField("crossMarginInterest", CoinFormat.plain(b.crossMarginInterest(), COIN));
        g.writeStringField("crossMarginLocked", CoinFormat.plain(b.crossMarginLocked(), COIN));
        g.writeStringField("umWalletBalance", CoinFormat.plain(b.umWalletBalance(), COIN));
        g.writeStringField("umUnrealizedPNL", CoinFormat.plain(b.umUnrealizedPnl(), COIN));
        g.writeStringField("cmWalletBalance", CoinFormat.plain(b.cmWalletBalance(), COIN));
        g.writeStringField("cmUnrealizedPNL", CoinFormat.plain(b.cmUnrealizedPnl(), COIN));
        g.writeNumberField("updateTime", b.updateTime());
        g.writeStringField("negativeBalance", CoinFormat.plain(b.negativeBalance(), COIN));
        g.writeEndObject();
    }

    /** A rate such as 0.00015 with at least 5 decimals, as the commission-rate example shows them. */
    static String rate(long units) {
        BigDecimal v = Money.rate(units).stripTrailingZeros();
        return v.setScale(Math.max(5, v.scale())).toPlainString();
    }
}
