package com.papisandbox.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/** What the engine answers to a command. */
public sealed interface Result {
    /** True if the command changed state. */
    default boolean changedState() {
        return false;
    }

    /** {@code changedState} is true when time-driven settlement (funding, delivery) ran before the refusal. */
    record Rejected(Reject reason, boolean changedState) implements Result {
        public Rejected(Reject reason) {
            this(reason, false);
        }
    }

    /**
     * An order after a place or a cancel. {@code acknowledged} is the order as first accepted (what an
     * ACK reply shows); {@code order} is its state after the command finished (what RESULT shows).
     */
    record OrderResult(OrderView acknowledged, OrderView order, boolean changedState) implements Result {
    }

    record Orders(List<OrderView> orders) implements Result {
    }

    record OrdersCanceled(List<OrderView> canceled, boolean settled) implements Result {
        public OrdersCanceled(List<OrderView> canceled) {
            this(canceled, false);
        }

        @Override
        public boolean changedState() {
            return settled || !canceled.isEmpty();
        }
    }

    /** A strategy after it was placed or cancelled. */
    record StrategyResult(StrategyView strategy) implements Result {
        @Override
        public boolean changedState() {
            return true;
        }
    }

    record Strategies(List<StrategyView> strategies) implements Result {
    }

    record StrategiesCanceled(List<StrategyView> canceled, boolean settled) implements Result {
        public StrategiesCanceled(List<StrategyView> canceled) {
            this(canceled, false);
        }

        @Override
        public boolean changedState() {
            return settled || !canceled.isEmpty();
        }
    }

    record AccountOpened(long accountId, boolean created) implements Result {
        @Override
        public boolean changedState() {
            return created;
        }
    }

    /** An account's balances, by asset in name order. */
    record Balances(SortedMap<String, BigDecimal> byAsset) implements Result {
    }

    /** The state's SHA-256 (hex) and how many orders the engine remembers. */
    record StateHash(String sha256, int orders) implements Result {
    }

    /** Amendments of one order, newest first. */
    record Amendments(List<Amendment> amendments) implements Result {
    }

    /** A setting or price command that was applied (or, with false, a Tick with nothing due). */
    record Done(boolean changedState) implements Result {
        public static final Done CHANGED = new Done(true);
        public static final Done UNCHANGED = new Done(false);
    }

    /** {@code POST /papi/v1/cm/leverage}: the new leverage and maxQty (whole coins) at it. */
    record LeverageSet(String symbol, int leverage, long maxQty) implements Result {
        @Override
        public boolean changedState() {
            return true;
        }
    }

    record CmAccount(List<LedgerViews.AssetView> assets, List<LedgerViews.PositionView> positions) implements Result {
    }

    record Positions(List<LedgerViews.PositionView> positions) implements Result {
    }

    /** {@code GET /papi/v1/balance} rows (Query.Balance); {@link Balances} is the raw map of Query.Balances. */
    record PortfolioBalances(List<LedgerViews.BalanceView> balances) implements Result {
    }

    record PortfolioAccount(LedgerViews.PortfolioView account) implements Result {
    }

    /** Rates in rate units (1e-8). */
    record CommissionRates(String symbol, long makerCommissionRate, long takerCommissionRate) implements Result {
    }

    record LeverageBrackets(List<LedgerViews.SymbolBrackets> symbols) implements Result {
    }

    /** {@code GET /papi/v1/cm/adlQuantile}: one row per symbol with a position. */
    record AdlQuantiles(List<LedgerViews.AdlView> rows) implements Result {
    }

    record PositionMode(boolean dualSidePosition) implements Result {
    }

    record Incomes(List<LedgerViews.IncomeView> incomes) implements Result {
    }

    record UserTrades(List<LedgerViews.TradeView> trades) implements Result {
    }

    /** A reference price moved; changedState is false when neither the price nor the house ladder changed. */
    record Requoted(long referencePrice, int placed, int canceled, boolean changedState) implements Result {
    }

    record HouseConfigured(boolean changedState) implements Result {
    }

    record Depth(MarketView.Depth depth) implements Result {
    }

    record Trades(List<MarketView.Trade> trades) implements Result {
    }

    record AggTrades(List<MarketView.AggTrade> aggTrades) implements Result {
    }

    record Klines(List<MarketView.Kline> klines) implements Result {
    }

    record Tickers24h(List<MarketView.Ticker24h> tickers) implements Result {
    }

    record PriceTickers(List<MarketView.PriceTicker> tickers) implements Result {
    }

    record BookTickers(List<MarketView.BookTicker> tickers) implements Result {
    }

    record PremiumIndexes(List<MarketView.PremiumIndex> indexes) implements Result {
    }

    /** changes is null when the book's change log no longer reaches back to the asked update id. */
    record DepthChanges(MarketView.DepthChanges changes) implements Result {
    }

    record FundingRates(Instrument instrument, List<MarketView.FundingRate> rates) implements Result {
    }
}
