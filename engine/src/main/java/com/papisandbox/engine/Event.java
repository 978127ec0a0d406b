package com.papisandbox.engine;

/**
 * What happened, in the order it happened: order lifecycle events, then for fills the ledger's side of the
 * trade and the balance and position changes the user data stream reports. Prices and quantities are in
 * instrument units, coin amounts in coin units (1e-8), mark-style prices in 1e-8 USD.
 */
public sealed interface Event {

    /** Events about one order. */
    sealed interface OrderEvent extends Event {
        long orderId();
    }

    record Accepted(long orderId, long accountId, String symbol, Side side, long price, long qty) implements OrderEvent {
    }

    record Traded(long orderId, long tradeId, boolean maker, long price, long qty, long remainingQty) implements OrderEvent {
    }

    record Canceled(long orderId, long remainingQty) implements OrderEvent {
    }

    record Expired(long orderId, long remainingQty) implements OrderEvent {
    }

    /**
     * The ledger's side of one fill of one order, right after its {@link Traded}: commission (coin units,
     * negative for a rebate) in {@code commissionAsset}, realized PnL (coin units, cut to 8 dp), maker flag.
     */
    record Settled(long orderId, long accountId, long tradeId, String symbol, Side side, PositionSide positionSide,
                   boolean maker, long commission, String commissionAsset, long realizedPnl) implements OrderEvent {
    }

    /** Why a balance or position changed (ACCOUNT_UPDATE's {@code m}). */
    enum Reason { ORDER, FUNDING_FEE, DELIVERY, DEPOSIT, WITHDRAW }

    /**
     * A wallet or position of an account changed: the new wallet (coin units) of {@code asset} with the
     * change {@code balanceChange}, and the position concerned (symbol, side, size in contracts, entry cost in
     * base units = CS × N / EP); the unrealized PnL is left to the reader (it moves with the mark). {@code symbol}
     * is null for transfers.
     */
    record AccountUpdated(long accountId, Reason reason, String asset, long wallet, long balanceChange, String symbol,
                          PositionSide positionSide, long positionAmt, long positionCost, long time) implements Event {
    }

    /** An account's leverage on a symbol changed (ACCOUNT_CONFIG_UPDATE). */
    record LeverageChanged(long accountId, String symbol, int leverage) implements Event {
    }

    /** An account switched between one-way and hedge mode. */
    record PositionModeChanged(long accountId, boolean dualSidePosition) implements Event {
    }

    /** A modify changed the order's price and/or quantity (before any trade it then makes). */
    record Amended(long orderId, long amendmentId, long price, long origQty, long priceBefore, long origQtyBefore)
            implements OrderEvent {
    }

    /** A conditional order was placed, cancelled, triggered (its order follows), finished or expired. */
    record StrategyUpdated(StrategyView strategy) implements Event {
    }
}
