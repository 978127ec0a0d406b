package com.papisandbox.server;

import com.papisandbox.engine.ContractMath;
import com.papisandbox.engine.Instrument;

import java.math.BigDecimal;

/** Decimals rendered the way Binance renders them in CM order replies (spec §1.1). */
public final class Decimals {
    private Decimals() {
    }

    /** Plain, no padding: 65000.1 → "65000.1", 65000.0 → "65000", MARKET → "0". */
    public static String price(Instrument instrument, long units) {
        return plain(instrument.priceDecimal(units));
    }

    /** Contract counts: integers without a decimal point. */
    public static String quantity(Instrument instrument, long units) {
        return plain(instrument.quantityDecimal(units));
    }

    /** With pricePrecision decimals ("0.0" for an unfilled BTCUSD_PERP order). */
    public static String avgPricePadded(BigDecimal avgPrice) {
        return avgPrice.toPlainString();
    }

    /** Like {@link #avgPricePadded} but a zero is "0", as the open-order queries show it. */
    public static String avgPriceOpenOrder(BigDecimal avgPrice) {
        return avgPrice.signum() == 0 ? "0" : avgPrice.toPlainString();
    }

    /** "0" when nothing filled, else 8 decimals with trailing zeros kept. */
    public static String cumBase(BigDecimal cumBase) {
        return cumBase.signum() == 0 ? "0" : ContractMath.roundedBase(cumBase).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
