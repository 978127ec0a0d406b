package com.papisandbox.engine;

import static com.papisandbox.engine.PositionSide.BOTH;
import static com.papisandbox.engine.PositionSide.LONG;
import static com.papisandbox.engine.PositionSide.SHORT;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TimeInForce.GTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.Accepted;
import com.papisandbox.engine.Event.AccountUpdated;
import com.papisandbox.engine.Event.Reason;
import com.papisandbox.engine.Event.Settled;
import com.papisandbox.engine.Event.Traded;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account rules of new orders and settings (spec-next §2.3, §2.4, §7), each with the events it leaves. */
class AccountRulesTest {
    static final long O1 = Engine.FIRST_ORDER_ID;

    final EngineHarness h = new EngineHarness();
    final long m = h.openAccount("maker");
    final long a = h.openAccount("trader");

    static Result rejected(Reject r) {
        return new Result.Rejected(r);
    }

    Result order(long account, Side side, PositionSide ps, boolean reduceOnly, long price, long qty) {
        return h.execute(new Command.PlaceOrder(account, BTC, side, OrderType.LIMIT, GTC, ps, reduceOnly, price, qty, h.nextClientId()));
    }

    long open(String key, String btcAmount) {
        return ((Result.AccountOpened) h.execute(new Command.OpenAccount(key, "s", Map.of("BTC", new BigDecimal(btcAmount))))).accountId();
    }

