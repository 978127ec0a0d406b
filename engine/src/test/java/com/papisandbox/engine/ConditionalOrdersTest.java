package com.papisandbox.engine;

import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional (strategy) orders in the engine: each type triggering on the last trade price and on the mark
 * price, with the whole ordered event list of the trigger; immediate triggers refused; trailing stops; cancels;
 * the per-symbol cap; snapshots.
 */
class ConditionalOrdersTest {
    private static final long FIRST = ConditionalOrders.FIRST_STRATEGY_ID;

    private final EngineHarness h = new EngineHarness();
    private long a;
    private long maker;
    private long taker;

    @BeforeEach
    void accounts() {
        a = h.openAccount("a");
        maker = h.openAccount("maker");
        taker = h.openAccount("taker");
        setMark("60000");
    }

    // --- helpers ---

    private void setMark(String usd) {
        long e8 = btc(usd) * 10_000_000L;
        assertThat(h.execute(new Command.SetPrices(BTC, e8, e8)).changedState()).isTrue();
    }

    /** The maker rests a SELL of 1 at the price and the taker buys it: the last price becomes {@code usd}. */
    private void tradeAt(String usd) {
        h.gtc(maker, Side.SELL, btc(usd), 1);
        EngineHarness.accepted(h.market(taker, BTC, Side.BUY, 1));
    }

    private Result strategy(StrategyType type, Side side, WorkingType working, long price, long stopPrice, String client) {
        return h.execute(new Command.PlaceStrategy(a, BTC, side, PositionSide.BOTH, type, TimeInForce.GTC, 1, false, false,
                price, working, false, client, stopPrice, 0, 0));
    }

    private Result trailing(Side side, WorkingType working, long activation, int callbackTenths) {
        return h.execute(new Command.PlaceStrategy(a, BTC, side, PositionSide.BOTH, StrategyType.TRAILING_STOP_MARKET,
                TimeInForce.GTC, 1, false, false, 0, working, false, "trail", 0, activation, callbackTenths));
    }

    private static StrategyView placed(Result r) {
        assertThat(r).isInstanceOf(Result.StrategyResult.class);
        return ((Result.StrategyResult) r).strategy();
    }

    /** Order lifecycle and strategy events since the last call, as short lines. */
    private List<String> events() {
        List<String> out = new ArrayList<>();
        for (Event e : h.drainAll()) {
            if (e instanceof Event.Accepted x) out.add("accepted " + x.orderId() + " " + x.side() + " " + x.qty() + "@" + x.price());
            else if (e instanceof Event.Traded x) out.add("traded " + x.orderId() + " " + x.qty() + "@" + x.price() + (x.maker() ? " maker" : " taker"));
            else if (e instanceof Event.Canceled x) out.add("canceled " + x.orderId());
            else if (e instanceof Event.Expired x) out.add("expired " + x.orderId());
            else if (e instanceof Event.StrategyUpdated x) {
                out.add("strategy " + x.strategy().strategyId() + " " + x.strategy().status() + " order " + x.strategy().orderId());
            }
        }
        return out;
    }

    private StrategyView history(long strategyId) {
        Result r = h.query(new Query.StrategyHistoryLookup(a, BTC, strategyId, null));
        assertThat(r).isInstanceOf(Result.Strategies.class);
        return ((Result.Strategies) r).strategies().get(0);
    }

    // --- each type on each working type ---

