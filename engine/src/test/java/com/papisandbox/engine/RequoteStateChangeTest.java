package com.papisandbox.engine;

import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.btc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A requote at an unchanged reference price that still moves the mark (after SetPrices) changes the state. */
class RequoteStateChangeTest {
    private final EngineHarness h = new EngineHarness();

    private static long e8(String usd) {
        return btc(usd) * 10_000_000L;
    }

    @Test
    void requoteThatOnlyMovesTheMarkReportsAStateChange() {
        assertThat(h.execute(new Command.Requote(BTC, btc("60000"))).changedState()).isTrue();
        h.execute(new Command.SetPrices(BTC, e8("65000"), e8("65000")));
        // the mark goes back from 65 000 to 60 000: the journal must see this command
        assertThat(h.execute(new Command.Requote(BTC, btc("60000"))).changedState()).isTrue();
    }

    @Test
    void requoteThatOnlyMovesTheMarkAndTriggersAStopDoesNotThrow() {
        long a = h.openAccount("a");
        h.execute(new Command.Requote(BTC, btc("60000")));
        h.execute(new Command.SetPrices(BTC, e8("65000"), e8("65000")));
        Result s = h.execute(new Command.PlaceStrategy(a, BTC, Side.SELL, PositionSide.BOTH, StrategyType.STOP_MARKET, TimeInForce.GTC,
                1, false, false, 0, WorkingType.MARK_PRICE, false, "s1", btc("62000"), 0, 0));
        assertThat(s).isInstanceOf(Result.StrategyResult.class);
        Result r = h.execute(new Command.Requote(BTC, btc("60000")));
        assertThat(r.changedState()).isTrue();
    }

    @Test
    void unchangedHouseCommandsThatSettleFundingReportAStateChange() {
        long maker = h.openAccount("maker");
        long taker = h.openAccount("taker");
        h.execute(new Command.Requote(BTC, btc("60000")));
        h.gtc(maker, Side.SELL, btc("60000"), 1);
        EngineHarness.accepted(h.market(taker, BTC, Side.BUY, 1));
        h.execute(new Command.ConfigureHouse(0, 5, 1, 1000));
        // the funding clock runs from the first trade: a day later funding is due
        h.now += EngineHarness.DAY;
        assertThat(h.execute(new Command.ConfigureHouse(0, 5, 1, 1000)).changedState()).isTrue();
        h.now += EngineHarness.DAY;
        assertThat(h.execute(new Command.Requote(BTC, btc("60000"))).changedState()).isTrue();
    }
}
