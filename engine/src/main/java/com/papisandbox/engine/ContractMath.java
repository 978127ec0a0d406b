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

    private ContractMath() {
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
