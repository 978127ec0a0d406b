package com.papisandbox.engine;

public enum OrderType {
    LIMIT, MARKET
}
