package com.papisandbox.server;

/**
 * Binance's endpoint security types (spec §2.1, §5). TRADE and USER_DATA are both SIGNED: API key,
 * timestamp and signature; USER_STREAM and MARKET_DATA need the API key only; NONE needs nothing.
 */
public enum Security {
    NONE, USER_STREAM, MARKET_DATA, TRADE, USER_DATA;

    /** True if the request must carry timestamp and signature. */
    public boolean signed() {
        return this == TRADE || this == USER_DATA;
    }

    /**
     * True if timestamp and recvWindow are accepted beside the endpoint's own parameters: signed
     * endpoints check them; MARKET_DATA ones take them unchecked, as ccxt signs every sapi call, and so do
     * USER_STREAM ones (a client that signs its listenKey calls is not refused).
     */
    public boolean acceptsEnvelope() {
        return signed() || this == MARKET_DATA || this == USER_STREAM;
    }

    /** True if the request must carry an API key. */
    public boolean keyed() {
        return this != NONE;
    }
}
