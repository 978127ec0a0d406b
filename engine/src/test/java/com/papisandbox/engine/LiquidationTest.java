package com.papisandbox.engine;

import static com.papisandbox.engine.PositionSide.BOTH;
import static com.papisandbox.engine.PositionSide.LONG;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.Accepted;
import com.papisandbox.engine.Event.Canceled;
import com.papisandbox.engine.Event.Traded;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Liquidation (docs/decisions.md "Liquidation"): a price move that takes an account's uniMMR to the threshold cancels
 * its open orders and closes its positions with {@code autoclose-} IOC orders, in the command that moved the price.
 */
class LiquidationTest {
    /** 1e-8 USD. */
    static long usd(long dollars) {
        return dollars * 100_000_000L;
    }

    final EngineHarness h = new EngineHarness();
    final long m;
    final long poor;
    final long rest;
    final long openingTrade;

    LiquidationTest() {
        long[] ids = fixture(h);
        m = ids[0];
        poor = ids[1];
        rest = ids[2];
        openingTrade = h.drainAll().stream().filter(e -> e instanceof Traded).map(e -> ((Traded) e).tradeId()).findFirst().orElseThrow();
    }

    /**
     * A maker with 10 BTC; "poor" with 0.001 BTC at 20x, long 11 BTCUSD_PERP @ 60 000 (0.01833 BTC of notional),
     * with a reducing sell resting above. Returns the maker, poor and the resting sell.
     */
    static long[] fixture(EngineHarness h) {
        long maker = h.openAccount("maker");
        long poor = ((Result.AccountOpened) h.execute(new Command.OpenAccount("poor", "s", Map.of("BTC", new BigDecimal("0.001"))))).accountId();
        h.execute(new Command.SetPrices(BTC, usd(60_000), usd(60_000)));
        h.gtc(maker, SELL, btc("60000.0"), 11);
        h.gtc(poor, BUY, btc("60000.0"), 11);
        long rest = h.gtc(poor, SELL, btc("70000.0"), 2).orderId();
        return new long[]{maker, poor, rest};
    }

    Result order(long account, Side side, PositionSide ps, long price, long qty) {
        return h.execute(new Command.PlaceOrder(account, BTC, side, OrderType.LIMIT, GTC, ps, false, price, qty, h.nextClientId()));
    }

    AccountStatus status(long account) {
        return ((Result.PortfolioAccount) h.query(new Query.PortfolioAccount(account))).account().accountStatus();
    }

    List<OrderView> forceOrders(long account, String symbol, Boolean adl) {
        return ((Result.Orders) h.query(new Query.ForceOrders(account, symbol, adl, -1, -1, 0))).orders();
    }

