package com.papisandbox.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The engine's fixed-point units (docs/decisions.md "Money"). All are {@code long}s, overflow-checked:
 * <ul>
 *   <li>coin amounts (wallets, PnL, commission, funding, margin): satoshi-like units of 1e-8 coin, the
 *       precision Binance shows and settles them in;</li>
 *   <li>fill bases and position costs ({@code qty × contractSize / price}): 1e-13 coin, the precision
 *       Binance cuts each fill's base to before averaging an entry price (spec-next §1);</li>
 *   <li>rates (commission, funding, maintenance margin, collateral): 1e-8;</li>
 *   <li>mark, index and settlement prices, and USD amounts: 1e-8 USD.</li>
 * </ul>
 */
public final class Money {
    public static final int COIN_SCALE = 8;
    public static final int BASE_SCALE = 13;
    public static final int RATE_SCALE = 8;
    public static final int USD_SCALE = 8;
    public static final long ONE_COIN = 100_000_000L;
    public static final long RATE_ONE = 100_000_000L;
    public static final long USD_ONE = 100_000_000L;
    /** Base units (1e-13) per coin unit (1e-8). */
    public static final long BASE_PER_COIN_UNIT = 100_000L;
    /** The largest coin balance an account may be opened with: far from overflow in any sum of wallets. */
    public static final long MAX_BALANCE = 1_000_000_000L * ONE_COIN;

    private Money() {
    }

    /** An exact decimal in coin units; finer than 8 decimals or beyond {@link #MAX_BALANCE} is refused. */
    public static long coinUnits(BigDecimal amount) {
        BigDecimal scaled = amount.movePointRight(COIN_SCALE);
        if (scaled.stripTrailingZeros().scale() > 0) throw new IllegalArgumentException("more than 8 decimals: " + amount);
        long units = scaled.longValueExact();
        if (Math.abs(units) > MAX_BALANCE) throw new IllegalArgumentException("balance out of range: " + amount);
        return units;
    }

    public static BigDecimal coin(long units) {
        return BigDecimal.valueOf(units, COIN_SCALE);
    }

    /** A rate such as {@code 0.0004} in 1e-8 units; finer than 8 decimals is refused. */
    public static long rateUnits(BigDecimal rate) {
        return rate.movePointRight(RATE_SCALE).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    public static BigDecimal rate(long units) {
        return BigDecimal.valueOf(units, RATE_SCALE);
    }

    /** A base amount (1e-13) in coin units, cut toward zero: realized PnL is cut to 8 dp (spec-next §1). */
    static long cutToCoin(long base) {
        return base / BASE_PER_COIN_UNIT;
    }

    /** A base amount (1e-13) in coin units, half away from zero (baseQty, cumBase as shown). */
    static long roundToCoin(long base) {
        long q = base / BASE_PER_COIN_UNIT;
        long r = base % BASE_PER_COIN_UNIT;
        if (Math.abs(r) * 2 >= BASE_PER_COIN_UNIT) q += Long.signum(base);
        return q;
    }

    /**
     * {@code base × rate} in coin units, rounded half away from zero: commission and funding. Exact in
     * longs for any base up to ~9.2e5 coin and |rate| ≤ 1: the base is split at 1e8 so that no product
     * exceeds 2^63, and half-up of the floor equals half-up of the exact value (see decisions.md).
     */
    static long timesRate(long base, long rate) {
        if (base < 0) return -timesRate(-base, rate);
        if (rate < 0) return -timesRate(base, -rate);
        long high = base / RATE_ONE;
        long low = base % RATE_ONE;
        // floor(base × rate / 1e8) in base units
        long inBase = Math.addExact(Math.multiplyExact(high, rate), low * rate / RATE_ONE);
        return roundToCoin(inBase);
    }

    /**
     * {@code amount × rate}, both in their units, rounded toward zero (margin from rates, collateral haircut).
     * Split at 1e8 like {@link #timesRate}, so it stays in 64 bits (and fast) for any amount when |rate| ≤ 1.
     */
    static long applyRate(long amount, long rate) {
        if (amount < 0) return -applyRate(-amount, rate);
        if (rate < 0) return -applyRate(amount, -rate);
        if (rate > RATE_ONE) return MulDiv.floor(amount, rate, RATE_ONE);
        return Math.addExact(Math.multiplyExact(amount / RATE_ONE, rate), amount % RATE_ONE * rate / RATE_ONE);
    }
}
