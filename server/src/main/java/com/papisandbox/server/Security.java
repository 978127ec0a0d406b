package com.papisandbox.server;

/**
 * Binance's endpoint security types (spec §2.1, §5). TRADE and USER_DATA are both SIGNED: API key,
 * timestamp and signature; USER_STREAM needs the API key only; NONE needs nothing.
 */
public enum Security {
    NONE, USER_STREAM, TRADE, USER_DATA;

    /** True if the request must carry timestamp and signature. */
    public boolean signed() {
        return this == TRADE || this == USER_DATA;
    }

    /** True if the request must carry an API key. */
    public boolean keyed() {
        return this != NONE;
    }
}
