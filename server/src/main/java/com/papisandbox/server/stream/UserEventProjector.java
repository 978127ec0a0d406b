package com.papisandbox.server.stream;

import com.papisandbox.engine.AccountStatus;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.Event;
import com.papisandbox.engine.LedgerViews;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.StrategyView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the engine's events into user stream events, on the engine thread while the command runs (so it
 * reads the order and position exactly as the event left them), for accounts with a listen key only: the
 * house market maker and accounts nobody follows cost one map lookup per event. The events of a batch wait
 * in {@link #pending} until the batch is durable; then {@link #drain} hands them on.
 */
final class UserEventProjector implements Consumer<Event> {
    /** The engine now (a reset or restore replaces it); read on the engine thread only. */
    private final java.util.function.Supplier<Engine> engines;
    private final ListenKeys keys;
    private List<UserEvent> pending = new ArrayList<>();
    /** A fill's Traded waits here for its Settled, which carries the commission and realized PnL. */
    private final Map<Long, Event.Traded> tradedByOrder = new HashMap<>();
    private static final String[] RISK_LEVELS = {"", "MARGIN_CALL", "REDUCE_ONLY", "FORCE_LIQUIDATION"};
    /** Per followed account: the risk level last seen (0 normal … 3 force liquidation). */
    private final Map<Long, Integer> riskLevels = new HashMap<>();

    UserEventProjector(java.util.function.Supplier<Engine> engines, ListenKeys keys) {
        this.engines = engines;
        this.keys = keys;
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.Accepted e) {
            if (keys.listening(e.accountId())) order(e.orderId(), "NEW", null, null);
        } else if (event instanceof Event.Traded e) {
            if (followed(e.orderId())) tradedByOrder.put(e.orderId(), e);
        } else if (event instanceof Event.Settled e) {
            Event.Traded traded = tradedByOrder.remove(e.orderId());
            if (traded != null) order(e.orderId(), "TRADE", traded, e);
        } else if (event instanceof Event.Canceled e) {
            if (followed(e.orderId())) order(e.orderId(), "CANCELED", null, null);
        } else if (event instanceof Event.Expired e) {
            if (followed(e.orderId())) order(e.orderId(), "EXPIRED", null, null);
        } else if (event instanceof Event.Amended e) {
            if (followed(e.orderId())) order(e.orderId(), "AMENDMENT", null, null);
        } else if (event instanceof Event.AccountUpdated e) {
            if (keys.listening(e.accountId())) account(e);
        } else if (event instanceof Event.StrategyUpdated e) {
            if (keys.listening(e.strategy().accountId())) {
                pending.add(new UserEvent.StrategyUpdate(e.strategy().accountId(), engines.get().commandTime(), e.strategy()));
            }
        } else if (event instanceof Event.LeverageChanged e) {
            if (keys.listening(e.accountId())) pending.add(new UserEvent.ConfigUpdate(e.accountId(), engines.get().commandTime(), e.symbol(), e.leverage()));
        }
    }

    private boolean followed(long orderId) {
        long account = engines.get().accountOf(orderId);
        return account >= 0 && keys.listening(account);
    }

    private void order(long orderId, String executionType, Event.Traded traded, Event.Settled settled) {
        OrderView o = engines.get().orderCopy(orderId);
        if (o == null) return;
        String symbol = o.instrument().symbol();
        long bids = engines.get().openNotional(o.accountId(), symbol, Side.BUY);
        long asks = engines.get().openNotional(o.accountId(), symbol, Side.SELL);
        long time = engines.get().commandTime();
        StrategyView strategy = engines.get().strategyOfOrder(orderId);
        if (traded == null) {
            if (executionType.equals("NEW")) {
                // NEW comes before the order is booked: b/a show the account's side with the new order on it
                long own = ownNotional(o);
                if (o.side() == Side.BUY) bids += own; else asks += own;
            }
            pending.add(new UserEvent.OrderUpdate(o.accountId(), time, o, executionType, 0, 0, 0, o.instrument().marginAsset(),
                    0, false, 0, bids, asks, strategy));
        } else {
            pending.add(new UserEvent.OrderUpdate(o.accountId(), time, o, executionType, traded.qty(), traded.price(),
                    settled.commission(), settled.commissionAsset(), traded.tradeId(), traded.maker(), settled.realizedPnl(),
                    bids, asks, strategy));
        }
    }

    /** A limit order's notional in coin units (qty × contractSize / price, cut to 8 dp); 0 for a MARKET order. */
    private static long ownNotional(OrderView o) {
        if (o.price() <= 0) return 0;
        java.math.BigDecimal face = o.instrument().quantityDecimal(o.origQty()).multiply(java.math.BigDecimal.valueOf(o.instrument().contractSize()));
        return face.divide(o.instrument().priceDecimal(o.price()), 8, java.math.RoundingMode.DOWN).movePointRight(8).longValueExact();
    }

    private void account(Event.AccountUpdated e) {
        List<UserEvent.Position> positions = new ArrayList<>(1);
        boolean withPosition = e.symbol() != null && (e.reason() == Event.Reason.ORDER || e.reason() == Event.Reason.DELIVERY);
        if (withPosition) {
            LedgerViews.PositionView p = engines.get().position(e.accountId(), e.symbol(), e.positionSide());
            if (p != null) {
                positions.add(new UserEvent.Position(e.symbol(), e.positionAmt(), p.entryPrice(),
                        engines.get().accumulatedRealized(e.accountId(), e.symbol(), e.positionSide()), p.unrealizedProfit(),
                        e.positionSide(), p.breakEvenPrice()));
            } else {
                // the delivered contract is gone from the listing: its row closes at zero
                positions.add(new UserEvent.Position(e.symbol(), 0, java.math.BigDecimal.ZERO, 0, 0, e.positionSide(),
                        java.math.BigDecimal.ZERO));
            }
        }
        pending.add(new UserEvent.AccountUpdate(e.accountId(), e.time(), e.reason(), e.asset(), e.wallet(),
                e.reason() == Event.Reason.ORDER || e.reason() == Event.Reason.DELIVERY ? 0 : e.balanceChange(), positions));
    }

    /**
     * riskLevelChange (spec-next §4.8): for each followed account whose uniMMR entered a worse level than the
     * last one seen — MARGIN_CALL (≤ 2.0), REDUCE_ONLY (≤ 1.2), FORCE_LIQUIDATION (≤ 1.05) — once per
     * crossing; an improvement is only noted, so the next worsening is reported again. Engine thread.
     */
    void checkRiskLevels() {
        for (long accountId : keys.listeningAccounts()) {
            if (!(engines.get().query(new Query.PortfolioAccount(accountId), engines.get().commandTime()) instanceof Result.PortfolioAccount r)) continue;
            LedgerViews.PortfolioView p = r.account();
            int level = riskLevel(p.accountStatus());
            Integer before = riskLevels.put(accountId, level);
            if (level > (before == null ? 0 : before)) {
                pending.add(new UserEvent.RiskLevelChange(accountId, engines.get().commandTime(), p.uniMmr(), RISK_LEVELS[level],
                        p.accountEquity(), p.actualEquity(), p.accountMaintMargin()));
            }
        }
    }

    private static int riskLevel(AccountStatus status) {
        return switch (status) {
            case NORMAL -> 0;
            case MARGIN_CALL, SUPPLY_MARGIN -> 1;
            case REDUCE_ONLY -> 2;
            case ACTIVE_LIQUIDATION, FORCE_LIQUIDATION, BANKRUPTED -> 3;
        };
    }

    /** The events of the commands made durable since the last drain, in engine order (engine thread). */
    List<UserEvent> drain() {
        if (pending.isEmpty()) return List.of();
        List<UserEvent> batch = pending;
        pending = new ArrayList<>();
        return batch;
    }
}
