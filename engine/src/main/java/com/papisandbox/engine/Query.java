package com.papisandbox.engine;

/**
 * Reads of the engine's state. Queries never change state, so they are never journaled; they run on the
 * engine thread in sequence with the commands, so they see every command submitted before them. Optional
 * filters are null (strings), −1 (ids and times) or 0 (limit, page: the endpoint's default).
 */
public sealed interface Query extends EngineRequest {
    /** One order of the account, open or closed; {@code orderId < 0} means "by client order id". */
    record OrderLookup(long accountId, String symbol, long orderId, String origClientOrderId) implements Query {
    }

    /** One open order of the account; {@code orderId < 0} means "by client order id". */
    record OpenOrderLookup(long accountId, String symbol, long orderId, String origClientOrderId) implements Query {
    }

    /** symbol and pair are optional filters (null = all). */
    record OpenOrders(long accountId, String symbol, String pair) implements Query {
    }

    /** The account's balances by asset, as the engine holds them. */
    record Balances(long accountId) implements Query {
    }

    /** The SHA-256 of the whole engine state, to compare two sandboxes or a run with its replay. */
    record StateHash() implements Query {
    }

    /**
     * The amendments of one order of the account, newest first; {@code orderId < 0} means "by client order
     * id"; only those with {@code startTime <= time <= endTime}, at most {@code limit}.
     */
    record OrderAmendments(long accountId, String symbol, long orderId, String origClientOrderId, long startTime,
                           long endTime, int limit) implements Query {
    }

    /** {@code GET /papi/v1/cm/allOrders}: symbol or pair; orders with id ≥ orderId, else the newest; limit ≤ 100. */
    record AllOrders(long accountId, String symbol, String pair, long orderId, long startTime, long endTime, int limit)
            implements Query {
    }

    /**
     * {@code GET /papi/v1/cm/forceOrders}: the account's liquidation orders, optionally of one symbol; {@code adl}
     * null for both kinds, else only ADL (true) or only LIQUIDATION (false) orders; times −1 when not sent.
     */
    record ForceOrders(long accountId, String symbol, Boolean adl, long startTime, long endTime, int limit) implements Query {
    }

    /** {@code GET /papi/v1/cm/adlQuantile}: every symbol the account holds a position in, or only {@code symbol}. */
    record AdlQuantile(long accountId, String symbol) implements Query {
    }

    /** {@code GET /papi/v1/cm/account} → {@link Result.CmAccount}. */
    record CmAccountDetail(long accountId) implements Query {
    }

    /** {@code GET /papi/v1/cm/positionRisk} → {@link Result.Positions}. */
    record PositionRisk(long accountId, String marginAsset, String pair) implements Query {
    }

    /** {@code GET /papi/v1/balance} → {@link Result.Balances}; with an asset, exactly one row (zeros if never held). */
    record Balance(long accountId, String asset) implements Query {
    }

    /** {@code GET /papi/v1/account} → {@link Result.PortfolioAccount}. */
    record PortfolioAccount(long accountId) implements Query {
    }

    /** {@code GET /papi/v1/cm/commissionRate} → {@link Result.CommissionRates}. */
    record CommissionRate(long accountId, String symbol) implements Query {
    }

    /** {@code GET /papi/v1/cm/leverageBracket} → {@link Result.LeverageBrackets}; symbol null = all. */
    record LeverageBrackets(long accountId, String symbol) implements Query {
    }

    /** {@code GET /papi/v1/cm/positionSide/dual} → {@link Result.PositionMode}. */
    record PositionMode(long accountId) implements Query {
    }

    /** {@code GET /papi/v1/cm/income} → {@link Result.Incomes}; incomeType null = all; window ≤ 200 days. */
    record Income(long accountId, String symbol, IncomeType incomeType, long startTime, long endTime, int limit, int page)
            implements Query {
    }

    /** {@code GET /papi/v1/cm/userTrades} → {@link Result.UserTrades}; the spec's parameter rules are checked here. */
    record UserTrades(long accountId, String symbol, String pair, long orderId, long startTime, long endTime, long fromId,
                      int limit) implements Query {
    }

    /** {@code GET /papi/v1/cm/conditional/openOrder}: a NEW strategy; {@code strategyId < 0} means "by client strategy id". */
    record OpenStrategyLookup(long accountId, String symbol, long strategyId, String clientStrategyId) implements Query {
    }

    /** {@code GET /papi/v1/cm/conditional/orderHistory}: a strategy no longer NEW, within the 7-day rule. */
    record StrategyHistoryLookup(long accountId, String symbol, long strategyId, String clientStrategyId) implements Query {
    }

    /** {@code GET /papi/v1/cm/conditional/openOrders}; symbol null = all. */
    record OpenStrategies(long accountId, String symbol) implements Query {
    }

    /**
     * {@code GET /papi/v1/cm/conditional/allOrders}: strategies booked in [startTime, endTime] (both −1: the last 7
     * days; one: 7 days from or to it), from {@code strategyId} up when given (−1: the newest), at most limit.
     */
    record AllStrategies(long accountId, String symbol, long strategyId, long startTime, long endTime, int limit) implements Query {
    }

    /** Public market data of one symbol, or of every symbol (of a pair) where the endpoint allows it. */
    sealed interface Market extends Query {
    }

    /** The top {@code limit} price levels of each side. */
    record Depth(String symbol, int limit) implements Market {
    }

    /** The most recent {@code limit} trades, oldest first. */
    record RecentTrades(String symbol, int limit) implements Market {
    }

    /** fromId, startTime and endTime are -1 when absent (then: the most recent {@code limit}). */
    record AggTrades(String symbol, long fromId, long startTime, long endTime, int limit) implements Market {
    }

    /** Bars of {@code interval} opened in [startTime, endTime], the latest {@code limit}; -1 = absent. */
    record Klines(String symbol, KlineInterval interval, long startTime, long endTime, int limit) implements Market {
    }

    /** symbol, pair: optional filters (null = all); at most one is set. */
    record Ticker24h(String symbol, String pair) implements Market {
    }

    record PriceTicker(String symbol, String pair) implements Market {
    }

    record BookTicker(String symbol, String pair) implements Market {
    }

    record PremiumIndex(String symbol, String pair) implements Market {
    }

    /** The levels a symbol's book updates after {@code sinceUpdateId} touched (a diff-depth stream's next event). */
    record DepthChanges(String symbol, long sinceUpdateId) implements Market {
    }

    /** Settled fundings of a symbol in [startTime, endTime] (−1 = absent), at most {@code limit}. */
    record FundingRates(String symbol, long startTime, long endTime, int limit) implements Market {
    }
}
