package com.papisandbox.engine;

import java.util.List;

/**
 * Portfolio Margin liquidation (docs/decisions.md "Liquidation"): after a command moved a mark or index price (or
 * settled funding), every account whose uniMMR reached the liquidation threshold ({@link AccountStatus#liquidating})
 * has its open orders cancelled and each position closed by IOC LIMIT orders named {@code autoclose-…}, priced at
 * the worst price PERCENT_PRICE allows against the mark, so they take the book down to that bound. What the book
 * cannot take stays open: the account remains in liquidation (new orders get -2023) and the next price move
 * tries again. It runs inside the command that moved the price, so a replay of the journal liquidates the same.
 */
final class Liquidator {
    private static final PositionSide[] SIDES = PositionSide.values();

    private final Engine engine;
    private final List<Instrument> instruments;
    private final MarketPrices prices;
    private final Margin margin;

    Liquidator(Engine engine, List<Instrument> instruments, MarketPrices prices, Margin margin) {
        this.engine = engine;
        this.instruments = instruments;
        this.prices = prices;
        this.margin = margin;
    }

    /** Liquidates, in account order, every account whose margin ran out (allocation-free when none did). */
    void sweep(long timestamp) {
        List<Account> accounts = engine.accountList();
        for (int k = 0; k < accounts.size(); k++) {
            Account a = accounts.get(k);
            if (engine.isHouse(a) || !a.hasAnyPosition()) continue;
            margin.compute(a, -1, -1, 0, 0);
            if (AccountStatus.of(margin.uniMmr()).liquidating()) liquidate(a, timestamp);
        }
    }

    private void liquidate(Account a, long timestamp) {
        engine.cancelAllOpen(a, timestamp);
        for (int i = 0; i < instruments.size(); i++) {
            if (prices.delivered[i]) continue;
            for (PositionSide side : SIDES) {
                long position = a.positionQty[Account.slot(i, side)];
                if (position != 0) close(a, i, side, position, timestamp);
            }
        }
    }

    /** Closes a position with IOC orders for all of it (within LOT_SIZE each) while the book has bids (asks) above (below) the bound. */
    private void close(Account a, int i, PositionSide positionSide, long position, long timestamp) {
        Instrument in = instruments.get(i);
        OrderBook book = engine.book(in.symbol());
        Side side = position > 0 ? Side.SELL : Side.BUY;
        long price = boundPrice(in, side, prices.valuation(in, i));
        if (price <= 0) return;
        long maxQty = in.maxQty() - in.maxQty() % Math.max(1, in.stepSize());
        long remaining = Math.abs(position);
        while (remaining > 0) {
            // nothing to take at all: no order, so an empty book does not fill the history with expired ones
            if (book.availableQty(side, price, OrderType.LIMIT, 1) <= 0) return;
            long qty = Math.min(remaining, maxQty);
            long filled = engine.placeLiquidation(a, book, side, positionSide, price, qty, timestamp);
            if (filled == 0) return;
            remaining -= filled;
        }
    }

    /**
     * The farthest limit price PERCENT_PRICE lets a {@code side} order have against a mark of {@code markE8}
     * (1e-8 USD), on the tick grid and within PRICE_FILTER; 0 when there is no price to liquidate at.
     */
    static long boundPrice(Instrument in, Side side, long markE8) {
        if (markE8 <= 0) return 0;
        long unitE8 = Math.multiplyExact(ContractMath.POW10[8 - in.pricePrecision()], Instrument.MULTIPLIER_ONE);
        long tick = Math.max(1, in.tickSize());
        long bound = MulDiv.floor(markE8, side == Side.SELL ? in.multiplierDown() : in.multiplierUp(), unitE8);
        long price = bound / tick * tick;
        // rounded down: a sell may now sit a tick under the floor
        while (OrderFilters.checkMarkPrice(in, OrderType.LIMIT, side, price, markE8) != null) price += side == Side.SELL ? tick : -tick;
        if (side == Side.SELL) return Math.max(price, Math.max(in.minPrice(), tick));
        return in.maxPrice() > 0 ? Math.min(price, in.maxPrice() / tick * tick) : price;
    }

    /** Binance's liquidation order ids: {@code autoclose-} with the time and a six-digit sequence. */
    static String clientOrderId(long timestamp, long orderId) {
        String sequence = Long.toString(orderId % 1_000_000);
        return OrderView.LIQUIDATION_PREFIX + timestamp + "000000".substring(sequence.length()) + sequence;
    }
}
