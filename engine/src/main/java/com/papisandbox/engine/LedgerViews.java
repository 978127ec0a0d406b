package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the account endpoints show, as engine values for the server to render. Units: coin amounts in coin
 * units (1e-8 of the asset), prices of mark, index and liquidation in 1e-8 USD, trade prices in instrument
 * units, quantities in contracts, rates in rate units (1e-8), USD in 1e-8 USD, maxQty in whole coins.
 */
public final class LedgerViews {
    private LedgerViews() {
    }

    /** One {@code assets[]} row of {@code GET /papi/v1/cm/account} (spec-next §2.1). */
    public record AssetView(String asset, long crossWalletBalance, long crossUnPnl, long maintMargin, long initialMargin,
                            long positionInitialMargin, long openOrderInitialMargin, long updateTime) {
    }

    /**
     * One position row of cm/account and positionRisk (spec-next §2.1, §2.2). {@code entryPrice} and
     * {@code breakEvenPrice} are decimals with 13 significant digits (0 when flat); {@code notionalValue} is
     * signed coin units; {@code liquidationPrice} 0 when none exists.
     */
    public record PositionView(String symbol, PositionSide positionSide, long positionAmt, BigDecimal entryPrice,
                               BigDecimal breakEvenPrice, long markPrice, long unrealizedProfit, long liquidationPrice,
                               int leverage, long maxQty, long notionalValue, long initialMargin, long maintMargin,
                               long positionInitialMargin, long openOrderInitialMargin, long updateTime) {
    }

    /** One row of {@code GET /papi/v1/balance} (spec-next §3.1); UM and borrowed amounts are always 0 here. */
    public record BalanceView(String asset, long totalWalletBalance, long crossMarginAsset, long crossMarginBorrowed,
                              long crossMarginFree, long crossMarginInterest, long crossMarginLocked, long umWalletBalance,
                              long umUnrealizedPnl, long cmWalletBalance, long cmUnrealizedPnl, long updateTime,
                              long negativeBalance) {
    }

    /**
     * {@code GET /papi/v1/account} (spec-next §3.2): USD amounts; {@code uniMmr} in rate units, −1 when there is
     * no maintenance margin (render {@code ""}).
     */
    public record PortfolioView(long uniMmr, long accountEquity, long actualEquity, long accountInitialMargin,
                                long accountMaintMargin, AccountStatus accountStatus, long virtualMaxWithdrawAmount,
                                long totalAvailableBalance, long totalMarginOpenLoss, long updateTime) {
    }

    /** One row of {@code GET /papi/v1/cm/leverageBracket}. */
    public record SymbolBrackets(String symbol, List<Bracket> brackets) {
    }

    /** One row of {@code GET /papi/v1/cm/income}: {@code symbol} "" and {@code tradeId} 0 when none (render ""). */
    public record IncomeView(String symbol, IncomeType incomeType, long income, String asset, String info, long time,
                             long tranId, long tradeId) {
    }

    /** One row of {@code GET /papi/v1/cm/userTrades}; {@code baseQty} is qty × CS / price half-up to 8 dp. */
    public record TradeView(String symbol, long id, long orderId, String pair, Side side, long price, long qty,
                            long realizedPnl, String marginAsset, long baseQty, long commission, String commissionAsset,
                            long time, PositionSide positionSide, boolean buyer, boolean maker) {
    }

    /**
     * One symbol of {@code GET /papi/v1/cm/adlQuantile}, quantiles 0..4: in one-way mode BOTH carries the position's,
     * in (crossed) hedge mode LONG and SHORT share one and HEDGE is a sign.
     */
    public record AdlView(Instrument instrument, boolean hedge, int longQuantile, int shortQuantile, int bothQuantile) {
    }
}
