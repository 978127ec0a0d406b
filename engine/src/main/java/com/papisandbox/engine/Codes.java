package com.papisandbox.engine;

/**
 * The stable codes snapshots and history rows store for enums, written out per value so that reordering or
 * adding a constant can never change what old bytes mean (never {@code ordinal()}).
 */
final class Codes {
    private Codes() {
    }

    static int of(Side v) {
        return switch (v) {
            case BUY -> 1;
            case SELL -> 2;
        };
    }

    static Side side(int code) {
        return switch (code) {
            case 1 -> Side.BUY;
            case 2 -> Side.SELL;
            default -> throw bad("side", code);
        };
    }

    static int of(OrderType v) {
        return switch (v) {
            case LIMIT -> 1;
            case MARKET -> 2;
        };
    }

    static OrderType orderType(int code) {
        return switch (code) {
            case 1 -> OrderType.LIMIT;
            case 2 -> OrderType.MARKET;
            default -> throw bad("order type", code);
        };
    }

    /** 0 stands for none (MARKET orders have no time in force). */
    static int of(TimeInForce v) {
        if (v == null) return 0;
        return switch (v) {
            case GTC -> 1;
            case IOC -> 2;
            case FOK -> 3;
            case GTX -> 4;
        };
    }

    static TimeInForce timeInForce(int code) {
        return switch (code) {
            case 0 -> null;
            case 1 -> TimeInForce.GTC;
            case 2 -> TimeInForce.IOC;
            case 3 -> TimeInForce.FOK;
            case 4 -> TimeInForce.GTX;
            default -> throw bad("time in force", code);
        };
    }

    static int of(PositionSide v) {
        return switch (v) {
            case BOTH -> 0;
            case LONG -> 1;
            case SHORT -> 2;
        };
    }

    static PositionSide positionSide(int code) {
        return switch (code) {
            case 0 -> PositionSide.BOTH;
            case 1 -> PositionSide.LONG;
            case 2 -> PositionSide.SHORT;
            default -> throw bad("position side", code);
        };
    }

    static int of(OrderStatus v) {
        return switch (v) {
            case NEW -> 1;
            case PARTIALLY_FILLED -> 2;
            case FILLED -> 3;
            case CANCELED -> 4;
            case EXPIRED -> 5;
        };
    }

    static OrderStatus orderStatus(int code) {
        return switch (code) {
            case 1 -> OrderStatus.NEW;
            case 2 -> OrderStatus.PARTIALLY_FILLED;
            case 3 -> OrderStatus.FILLED;
            case 4 -> OrderStatus.CANCELED;
            case 5 -> OrderStatus.EXPIRED;
            default -> throw bad("order status", code);
        };
    }

    private static IllegalArgumentException bad(String what, int code) {
        return new IllegalArgumentException("unknown " + what + " code " + code);
    }
}
