package com.papisandbox.engine;

/** A strategy's life: NEW until it triggers (TRIGGERED, then FINISHED when its order is final) or is cancelled or expires. */
public enum StrategyStatus {
    NEW, CANCELED, TRIGGERED, FINISHED, EXPIRED
}
