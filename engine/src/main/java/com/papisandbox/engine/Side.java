package com.papisandbox.engine;

public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for BUY, -1 for SELL: the sign a fill gives to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
