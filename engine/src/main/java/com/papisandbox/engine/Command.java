package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the engine can be asked to do. Commands that change state are journaled with the
 * timestamp the engine gave them, so replaying them reproduces the state exactly.
 */
public sealed interface Command {
    /** True if the command may change state (and so must be journaled when it does). */
    default boolean mutates() {
        return true;
    }

    /** Opens an account for an API key; an existing key keeps its state. */
    record OpenAccount(String apiKey, String credential, Map<String, BigDecimal> balances) implements Command {
        public OpenAccount {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(credential, "credential");
            balances = Map.copyOf(balances);
        }
    }

    /** price is in price units and ignored (0) for MARKET orders; timeInForce is null for MARKET orders. */
    record PlaceOrder(long accountId, String symbol, Side side, OrderType type, TimeInForce timeInForce,
                      PositionSide positionSide, boolean reduceOnly, long price, long quantity,
                      String clientOrderId) implements Command {
        public PlaceOrder {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(positionSide, "positionSide");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    /** orderId wins when both ids are given; {@code orderId < 0} means "by client order id". */
    record CancelOrder(long accountId, String symbol, long orderId, String origClientOrderId) implements Command {
    }

    record CancelAllOrders(long accountId, String symbol) implements Command {
    }

    record QueryOrder(long accountId, String symbol, long orderId, String origClientOrderId) implements Command {
        @Override
        public boolean mutates() {
            return false;
        }
    }

    record QueryOpenOrder(long accountId, String symbol, long orderId, String origClientOrderId) implements Command {
        @Override
        public boolean mutates() {
            return false;
        }
    }

    /** symbol and pair are optional filters (null = all). */
    record QueryOpenOrders(long accountId, String symbol, String pair) implements Command {
        @Override
        public boolean mutates() {
            return false;
        }
    }
}
