package com.papisandbox.engine;

/**
 * One notional bracket (spec-next §2.5): positions whose coin notional lies in {@code [qtyFloor, qtyCap)}
 * may use at most {@code initialLeverage} and keep {@code notional × maintMarginRatio − cum} as maintenance
 * margin. Floors and caps are whole coins (the last cap is {@link Long#MAX_VALUE}, as Binance shows it); the
 * ratio is in rate units (1e-8), cum in coin units (1e-8).
 */
public record Bracket(int bracket, int initialLeverage, long qtyFloor, long qtyCap, long maintMarginRatio, long cum) {
    /** The cap in coin units (1e-8), saturating for the unbounded last bracket. */
    long capUnits() {
        return qtyCap >= Long.MAX_VALUE / Money.ONE_COIN ? Long.MAX_VALUE : qtyCap * Money.ONE_COIN;
    }
}
