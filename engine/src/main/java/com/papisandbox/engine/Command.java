package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that can change the engine's state. A command that did change it is journaled with the
 * timestamp the engine gave it, so replaying the journal reproduces the state exactly. Reads are
 * {@link Query}s.
 */
public sealed interface Command extends EngineRequest {

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

    /**
     * Modify CM Order: new price and quantity (units) for an open LIMIT order; {@code orderId < 0} means
     * "by client order id". {@code side} must be the order's own.
     */
    record ModifyOrder(long accountId, String symbol, long orderId, String origClientOrderId, Side side, long price,
                       long quantity) implements Command {
        public ModifyOrder {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
        }
    }
}
