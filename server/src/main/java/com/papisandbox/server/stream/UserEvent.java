package com.papisandbox.server.stream;

import com.papisandbox.engine.Event;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.StrategyView;

import java.math.BigDecimal;
import java.util.List;

/**
 * A user data stream event for one account, with everything its JSON needs copied out of the engine on the
 * engine thread, so it can be rendered and sent on another.
 */
sealed interface UserEvent {
    long accountId();

    /**
     * ORDER_TRADE_UPDATE. The fill fields are zero unless {@code executionType} is TRADE; {@code strategy} is the
     * conditional order that placed it, or null.
     */
    record OrderUpdate(long accountId, long time, OrderView order, String executionType, long lastQty, long lastPrice,
                       long commission, String commissionAsset, long tradeId, boolean maker, long realizedPnl,
                       long bidNotional, long askNotional, StrategyView strategy) implements UserEvent {
    }

    /** CONDITIONAL_ORDER_TRADE_UPDATE: the strategy as the change left it. */
    record StrategyUpdate(long accountId, long time, StrategyView strategy) implements UserEvent {
    }

    /** ACCOUNT_UPDATE: a wallet and, for fills and deliveries, the position that changed. */
    record AccountUpdate(long accountId, long time, Event.Reason reason, String asset, long wallet, long balanceChange,
                         List<Position> positions) implements UserEvent {
    }

    /** A position row of ACCOUNT_UPDATE: contracts, entry and break-even price, cr and up in coin units. */
    record Position(String symbol, long amount, BigDecimal entryPrice, long accumulatedRealized, long unrealizedPnl,
                    PositionSide side, BigDecimal breakEvenPrice) {
    }

    /** riskLevelChange: uniMMR in rate units, equities and maintenance margin in USD units. */
    record RiskLevelChange(long accountId, long time, long uniMmr, String level, long equity, long actualEquity,
                           long maintMargin) implements UserEvent {
    }

    /** ACCOUNT_CONFIG_UPDATE for a leverage change. */
    record ConfigUpdate(long accountId, long time, String symbol, int leverage) implements UserEvent {
    }
}