    @Test
    void aMarkMoveThatExhaustsTheMarginCancelsTheOrdersAndClosesThePositionOnTheBook() {
        long bid1 = h.gtc(m, BUY, btc("55000.0"), 5).orderId();
        long bid2 = h.gtc(m, BUY, btc("54000.0"), 20).orderId();
        h.drainAll();
        long liquidation = h.engine.nextOrderId();
        long at = h.now;

        // mark 56 000: uPnL = 1100 × (1/60 000 − 1/56 000) ≈ −0.0013 BTC, more than the wallet: uniMMR 0
        assertThat(h.execute(new Command.SetPrices(BTC, usd(56_000), usd(56_000)))).isEqualTo(Result.Done.CHANGED);

        // the IOC sell is priced at the PERCENT_PRICE floor, 0.95 × 56 000 = 53 200, and takes both bids above it
        assertThat(h.drain()).containsExactly(
                new Canceled(rest, 2),
                new Accepted(liquidation, poor, BTC, SELL, btc("53200.0"), 11),
                new Traded(bid1, openingTrade + 1, true, btc("55000.0"), 5, 0),
                new Traded(liquidation, openingTrade + 1, false, btc("55000.0"), 5, 6),
                new Traded(bid2, openingTrade + 2, true, btc("54000.0"), 6, 14),
                new Traded(liquidation, openingTrade + 2, false, btc("54000.0"), 6, 0));
        assertThat(h.position(poor, BTC)).isZero();
        assertThat(h.openOrders(poor, BTC, null)).isEmpty();
        assertThat(status(poor)).isEqualTo(AccountStatus.NORMAL);

        List<OrderView> force = forceOrders(poor, null, null);
        assertThat(force).hasSize(1);
        OrderView o = force.get(0);
        assertThat(o.orderId()).isEqualTo(liquidation);
        assertThat(o.clientOrderId()).isEqualTo("autoclose-" + at + String.format("%06d", liquidation % 1_000_000));
        assertThat(o.type()).isEqualTo(OrderType.LIMIT);
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.executedQty()).isEqualTo(11);
        assertThat(o.reduceOnly()).isFalse();
        assertThat(forceOrders(poor, BTC, false)).hasSize(1);
        assertThat(forceOrders(poor, BTC, true)).isEmpty();
        assertThat(forceOrders(poor, TestInstruments.ETH, null)).isEmpty();
        assertThat(forceOrders(m, null, null)).isEmpty();
    }

    @Test
    void whatTheBookCannotTakeStaysInLiquidationUntilTheNextMove() {
        long bid = h.gtc(m, BUY, btc("55000.0"), 5).orderId();
        h.drainAll();
        long first = h.engine.nextOrderId();
        h.execute(new Command.SetPrices(BTC, usd(56_000), usd(56_000)));
        assertThat(h.drain()).containsExactly(
                new Canceled(rest, 2),
                new Accepted(first, poor, BTC, SELL, btc("53200.0"), 11),
                new Traded(bid, openingTrade + 1, true, btc("55000.0"), 5, 0),
                new Traded(first, openingTrade + 1, false, btc("55000.0"), 5, 6),
                new Event.Expired(first, 6));
        assertThat(h.position(poor, BTC)).isEqualTo(6);
        assertThat(status(poor).liquidating()).isTrue();
        // the account cannot trade while in liquidation, and an empty book leaves no order behind
        assertThat(order(poor, BUY, BOTH, btc("56000.0"), 1)).isEqualTo(new Result.Rejected(Reject.USER_IN_LIQUIDATION));
        h.execute(new Command.SetPrices(BTC, usd(55_900), usd(55_900)));
        assertThat(h.drain()).isEmpty();

        long bid2 = h.gtc(m, BUY, btc("55500.0"), 10).orderId();
        h.drain();
        long second = h.engine.nextOrderId();
        h.execute(new Command.SetPrices(BTC, usd(55_800), usd(55_800)));
        assertThat(h.drain()).containsExactly(
                new Accepted(second, poor, BTC, SELL, btc("53010.0"), 6),
                new Traded(bid2, openingTrade + 2, true, btc("55500.0"), 6, 4),
                new Traded(second, openingTrade + 2, false, btc("55500.0"), 6, 0));
        assertThat(h.position(poor, BTC)).isZero();
        assertThat(forceOrders(poor, BTC, null)).extracting(OrderView::orderId).containsExactly(first, second);
        assertThat(forceOrders(poor, BTC, null)).extracting(OrderView::status).containsExactly(OrderStatus.EXPIRED, OrderStatus.FILLED);
    }

    @Test
    void aHealthyAccountIsNotTouchedByAFall() {
        long trader = h.openAccount("trader");
        h.gtc(m, SELL, btc("60000.0"), 1);
        order(trader, BUY, BOTH, btc("60000.0"), 1);
        long bid = h.gtc(m, BUY, btc("40000.0"), 100).orderId();
        h.drainAll();
        long liquidation = h.engine.nextOrderId();
        // 10 BTC behind one contract: a 40 % fall costs 0.0011 BTC; the poor account is liquidated, the trader is not
        h.execute(new Command.SetPrices(BTC, usd(36_000), usd(36_000)));
        assertThat(h.drain()).containsExactly(
                new Canceled(rest, 2),
                new Accepted(liquidation, poor, BTC, SELL, btc("34200.0"), 11),
                new Traded(bid, openingTrade + 2, true, btc("40000.0"), 11, 89),
                new Traded(liquidation, openingTrade + 2, false, btc("40000.0"), 11, 0));
        assertThat(h.position(trader, BTC)).isEqualTo(1);
        assertThat(status(trader)).isEqualTo(AccountStatus.NORMAL);
        assertThat(forceOrders(trader, null, null)).isEmpty();
    }

    @Test
    void aHedgeModePositionIsClosedOnItsOwnSide() {
        long hedged = ((Result.AccountOpened) h.execute(new Command.OpenAccount("hedged", "s", Map.of("BTC", new BigDecimal("0.001"))))).accountId();
        assertThat(h.execute(new Command.SetPositionMode(hedged, true))).isEqualTo(Result.Done.CHANGED);
        h.gtc(m, SELL, btc("60000.0"), 11);
        order(hedged, BUY, LONG, btc("60000.0"), 11);
        long bid = h.gtc(m, BUY, btc("55000.0"), 50).orderId();
        h.drainAll();
        long liquidation = h.engine.nextOrderId();
        h.execute(new Command.SetPrices(BTC, usd(56_000), usd(56_000)));
        List<Event> events = h.drain();
        // the one-way account of the fixture goes first (account order), then the hedged one on its LONG side
        assertThat(events).contains(new Accepted(liquidation + 1, hedged, BTC, SELL, btc("53200.0"), 11));
        assertThat(h.engine.position(hedged, BTC, LONG).positionAmt()).isZero();
        OrderView o = forceOrders(hedged, BTC, null).get(0);
        assertThat(o.positionSide()).isEqualTo(LONG);
        assertThat(o.executedQty()).isEqualTo(11);
        assertThat(bid).isPositive();
    }

    @Test
    void replayingTheSameCommandsLiquidatesTheSame() {
        List<Command> script = new ArrayList<>();
        Consumer<Command> run = c -> {
            script.add(c);
            h.execute(c);
        };
        run.accept(new Command.PlaceOrder(m, BTC, BUY, OrderType.LIMIT, GTC, BOTH, false, btc("55000.0"), 5, "b1"));
        run.accept(new Command.SetPrices(BTC, usd(56_000), usd(56_000)));
        run.accept(new Command.PlaceOrder(m, BTC, BUY, OrderType.LIMIT, GTC, BOTH, false, btc("55500.0"), 10, "b2"));
        run.accept(new Command.SetPrices(BTC, usd(55_800), usd(55_800)));
        assertThat(h.position(poor, BTC)).isZero();

        EngineHarness again = new EngineHarness();
        fixture(again);
        for (Command c : script) again.execute(c);
        assertThat(again.query(new Query.StateHash())).isEqualTo(h.query(new Query.StateHash()));
    }
}
