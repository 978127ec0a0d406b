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
            // refused here, at the edge, rather than inside the engine: finer than 8 dp or out of range
            balances.values().forEach(Money::coinUnits);
        }
    }

    /**
     * price is in price units and ignored (0) for MARKET orders; timeInForce is null for MARKET orders.
     * reduceOnlySent records that the client sent the parameter at all, even as {@code false}: hedge mode
     * refuses it either way (-1106), a rule only the engine can apply because only it knows the mode.
     */
    record PlaceOrder(long accountId, String symbol, Side side, OrderType type, TimeInForce timeInForce,
                      PositionSide positionSide, boolean reduceOnly, boolean reduceOnlySent, long price, long quantity,
                      String clientOrderId) implements Command {
        public PlaceOrder {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(positionSide, "positionSide");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            if (reduceOnly && !reduceOnlySent) throw new IllegalArgumentException("reduceOnly true but not sent");
        }

        /** An order whose reduceOnly was sent only when true. */
        public PlaceOrder(long accountId, String symbol, Side side, OrderType type, TimeInForce timeInForce,
                          PositionSide positionSide, boolean reduceOnly, long price, long quantity, String clientOrderId) {
            this(accountId, symbol, side, type, timeInForce, positionSide, reduceOnly, reduceOnly, price, quantity,
                    clientOrderId);
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
     * {@code POST /papi/v1/cm/conditional/order}: a strategy that places a LIMIT (STOP, TAKE_PROFIT) or MARKET order
     * when the working price reaches its stop price, or, trailing, moves back {@code callbackRate} tenths of a percent
     * from its extreme after reaching {@code activationPrice} (0 = not sent: from the price at placement). Prices in
     * price units, 0 where the type takes none; quantity in quantity units.
     */
    record PlaceStrategy(long accountId, String symbol, Side side, PositionSide positionSide, StrategyType strategyType,
                         TimeInForce timeInForce, long quantity, boolean reduceOnly, boolean reduceOnlySent, long price,
                         WorkingType workingType, boolean priceProtect, String clientStrategyId, long stopPrice,
                         long activationPrice, int callbackRate) implements Command {
        public PlaceStrategy {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(positionSide, "positionSide");
            Objects.requireNonNull(strategyType, "strategyType");
            Objects.requireNonNull(timeInForce, "timeInForce");
            Objects.requireNonNull(workingType, "workingType");
            Objects.requireNonNull(clientStrategyId, "clientStrategyId");
            if (reduceOnly && !reduceOnlySent) throw new IllegalArgumentException("reduceOnly true but not sent");
            if (strategyType.trailing() ? callbackRate < 1 || callbackRate > 50 || stopPrice != 0
                    : callbackRate != 0 || activationPrice != 0) {
                throw new IllegalArgumentException("stop price, activation price or callback rate do not fit " + strategyType);
            }
        }
    }

    /** {@code DELETE /papi/v1/cm/conditional/order}; {@code strategyId < 0} means "by client strategy id". */
    record CancelStrategy(long accountId, String symbol, long strategyId, String clientStrategyId) implements Command {
        public CancelStrategy {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** {@code DELETE /papi/v1/cm/conditional/allOpenOrders}. */
    record CancelAllStrategies(long accountId, String symbol) implements Command {
        public CancelAllStrategies {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /**
     * Sets a symbol's mark and index price, in 1e-8 USD (e.g. 65000.12345678 USD = 6_500_012_345_678L). Both must
     * lie within the symbol's PRICE_FILTER range.
     */
    record SetPrices(String symbol, long markPrice, long indexPrice) implements Command {
        public SetPrices {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** Sets a perpetual's funding rate, in rate units (1e-8; 10_000 = 0.0001), applied at the next funding times. */
    record SetFundingRate(String symbol, long rate) implements Command {
        public SetFundingRate {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** {@code POST /papi/v1/cm/leverage}. */
    record SetLeverage(long accountId, String symbol, int leverage) implements Command {
        public SetLeverage {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** {@code POST /papi/v1/cm/positionSide/dual}: true = hedge mode, false = one-way. */
    record SetPositionMode(long accountId, boolean dualSidePosition) implements Command {
    }

    /** An account's maker and taker commission rates, in rate units (1e-8; 15_000 = 0.00015); −1e8..1e8. */
    record SetCommissionRates(long accountId, long makerRate, long takerRate) implements Command {
    }

    /** Moves {@code amount} coin units (1e-8) of a margin coin into (positive) or out of the account's CM wallet. */
    record Transfer(long accountId, String asset, long amount) implements Command {
        public Transfer {
            Objects.requireNonNull(asset, "asset");
        }
    }

    /**
     * Lets sandbox time pass: settles the funding and deliveries that fell due by its timestamp. It changes state
     * (and needs journaling) only when something was due; every other command settles the same way first.
     */
    record Tick() implements Command {
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
     * A print: the market trades at {@code price} (price units) now. The house's ladder moves there, its orders take
     * every resting order the move crossed, and the house trades {@code quantity} contracts (quantity units) with
     * itself at exactly that price, so it becomes the last price. Needs the house (the market on).
     */
    record Print(String symbol, long price, long quantity) implements Command {
        public Print {
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

    /**
     * Replaces the whole state: with a fresh engine ({@code stateHash} empty: the admin API's reset) or with a
     * state saved earlier under that SHA-256 (restoring a named snapshot). The engine cannot replace itself: the
     * engine thread and recovery carry it out, so a replay of the journal reaches the same state.
     */
    record ReplaceState(String stateHash) implements Command {
        public ReplaceState {
            Objects.requireNonNull(stateHash, "stateHash");
            if (!stateHash.isEmpty() && !stateHash.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: " + stateHash);
        }

        public boolean fresh() {
            return stateHash.isEmpty();
        }
    }
}
