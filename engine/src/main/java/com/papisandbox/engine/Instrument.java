package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A coin-margined (inverse) futures contract and its trading rules.
 *
 * <p>Prices are {@code long} counts of the price unit {@code 10^-pricePrecision} (for BTCUSD_PERP one
 * unit is 0.1 USD); quantities are {@code long} counts of the quantity unit {@code 10^-quantityPrecision}
 * (whole contracts for every CM symbol). Filter bounds are in those units; a bound of 0 disables it, as
 * Binance's filter rules say.
 */
public record Instrument(
        String symbol,
        String pair,
        String contractType,
        long deliveryDate,
        long onboardDate,
        int contractSize,
        String marginAsset,
        String baseAsset,
        String quoteAsset,
        int pricePrecision,
        int quantityPrecision,
        long minPrice,
        long maxPrice,
        long tickSize,
        long minQty,
        long maxQty,
        long stepSize,
        long marketMinQty,
        long marketMaxQty,
        long marketStepSize,
        int maxNumOrders,
        long multiplierUp,
        long multiplierDown,
        int maxNumAlgoOrders,
        long triggerProtect) {

    /** PERCENT_PRICE multipliers and triggerProtect are in units of 1e-4 (Binance's {@code multiplierDecimal} 4): 10500 = 1.05. */
    public static final long MULTIPLIER_ONE = 10_000L;

    /** The exchangeInfo row without its PERCENT_PRICE filter: Binance's 1.05 / 0.95. */
    public Instrument(String symbol, String pair, String contractType, long deliveryDate, long onboardDate, int contractSize,
                      String marginAsset, String baseAsset, String quoteAsset, int pricePrecision, int quantityPrecision,
                      long minPrice, long maxPrice, long tickSize, long minQty, long maxQty, long stepSize,
                      long marketMinQty, long marketMaxQty, long marketStepSize, int maxNumOrders) {
        this(symbol, pair, contractType, deliveryDate, onboardDate, contractSize, marginAsset, baseAsset, quoteAsset,
                pricePrecision, quantityPrecision, minPrice, maxPrice, tickSize, minQty, maxQty, stepSize,
                marketMinQty, marketMaxQty, marketStepSize, maxNumOrders, 10_500L, 9_500L);
    }

    /** Binance's MAX_NUM_ALGO_ORDERS (20) and triggerProtect (0.0500) of every CM symbol, when a row leaves them out. */
    public static final int DEFAULT_MAX_NUM_ALGO_ORDERS = 20;
    public static final long DEFAULT_TRIGGER_PROTECT = 500L;

    public Instrument(String symbol, String pair, String contractType, long deliveryDate, long onboardDate, int contractSize,
                      String marginAsset, String baseAsset, String quoteAsset, int pricePrecision, int quantityPrecision,
                      long minPrice, long maxPrice, long tickSize, long minQty, long maxQty, long stepSize,
                      long marketMinQty, long marketMaxQty, long marketStepSize, int maxNumOrders, long multiplierUp,
                      long multiplierDown) {
        this(symbol, pair, contractType, deliveryDate, onboardDate, contractSize, marginAsset, baseAsset, quoteAsset,
                pricePrecision, quantityPrecision, minPrice, maxPrice, tickSize, minQty, maxQty, stepSize,
                marketMinQty, marketMaxQty, marketStepSize, maxNumOrders, multiplierUp, multiplierDown,
                DEFAULT_MAX_NUM_ALGO_ORDERS, DEFAULT_TRIGGER_PROTECT);
    }

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(pair, "pair");
        if (contractSize <= 0) throw new IllegalArgumentException(symbol + ": contractSize must be positive");
        if (pricePrecision < 0 || pricePrecision > 8) throw new IllegalArgumentException(symbol + ": pricePrecision out of range");
        if (quantityPrecision < 0 || quantityPrecision > 8) throw new IllegalArgumentException(symbol + ": quantityPrecision out of range");
        if (tickSize < 0 || stepSize <= 0 || marketStepSize <= 0) throw new IllegalArgumentException(symbol + ": bad tick or step size");
        if (maxNumOrders <= 0) throw new IllegalArgumentException(symbol + ": maxNumOrders must be positive");
        // fill bases are qty × contractSize × 10^(13 + pricePrecision − quantityPrecision) / price in longs
        if (pricePrecision - quantityPrecision > 5) throw new IllegalArgumentException(symbol + ": pricePrecision too fine for the ledger");
        if (multiplierUp < MULTIPLIER_ONE || multiplierDown <= 0 || multiplierDown > MULTIPLIER_ONE) {
            throw new IllegalArgumentException(symbol + ": bad PERCENT_PRICE multipliers");
        }
        if (maxNumAlgoOrders <= 0) throw new IllegalArgumentException(symbol + ": maxNumAlgoOrders must be positive");
        if (triggerProtect < 0 || triggerProtect > MULTIPLIER_ONE) throw new IllegalArgumentException(symbol + ": bad triggerProtect");
    }

    /** A price in units as a decimal, e.g. 650001 units of BTCUSD_PERP is 65000.1. */
    public BigDecimal priceDecimal(long units) {
        return BigDecimal.valueOf(units, pricePrecision);
    }

    public BigDecimal quantityDecimal(long units) {
        return BigDecimal.valueOf(units, quantityPrecision);
    }

    public boolean perpetual() {
        return "PERPETUAL".equals(contractType);
    }

    /** The same trading rules listed under another symbol, type and dates: how a new quarterly is listed. */
    public Instrument listedAs(String symbol, String contractType, long deliveryDate, long onboardDate) {
        return new Instrument(symbol, pair, contractType, deliveryDate, onboardDate, contractSize, marginAsset, baseAsset,
                quoteAsset, pricePrecision, quantityPrecision, minPrice, maxPrice, tickSize, minQty, maxQty, stepSize,
                marketMinQty, marketMaxQty, marketStepSize, maxNumOrders, multiplierUp, multiplierDown, maxNumAlgoOrders,
                triggerProtect);
    }

    /** A price in instrument units as 1e-8 USD (the scale of mark and index prices). */
    public long priceE8(long units) {
        return Math.multiplyExact(units, ContractMath.POW10[8 - pricePrecision]);
    }
}
