package com.papisandbox.engine;

/** The price a strategy watches: the mark price, or the last trade price (CONTRACT_PRICE). */
public enum WorkingType {
    MARK_PRICE, CONTRACT_PRICE
}
