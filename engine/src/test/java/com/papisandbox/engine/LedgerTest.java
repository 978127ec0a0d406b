package com.papisandbox.engine;

import static com.papisandbox.engine.PositionSide.BOTH;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TestInstruments.eth;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.AccountUpdated;
import com.papisandbox.engine.Event.Accepted;
import com.papisandbox.engine.Event.Reason;
import com.papisandbox.engine.Event.Settled;
import com.papisandbox.engine.Event.Traded;
import com.papisandbox.engine.LedgerViews.IncomeView;
import com.papisandbox.engine.LedgerViews.PositionView;
import com.papisandbox.engine.LedgerViews.TradeView;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions, realized PnL, commission and entry prices, against values worked out by hand (spec-next §9). */
class LedgerTest {
    static final long O1 = Engine.FIRST_ORDER_ID;
    static final long ETH_100 = 100 * Money.ONE_COIN;
    static final long BTC_10 = 10 * Money.ONE_COIN;

    final EngineHarness h = new EngineHarness();
    final long m = h.openAccount("maker");
    final long a = h.openAccount("taker");

    PositionView position(long account, String symbol, PositionSide side) {
        Result r = h.query(new Query.PositionRisk(account, null, null));
        return ((Result.Positions) r).positions().stream()
                .filter(p -> p.symbol().equals(symbol) && p.positionSide() == side).findFirst().orElseThrow();
    }

    long wallet(long account, String coin) {
        return h.engine.account(account).walletUnits(coin);
    }

    List<IncomeView> income(long account) {
        return ((Result.Incomes) h.query(new Query.Income(account, null, null, -1, -1, 0, 0))).incomes();
    }

    List<TradeView> trades(long account, String symbol) {
        return ((Result.UserTrades) h.query(new Query.UserTrades(account, symbol, null, -1, -1, -1, -1, 0))).trades();
    }

    @Test
    void theWorkedExampleOfSpec94() {
        // open: the taker buys 1 ETHUSD_PERP at 2422.40 from the maker.
        //   base = 10 / 2422.4 cut to 13 dp = 0.0041281373844 → entry price 10 / base = 2422.400000007 (13 digits)
        //   taker commission 0.0041281373844 × 0.0004 = 0.00000165125… → 0.00000165; maker × 0.00015 → 0.00000062
        h.gtc(m, ETH, SELL, eth("2422.40"), 1);
        h.drainAll();
        long t1 = h.now;
        h.market(a, ETH, BUY, 1);
        assertThat(h.drainAll()).containsExactly(
                new Accepted(O1 + 1, a, ETH, BUY, 0, 1),
                new Traded(O1, 1, true, 242_240, 1, 0),
                new Traded(O1 + 1, 1, false, 242_240, 1, 0),
                new Settled(O1, m, 1, ETH, SELL, BOTH, true, 62, "ETH", 0),
                new AccountUpdated(m, Reason.ORDER, "ETH", ETH_100 - 62, -62, ETH, BOTH, -1, -41_281_373_844L, t1),
                new Settled(O1 + 1, a, 1, ETH, BUY, BOTH, false, 165, "ETH", 0),
                new AccountUpdated(a, Reason.ORDER, "ETH", ETH_100 - 165, -165, ETH, BOTH, 1, 41_281_373_844L, t1));
        assertThat(position(a, ETH, BOTH).entryPrice()).isEqualTo(new BigDecimal("2422.400000007"));
        assertThat(position(a, ETH, BOTH).positionAmt()).isEqualTo(1);

        // close: the taker sells 1 at 2498.15 (live userTrades row: realizedPnl 0.00012517, baseQty 0.00400296,
        //   commission 0.00000160, maker false).
        //   base = 10 / 2498.15 cut13 = 0.0040029621920; rPnL = 0.0041281373844 − 0.0040029621920 = 0.0001251751924
        //   → cut to 8 dp 0.00012517 (half-up would be …18); commission 0.0040029621920 × 0.0004 → 0.00000160.
        //   The maker's short closes at the same price: −0.00012517, commission × 0.00015 → 0.00000060.
        h.gtc(m, ETH, BUY, eth("2498.15"), 1);
        h.drainAll();
        long t2 = h.now;
        h.market(a, ETH, SELL, 1);
        assertThat(h.drainAll()).containsExactly(
                new Accepted(O1 + 3, a, ETH, SELL, 0, 1),
                new Traded(O1 + 2, 2, true, 249_815, 1, 0),
                new Traded(O1 + 3, 2, false, 249_815, 1, 0),
                new Settled(O1 + 2, m, 2, ETH, BUY, BOTH, true, 60, "ETH", -12_517),
                new AccountUpdated(m, Reason.ORDER, "ETH", ETH_100 - 62 - 12_517 - 60, -12_517 - 60, ETH, BOTH, 0, 0, t2),
                new Settled(O1 + 3, a, 2, ETH, SELL, BOTH, false, 160, "ETH", 12_517),
                new AccountUpdated(a, Reason.ORDER, "ETH", ETH_100 - 165 + 12_517 - 160, 12_517 - 160, ETH, BOTH, 0, 0, t2));

        TradeView close = trades(a, ETH).get(1);
        assertThat(close).isEqualTo(new TradeView(ETH, 2, O1 + 3, "ETHUSD", SELL, 249_815, 1, 12_517, "ETH", 400_296, 160,
                "ETH", t2, BOTH, false, false));
        assertThat(income(a)).containsExactly(
                new IncomeView(ETH, IncomeType.COMMISSION, -165, "ETH", "", t1, 2, 1),
                new IncomeView(ETH, IncomeType.REALIZED_PNL, 12_517, "ETH", "", t2, 5, 2),
                new IncomeView(ETH, IncomeType.COMMISSION, -160, "ETH", "", t2, 6, 2));
        assertThat(h.engine.feePool()).containsEntry("ETH", 62L + 165 + 60 + 160);
    }

