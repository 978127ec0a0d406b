package com.papisandbox.engine;

import static com.papisandbox.engine.PositionSide.BOTH;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.BTC_QUARTER;
import static com.papisandbox.engine.TestInstruments.btc;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.AccountUpdated;
import com.papisandbox.engine.Event.Reason;
import com.papisandbox.engine.LedgerViews.IncomeView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time-driven settlement: funding every 8 hours (spec-next §9.11) and delivery of quarterlies (§9.12). */
class FundingAndDeliveryTest {
    static final long HOUR = 60L * 60 * 1000;
    static final long BTC_10 = 10 * Money.ONE_COIN;
    /** The quarterly listed when BTCUSD_260626 delivers (the test engine lists one quarterly per pair). */
    static final String NEXT_QUARTER = "BTCUSD_260925";
    /** 2026-09-25 08:00 UTC, the last Friday of September. */
    static final long SEP_25_2026 = 1_790_323_200_000L;

    final EngineHarness h = new EngineHarness();
    final long m = h.openAccount("maker");
    final long a = h.openAccount("trader");

    List<IncomeView> income(long account, IncomeType type) {
        return ((Result.Incomes) h.query(new Query.Income(account, null, type, -1, -1, 0, 0))).incomes();
    }

    @Test
    void longsPayShortsAtEachFundingTime() {
        // long 10 BTCUSD_PERP, mark 50 000, rate 0.0001: 10 × 100 / 50 000 × 0.0001 = 0.000002 BTC (spec-next §9.11)
        h.execute(new Command.SetCommissionRates(a, 0, 0));
        h.execute(new Command.SetCommissionRates(m, 0, 0));
        h.execute(new Command.SetPrices(BTC, 5_000_000_000_000L, 5_000_000_000_000L));
        h.gtc(m, SELL, btc("50000.0"), 10);
        h.market(a, BTC, BUY, 10);
        h.drainAll();
        long funding = EngineHarness.T0 + 8 * HOUR;
        h.now = funding - 1;
        assertThat(h.execute(new Command.Tick())).isEqualTo(Result.Done.UNCHANGED);
        h.now = funding;
        assertThat(h.execute(new Command.Tick())).isEqualTo(Result.Done.CHANGED);
        assertThat(h.drainAll()).containsExactly(
                new AccountUpdated(m, Reason.FUNDING_FEE, "BTC", BTC_10 + 200, 200, BTC, BOTH, -10, -200_000_000_000L, funding),
                new AccountUpdated(a, Reason.FUNDING_FEE, "BTC", BTC_10 - 200, -200, BTC, BOTH, 10, 200_000_000_000L, funding));
        assertThat(income(a, IncomeType.FUNDING_FEE)).containsExactly(
                new IncomeView(BTC, IncomeType.FUNDING_FEE, -200, "BTC", "", funding, 2, 0));
        assertThat(h.execute(new Command.Tick())).isEqualTo(Result.Done.UNCHANGED);

        // a negative rate: shorts pay; a command that is refused still settles, and says it changed state
        h.execute(new Command.SetFundingRate(BTC, -10_000));
        h.now = funding + 8 * HOUR + 5;
        Result refused = h.execute(new Command.CancelOrder(a, BTC, 1, null));
        assertThat(refused).isEqualTo(new Result.Rejected(Reject.UNKNOWN_ORDER_ON_CANCEL, true));
        assertThat(refused.changedState()).isTrue();
        assertThat(h.engine.account(a).walletUnits("BTC")).isEqualTo(BTC_10);
        assertThat(h.engine.account(m).walletUnits("BTC")).isEqualTo(BTC_10);

        // the public history: both settlements, oldest first, with the rate and mark of each
        long second = funding + 8 * HOUR;
        List<MarketView.FundingRate> both = List.of(new MarketView.FundingRate(funding, 10_000, 5_000_000_000_000L),
                new MarketView.FundingRate(second, -10_000, 5_000_000_000_000L));
        assertThat(fundingRates(BTC, -1, -1, 100)).isEqualTo(both);
        assertThat(fundingRates(BTC, -1, -1, 1)).as("the latest").isEqualTo(both.subList(1, 2));
        assertThat(fundingRates(BTC, funding, -1, 1)).as("from startTime").isEqualTo(both.subList(0, 1));
        assertThat(fundingRates(BTC, funding + 1, second, 100)).isEqualTo(both.subList(1, 2));
        assertThat(fundingRates(BTC, -1, second - 1, 100)).isEqualTo(both.subList(0, 1));
        assertThat(fundingRates(TestInstruments.BTC_QUARTER, -1, -1, 100)).as("quarterlies never fund").isEmpty();
    }

