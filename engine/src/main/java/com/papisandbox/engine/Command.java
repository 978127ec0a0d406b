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

    /**
     * Moves a symbol's reference price (price units) and requotes the house ladder around it. The
     * journal stores the price itself, so replay needs no random numbers.
     */
    record Requote(String symbol, long referencePrice) implements Command {
        public Requote {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /**
     * How the house account quotes every book: {@code levels} per side on a price grid whose step is
     * {@code spreadPpm} millionths of the reference price (rounded down to 1-2-5 ticks), about
     * {@code levelQty} contracts (quantity units) a level. {@code houseAccountId} 0 switches the house off.
     */
    record ConfigureHouse(long houseAccountId, int levels, long levelQty, long spreadPpm) implements Command {
        /** Both sides of a ladder must fit MAX_NUM_ORDERS (200 on every CM symbol). */
        public static final int MAX_LEVELS = 100;

        public ConfigureHouse {
            if (houseAccountId != 0) {
                if (levels < 1 || levels > MAX_LEVELS) throw new IllegalArgumentException("levels must be 1.." + MAX_LEVELS);
                if (levelQty < 1) throw new IllegalArgumentException("levelQty must be positive");
                if (spreadPpm < 1 || spreadPpm > 100_000) throw new IllegalArgumentException("spreadPpm must be 1..100000");
            }
        }
    }
}