    @Test
    void partialCloseShortCloseAndFlip() {
        // long 10 BTCUSD_PERP @ 50 000, close 4 @ 51 000: 400 × (1/50 000 − 1/51 000) = 0.000156862… → 0.00015686
        h.gtc(m, SELL, btc("50000.0"), 10);
        h.market(a, BTC, BUY, 10);
        h.gtc(m, BUY, btc("51000.0"), 4);
        h.market(a, BTC, SELL, 4);
        assertThat(trades(a, BTC).get(1).realizedPnl()).isEqualTo(15_686);
        assertThat(position(a, BTC, BOTH).positionAmt()).isEqualTo(6);
        // the remainder keeps its entry price
        assertThat(position(a, BTC, BOTH).entryPrice()).isEqualTo(new BigDecimal("50000.00000000"));

        // flip: +6 @ 50 000 with SELL 10 @ 52 000 closes 6 (600 × (1/50 000 − 1/52 000) = 0.000461538… → 0.00046153)
        // and opens −4 @ 52 000
        h.gtc(m, BUY, btc("52000.0"), 10);
        h.market(a, BTC, SELL, 10);
        assertThat(trades(a, BTC).get(2).realizedPnl()).isEqualTo(46_153);
        assertThat(position(a, BTC, BOTH).positionAmt()).isEqualTo(-4);
        // cost = cut13(1000/52 000) − cut13(600/52 000) = 0.0076923076923 → 400 / cost = 52000.000000052 (13 digits:
        // …05), the same hair above the price as Binance's live 51080.10000066 for one fill at 51080.1
        assertThat(position(a, BTC, BOTH).entryPrice()).isEqualTo(new BigDecimal("52000.00000005"));

        // the short −4 @ 52 000 closed @ 55 000 loses 400 × (1/55 000 − 1/52 000) = −0.000419580… → −0.00041958
        h.gtc(m, SELL, btc("55000.0"), 4);
        h.market(a, BTC, BUY, 4);
        assertThat(trades(a, BTC).get(3).realizedPnl()).isEqualTo(-41_958);
        assertThat(position(a, BTC, BOTH).positionAmt()).isZero();
        assertThat(position(a, BTC, BOTH).entryPrice()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void entryPriceIsTheCoinWeightedHarmonicMean() {
        // +2 @ 50 000 then +3 @ 40 000: 500 / (0.004 + 0.0075) = 43478.26086957 (spec-next §9.5), not 44 000
        h.gtc(m, SELL, btc("50000.0"), 2);
        h.market(a, BTC, BUY, 2);
        h.gtc(m, SELL, btc("40000.0"), 3);
        h.market(a, BTC, BUY, 3);
        assertThat(position(a, BTC, BOTH).entryPrice()).isEqualTo(new BigDecimal("43478.26086957"));
        assertThat(position(m, BTC, BOTH).entryPrice()).isEqualTo(new BigDecimal("43478.26086957"));
        assertThat(position(m, BTC, BOTH).positionAmt()).isEqualTo(-5);
    }

    @Test
    void markPriceDrivesUnrealizedPnlNotionalAndMargin() {
        // long 10 @ 50 000 at 20x, mark 48 000: uPnL = 1000 × (1/50 000 − 1/48 000) = −0.000833333… → −0.00083333;
        // notional 1000 / 48 000 = 0.02083333; position IM / 20 = 0.00104166; MM × 0.004 = 0.00008333 (spec-next §9.1–9.3)
        h.gtc(m, SELL, btc("50000.0"), 10);
        h.market(a, BTC, BUY, 10);
        h.execute(new Command.SetPrices(BTC, 4_800_000_000_000L, 4_800_000_000_000L));
        PositionView p = position(a, BTC, BOTH);
        assertThat(p.unrealizedProfit()).isEqualTo(-83_333);
        assertThat(p.notionalValue()).isEqualTo(2_083_333);
        assertThat(p.positionInitialMargin()).isEqualTo(104_166);
        assertThat(p.maintMargin()).isEqualTo(8_333);
        assertThat(p.markPrice()).isEqualTo(4_800_000_000_000L);
        assertThat(p.leverage()).isEqualTo(20);
        assertThat(p.maxQty()).isEqualTo(50);
        // the short mirrors it
        assertThat(position(m, BTC, BOTH).unrealizedProfit()).isEqualTo(83_333);
        assertThat(position(m, BTC, BOTH).notionalValue()).isEqualTo(-2_083_333);
    }

    @Test
    void liquidationPriceFollowsTheClassicFormula() {
        // spec-next §9.9: long 10 @ 50 000 with WB 0.01 BTC ⇒ 1000 × 1.004 / (0.01 + 0 + 0.02) = 33 466.66666667
        EngineHarness e = new EngineHarness();
        long poor = e.execute(new Command.OpenAccount("poor", "s", java.util.Map.of("BTC", new BigDecimal("0.01")))) instanceof Result.AccountOpened o
                ? o.accountId() : -1;
        long rich = e.openAccount("rich");
        e.execute(new Command.SetCommissionRates(poor, 0, 0));
        e.gtc(rich, SELL, btc("50000.0"), 10);
        e.market(poor, BTC, BUY, 10);
        Result r = e.query(new Query.PositionRisk(poor, "BTC", "BTCUSD"));
        PositionView p = ((Result.Positions) r).positions().stream().filter(x -> x.symbol().equals(BTC)).findFirst().orElseThrow();
        assertThat(p.liquidationPrice()).isEqualTo(3_346_666_666_667L);
    }

    @Test
    void bracketsAreBinancesTables() {
        Instrument btcPerp = h.engine.instruments().get(BTC);
        assertThat(LeverageBrackets.of(btcPerp)).extracting(Bracket::cum).containsExactly(
                0L, 500_000L, 5_500_000L, 35_500_000L, 160_500_000L, 660_500_000L, 1_160_500_000L, 2_160_500_000L,
                12_160_500_000L, 49_660_500_000L);
        assertThat(LeverageBrackets.of(btcPerp).get(9).qtyCap()).isEqualTo(Long.MAX_VALUE);
        // 300 BTC of notional: bracket 7, 300 × 0.125 − 11.605 = 25.895 BTC (the FAQ's check value)
        assertThat(LeverageBrackets.maintenanceMargin(btcPerp, 300 * Money.ONE_COIN)).isEqualTo(2_589_500_000L);
        // 0.4 BTC: 0.4 × 0.004 = 0.0016
        assertThat(LeverageBrackets.maintenanceMargin(btcPerp, 40_000_000L)).isEqualTo(160_000L);
        Instrument ethPerp = h.engine.instruments().get(ETH);
        // ETH cum: 15 × 0.0015 = 0.0225; + 100 × 0.0035 = 0.3725; + 500 × 0.015 = 7.8725; …
        assertThat(LeverageBrackets.of(ethPerp)).extracting(Bracket::cum).startsWith(0L, 2_250_000L, 37_250_000L, 787_250_000L);
        assertThat(LeverageBrackets.maxQty(ethPerp, 100)).isEqualTo(15);
        assertThat(LeverageBrackets.maxQty(btcPerp, 10)).isEqualTo(100);
        assertThat(LeverageBrackets.maxQty(btcPerp, 2)).isEqualTo(1500);
        assertThat(LeverageBrackets.maxQty(h.engine.instruments().get(TestInstruments.BTC_QUARTER), 125)).isEqualTo(5);
    }

    @Test
    void commissionRatesArePerAccountAndSettable() {
        assertThat(h.query(new Query.CommissionRate(a, BTC))).isEqualTo(new Result.CommissionRates(BTC, 15_000, 40_000));
        assertThat(h.execute(new Command.SetCommissionRates(a, -10_000, 50_000))).isEqualTo(Result.Done.CHANGED);
        assertThat(h.execute(new Command.SetCommissionRates(a, 0, Money.RATE_ONE + 1))).isEqualTo(new Result.Rejected(Reject.INVALID_VALUE));
        // a maker rebate of 0.0001 on 100/50 000 = 0.002 BTC → −0.0000002; the taker pays 0.002 × 0.0004 = 0.0000008
        h.gtc(a, SELL, btc("50000.0"), 1);
        h.market(m, BTC, BUY, 1);
        assertThat(wallet(a, "BTC")).isEqualTo(BTC_10 + 20);
        assertThat(wallet(m, "BTC")).isEqualTo(BTC_10 - 80);
        assertThat(h.engine.feePool()).containsEntry("BTC", 60L);
    }
}
