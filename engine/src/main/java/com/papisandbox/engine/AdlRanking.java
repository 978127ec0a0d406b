package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * CM Position ADL Quantile Estimation ({@code GET /papi/v1/cm/adlQuantile}, spec §6.12): where each of an account's
 * positions stands in the queue auto-deleveraging would take from, 0 (last) to 4 (first), among every account's
 * positions on the same side of the same symbol. The sandbox never deleverages; the estimate is what the queue
 * would be. Binance ranks by PnL percentage × effective leverage when in profit, PnL percentage ÷ effective
 * leverage at a loss (its ADL FAQ), where effective leverage is the position's mark value over the margin coin's
 * equity; the quantile is the fifth of that ranking the position falls in.
 */
final class AdlRanking {
    private final List<Instrument> instruments;
    private final MarketPrices prices;
    private final Margin margin;

    AdlRanking(List<Instrument> instruments, MarketPrices prices, Margin margin) {
        this.instruments = instruments;
        this.prices = prices;
        this.margin = margin;
    }

    /** The account's rows for every listed symbol it holds a position in (or just {@code onlyIndex}, ≥ 0). */
    List<LedgerViews.AdlView> rows(Account a, int onlyIndex, List<Account> all, Predicate<Account> ranked) {
        List<LedgerViews.AdlView> rows = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++) {
            if ((onlyIndex >= 0 && i != onlyIndex) || prices.delivered[i] || prices.valuation(instruments.get(i), i) == 0) continue;
            if (a.dualSide) {
                long longQty = a.positionQty[Account.slot(i, PositionSide.LONG)];
                long shortQty = a.positionQty[Account.slot(i, PositionSide.SHORT)];
                if (longQty == 0 && shortQty == 0) continue;
                // crossed hedge positions show one value for both sides: the side more exposed to deleveraging
                int q = Math.max(longQty == 0 ? 0 : quantile(a, i, PositionSide.LONG, all, ranked),
                        shortQty == 0 ? 0 : quantile(a, i, PositionSide.SHORT, all, ranked));
                rows.add(new LedgerViews.AdlView(instruments.get(i), true, q, q, 0));
            } else {
                if (a.positionQty[Account.slot(i, PositionSide.BOTH)] == 0) continue;
                rows.add(new LedgerViews.AdlView(instruments.get(i), false, 0, 0, quantile(a, i, PositionSide.BOTH, all, ranked)));
            }
        }
        return rows;
    }

    /** The fifth of the same-side ranking this position is in: 4 for the top fifth, 0 for the bottom (or alone). */
    private int quantile(Account a, int i, PositionSide side, List<Account> all, Predicate<Account> ranked) {
        int slot = Account.slot(i, side);
        boolean isLong = a.positionQty[slot] > 0;
        double mine = score(a, i, slot);
        int below = 0;
        int count = 0;
        for (Account other : all) {
            if (!ranked.test(other)) continue;
            for (PositionSide s : PositionSide.values()) {
                int otherSlot = Account.slot(i, s);
                long qty = other.positionQty[otherSlot];
                if (qty == 0 || (qty > 0) != isLong) continue;
                count++;
                if (score(other, i, otherSlot) < mine) below++;
            }
        }
        return count <= 1 ? 0 : Math.min(4, below * 5 / count);
    }

    /** PnL percentage × effective leverage in profit, ÷ at a loss. */
    private double score(Account a, int i, int slot) {
        double cost = Math.abs(a.positionCost[slot]);
        if (cost == 0) return 0;
        double pnl = margin.unrealizedBase(a, i, slot) / cost;
        margin.compute(a, -1, -1, 0, 0);
        double equity = margin.equity[margin.coinOf(i)] * (double) Money.BASE_PER_COIN_UNIT;
        double leverage = equity > 0 ? margin.notionalBase(a, i, slot) / equity : Double.MAX_VALUE;
        return pnl >= 0 ? pnl * leverage : pnl / leverage;
    }
}
