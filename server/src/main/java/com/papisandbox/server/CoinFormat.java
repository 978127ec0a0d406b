package com.papisandbox.server;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Coin amounts and prices of the account endpoints, rendered as Binance renders them (papi-cm-next §1).
 * Amounts arrive as scaled longs ({@code units × 10^-scale}); rendering is the only place they become text.
 */
public final class CoinFormat {
    private static final MathContext THIRTEEN_DIGITS = new MathContext(13, RoundingMode.HALF_UP);

    private CoinFormat() {
    }

    /** 8 decimals, trailing zeros kept: "0.00000160", "-0.00000039", "0.00000000". */
    public static String fixed8(long units, int scale) {
        return BigDecimal.valueOf(units, scale).setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    /** As {@link #fixed8} but a zero is a plain "0", as several live fields show it. */
    public static String fixed8OrZero(long units, int scale) {
        return units == 0 ? "0" : fixed8(units, scale);
    }

    /** 8 decimals half-up, then trailing zeros stripped: "0.0000036" (a live positionRisk unRealizedProfit). */
    public static String stripped(long units, int scale) {
        BigDecimal v = BigDecimal.valueOf(units, scale).setScale(8, RoundingMode.HALF_UP);
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /** Trailing zeros stripped, at least one decimal: "0.0", "31.022612", "10.0" (/papi/v1/balance). */
    public static String plain(long units, int scale) {
        BigDecimal v = BigDecimal.valueOf(units, scale).stripTrailingZeros();
        return v.scale() < 1 ? v.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : v.toPlainString();
    }

    /** An inverse entry or break-even price with 13 significant digits: "51080.10000066", "2422.400000007". */
    public static String significant13(BigDecimal price) {
        if (price.signum() == 0) return "0.00000000";
        return price.round(THIRTEEN_DIGITS).toPlainString();
    }
}
