package com.papisandbox.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Inverse-contract arithmetic (spec §11): a fill of {@code qty} contracts at {@code price} is worth
 * {@code qty × contractSize / price} of the base coin, and the average price of several fills is
 * {@code executedQty × contractSize / cumBase}.
 */
public final class ContractMath {
    /** 34 significant digits keep avgPrice exact to the tick after any realistic number of fills. */
    static final MathContext BASE_CONTEXT = MathContext.DECIMAL128;
    public static final int BASE_SCALE = 8;

    static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private ContractMath() {
    }

    /** Contracts × contract size: the USD face value of {@code qtyUnits}, scaled by 10^quantityPrecision. */
    private static long face(Instrument instrument, long qtyUnits) {
        return Math.multiplyExact(qtyUnits, (long) instrument.contractSize());
    }

    /**
     * {@code qty × contractSize / price} in base units (1e-13 coin), cut toward zero as Binance cuts each
     * fill's base (spec-next §1); {@code qtyUnits >= 0}, price in instrument units.
     */
    static long base(Instrument instrument, long qtyUnits, long priceUnits) {
        int exponent = Money.BASE_SCALE + instrument.pricePrecision() - instrument.quantityPrecision();
        return MulDiv.floor(face(instrument, qtyUnits), POW10[exponent], priceUnits);
    }

    /** {@code qty × contractSize / price} in base units for a price in 1e-8 USD (mark, index, settlement). */
    static long baseAtE8(Instrument instrument, long qtyUnits, long priceE8) {
        long a = Math.multiplyExact(face(instrument, qtyUnits), POW10[Money.BASE_SCALE - Money.USD_SCALE]);
        return MulDiv.floor(a, POW10[2 * Money.USD_SCALE - instrument.quantityPrecision()], priceE8);
    }

    /**
     * The entry price of a position of {@code qtyUnits} contracts that cost {@code costBase} base units:
     * {@code qty × contractSize / cost}, to 13 significant digits (spec-next §1). Views only.
     */
    public static BigDecimal entryPrice(Instrument instrument, long qtyUnits, long costBase) {
        if (qtyUnits == 0 || costBase == 0) return BigDecimal.ZERO;
        BigDecimal notional = instrument.quantityDecimal(Math.abs(qtyUnits)).multiply(BigDecimal.valueOf(instrument.contractSize()));
        return significant13(notional.divide(BigDecimal.valueOf(Math.abs(costBase), Money.BASE_SCALE), new MathContext(13, RoundingMode.HALF_UP)));
    }

    /** A price with 13 significant digits written out, trailing zeros kept: 5E+4 → 50000.00000000. */
    static BigDecimal significant13(BigDecimal price) {
        BigDecimal rounded = price.round(new MathContext(13, RoundingMode.HALF_UP));
        int integerDigits = rounded.precision() - rounded.scale();
        return rounded.setScale(Math.max(0, 13 - integerDigits), RoundingMode.HALF_UP);
    }

    public static BigDecimal baseValue(Instrument instrument, long qtyUnits, long priceUnits) {
        BigDecimal notional = instrument.quantityDecimal(qtyUnits).multiply(BigDecimal.valueOf(instrument.contractSize()));
        return notional.divide(instrument.priceDecimal(priceUnits), BASE_CONTEXT);
    }

    public static BigDecimal avgPrice(Instrument instrument, long executedQtyUnits, BigDecimal cumBase) {
        if (executedQtyUnits == 0 || cumBase.signum() == 0) {
            return BigDecimal.ZERO.setScale(instrument.pricePrecision());
        }
        BigDecimal notional = instrument.quantityDecimal(executedQtyUnits).multiply(BigDecimal.valueOf(instrument.contractSize()));
        // Round twice: first to 12 extra decimals, which absorbs the 34-digit quotient's error (so an
        // exact half tick that computes as x.x4999…9 becomes x.x5), then half-up to the tick.
        return notional.divide(cumBase, BASE_CONTEXT)
                .setScale(instrument.pricePrecision() + 12, RoundingMode.HALF_UP)
                .setScale(instrument.pricePrecision(), RoundingMode.HALF_UP);
    }

    /** cumBase as Binance shows it: 8 decimals, half-up. */
    public static BigDecimal roundedBase(BigDecimal cumBase) {
        return cumBase.setScale(BASE_SCALE, RoundingMode.HALF_UP);
    }
}
