package com.papisandbox.engine;

public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED;

    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
