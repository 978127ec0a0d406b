package com.papisandbox.engine;

import static com.papisandbox.engine.TestInstruments.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The house ladder: exact events of a requote, only changed levels requoted, crossing user orders filled
 * through the normal matching path. BTCUSD_PERP at 65000.0 with spreadPpm 100 has a 5.0 grid (50 units).
 */
class HouseMarketTest {
    private static final long F = Engine.FIRST_ORDER_ID;
    private EngineHarness h;
    private long house;
    private long user;

    @BeforeEach
    void setUp() {
        h = new EngineHarness();
        house = h.execute(new Command.OpenAccount("house", "house-secret", Map.of("BTC", new BigDecimal("1000000000")))) instanceof Result.AccountOpened a
                ? a.accountId() : -1;
        user = h.openAccount("user");
        // levelQty 1: every level is exactly 1 contract, so the events below are exact.
        assertThat(h.execute(new Command.ConfigureHouse(house, 3, 1, 100))).isEqualTo(new Result.HouseConfigured(true));
        h.drain();
    }

    private Result requote(long price) {
        return h.execute(new Command.Requote(BTC, price));
    }

    @Test
    void firstRequotePlacesBothSidesFromTheTouchOutward() {
        assertThat(requote(650_000)).isEqualTo(new Result.Requoted(650_000, 6, 0, true));
        assertThat(h.drain()).containsExactly(
                new Event.Accepted(F, house, BTC, Side.BUY, 649_950, 1),
                new Event.Accepted(F + 1, house, BTC, Side.BUY, 649_900, 1),
                new Event.Accepted(F + 2, house, BTC, Side.BUY, 649_850, 1),
                new Event.Accepted(F + 3, house, BTC, Side.SELL, 650_050, 1),
                new Event.Accepted(F + 4, house, BTC, Side.SELL, 650_100, 1),
                new Event.Accepted(F + 5, house, BTC, Side.SELL, 650_150, 1));
        assertThat(h.engine.referencePrice(BTC)).isEqualTo(650_000);
        assertThat(h.engine.referencePrice(TestInstruments.ETH)).isZero();
    }

    @Test
    void sameReferencePriceChangesNothingAndIsNotJournaled() {
        requote(650_010);
        h.drain();
        // 650001..650049 all have the ladder 65000.0 / 65005.0: the price moves, no order does.
        Result again = requote(650_040);
        assertThat(again).isEqualTo(new Result.Requoted(650_040, 0, 0, true));
        assertThat(h.drain()).isEmpty();
        Result same = requote(650_040);
        assertThat(same.changedState()).isFalse();
        assertThat(h.drain()).isEmpty();
    }

    @Test
    void aMoveOfOneGridStepRequotesOnlyTheLevelsThatChanged() {
        requote(650_000);
        h.drain();
        assertThat(requote(650_050)).isEqualTo(new Result.Requoted(650_050, 2, 2, true));
        assertThat(h.drain()).containsExactly(
                new Event.Canceled(F + 2, 1),                                  // bid 64985.0 fell out of the 3 levels
                new Event.Canceled(F + 3, 1),                                  // ask 65005.0 is the reference now
                new Event.Accepted(F + 6, house, BTC, Side.BUY, 650_000, 1),
                new Event.Accepted(F + 7, house, BTC, Side.SELL, 650_200, 1));
        assertThat(prices(Side.BUY)).containsExactly(650_000L, 649_950L, 649_900L);
        assertThat(prices(Side.SELL)).containsExactly(650_100L, 650_150L, 650_200L);
    }

    @Test
    void aRestingUserOrderFillsWhenThePriceWalksThroughIt() {
        requote(650_000);
        OrderView sell = h.gtc(user, Side.SELL, 650_020, 2);
        h.drain();
        requote(650_100);
        assertThat(h.drain()).containsExactly(
                new Event.Canceled(F + 1, 1),
                new Event.Canceled(F + 2, 1),
                new Event.Canceled(F + 3, 1),
                new Event.Canceled(F + 4, 1),
                new Event.Accepted(F + 7, house, BTC, Side.BUY, 650_050, 1),
                new Event.Traded(sell.orderId(), 1, true, 650_020, 1, 1),
                new Event.Traded(F + 7, 1, false, 650_020, 1, 0),
                new Event.Accepted(F + 8, house, BTC, Side.BUY, 650_000, 1),
                new Event.Accepted(F + 9, house, BTC, Side.SELL, 650_200, 1),
                new Event.Accepted(F + 10, house, BTC, Side.SELL, 650_250, 1));
        // The filled level is placed again on the next tick, and trades the rest of the user's order.
        requote(650_100);
        assertThat(h.drain()).containsExactly(
                new Event.Accepted(F + 11, house, BTC, Side.BUY, 650_050, 1),
                new Event.Traded(sell.orderId(), 2, true, 650_020, 1, 0),
                new Event.Traded(F + 11, 2, false, 650_020, 1, 0));
        assertThat(h.order(sell).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.engine.account("user").positions()).containsEntry(BTC, -2L);
        assertThat(h.engine.account("house").positions()).containsEntry(BTC, 2L);
    }

