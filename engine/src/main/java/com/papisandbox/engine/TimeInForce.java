package com.papisandbox.engine;

/** GTX is Binance's "Good Till Crossing": post-only. */
public enum TimeInForce {
    GTC, IOC, FOK, GTX
}
