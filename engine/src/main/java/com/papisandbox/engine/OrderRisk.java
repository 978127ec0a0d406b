package com.papisandbox.engine;

/**
 * The account checks of a new order, in the spec's order (spec-next §7.2 steps 2–6 after the filters):
 * reduce-only and hedge closing rules (-2022), the position allowed at the leverage (-2027), the account
 * status (-4415, -2023) and initial margin (-2019). Orders that only reduce a position pass the last three.
 */
final class OrderRisk {
    /**
     * No position side may hold more than this many coins of notional (base units): keeps every position cost
     * and mark-price notional far inside a long (9.2e5 coin at 1e-13).
     */
    static final long MAX_EXPOSURE_BASE = 500_000L * Money.ONE_COIN * Money.BASE_PER_COIN_UNIT;

    private OrderRisk() {
    }

    /**
     * A modify of an open order to {@code remaining} contracts at {@code price}: closing orders may not exceed
     * the position with the side's other closes; others need the margin of the change (spec-next §10: -2019).
     */
    static Reject checkAmend(Account a, Order order, long price, long remaining, Margin margin) {
        int i = order.book.index;
        int bucket = Account.bucket(i, order.positionSide, order.side);
        if (order.closing) {
            long others = a.openQty[bucket] - order.remainingQty();
            return remaining + others > Math.abs(a.position(order.book, order.positionSide)) ? Reject.REDUCE_ONLY_REJECTED : null;
        }
        if (order.reduceOnly) return null;
        long oldBase = ContractMath.base(order.book.instrument(), order.remainingQty(), order.price);
        long newBase = ContractMath.base(order.book.instrument(), remaining, price);
        if (newBase <= oldBase) return null;
        margin.compute(a, i, bucket, remaining - order.remainingQty(), newBase - oldBase);
        return margin.sufficient(margin.coinOf(i)) ? null : Reject.MARGIN_INSUFFICIENT;
    }

    static Reject check(Account a, OrderBook book, Command.PlaceOrder c, Margin margin) {
        int i = book.index;
        Side side = c.side();
        PositionSide ps = c.positionSide();
        long qty = c.quantity();
        boolean closing = (ps == PositionSide.LONG && side == Side.SELL) || (ps == PositionSide.SHORT && side == Side.BUY);
        if (c.reduceOnly() && !Engine.reducesPosition(a.position(book), side, qty)) return Reject.REDUCE_ONLY_REJECTED;
        if (closing) {
            // a hedge close may not exceed the position, counting the side's other open closing orders
            long pending = a.openQty[Account.bucket(i, ps, side)];
            if (qty + pending > Math.abs(a.position(book, ps))) return Reject.REDUCE_ONLY_REJECTED;
            return null;
        }
        if (c.reduceOnly() || (ps == PositionSide.BOTH && Engine.reducesPosition(a.position(book), side, qty))) return null;

        long price = c.type() == OrderType.LIMIT ? c.price() : book.bestPriceOrZero(side.opposite());
        long orderBase = price > 0 ? ContractMath.base(book.instrument(), qty, price) : 0;
        int bucket = Account.bucket(i, ps, side);
        int slot = Account.slot(i, ps);
        long position = a.positionQty[slot];
        long exposure = Long.signum(position) == side.sign() ? margin.notionalBase(a, i, slot) : 0;
        exposure += a.openBase[bucket] + orderBase;
        if (exposure > MAX_EXPOSURE_BASE) return Reject.MAX_POSITION_AT_LEVERAGE;
        long maxQty = LeverageBrackets.maxQty(book.instrument(), a.leverage[i]);
        if (maxQty < MAX_EXPOSURE_BASE / Money.ONE_COIN / Money.BASE_PER_COIN_UNIT
                && exposure > maxQty * Money.ONE_COIN * Money.BASE_PER_COIN_UNIT) {
            return Reject.MAX_POSITION_AT_LEVERAGE;
        }

        margin.compute(a, i, bucket, qty, orderBase);
        AccountStatus status = AccountStatus.of(margin.uniMmr());
        if (status.liquidating()) return Reject.USER_IN_LIQUIDATION;
        if (status.reduceOnly()) return Reject.ONLY_REDUCE_ONLY_ALLOWED;
        if (!margin.sufficient(margin.coinOf(i))) return Reject.MARGIN_INSUFFICIENT;
        return null;
    }
}