    @Test
    void aThousandContractMarketOrderFillsAtOnceAgainstTheDefaultLadder() {
        h.execute(new Command.ConfigureHouse(house, 25, 500, 100));
        requote(650_000);
        assertThat(prices(Side.BUY)).hasSize(25);
        assertThat(prices(Side.SELL)).hasSize(25);
        OrderView buy = EngineHarness.accepted(h.market(user, BTC, Side.BUY, 1000));
        assertThat(buy.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(buy.executedQty()).isEqualTo(1000);
    }

    @Test
    void theHouseKeepsNoHistory() {
        for (int i = 0; i < 1000; i++) requote(650_000 + (i % 2 == 0 ? 0 : 500));
        // 3 + 3 open house orders; none of the ~6000 cancelled ones is remembered.
        assertThat(h.engine.orderCount()).isEqualTo(6);
        assertThat(h.engine.account("house").openOrderList()).hasSize(6);
    }

    @Test
    void switchingTheHouseOffCancelsItsLadder() {
        requote(650_000);
        h.drain();
        assertThat(h.execute(new Command.ConfigureHouse(0, 0, 0, 0)).changedState()).isTrue();
        assertThat(h.drain()).hasSize(6).allMatch(e -> e instanceof Event.Canceled);
        assertThat(requote(651_000)).isEqualTo(new Result.Requoted(651_000, 0, 0, true));
        assertThat(h.engine.book(BTC).restingCount()).isZero();
        assertThat(h.engine.referencePrice(BTC)).isEqualTo(651_000);
    }

    @Test
    void gridStepIsOneTwoOrFiveTicksTimesAPowerOfTen() {
        Instrument btc = TestInstruments.btcPerp();
        assertThat(HouseMarket.gridStep(btc, 650_000, 100)).isEqualTo(50);
        assertThat(HouseMarket.gridStep(btc, 650_000, 10)).isEqualTo(5);
        assertThat(HouseMarket.gridStep(btc, 650_000, 40)).isEqualTo(20);
        assertThat(HouseMarket.gridStep(btc, 650_000, 1)).isEqualTo(1);
    }

    @Test
    void unknownSymbolAndNonPositivePriceAreRefused() {
        assertThat(h.execute(new Command.Requote("NOPE", 1))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(requote(0)).isEqualTo(new Result.Rejected(Reject.PRICE_LESS_THAN_ZERO));
    }

    private List<Long> prices(Side side) {
        return h.engine.book(BTC).orders(side).stream().map(Order::price).toList();
    }

    @Test
    void aPrintMovesTheLadderSweepsWhatItCrossedAndTradesAtExactlyItsPrice() {
        requote(650_000);
        long bid = h.gtc(user, Side.BUY, 649_000, 2).orderId();
        h.drain();
        assertThat(h.execute(new Command.Print(BTC, 648_900, 1))).isEqualTo(Result.Done.CHANGED);
        assertThat(EngineHarness.orderLifecycle(h.drain())).containsExactly(
                new Event.Canceled(F, 1), new Event.Canceled(F + 1, 1), new Event.Canceled(F + 2, 1),  // the old ladder
                new Event.Canceled(F + 3, 1), new Event.Canceled(F + 4, 1), new Event.Canceled(F + 5, 1),
                new Event.Accepted(F + 7, house, BTC, Side.BUY, 648_850, 1),                          // the new one
                new Event.Accepted(F + 8, house, BTC, Side.BUY, 648_800, 1),
                new Event.Accepted(F + 9, house, BTC, Side.BUY, 648_750, 1),
                new Event.Accepted(F + 10, house, BTC, Side.SELL, 648_950, 1),                        // crosses the user's bid
                new Event.Traded(bid, 1, true, 649_000, 1, 1),
                new Event.Traded(F + 10, 1, false, 649_000, 1, 0),
                new Event.Accepted(F + 11, house, BTC, Side.SELL, 649_000, 1),
                new Event.Traded(bid, 2, true, 649_000, 1, 0),
                new Event.Traded(F + 11, 2, false, 649_000, 1, 0),
                new Event.Accepted(F + 12, house, BTC, Side.SELL, 649_050, 1),
                new Event.Accepted(F + 13, house, BTC, Side.SELL, 648_900, 1),                        // the print: house meets house
                new Event.Accepted(F + 14, house, BTC, Side.BUY, 648_900, 1),
                new Event.Traded(F + 13, 3, true, 648_900, 1, 0),
                new Event.Traded(F + 14, 3, false, 648_900, 1, 0));
        assertThat(h.engine.position(house, BTC, PositionSide.BOTH).positionAmt())
                .as("the house sold the user its 2 contracts; its print with itself nets to nothing").isEqualTo(-2);
    }

    @Test
    void whatTheNewLadderCannotTakeThePrintSweepsAtTheOrdersOwnPrices() {
        requote(650_000);
        long bid = h.gtc(user, Side.BUY, 649_000, 5).orderId();
        h.drain();
        h.execute(new Command.Print(BTC, 648_900, 1));
        List<Event> lifecycle = EngineHarness.orderLifecycle(h.drain());
        assertThat(lifecycle).filteredOn(e -> e instanceof Event.Traded t && t.orderId() == bid)
                .extracting(e -> ((Event.Traded) e).price(), e -> ((Event.Traded) e).qty(), e -> ((Event.Traded) e).remainingQty())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(649_000L, 1L, 4L),   // the ladder's 648950 ask
                        org.assertj.core.groups.Tuple.tuple(649_000L, 1L, 3L),            // its 649000 ask
                        org.assertj.core.groups.Tuple.tuple(649_000L, 3L, 0L));           // the sweep takes the rest
        assertThat(h.execute(new Command.Print("NOPE", 648_900, 1))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(h.execute(new Command.Print(BTC, 648_900, 0)).changedState()).as("no quantity").isFalse();
        h.execute(new Command.ConfigureHouse(0, 0, 0, 0));
        assertThat(h.execute(new Command.Print(BTC, 648_900, 1))).as("no house").isEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
    }
}