    @Test
    void stopMarketBuyTriggersOnTheLastPriceAndFinishesWhenItsMarketOrderFills() {
        tradeAt("60000");
        StrategyView s = placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.CONTRACT_PRICE, 0, btc("60500"), "s1"));
        assertThat(s.strategyId()).isEqualTo(FIRST);
        assertThat(s.status()).isEqualTo(StrategyStatus.NEW);
        h.gtc(maker, Side.SELL, btc("61000"), 5);
        h.gtc(maker, Side.SELL, btc("60400"), 1);
        events();
        EngineHarness.accepted(h.market(taker, BTC, Side.BUY, 1));
        assertThat(events()).as("below the stop: nothing").doesNotContain("strategy " + FIRST + " TRIGGERED order " + h.engine.nextOrderId());
        long makerAsk = h.gtc(maker, Side.SELL, btc("60500"), 1).orderId();
        long takerOrder = h.engine.nextOrderId();
        long triggered = takerOrder + 1;
        events();
        EngineHarness.accepted(h.market(taker, BTC, Side.BUY, 1));
        assertThat(events()).containsExactly(
                "accepted " + takerOrder + " BUY 1@0",
                "traded " + makerAsk + " 1@" + btc("60500") + " maker",
                "traded " + takerOrder + " 1@" + btc("60500") + " taker",
                "strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " BUY 1@0",
                "traded " + (makerAsk - 3) + " 1@" + btc("61000") + " maker",
                "traded " + triggered + " 1@" + btc("61000") + " taker",
                "strategy " + FIRST + " FINISHED order " + triggered);
        StrategyView done = history(FIRST);
        assertThat(done.status()).isEqualTo(StrategyStatus.FINISHED);
        assertThat(done.orderStatus()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(h.position(a, BTC)).isEqualTo(1);
    }

    @Test
    void stopMarketSellTriggersOnTheMarkPrice() {
        placed(strategy(StrategyType.STOP_MARKET, Side.SELL, WorkingType.MARK_PRICE, 0, btc("59000"), "s1"));
        long bid = h.gtc(maker, Side.BUY, btc("58000"), 1).orderId();
        tradeAt("58500");
        assertThat(events()).as("a trade below the stop does not move the mark").noneMatch(e -> e.contains("TRIGGERED"));
        long triggered = h.engine.nextOrderId();
        setMark("59000");
        assertThat(events()).containsExactly(
                "strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " SELL 1@0",
                "traded " + bid + " 1@" + btc("58000") + " maker",
                "traded " + triggered + " 1@" + btc("58000") + " taker",
                "strategy " + FIRST + " FINISHED order " + triggered);
        assertThat(h.position(a, BTC)).isEqualTo(-1);
    }

    @Test
    void stopLimitPlacesARestingLimitOrderAndFinishesWhenItIsCancelled() {
        StrategyView s = placed(strategy(StrategyType.STOP, Side.SELL, WorkingType.MARK_PRICE, btc("58000"), btc("59000"), "s1"));
        assertThat(s.orderType()).isEqualTo(OrderType.LIMIT);
        events();
        long triggered = h.engine.nextOrderId();
        setMark("58900");
        assertThat(events()).containsExactly(
                "strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " SELL 1@" + btc("58000"));
        assertThat(history(FIRST).status()).isEqualTo(StrategyStatus.TRIGGERED);
        assertThat(history(FIRST).orderStatus()).isEqualTo(OrderStatus.NEW);
        assertThat(h.engine.strategyOfOrder(triggered).strategyId()).isEqualTo(FIRST);
        h.cancel(a, BTC, triggered);
        assertThat(events()).containsExactly("canceled " + triggered, "strategy " + FIRST + " FINISHED order " + triggered);
        assertThat(history(FIRST).orderStatus()).isEqualTo(OrderStatus.CANCELED);
        assertThat(h.engine.strategyOfOrder(triggered)).isNull();
    }

    @Test
    void stopLimitBuyTriggersOnTheLastPrice() {
        tradeAt("60000");
        placed(strategy(StrategyType.STOP, Side.BUY, WorkingType.CONTRACT_PRICE, btc("59000"), btc("60100"), "s1"));
        long triggered = h.engine.nextOrderId() + 2;
        events();
        tradeAt("60100");
        assertThat(events()).endsWith("strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " BUY 1@" + btc("59000"));
    }

    @Test
    void takeProfitMarketSellTriggersWhenTheMarkRisesToIt() {
        long bid = h.gtc(maker, Side.BUY, btc("60900"), 1).orderId();
        placed(strategy(StrategyType.TAKE_PROFIT_MARKET, Side.SELL, WorkingType.MARK_PRICE, 0, btc("61000"), "tp"));
        events();
        setMark("60999.9");
        assertThat(events()).isEmpty();
        long triggered = h.engine.nextOrderId();
        setMark("61000");
        assertThat(events()).containsExactly(
                "strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " SELL 1@0",
                "traded " + bid + " 1@" + btc("60900") + " maker",
                "traded " + triggered + " 1@" + btc("60900") + " taker",
                "strategy " + FIRST + " FINISHED order " + triggered);
    }

    @Test
    void takeProfitMarketBuyTriggersWhenTheLastPriceFallsToIt() {
        tradeAt("60000");
        placed(strategy(StrategyType.TAKE_PROFIT_MARKET, Side.BUY, WorkingType.CONTRACT_PRICE, 0, btc("59500"), "tp"));
        long ask = h.gtc(maker, Side.SELL, btc("59800"), 3).orderId();
        long sell = h.gtc(taker, Side.SELL, btc("59500"), 1).orderId();
        long buy = h.engine.nextOrderId();
        long triggered = buy + 1;
        events();
        // the maker buys the taker's ask at 59500: the last price falls to the take-profit
        EngineHarness.accepted(h.limit(maker, BTC, Side.BUY, TimeInForce.IOC, btc("59500"), 1));
        assertThat(events()).containsExactly(
                "accepted " + buy + " BUY 1@" + btc("59500"),
                "traded " + sell + " 1@" + btc("59500") + " maker",
                "traded " + buy + " 1@" + btc("59500") + " taker",
                "strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " BUY 1@0",
                "traded " + ask + " 1@" + btc("59800") + " maker",
                "traded " + triggered + " 1@" + btc("59800") + " taker",
                "strategy " + FIRST + " FINISHED order " + triggered);
    }

    @Test
    void takeProfitLimitOnBothWorkingTypes() {
        tradeAt("60000");
        placed(strategy(StrategyType.TAKE_PROFIT, Side.BUY, WorkingType.MARK_PRICE, btc("59000"), btc("59500"), "mark"));
        placed(strategy(StrategyType.TAKE_PROFIT, Side.SELL, WorkingType.CONTRACT_PRICE, btc("61000"), btc("60500"), "last"));
        events();
        long first = h.engine.nextOrderId();
        setMark("59500");
        assertThat(events()).containsExactly("strategy " + FIRST + " TRIGGERED order " + first, "accepted " + first + " BUY 1@" + btc("59000"));
        long second = h.engine.nextOrderId() + 2;
        tradeAt("60500");
        assertThat(events()).endsWith("strategy " + (FIRST + 1) + " TRIGGERED order " + second,
                "accepted " + second + " SELL 1@" + btc("61000"));
    }

    // --- immediate triggers ---

    @Test
    void aConditionThatHoldsAtPlacementIsRefused() {
        tradeAt("60000");
        events();
        assertThat(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.CONTRACT_PRICE, 0, btc("60000"), "x"))
                .isEqualTo(new Result.Rejected(Reject.WOULD_IMMEDIATELY_TRIGGER));
        assertThat(strategy(StrategyType.STOP, Side.SELL, WorkingType.MARK_PRICE, btc("60000"), btc("60000.1"), "x"))
                .isEqualTo(new Result.Rejected(Reject.WOULD_IMMEDIATELY_TRIGGER));
        assertThat(strategy(StrategyType.TAKE_PROFIT_MARKET, Side.SELL, WorkingType.MARK_PRICE, 0, btc("59999.9"), "x"))
                .isEqualTo(new Result.Rejected(Reject.WOULD_IMMEDIATELY_TRIGGER));
        assertThat(strategy(StrategyType.TAKE_PROFIT, Side.BUY, WorkingType.CONTRACT_PRICE, btc("60000"), btc("60000.1"), "x"))
                .isEqualTo(new Result.Rejected(Reject.WOULD_IMMEDIATELY_TRIGGER));
        assertThat(trailing(Side.BUY, WorkingType.MARK_PRICE, btc("60000"), 10)).isEqualTo(new Result.Rejected(Reject.WOULD_IMMEDIATELY_TRIGGER));
        assertThat(trailing(Side.SELL, WorkingType.MARK_PRICE, btc("60000"), 10)).isEqualTo(new Result.Rejected(Reject.WOULD_IMMEDIATELY_TRIGGER));
        assertThat(events()).isEmpty();
        assertThat(placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.CONTRACT_PRICE, 0, btc("60000.1"), "x")).strategyId())
                .as("refusals use no id").isEqualTo(FIRST);
    }

    @Test
    void withoutAnyPriceNothingTriggersAtPlacement() {
        // no trade yet: the last price is unknown, so a CONTRACT_PRICE strategy waits for the first trade
        placed(strategy(StrategyType.STOP_MARKET, Side.SELL, WorkingType.CONTRACT_PRICE, 0, btc("70000"), "x"));
        h.gtc(maker, Side.BUY, btc("59000"), 1);
        events();
        tradeAt("60000");
        assertThat(events()).contains("strategy " + FIRST + " TRIGGERED order " + (h.engine.nextOrderId() - 1));
    }

    // --- trailing stops ---

    @Test
    void trailingSellActivatesAtItsPriceFollowsTheHighAndTriggersOnTheCallback() {
        StrategyView s = placed(trailing(Side.SELL, WorkingType.MARK_PRICE, btc("61000"), 10));
        assertThat(s.activationPrice()).isEqualTo(btc("61000"));
        assertThat(s.stopPrice()).as("1% under the activation price").isEqualTo(btc("60390"));
        long bid = h.gtc(maker, Side.BUY, btc("60000"), 1).orderId();
        setMark("60700");
        setMark("61000");
        setMark("62000");
        assertThat(h.query(new Query.OpenStrategies(a, BTC))).isEqualTo(new Result.Strategies(List.of(openView(FIRST))));
        assertThat(openView(FIRST).stopPrice()).as("1% under the high").isEqualTo(btc("61380"));
        events();
        setMark("61380.1");
        assertThat(events()).isEmpty();
        long triggered = h.engine.nextOrderId();
        setMark("61380");
        assertThat(events()).containsExactly(
                "strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " SELL 1@0",
                "traded " + bid + " 1@" + btc("60000") + " maker",
                "traded " + triggered + " 1@" + btc("60000") + " taker",
                "strategy " + FIRST + " FINISHED order " + triggered);
    }

    @Test
    void trailingBuyWithoutActivationPriceFollowsTheLastPriceFromPlacement() {
        tradeAt("60000");
        StrategyView s = placed(trailing(Side.BUY, WorkingType.CONTRACT_PRICE, 0, 5));
        assertThat(s.activationPrice()).as("the price at placement").isEqualTo(btc("60000"));
        assertThat(s.stopPrice()).isEqualTo(btc("60300"));
        // the last price falls to 59000, then rises 0.5% from there
        h.gtc(maker, Side.BUY, btc("59000"), 1);
        h.execute(new Command.PlaceOrder(taker, BTC, Side.SELL, OrderType.MARKET, null, PositionSide.BOTH, false, 0, 1, "down"));
        assertThat(openView(FIRST).stopPrice()).isEqualTo(btc("59295"));
        long ask = h.gtc(maker, Side.SELL, btc("59500"), 1).orderId();
        events();
        tradeAt("59294.9");
        assertThat(events()).noneMatch(e -> e.contains("TRIGGERED"));
        long triggered = h.engine.nextOrderId() + 2;
        tradeAt("59295");
        assertThat(events()).endsWith("strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " BUY 1@0",
                "traded " + ask + " 1@" + btc("59500") + " maker",
                "traded " + triggered + " 1@" + btc("59500") + " taker",
                "strategy " + FIRST + " FINISHED order " + triggered);
    }

    private StrategyView openView(long strategyId) {
        Result r = h.query(new Query.OpenStrategyLookup(a, BTC, strategyId, null));
        assertThat(r).isInstanceOf(Result.Strategies.class);
        return ((Result.Strategies) r).strategies().get(0);
    }

    // --- refusals at trigger, priceProtect ---

    @Test
    void aReduceOnlyStrategyWithNothingToReduceExpiresAtTheTrigger() {
        h.gtc(maker, Side.BUY, btc("58000"), 1);
        placed(h.execute(new Command.PlaceStrategy(a, BTC, Side.SELL, PositionSide.BOTH, StrategyType.STOP_MARKET, TimeInForce.GTC, 1,
                true, true, 0, WorkingType.MARK_PRICE, false, "ro", btc("59000"), 0, 0)));
        events();
        setMark("59000");
        assertThat(events()).containsExactly("strategy " + FIRST + " EXPIRED order 0");
        assertThat(history(FIRST).status()).isEqualTo(StrategyStatus.EXPIRED);
    }

    @Test
    void priceProtectHoldsTheTriggerWhileMarkAndLastPriceAreFarApart() {
        tradeAt("60000");
        placed(h.execute(new Command.PlaceStrategy(a, BTC, Side.SELL, PositionSide.BOTH, StrategyType.STOP, TimeInForce.GTC, 1,
                false, false, btc("56000"), WorkingType.MARK_PRICE, true, "pp", btc("57200"), 0, 0)));
        events();
        setMark("56000");
        assertThat(events()).as("7.1% from the last trade: over triggerProtect 5%").isEmpty();
        assertThat(openView(FIRST).status()).isEqualTo(StrategyStatus.NEW);
        long triggered = h.engine.nextOrderId();
        setMark("57200");
        assertThat(events()).as("4.9% apart: within").containsExactly(
                "strategy " + FIRST + " TRIGGERED order " + triggered,
                "accepted " + triggered + " SELL 1@" + btc("56000"));
    }

    // --- cancels, cap, rules ---

    @Test
    void cancelByIdOrClientIdAndCancelAll() {
        placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "one"));
        placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("62000"), "two"));
        placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("63000"), "three"));
        events();
        Result one = h.execute(new Command.CancelStrategy(a, BTC, FIRST, null));
        assertThat(placed(one).status()).isEqualTo(StrategyStatus.CANCELED);
        assertThat(h.execute(new Command.CancelStrategy(a, BTC, FIRST, null))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ORDER_ON_CANCEL));
        assertThat(h.execute(new Command.CancelStrategy(maker, BTC, FIRST + 1, null))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ORDER_ON_CANCEL));
        assertThat(h.execute(new Command.CancelStrategy(a, ETH, FIRST + 1, null))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ORDER_ON_CANCEL));
        assertThat(placed(h.execute(new Command.CancelStrategy(a, BTC, -1, "two"))).strategyId()).isEqualTo(FIRST + 1);
        Result all = h.execute(new Command.CancelAllStrategies(a, BTC));
        assertThat(((Result.StrategiesCanceled) all).canceled()).extracting(StrategyView::strategyId).containsExactly(FIRST + 2);
        assertThat(events()).containsExactly("strategy " + FIRST + " CANCELED order 0", "strategy " + (FIRST + 1) + " CANCELED order 0",
                "strategy " + (FIRST + 2) + " CANCELED order 0");
        assertThat(h.execute(new Command.CancelAllStrategies(a, BTC)).changedState()).isFalse();
        assertThat(h.query(new Query.OpenStrategyLookup(a, BTC, FIRST, null))).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
        assertThat(history(FIRST).status()).isEqualTo(StrategyStatus.CANCELED);
        setMark("64000");
        assertThat(events()).isEmpty();
    }

    @Test
    void maxNumAlgoOrdersPerAccountAndSymbol() {
        int cap = TestInstruments.btcPerp().maxNumAlgoOrders();
        for (int i = 0; i < cap; i++) placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "c" + i));
        assertThat(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "over"))
                .isEqualTo(new Result.Rejected(Reject.MAX_STOP_ORDERS));
        // another account, and the same account after a cancel, may place
        placed(h.execute(new Command.PlaceStrategy(maker, BTC, Side.BUY, PositionSide.BOTH, StrategyType.STOP_MARKET, TimeInForce.GTC,
                1, false, false, 0, WorkingType.MARK_PRICE, false, "m", btc("61000"), 0, 0)));
        h.execute(new Command.CancelStrategy(a, BTC, FIRST, null));
        placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "over"));
    }

    @Test
    void maxNumOrdersCountsNormalAndConditionalOrders() {
        int cap = TestInstruments.btcPerp().maxNumOrders();
        for (int i = 0; i < 10; i++) placed(strategy(StrategyType.STOP, Side.SELL, WorkingType.MARK_PRICE, btc("58000"), btc("59000"), "c" + i));
        for (int i = 0; i < cap - 11; i++) h.gtc(a, Side.BUY, btc("50000") + i, 1);
        // 189 orders and 10 strategies: one more of either fits, then neither
        placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "last"));
        assertThat(h.limit(a, BTC, Side.BUY, TimeInForce.GTC, btc("40000"), 1)).isEqualTo(new Result.Rejected(Reject.MAX_OPEN_ORDERS));
        assertThat(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "over"))
                .isEqualTo(new Result.Rejected(Reject.MAX_OPEN_ORDERS));
        // at the cap, a stop-limit still places its order: it takes its own strategy's place
        events();
        setMark("58900");
        assertThat(events()).filteredOn(e -> e.startsWith("accepted")).hasSize(10);
        assertThat(h.openOrders(a, BTC, null)).hasSize(cap - 1);
    }

    @Test
    void placementRules() {
        placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "dup"));
        assertThat(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "dup"))
                .isEqualTo(new Result.Rejected(Reject.DUPLICATE_CLIENT_ORDER_ID));
        assertThat(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("5000000"), "x"))
                .isEqualTo(new Result.Rejected(Reject.STOP_PRICE_GREATER_THAN_MAX_PRICE));
        assertThat(strategy(StrategyType.STOP, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "x"))
                .isEqualTo(new Result.Rejected(Reject.PRICE_LESS_THAN_ZERO));
        assertThat(trailing(Side.SELL, WorkingType.MARK_PRICE, btc("5000000"), 10)).isEqualTo(new Result.Rejected(Reject.INVALID_ACTIVATION_PRICE));
        assertThat(h.execute(new Command.PlaceStrategy(a, BTC, Side.BUY, PositionSide.LONG, StrategyType.STOP_MARKET, TimeInForce.GTC,
                1, false, false, 0, WorkingType.MARK_PRICE, false, "x", btc("61000"), 0, 0))).isEqualTo(new Result.Rejected(Reject.POSITION_SIDE_MISMATCH));
        assertThat(h.execute(new Command.SetPositionMode(a, true))).as("-4067 with an open strategy")
                .isEqualTo(new Result.Rejected(Reject.POSITION_MODE_OPEN_ORDERS));
    }

    @Test
    void allStrategiesNewestFirstLimitAndFromAnId() {
        for (int i = 0; i < 5; i++) placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "c" + i));
        h.execute(new Command.CancelStrategy(a, BTC, FIRST + 1, null));
        Result newest = h.query(new Query.AllStrategies(a, BTC, -1, -1, -1, 3));
        assertThat(((Result.Strategies) newest).strategies()).extracting(StrategyView::strategyId).containsExactly(FIRST + 2, FIRST + 3, FIRST + 4);
        Result from = h.query(new Query.AllStrategies(a, null, FIRST + 1, -1, -1, 2));
        assertThat(((Result.Strategies) from).strategies()).extracting(StrategyView::strategyId).containsExactly(FIRST + 1, FIRST + 2);
        Result none = h.query(new Query.AllStrategies(a, ETH, -1, -1, -1, 0));
        assertThat(((Result.Strategies) none).strategies()).isEmpty();
        Result old = h.query(new Query.AllStrategies(a, BTC, -1, EngineHarness.T0 - 8 * EngineHarness.DAY, -1, 10));
        assertThat(((Result.Strategies) old).strategies()).as("a window of 7 days from a start long before").isEmpty();
        // a cancelled strategy is forgotten 7 days after
        h.now += 8 * EngineHarness.DAY;
        assertThat(h.query(new Query.StrategyHistoryLookup(a, BTC, FIRST + 1, null))).isEqualTo(new Result.Rejected(Reject.NO_SUCH_ORDER));
    }

    // --- liquidation ---

    @Test
    void aLiquidationCancelsTheAccountsStrategiesWithItsOrders() {
        EngineHarness l = new EngineHarness();
        long[] ids = LiquidationTest.fixture(l);
        long poor = ids[1];
        l.gtc(ids[0], Side.BUY, btc("55000"), 20);
        placed(l.execute(new Command.PlaceStrategy(poor, BTC, Side.SELL, PositionSide.BOTH, StrategyType.TAKE_PROFIT_MARKET, TimeInForce.GTC,
                11, true, true, 0, WorkingType.MARK_PRICE, false, "tp", btc("65000"), 0, 0)));
        l.drainAll();
        l.execute(new Command.SetPrices(BTC, LiquidationTest.usd(56_000), LiquidationTest.usd(56_000)));
        List<Event> events = l.drainAll();
        assertThat(events).filteredOn(e -> e instanceof Event.StrategyUpdated).extracting(e -> ((Event.StrategyUpdated) e).strategy().status())
                .containsExactly(StrategyStatus.CANCELED);
        assertThat(events.indexOf(events.stream().filter(e -> e instanceof Event.StrategyUpdated).findFirst().orElseThrow()))
                .as("before the liquidation's own order").isLessThan(events.indexOf(events.stream().filter(e -> e instanceof Event.Accepted).findFirst().orElseThrow()));
        assertThat(l.query(new Query.OpenStrategies(poor, null))).isEqualTo(new Result.Strategies(List.of()));
    }

    @Test
    void aStopLossTheMoveReachesClosesThePositionBeforeLiquidationIsJudged() {
        EngineHarness l = new EngineHarness();
        long[] ids = LiquidationTest.fixture(l);
        long poor = ids[1];
        long bid = l.gtc(ids[0], Side.BUY, btc("55000"), 20).orderId();
        placed(l.execute(new Command.PlaceStrategy(poor, BTC, Side.SELL, PositionSide.BOTH, StrategyType.STOP_MARKET, TimeInForce.GTC,
                11, true, true, 0, WorkingType.MARK_PRICE, false, "sl", btc("57000"), 0, 0)));
        l.drainAll();
        long stopOrder = l.engine.nextOrderId();
        l.execute(new Command.SetPrices(BTC, LiquidationTest.usd(56_000), LiquidationTest.usd(56_000)));
        List<String> seen = new ArrayList<>();
        for (Event e : l.drainAll()) {
            if (e instanceof Event.StrategyUpdated x) seen.add("strategy " + x.strategy().status());
            else if (e instanceof Event.Accepted x) seen.add("accepted " + x.orderId());
            else if (e instanceof Event.Traded x) seen.add("traded " + x.orderId() + " " + x.qty());
            else if (e instanceof Event.Canceled x) seen.add("canceled " + x.orderId());
        }
        // the stop sells the 11 contracts into the bid, so no autoclose order follows
        assertThat(seen).startsWith("strategy TRIGGERED", "accepted " + stopOrder, "traded " + bid + " 11", "traded " + stopOrder + " 11",
                "strategy FINISHED");
        assertThat(seen).noneMatch(x -> x.equals("accepted " + (stopOrder + 1)));
        assertThat(l.position(poor, BTC)).isZero();
    }

    // --- snapshots ---

    @Test
    void aFormat8SnapshotReadsAsAStateWithoutStrategies() {
        tradeAt("60000");
        h.gtc(maker, Side.BUY, btc("59000"), 2);
        byte[] current = EngineSnapshot.write(h.engine);
        // format 8 is format 9 without the strategies' tail: next id (8 bytes), none remembered (4), none closed (4)
        byte[] older = java.util.Arrays.copyOf(current, current.length - 16);
        java.nio.ByteBuffer.wrap(older).putInt(0, 8);
        Engine restored = EngineSnapshot.read(older, TestInstruments.all(), null);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(h.engine));
        assertThat(java.nio.ByteBuffer.wrap(current).getInt(0)).isEqualTo(9);
        java.nio.ByteBuffer.wrap(older).putInt(0, 7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineSnapshot.read(older, TestInstruments.all(), null))
                .hasMessageContaining("unknown snapshot format 7");
    }

    @Test
    void snapshotsKeepStrategiesAndTheRestoredEngineTriggersTheSame() {
        tradeAt("60000");
        placed(strategy(StrategyType.STOP_MARKET, Side.BUY, WorkingType.MARK_PRICE, 0, btc("61000"), "open"));
        placed(trailing(Side.SELL, WorkingType.CONTRACT_PRICE, 0, 20));
        placed(strategy(StrategyType.STOP, Side.SELL, WorkingType.MARK_PRICE, btc("58000"), btc("59000"), "triggered"));
        placed(strategy(StrategyType.TAKE_PROFIT_MARKET, Side.SELL, WorkingType.MARK_PRICE, 0, btc("65000"), "canceled"));
        h.execute(new Command.CancelStrategy(a, BTC, -1, "canceled"));
        setMark("58900");
        setMark("60000");
        byte[] bytes = EngineSnapshot.write(h.engine);
        Engine restored = EngineSnapshot.read(bytes, TestInstruments.all(), null);
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(h.engine));
        for (Query q : List.<Query>of(new Query.OpenStrategies(a, null), new Query.AllStrategies(a, BTC, FIRST, -1, -1, 10))) {
            assertThat(restored.query(q, h.now)).isEqualTo(h.engine.query(q, h.now));
        }
        assertThat(restored.strategyOfOrder(h.engine.nextOrderId() - 1)).isEqualTo(h.engine.strategyOfOrder(h.engine.nextOrderId() - 1));
        long e8 = btc("61000") * 10_000_000L;
        long t = h.now;
        for (Command c : List.<Command>of(
                new Command.PlaceOrder(maker, BTC, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, false, btc("61000"), 1, "ask"),
                new Command.SetPrices(BTC, e8, e8))) {
            assertThat(EngineHarness.byValue(restored.execute(c, t))).isEqualTo(EngineHarness.byValue(h.engine.execute(c, t)));
            t++;
        }
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(h.engine));
        // the stop buys from a's own resting stop-limit SELL at 58000; that trade triggers the trailing stop, whose
        // MARKET SELL finds no bid and expires
        Query all = new Query.AllStrategies(a, BTC, FIRST, -1, -1, 10);
        assertThat(restored.query(all, t)).isEqualTo(h.engine.query(all, t));
        assertThat(((Result.Strategies) h.engine.query(all, t)).strategies()).extracting(StrategyView::status).containsExactly(
                StrategyStatus.FINISHED, StrategyStatus.EXPIRED, StrategyStatus.FINISHED, StrategyStatus.CANCELED);
    }
}
