package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The notional brackets of each pair (every symbol of a pair shares them: quarterlies use their perpetual's
 * table). BTCUSD is Binance's table (spec-next §2.5); ETHUSD is the spec's plausible table (§11 #5) with cum
 * derived as Binance derives it: cum_n = cum_(n−1) + floor_n × (mmr_n − mmr_(n−1)). Other pairs get the
 * ETHUSD shape, the conservative one, until their table is known.
 */
final class LeverageBrackets {
    static final int DEFAULT_LEVERAGE = 20;

    private static final List<Bracket> BTC = derive(
            new int[]{125, 100, 50, 20, 10, 5, 4, 3, 2, 1},
            new long[]{0, 5, 10, 20, 50, 100, 200, 400, 1000, 1500},
            new long[]{400_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 12_500_000, 15_000_000, 25_000_000, 50_000_000});
    private static final List<Bracket> ETH = derive(
            new int[]{100, 75, 50, 20, 10, 5, 4, 3, 2, 1},
            new long[]{0, 15, 100, 500, 1000, 2000, 4000, 6000, 8000, 10000},
            new long[]{500_000, 650_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 12_500_000, 15_000_000, 25_000_000, 50_000_000});

    private LeverageBrackets() {
    }

    static List<Bracket> of(Instrument instrument) {
        return "BTCUSD".equals(instrument.pair()) ? BTC : ETH;
    }

    private static List<Bracket> derive(int[] leverage, long[] floors, long[] mmr) {
        List<Bracket> brackets = new ArrayList<>(leverage.length);
        long cum = 0;
        for (int i = 0; i < leverage.length; i++) {
            if (i > 0) cum += floors[i] * (mmr[i] - mmr[i - 1]);
            long cap = i + 1 < leverage.length ? floors[i + 1] : Long.MAX_VALUE;
            brackets.add(new Bracket(i + 1, leverage[i], floors[i], cap, mmr[i], cum));
        }
        return List.copyOf(brackets);
    }

    static int maxLeverage(Instrument instrument) {
        return of(instrument).get(0).initialLeverage();
    }

    /** The bracket a coin notional (coin units) falls in. */
    static Bracket forNotional(Instrument instrument, long notionalUnits) {
        List<Bracket> brackets = of(instrument);
        for (int i = brackets.size() - 1; i > 0; i--) {
            if (notionalUnits >= brackets.get(i).qtyFloor() * Money.ONE_COIN) return brackets.get(i);
        }
        return brackets.get(0);
    }

    private static final long[] BTC_MAX_QTY = maxQtyByLeverage(BTC);
    private static final long[] ETH_MAX_QTY = maxQtyByLeverage(ETH);

    private static long[] maxQtyByLeverage(List<Bracket> brackets) {
        long[] table = new long[brackets.get(0).initialLeverage() + 1];
        for (int leverage = 1; leverage < table.length; leverage++) table[leverage] = scanMaxQty(brackets, leverage);
        return table;
    }

    /** maxQty at a leverage: the cap of the highest bracket that still allows it, in whole coins (spec-next §2.1). */
    static long maxQty(Instrument instrument, int leverage) {
        long[] table = "BTCUSD".equals(instrument.pair()) ? BTC_MAX_QTY : ETH_MAX_QTY;
        return leverage >= 1 && leverage < table.length ? table[leverage] : scanMaxQty(of(instrument), leverage);
    }

    private static long scanMaxQty(List<Bracket> brackets, int leverage) {
        long cap = brackets.get(0).qtyCap();
        for (Bracket b : brackets) {
            if (b.initialLeverage() >= leverage) cap = b.qtyCap();
        }
        return cap;
    }

    /** Maintenance margin of a position with this coin notional (coin units): notional × mmr − cum. */
    static long maintenanceMargin(Instrument instrument, long notionalUnits) {
        if (notionalUnits == 0) return 0;
        Bracket b = forNotional(instrument, notionalUnits);
        return Math.max(0, Money.applyRate(notionalUnits, b.maintMarginRatio()) - b.cum());
    }
}
