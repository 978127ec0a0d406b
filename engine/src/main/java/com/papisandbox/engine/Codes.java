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

    static int of(StrategyType v) {
        return switch (v) {
            case STOP -> 1;
            case STOP_MARKET -> 2;
            case TAKE_PROFIT -> 3;
            case TAKE_PROFIT_MARKET -> 4;
            case TRAILING_STOP_MARKET -> 5;
        };
    }

    static StrategyType strategyType(int code) {
        return switch (code) {
            case 1 -> StrategyType.STOP;
            case 2 -> StrategyType.STOP_MARKET;
            case 3 -> StrategyType.TAKE_PROFIT;
            case 4 -> StrategyType.TAKE_PROFIT_MARKET;
            case 5 -> StrategyType.TRAILING_STOP_MARKET;
            default -> throw bad("strategy type", code);
        };
    }

    static int of(StrategyStatus v) {
        return switch (v) {
            case NEW -> 1;
            case CANCELED -> 2;
            case TRIGGERED -> 3;
            case FINISHED -> 4;
            case EXPIRED -> 5;
        };
    }

    static StrategyStatus strategyStatus(int code) {
        return switch (code) {
            case 1 -> StrategyStatus.NEW;
            case 2 -> StrategyStatus.CANCELED;
            case 3 -> StrategyStatus.TRIGGERED;
            case 4 -> StrategyStatus.FINISHED;
            case 5 -> StrategyStatus.EXPIRED;
            default -> throw bad("strategy status", code);
        };
    }

    static int of(WorkingType v) {
        return switch (v) {
            case MARK_PRICE -> 1;
            case CONTRACT_PRICE -> 2;
        };
    }

    static WorkingType workingType(int code) {
        return switch (code) {
            case 1 -> WorkingType.MARK_PRICE;
            case 2 -> WorkingType.CONTRACT_PRICE;
            default -> throw bad("working type", code);
        };
    }

    /** 0 stands for none (a strategy that has not triggered has no order status). */
    static int ofNullable(OrderStatus v) {
        return v == null ? 0 : of(v);
    }

    static OrderStatus orderStatusOrNull(int code) {
        return code == 0 ? null : orderStatus(code);
    }

    private static IllegalArgumentException bad(String what, int code) {
        return new IllegalArgumentException("unknown " + what + " code " + code);
    }
}