    @Test
    void positionSideMustMatchTheMode() {
        assertThat(order(a, BUY, LONG, false, btc("60000.0"), 1)).isEqualTo(rejected(Reject.POSITION_SIDE_MISMATCH));
        assertThat(h.execute(new Command.SetPositionMode(a, true))).isEqualTo(Result.Done.CHANGED);
        assertThat(h.drainAll()).containsExactly(new Event.PositionModeChanged(a, true));
        assertThat(h.query(new Query.PositionMode(a))).isEqualTo(new Result.PositionMode(true));
        assertThat(order(a, BUY, BOTH, false, btc("60000.0"), 1)).isEqualTo(rejected(Reject.POSITION_SIDE_MISMATCH));
        assertThat(order(a, BUY, LONG, true, btc("60000.0"), 1)).isEqualTo(rejected(Reject.REDUCE_ONLY_IN_HEDGE_MODE));
        // sent as false is still sent: hedge mode refuses the parameter itself
        assertThat(h.execute(new Command.PlaceOrder(a, BTC, BUY, OrderType.LIMIT, GTC, LONG, false, true, btc("60000.0"), 1, "ro-false")))
                .isEqualTo(rejected(Reject.REDUCE_ONLY_IN_HEDGE_MODE));
        assertThat(order(a, BUY, LONG, false, btc("60000.0"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(h.drainAll()).containsExactly(new Accepted(O1, a, BTC, BUY, btc("60000.0"), 1));
    }

    @Test
    void positionModeChangesOnlyWhenFlatAndWithoutOrders() {
        assertThat(h.execute(new Command.SetPositionMode(a, false))).isEqualTo(rejected(Reject.POSITION_MODE_UNCHANGED));
        h.gtc(a, BUY, btc("60000.0"), 1);
        assertThat(h.execute(new Command.SetPositionMode(a, true))).isEqualTo(rejected(Reject.POSITION_MODE_OPEN_ORDERS));
        h.gtc(m, SELL, btc("60000.0"), 1);
        assertThat(h.execute(new Command.SetPositionMode(a, true))).isEqualTo(rejected(Reject.POSITION_MODE_OPEN_POSITION));
        h.drainAll();
        assertThat(h.query(new Query.PositionMode(a))).isEqualTo(new Result.PositionMode(false));
    }

    @Test
    void hedgeModeKeepsLongAndShortApartAndClosesMayNotExceedThePosition() {
        h.execute(new Command.SetPositionMode(a, true));
        h.execute(new Command.SetPositionMode(m, true));
        // a opens LONG 3 and SHORT 2 of the same symbol
        order(m, SELL, SHORT, false, btc("60000.0"), 3);
        order(a, BUY, LONG, false, btc("60000.0"), 3);
        order(m, BUY, LONG, false, btc("60000.0"), 2);
        order(a, SELL, SHORT, false, btc("60000.0"), 2);
        assertThat(h.engine.account(a).position(h.engine.book(BTC), LONG)).isEqualTo(3);
        assertThat(h.engine.account(a).position(h.engine.book(BTC), SHORT)).isEqualTo(-2);
        // closing the long: 2 rest, then 2 more would exceed 3 (counting the open close) → -2022
        assertThat(order(a, SELL, LONG, false, btc("70000.0"), 2)).isInstanceOf(Result.OrderResult.class);
        assertThat(order(a, SELL, LONG, false, btc("70000.0"), 2)).isEqualTo(rejected(Reject.REDUCE_ONLY_REJECTED));
        assertThat(order(a, BUY, SHORT, false, btc("50000.0"), 3)).isEqualTo(rejected(Reject.REDUCE_ONLY_REJECTED));
        h.drainAll();
        // the close fills against the maker's buy: LONG realizes, SHORT untouched
        long t = h.now;
        order(m, BUY, LONG, false, btc("70000.0"), 2);
        assertThat(h.drainAll()).containsExactly(
                new Accepted(O1 + 5, m, BTC, BUY, btc("70000.0"), 2),
                new Traded(O1 + 4, 3, true, btc("70000.0"), 2, 0),
                new Traded(O1 + 5, 3, false, btc("70000.0"), 2, 0),
                // 200 × (1/60 000 − 1/70 000) = 0.000476190… → 0.00047619; commission 200/70 000 × 0.00015 = 0.00000043
                new Settled(O1 + 4, a, 3, BTC, SELL, LONG, true, 43, "BTC", 47_619),
                // cost 300/60 000 = 0.005; the closed 2/3 take 0.0033333333333 (toward zero), the rest keeps the odd unit
                new AccountUpdated(a, Reason.ORDER, "BTC", h.engine.account(a).walletUnits("BTC"), 47_619 - 43, BTC, LONG, 1,
                        16_666_666_667L, t),
                new Settled(O1 + 5, m, 3, BTC, BUY, LONG, false, 114, "BTC", 0),
                new AccountUpdated(m, Reason.ORDER, "BTC", h.engine.account(m).walletUnits("BTC"), -114, BTC, LONG, 4,
                        61_904_761_904L, t));
        assertThat(h.engine.account(a).position(h.engine.book(BTC), SHORT)).isEqualTo(-2);
        Result.Positions rows = (Result.Positions) h.query(new Query.PositionRisk(a, null, "BTCUSD"));
        assertThat(rows.positions()).extracting(LedgerViews.PositionView::positionSide).containsExactly(LONG, SHORT, LONG, SHORT);
    }

    @Test
    void leverageIsValidatedAgainstTheBracketsAndReportsMaxQty() {
        assertThat(h.execute(new Command.SetLeverage(a, BTC, 126))).isEqualTo(rejected(Reject.LEVERAGE_NOT_VALID));
        assertThat(h.execute(new Command.SetLeverage(a, BTC, 0))).isEqualTo(rejected(Reject.LEVERAGE_NOT_VALID));
        assertThat(h.execute(new Command.SetLeverage(a, ETH, 101))).isEqualTo(rejected(Reject.LEVERAGE_NOT_VALID));
        assertThat(h.execute(new Command.SetLeverage(a, BTC, 125))).isEqualTo(new Result.LeverageSet(BTC, 125, 5));
        assertThat(h.drainAll()).containsExactly(new Event.LeverageChanged(a, BTC, 125));
        assertThat(h.execute(new Command.SetLeverage(a, ETH, 100))).isEqualTo(new Result.LeverageSet(ETH, 100, 15));
        // at 125x at most 5 BTC of notional: 400 contracts at 60 000 are 0.67 BTC; 400 + 3 100 are 5.83 BTC → -2027
        assertThat(order(a, BUY, BOTH, false, btc("60000.0"), 400)).isInstanceOf(Result.OrderResult.class);
        assertThat(order(a, BUY, BOTH, false, btc("60000.0"), 3_100)).isEqualTo(rejected(Reject.MAX_POSITION_AT_LEVERAGE));
        // lowering the leverage needs more margin; 10 BTC carry these 400 contracts even at 1x
        assertThat(h.execute(new Command.SetLeverage(a, BTC, 1))).isEqualTo(new Result.LeverageSet(BTC, 1, Long.MAX_VALUE));
    }

    @Test
    void anOrderNeedsInitialMarginUnlessItReduces() {
        // 0.001 BTC at 20x carries 0.0095 × 20 = 0.019 BTC of notional: 11 contracts at 60 000 (0.01833 BTC) fit, 12 do not
        long poor = open("poor", "0.001");
        assertThat(order(poor, BUY, BOTH, false, btc("60000.0"), 12)).isEqualTo(rejected(Reject.MARGIN_INSUFFICIENT));
        assertThat(order(poor, BUY, BOTH, false, btc("60000.0"), 11)).isInstanceOf(Result.OrderResult.class);
        // the buy side is used up, but sells up to the same size are margined on their own side (max, not sum)
        assertThat(order(poor, SELL, BOTH, false, btc("61000.0"), 11)).isInstanceOf(Result.OrderResult.class);
        assertThat(order(poor, BUY, BOTH, false, btc("60000.0"), 1)).isEqualTo(rejected(Reject.MARGIN_INSUFFICIENT));
        // a withdrawal that would leave the orders short of margin is refused too
        assertThat(h.execute(new Command.Transfer(poor, "BTC", -50_000))).isEqualTo(rejected(Reject.MARGIN_INSUFFICIENT));
        assertThat(h.execute(new Command.Transfer(poor, "USDT", 1))).isEqualTo(rejected(Reject.UNKNOWN_ASSET));
        assertThat(h.execute(new Command.Transfer(poor, "BTC", 100_000))).isEqualTo(Result.Done.CHANGED);
        assertThat(order(poor, BUY, BOTH, false, btc("60000.0"), 1)).isInstanceOf(Result.OrderResult.class);
    }

    @Test
    void percentPriceIsCheckedAgainstTheMark() {
        // no mark yet: not enforced
        assertThat(order(a, BUY, BOTH, false, btc("90000.0"), 1)).isInstanceOf(Result.OrderResult.class);
        h.execute(new Command.SetPrices(BTC, 6_000_000_000_000L, 6_000_000_000_000L));
        // mark 60 000: BUY above 63 000 is -4016, SELL below 57 000 is -4024; the bounds themselves pass
        assertThat(order(a, BUY, BOTH, false, btc("63000.1"), 1)).isEqualTo(rejected(Reject.PRICE_ABOVE_MARK_CAP));
        assertThat(order(a, BUY, BOTH, false, btc("63000.0"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(order(a, SELL, BOTH, false, btc("56999.9"), 1)).isEqualTo(rejected(Reject.PRICE_BELOW_MARK_FLOOR));
        assertThat(order(a, SELL, BOTH, false, btc("57000.0"), 1)).isInstanceOf(Result.OrderResult.class);
        assertThat(h.execute(new Command.SetPrices(BTC, 1, 1))).isEqualTo(rejected(Reject.INVALID_VALUE));
    }

    @Test
    void accountStatusStopsOpeningOrdersBelowTheUniMmrThresholds() {
        // 0.001 BTC, long 11 @ 60 000 (0.01833 BTC) at 20x; the mark falls to 57 000: uPnL −0.00091..., equity ≈ 0.0000852,
        // × 0.95 / MM (0.0193 × 0.004 = 0.0000772) ≈ 1.05 → liquidation territory
        long poor = open("poor2", "0.001");
        h.gtc(m, SELL, btc("60000.0"), 11);
        order(poor, BUY, BOTH, false, btc("60000.0"), 11);
        h.execute(new Command.SetPrices(BTC, 5_700_000_000_000L, 5_700_000_000_000L));
        Result.PortfolioAccount account = (Result.PortfolioAccount) h.query(new Query.PortfolioAccount(poor));
        assertThat(account.account().accountStatus()).isIn(AccountStatus.ACTIVE_LIQUIDATION, AccountStatus.FORCE_LIQUIDATION);
        assertThat(order(poor, BUY, BOTH, false, btc("57000.0"), 1)).isEqualTo(rejected(Reject.USER_IN_LIQUIDATION));
        // reducing is always allowed
        assertThat(order(poor, SELL, BOTH, false, btc("57000.0"), 1)).isInstanceOf(Result.OrderResult.class);
    }

    @Test
    void aModifyNeedsTheMarginOfItsChangeAndMovesTheOpenOrderMargin() {
        // 0.001 BTC at 20x: 11 contracts at 60 000 fit, 12 do not (see anOrderNeedsInitialMarginUnlessItReduces)
        long poor = open("poor3", "0.001");
        OrderView o = EngineHarness.accepted(order(poor, BUY, BOTH, false, btc("60000.0"), 5));
        // 5 × 100 / 60 000 / 20 = 0.00041666 BTC of open-order margin
        assertThat(((Result.CmAccount) h.query(new Query.CmAccountDetail(poor))).assets().get(0).openOrderInitialMargin()).isEqualTo(41_666);
        assertThat(h.execute(new Command.ModifyOrder(poor, BTC, o.orderId(), null, BUY, btc("60000.0"), 12)))
                .isEqualTo(rejected(Reject.MARGIN_INSUFFICIENT));
        assertThat(h.execute(new Command.ModifyOrder(poor, BTC, o.orderId(), null, BUY, btc("60000.0"), 11)))
                .isInstanceOf(Result.OrderResult.class);
        // 11 × 100 / 60 000 / 20 = 0.00091666
        assertThat(((Result.CmAccount) h.query(new Query.CmAccountDetail(poor))).assets().get(0).openOrderInitialMargin()).isEqualTo(91_666);
        h.execute(new Command.CancelOrder(poor, BTC, o.orderId(), null));
        assertThat(((Result.CmAccount) h.query(new Query.CmAccountDetail(poor))).assets().get(0).openOrderInitialMargin()).isZero();
        assertThat(h.engine.account(poor).openQty).containsOnly(0L);
        assertThat(h.engine.account(poor).openBase).containsOnly(0L);
    }
}
