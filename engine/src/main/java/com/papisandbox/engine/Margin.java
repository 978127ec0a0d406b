package com.papisandbox.engine;

import java.util.List;

/**
 * Margin arithmetic of an account (spec-next §9.1–9.8): notional at the mark, unrealized PnL, position and
 * open-order initial margin, maintenance margin from the brackets, equity with collateral rates, and the
 * order-time check. Results go into per-coin scratch arrays that {@link #compute} overwrites, so checks on
 * the order path allocate nothing. Single-threaded, like the engine.
 */
final class Margin {
    /** Collateral rate of every CM coin (spec-next §11 #13: BTC 0.95, ETH 0.95; not in our sources). */
    static final long COLLATERAL_RATE = 95_000_000L;

    private final List<Instrument> instruments;
    private final int[] coinOf;
    private final MarketPrices prices;
    /** Instrument indices per coin, perpetuals first (their index price values the coin). */
    private final int[][] instrumentsOfCoin;

    /** Per coin, coin units: wallet + unrealized PnL, unrealized PnL, position IM, open-order IM, maintenance margin. */
    final long[] equity;
    final long[] unrealized;
    final long[] positionIm;
    final long[] openIm;
    final long[] maint;

    Margin(List<Instrument> instruments, int[] coinOf, int coins, MarketPrices prices) {
        this.instruments = instruments;
        this.coinOf = coinOf;
        this.prices = prices;
        this.instrumentsOfCoin = new int[coins][];
        for (int c = 0; c < coins; c++) {
            int cc = c;
            instrumentsOfCoin[c] = java.util.stream.IntStream.range(0, instruments.size())
                    .filter(i -> coinOf[i] == cc)
                    .boxed()
                    .sorted((x, y) -> Boolean.compare(!instruments.get(x).perpetual(), !instruments.get(y).perpetual()))
                    .mapToInt(Integer::intValue).toArray();
        }
        equity = new long[coins];
        unrealized = new long[coins];
        positionIm = new long[coins];
        openIm = new long[coins];
        maint = new long[coins];
    }

    int coinOf(int instrument) {
        return coinOf[instrument];
    }

    /** |notional| of a position slot in base units at the valuation price; at entry cost while no price is known. */
    long notionalBase(Account a, int i, int slot) {
        long n = a.positionQty[slot];
        if (n == 0) return 0;
        long price = prices.valuation(instruments.get(i), i);
        return price > 0 ? ContractMath.baseAtE8(instruments.get(i), Math.abs(n), price) : Math.abs(a.positionCost[slot]);
    }

    /** Unrealized PnL of a slot in base units: N × CS × (1/EP − 1/MP); 0 while no price is known. */
    long unrealizedBase(Account a, int i, int slot) {
        long n = a.positionQty[slot];
        if (n == 0 || prices.valuation(instruments.get(i), i) == 0) return 0;
        return a.positionCost[slot] - Long.signum(n) * notionalBase(a, i, slot);
    }

    long positionIm(Account a, int i, int slot) {
        return Money.cutToCoin(notionalBase(a, i, slot)) / a.leverage[i];
    }

    long maintenance(Account a, int i, int slot) {
        return LeverageBrackets.maintenanceMargin(instruments.get(i), Money.cutToCoin(notionalBase(a, i, slot)));
    }

    /**
     * Initial margin of an instrument's open orders (coin units), with a hypothetical order of {@code extraQty}
     * contracts worth {@code extraBase} added to {@code extraBucket} (−1 for none). One-way: the larger of the
     * buy and sell sides after the part that only reduces the position (spec-next §11 #31); hedge: the orders
     * that open (BUY LONG, SELL SHORT) add up, closing orders need none.
     */
    long openOrderIm(Account a, int i, int extraBucket, long extraQty, long extraBase) {
        long im;
        if (!a.dualSide) {
            int buy = Account.bucket(i, PositionSide.BOTH, Side.BUY);
            int sell = buy + 1;
            long n = a.positionQty[Account.slot(i, PositionSide.BOTH)];
            long buyBase = increasing(a, buy, n < 0 ? -n : 0, extraBucket, extraQty, extraBase);
            long sellBase = increasing(a, sell, n > 0 ? n : 0, extraBucket, extraQty, extraBase);
            im = Math.max(buyBase, sellBase);
        } else {
            im = increasing(a, Account.bucket(i, PositionSide.LONG, Side.BUY), 0, extraBucket, extraQty, extraBase)
                    + increasing(a, Account.bucket(i, PositionSide.SHORT, Side.SELL), 0, extraBucket, extraQty, extraBase);
        }
        return Money.cutToCoin(im) / a.leverage[i];
    }

    /** The base of a bucket's orders beyond the first {@code reducing} contracts, which only reduce. */
    private static long increasing(Account a, int bucket, long reducing, int extraBucket, long extraQty, long extraBase) {
        long qty = a.openQty[bucket];
        long base = a.openBase[bucket];
        if (bucket == extraBucket) {
            qty += extraQty;
            base += extraBase;
        }
        if (qty <= reducing) return 0;
        return reducing == 0 ? base : MulDiv.floor(base, qty - reducing, qty);
    }

