package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java 17 has no exhaustive switch over sealed types: this fails when a Command or a Query has no Engine handler
 * (the engine answers an unknown request with IllegalArgumentException). The journal's CommandCodecTest does
 * the same for codec entries.
 */
class HandlerCoverageTest {
    static final List<Command> COMMANDS = List.of(
            new Command.OpenAccount("k", "s", Map.of("BTC", BigDecimal.ONE)),
            new Command.PlaceOrder(1, TestInstruments.BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, false,
                    TestInstruments.btc("60000.0"), 1, "c"),
            new Command.CancelOrder(1, TestInstruments.BTC, -1, "c"),
            new Command.CancelAllOrders(1, TestInstruments.BTC),
            new Command.ModifyOrder(1, TestInstruments.BTC, -1, "c", Side.BUY, TestInstruments.btc("60000.1"), 1),
            new Command.SetPrices(TestInstruments.BTC, 6_000_000_000_000L, 6_000_000_000_000L),
            new Command.SetFundingRate(TestInstruments.BTC, 10_000),
            new Command.SetLeverage(1, TestInstruments.BTC, 10),
            new Command.SetPositionMode(1, true),
            new Command.SetCommissionRates(1, 0, 0),
            new Command.Transfer(1, "BTC", 1),
            new Command.Tick(),
            new Command.Requote(TestInstruments.BTC, TestInstruments.btc("60000")),
            new Command.ConfigureHouse(0, 20, 100, 100),
            new Command.Print(TestInstruments.BTC, TestInstruments.btc("60000"), 1),
            new Command.PlaceStrategy(1, TestInstruments.BTC, Side.BUY, PositionSide.BOTH, StrategyType.STOP_MARKET, TimeInForce.GTC,
                    1, false, false, 0, WorkingType.CONTRACT_PRICE, false, "s", TestInstruments.btc("61000"), 0, 0),
            new Command.CancelStrategy(1, TestInstruments.BTC, -1, "s"),
            new Command.CancelAllStrategies(1, TestInstruments.BTC),
            new Command.ReplaceState(""));

    static final List<Query> QUERIES = List.of(
            new Query.OrderLookup(1, TestInstruments.BTC, 1, null),
            new Query.OpenOrderLookup(1, TestInstruments.BTC, 1, null),
            new Query.OpenOrders(1, null, null),
            new Query.Balances(1),
            new Query.StateHash(),
            new Query.OrderAmendments(1, TestInstruments.BTC, 1, null, 0, Long.MAX_VALUE, 50),
            new Query.AllOrders(1, TestInstruments.BTC, null, -1, -1, -1, 0),
            new Query.ForceOrders(1, TestInstruments.BTC, null, -1, -1, 0),
            new Query.AdlQuantile(1, TestInstruments.BTC),
            new Query.CmAccountDetail(1),
            new Query.PositionRisk(1, null, null),
            new Query.Balance(1, null),
            new Query.PortfolioAccount(1),
            new Query.CommissionRate(1, TestInstruments.BTC),
            new Query.LeverageBrackets(1, null),
            new Query.PositionMode(1),
            new Query.Income(1, null, null, -1, -1, 0, 0),
            new Query.UserTrades(1, TestInstruments.BTC, null, -1, -1, -1, -1, 0),
            new Query.Depth(TestInstruments.BTC, 5),
            new Query.RecentTrades(TestInstruments.BTC, 5),
            new Query.AggTrades(TestInstruments.BTC, -1, -1, -1, 5),
            new Query.Klines(TestInstruments.BTC, KlineInterval.M1, -1, -1, 5),
            new Query.Ticker24h(TestInstruments.BTC, null),
            new Query.PriceTicker(null, null),
            new Query.BookTicker(null, null),
            new Query.PremiumIndex(null, null),
            new Query.FundingRates(TestInstruments.BTC, -1, -1, 100),
            new Query.DepthChanges(TestInstruments.BTC, 0),
            new Query.OpenStrategyLookup(1, TestInstruments.BTC, 1, null),
            new Query.StrategyHistoryLookup(1, TestInstruments.BTC, -1, "s"),
            new Query.OpenStrategies(1, null),
            new Query.AllStrategies(1, TestInstruments.BTC, -1, -1, -1, 0));

    @Test
    void everyCommandHasASampleAndAHandler() {
        assertThat(COMMANDS.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(concrete(Command.class));
        EngineHarness h = new EngineHarness();
        for (Command c : COMMANDS) {
            if (c instanceof Command.ReplaceState) {
                // handled above the engine (EngineThread, Recovery): refused here, never "unknown"
                assertThatCode(() -> h.execute(c)).isInstanceOf(IllegalStateException.class);
                continue;
            }
            assertThatCode(() -> h.execute(c)).as(c.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void everyQueryHasASampleAndAHandler() {
        assertThat(QUERIES.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(concrete(Query.class));
        EngineHarness h = new EngineHarness();
        h.openAccount("a");
        for (Query q : QUERIES) {
            assertThatCode(() -> h.query(q)).as(q.toString()).doesNotThrowAnyException();
            assertThat(h.query(q)).as(q.toString()).isNotEqualTo(new Result.Rejected(Reject.UNKNOWN_ACCOUNT));
            assertThat(h.query(q)).as(q.toString()).isNotNull();
        }
    }

    /** The records under a sealed interface, through its sealed sub-interfaces (Query.Market). */
    private static List<Class<?>> concrete(Class<?> sealed) {
        List<Class<?>> out = new java.util.ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isInterface()) out.addAll(concrete(c));
            else out.add(c);
        }
        return out;
    }
}
