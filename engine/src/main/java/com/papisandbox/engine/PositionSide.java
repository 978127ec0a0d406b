package com.papisandbox.engine;

public enum PositionSide {
    BOTH, LONG, SHORT
}