    /** Fills the per-coin arrays for an account, with an optional hypothetical order (see {@link #openOrderIm}). */
    void compute(Account a, int extraInstrument, int extraBucket, long extraQty, long extraBase) {
        java.util.Arrays.fill(unrealized, 0);
        java.util.Arrays.fill(positionIm, 0);
        java.util.Arrays.fill(openIm, 0);
        java.util.Arrays.fill(maint, 0);
        for (int i = 0; i < instruments.size(); i++) {
            int c = coinOf[i];
            for (int s = i * 3; s < i * 3 + 3; s++) {
                if (a.positionQty[s] == 0) continue;
                unrealized[c] += Money.cutToCoin(unrealizedBase(a, i, s));
                positionIm[c] += positionIm(a, i, s);
                maint[c] += maintenance(a, i, s);
            }
            if (i == extraInstrument || hasOpenOrders(a, i)) {
                openIm[c] += openOrderIm(a, i, i == extraInstrument ? extraBucket : -1, extraQty, extraBase);
            }
        }
        for (int c = 0; c < equity.length; c++) equity[c] = a.wallet[c] + unrealized[c];
    }

    private static boolean hasOpenOrders(Account a, int i) {
        for (int b = i * 6; b < i * 6 + 6; b++) if (a.openQty[b] != 0) return true;
        return false;
    }

    /** Equity a coin lends as margin (coin units): positive equity at the collateral rate, a deficit in full. */
    static long collateral(long equity) {
        return equity > 0 ? Money.applyRate(equity, COLLATERAL_RATE) : equity;
    }

    /**
     * The price of one coin in 1e-8 USD: its perpetual's index, else any of its contracts' mark, else their last
     * trade; 0 when nothing is known yet.
     */
    long coinPrice(int coin) {
        for (int i : instrumentsOfCoin[coin]) if (prices.index[i] > 0) return prices.index[i];
        for (int i : instrumentsOfCoin[coin]) {
            long v = prices.valuation(instruments.get(i), i);
            if (v > 0) return v;
        }
        return 0;
    }

    /**
     * Whether the account, after {@link #compute}, keeps accountEquity − accountInitialMargin ≥ 0 (spec-next
     * §9.7). Compared in coin when only one coin is involved (no price needed), else in USD at the coins'
     * prices; a coin without any price lends nothing and a deficit in it fails the check.
     */
    boolean sufficient(int orderCoin) {
        boolean single = true;
        for (int c = 0; c < equity.length; c++) {
            if (c != orderCoin && (equity[c] != 0 || positionIm[c] != 0 || openIm[c] != 0)) single = false;
        }
        if (single) return available(orderCoin) >= 0;
        long usd = 0;
        for (int c = 0; c < equity.length; c++) {
            long available = available(c);
            if (available == 0) continue;
            long price = coinPrice(c);
            if (price == 0) {
                if (available < 0) return false;
                continue;
            }
            usd = MulDiv.saturatingAdd(usd, MulDiv.saturating(available, price, Money.USD_ONE));
        }
        return usd >= 0;
    }

    /** Collateral minus initial margin of one coin (coin units), after {@link #compute}. */
    long available(int coin) {
        return collateral(equity[coin]) - positionIm[coin] - openIm[coin];
    }

    /** Coin units in 1e-8 USD at the coin's price (0 when unknown), saturating at ±Long.MAX_VALUE (≈ 9.2e10 USD). */
    long usd(int coin, long units) {
        long price = coinPrice(coin);
        return price == 0 ? 0 : MulDiv.saturating(units, price, Money.USD_ONE);
    }

    /**
     * uniMMR in rate units (equity with collateral / maintenance margin), after {@link #compute}; −1 when there
     * is no maintenance margin. One coin: a ratio of coin amounts; several: of USD values.
     */
    long uniMmr() {
        int count = 0;
        for (int c = 0; c < maint.length; c++) {
            if (maint[c] != 0 || equity[c] != 0) count++;
        }
        long mm = 0;
        for (int c = 0; c < maint.length; c++) mm = MulDiv.saturatingAdd(mm, count == 1 ? maint[c] : usd(c, maint[c]));
        if (mm <= 0) return -1;
        long eq = 0;
        for (int c = 0; c < maint.length; c++) {
            eq = MulDiv.saturatingAdd(eq, count == 1 ? collateral(equity[c]) : usd(c, collateral(equity[c])));
        }
        if (eq <= 0) return 0;
        // a tiny maintenance margin against a big equity: the ratio saturates rather than overflows
        if (eq / mm >= Long.MAX_VALUE / Money.RATE_ONE) return Long.MAX_VALUE;
        return MulDiv.floor(eq, Money.RATE_ONE, mm);
    }
}
