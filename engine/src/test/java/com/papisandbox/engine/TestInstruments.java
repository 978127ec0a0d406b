package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * Instruments for engine tests. {@link #btcPerp()} is the live 2025 BTCUSD_PERP exchangeInfo row of spec §11
 * converted to units (price unit 0.1 USD, quantity unit 1 contract). ETHUSD_PERP has no live filter row
 * (spec §11 "UNCONFIRMED"): contractSize 10, pricePrecision 2 and tick 0.01 are from live orders; its bounds
 * are our own, similar to BTC's.
 */
final class TestInstruments {
    static final String BTC = "BTCUSD_PERP";
    static final String ETH = "ETHUSD_PERP";
    static final String BTC_QUARTER = "BTCUSD_260626";

    private TestInstruments() {
    }

    /** BTCUSD_PERP: minPrice 1000, maxPrice 4520958, tick 0.1; LOT_SIZE 1..1000000/1; MARKET_LOT_SIZE 1..60000/1; 200 orders. */
    static Instrument btcPerp() {
        return new Instrument(BTC, "BTCUSD", "PERPETUAL", 4133404800000L, 1597042800000L, 100, "BTC", "BTC", "USD",
                1, 0,
                10_000L, 45_209_580L, 1L,
                1L, 1_000_000L, 1L,
                1L, 60_000L, 1L,
                200);
    }

    /** ETHUSD_PERP: contractSize 10, tick 0.01; price 10.00..100000.00; same lot sizes and order limit as BTC. */
    static Instrument ethPerp() {
        return new Instrument(ETH, "ETHUSD", "PERPETUAL", 4133404800000L, 1597042800000L, 10, "ETH", "ETH", "USD",
                2, 0,
                1_000L, 10_000_000L, 1L,
                1L, 1_000_000L, 1L,
                1L, 60_000L, 1L,
                200);
    }

    /** A delivery contract of the BTCUSD pair, for pair filters. */
    static Instrument btcQuarter() {
        Instrument p = btcPerp();
        return new Instrument(BTC_QUARTER, "BTCUSD", "CURRENT_QUARTER", 1782460800000L, 1766736000000L, 100, "BTC", "BTC",
                "USD", 1, 0, p.minPrice(), p.maxPrice(), p.tickSize(), p.minQty(), p.maxQty(), p.stepSize(),
                p.marketMinQty(), p.marketMaxQty(), p.marketStepSize(), p.maxNumOrders());
    }

    static List<Instrument> all() {
        return List.of(btcPerp(), ethPerp(), btcQuarter());
    }

    /** BTCUSD_PERP with other PRICE_FILTER values (units). */
    static Instrument btcWithPriceFilter(long minPrice, long maxPrice, long tickSize) {
        Instrument p = btcPerp();
        return new Instrument(p.symbol(), p.pair(), p.contractType(), p.deliveryDate(), p.onboardDate(), p.contractSize(),
                p.marginAsset(), p.baseAsset(), p.quoteAsset(), p.pricePrecision(), p.quantityPrecision(),
                minPrice, maxPrice, tickSize, p.minQty(), p.maxQty(), p.stepSize(),
                p.marketMinQty(), p.marketMaxQty(), p.marketStepSize(), p.maxNumOrders());
    }

    /** BTCUSD_PERP with other LOT_SIZE / MARKET_LOT_SIZE values. */
    static Instrument btcWithLots(long minQty, long maxQty, long stepSize, long marketMinQty, long marketMaxQty,
                                  long marketStepSize) {
        Instrument p = btcPerp();
        return new Instrument(p.symbol(), p.pair(), p.contractType(), p.deliveryDate(), p.onboardDate(), p.contractSize(),
                p.marginAsset(), p.baseAsset(), p.quoteAsset(), p.pricePrecision(), p.quantityPrecision(),
                p.minPrice(), p.maxPrice(), p.tickSize(), minQty, maxQty, stepSize,
                marketMinQty, marketMaxQty, marketStepSize, p.maxNumOrders());
    }

    /** BTCUSD_PERP price units from a USD decimal string, e.g. {@code "65000.1"} → 650001. */
    static long btc(String usd) {
        return new BigDecimal(usd).movePointRight(1).longValueExact();
    }

    /** ETHUSD_PERP price units from a USD decimal string, e.g. {@code "4522.14"} → 452214. */
    static long eth(String usd) {
        return new BigDecimal(usd).movePointRight(2).longValueExact();
    }
}