    private List<MarketView.FundingRate> fundingRates(String symbol, long start, long end, int limit) {
        return ((Result.FundingRates) h.query(new Query.FundingRates(symbol, start, end, limit))).rates();
    }

    @Test
    void aQuarterlyDeliversAtItsDeliveryDate() {
        Instrument quarter = h.engine.instruments().get(BTC_QUARTER);
        h.execute(new Command.SetCommissionRates(a, 0, 0));
        h.execute(new Command.SetCommissionRates(m, 0, 0));
        h.gtc(m, BTC_QUARTER, SELL, btc("50000.0"), 10);
        h.market(a, BTC_QUARTER, BUY, 4);
        OrderView resting = h.gtc(a, BTC_QUARTER, BUY, btc("40000.0"), 1);
        h.execute(new Command.SetPrices(BTC_QUARTER, 5_200_000_000_000L, 5_500_000_000_000L));
        h.drainAll();

        h.now = quarter.deliveryDate();
        assertThat(h.execute(new Command.Tick())).isEqualTo(Result.Done.CHANGED);
        // open orders are cancelled, positions close at the index 55 000:
        //   long 4 @ 50 000: 400 × (1/50 000 − 1/55 000) = 0.000727272… → 0.00072727; the short loses as much
        long t = quarter.deliveryDate();
        assertThat(h.drainAll()).containsExactly(
                new Event.Canceled(resting.orderId(), 1),
                new Event.Canceled(Engine.FIRST_ORDER_ID, 6),
                new AccountUpdated(m, Reason.DELIVERY, "BTC", BTC_10 - 72_727, -72_727, BTC_QUARTER, BOTH, 0, 0, t),
                new AccountUpdated(a, Reason.DELIVERY, "BTC", BTC_10 + 72_727, 72_727, BTC_QUARTER, BOTH, 0, 0, t));
        assertThat(income(a, IncomeType.DELIVERED_SETTELMENT)).containsExactly(
                new IncomeView(BTC_QUARTER, IncomeType.DELIVERED_SETTELMENT, 72_727, "BTC", "", t, 2, 0));
        assertThat(h.gtc(a, Side.BUY, btc("40000.0"), 1)).isNotNull();
        // the delivered symbol is gone; its successor, the next quarter, is listed in its slot at the delivery
        assertThat(h.limit(a, BTC_QUARTER, BUY, TimeInForce.GTC, btc("40000.0"), 1)).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        Instrument next = h.engine.instruments().get(NEXT_QUARTER);
        assertThat(next).isEqualTo(quarter.listedAs(NEXT_QUARTER, "NEXT_QUARTER", SEP_25_2026, t));
        assertThat(h.engine.instruments().keySet()).containsExactly(BTC, TestInstruments.ETH, NEXT_QUARTER);
        assertThat(h.engine.book(NEXT_QUARTER).index).isEqualTo(h.engine.book(BTC).index + 2);
        // delivered symbols leave the position lists; the new contract joins them, flat
        Result.Positions rows = (Result.Positions) h.query(new Query.PositionRisk(a, null, "BTCUSD"));
        assertThat(rows.positions()).extracting(LedgerViews.PositionView::symbol).containsExactly(BTC, NEXT_QUARTER);
        assertThat(rows.positions().get(1).positionAmt()).isZero();
        // history keeps the delivered symbol: the fills and the settlement still name BTCUSD_260626
        Result.UserTrades fills = (Result.UserTrades) h.query(new Query.UserTrades(a, null, "BTCUSD", -1, EngineHarness.T0, EngineHarness.T0 + HOUR, -1, 0));
        assertThat(fills.trades()).extracting(LedgerViews.TradeView::symbol).containsOnly(BTC_QUARTER);
        assertThat(h.query(new Query.UserTrades(a, BTC_QUARTER, null, -1, -1, -1, -1, 0))).isEqualTo(new Result.Rejected(Reject.UNKNOWN_SYMBOL));
        assertThat(incomes(a)).extracting(IncomeView::symbol).containsOnly(BTC_QUARTER);
        // the new contract trades at once
        h.gtc(m, NEXT_QUARTER, SELL, btc("50000.0"), 1);
        assertThat(h.market(a, NEXT_QUARTER, BUY, 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(positions(a)).containsEntry(NEXT_QUARTER, 1L);
    }

    @Test
    void aRollResetsTheSlotsSettingsAndSurvivesASnapshot() {
        h.execute(new Command.SetLeverage(a, BTC_QUARTER, 50));
        h.gtc(m, BTC_QUARTER, SELL, btc("50000.0"), 1);
        h.market(a, BTC_QUARTER, BUY, 1);
        h.now = h.engine.instruments().get(BTC_QUARTER).deliveryDate() - HOUR;
        h.gtc(a, BTC_QUARTER, BUY, btc("49000.0"), 1);
        h.now = h.engine.instruments().get(BTC_QUARTER).deliveryDate();
        assertThat(h.execute(new Command.Tick())).isEqualTo(Result.Done.CHANGED);
        int slot = h.engine.book(NEXT_QUARTER).index;
        assertThat(h.engine.account(a).leverage[slot]).as("a new contract starts at the default leverage").isEqualTo(LeverageBrackets.DEFAULT_LEVERAGE);
        h.execute(new Command.SetLeverage(a, NEXT_QUARTER, 10));

        Engine restored = EngineSnapshot.read(EngineSnapshot.write(h.engine), TestInstruments.all(), null);
        assertThat(restored.instruments()).isEqualTo(h.engine.instruments());
        assertThat(EngineSnapshot.stateHash(restored)).isEqualTo(EngineSnapshot.stateHash(h.engine));
        // the delivered contract's closed orders (one cancelled by the delivery) still show its symbol
        Query.AllOrders all = new Query.AllOrders(a, null, "BTCUSD", -1, -1, -1, 0);
        assertThat(((Result.Orders) h.query(all)).orders()).extracting(o -> o.instrument().symbol())
                .containsExactly(BTC_QUARTER, BTC_QUARTER);
        assertThat(((Result.Orders) restored.query(all, h.now)).orders()).extracting(o -> o.instrument().symbol() + " " + o.orderId()
                + " " + o.status()).containsExactly(BTC_QUARTER + " 100000001 FILLED", BTC_QUARTER + " 100000002 CANCELED");
    }

    @Test
    void aSandboxStartedYearsLaterRollsThroughEveryMissedQuarter() {
        // 2028-07-01: 260626 delivered, then each successor in turn, until the listed one delivers after now
        h.now = 1_846_022_400_000L;
        h.execute(new Command.Tick());
        assertThat(h.engine.instruments().keySet()).containsExactly(BTC, TestInstruments.ETH, "BTCUSD_280929");
        Instrument listed = h.engine.instruments().get("BTCUSD_280929");
        assertThat(listed.deliveryDate()).isEqualTo(Quarterlies.deliveryDate(2028, 9));
        assertThat(listed.onboardDate()).isEqualTo(Quarterlies.deliveryDate(2028, 6));
        assertThat(Quarterlies.contractType(listed, h.engine.instruments().values())).isEqualTo("CURRENT_QUARTER");
        assertThat(h.execute(new Command.Tick())).isEqualTo(Result.Done.UNCHANGED);
    }

    private List<IncomeView> incomes(long account) {
        return ((Result.Incomes) h.query(new Query.Income(account, null, null, -1, -1, 0, 0))).incomes();
    }

    private java.util.Map<String, Long> positions(long account) {
        return h.engine.account(account).positions();
    }
}
