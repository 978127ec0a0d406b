package com.papisandbox.server.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything the sandbox lets its user do that Binance never would: accounts and money at will, the market's
 * prices and settings, the clock. One interface for every caller: the admin HTTP API under
 * {@code /sandbox/v1} renders it, the test kit calls it in-process or over HTTP. Every operation either
 * does all it says or nothing, and refuses bad input with an {@link AdminException}.
 */
public interface SandboxAdmin {

    // ---- accounts

    /** Opens an account; missing key or secret are generated. The reply carries the secret (HMAC) once. */
    CreatedAccount createAccount(NewAccount account);

    /** Every user account (never the house), in opening order. */
    List<AccountInfo> accounts();

    /** Adds coin to an account's CM wallet: an {@code ACCOUNT_UPDATE} with reason {@code DEPOSIT}. */
    AccountInfo deposit(String apiKey, String asset, BigDecimal amount);

    /** Takes coin out (reason {@code WITHDRAW}); refused if it would leave the account short of margin. */
    AccountInfo withdraw(String apiKey, String asset, BigDecimal amount);

    /** The account's maker and taker commission rates (e.g. 0.0002 and 0.0005; negative = rebate). */
    AccountInfo setCommission(String apiKey, BigDecimal makerRate, BigDecimal takerRate);

    // ---- market

    MarketInfo market();

    /** Stops the market's own price moves; the books stay quoted. */
    MarketInfo holdMarket();

    /** Lets prices move again, or switches a market that is off on. */
    MarketInfo resumeMarket();

    /** Switches the market off: no moves, the house's quotes cancelled. */
    MarketInfo stopMarket();

    /** New volatility, spread, depth or level size (null keeps a setting). */
    MarketInfo configureMarket(MarketSettings settings);

    /**
     * Sets a symbol's prices (null keeps one). The reference price moves the market (and with it mark and
     * index); mark and index set alone hold until the market next moves the reference.
     */
    SymbolPrices setPrices(String symbol, BigDecimal referencePrice, BigDecimal markPrice, BigDecimal indexPrice);

    /**
     * A print: the market trades {@code quantity} contracts (null: the minimum) at {@code price} now; the house's
     * ladder moves there and takes every resting order the move crossed; the price becomes the last price. The
     * market must be on.
     */
    MarketInfo tradeAt(String symbol, BigDecimal price, BigDecimal quantity);

    /**
     * Rests liquidity by hand: a GTC order of the sandbox's liquidity provider (an account the house never
     * requotes) on {@code side} (BUY or SELL) at {@code price}; it stays until it is filled or removed.
     */
    LiquidityInfo addLiquidity(String symbol, String side, BigDecimal price, BigDecimal quantity);

    /** Removes the hand-added liquidity on the symbol, of one side or (null) both. */
    LiquidityInfo removeLiquidity(String symbol, String side);

    /** Moves a symbol's pair along a path of points relative to now; the market must be on. */
    MarketInfo followPath(String symbol, List<PricePoint> points);

    // ---- clock

    ClockInfo clock();

    ClockInfo freezeClock();

    /** Moves sandbox time forward; funding, deliveries, the market and expiries catch up before it returns. */
    ClockInfo advanceClock(long millis);

    /** Lets a frozen clock run again at real pace from where it stands. */
    ClockInfo runClock();

    // ---- rate limits

    /** The budgets: limits, whether they are enforced, and each IP's weight this minute and ban. */
    RateLimitInfo rateLimits();

    /** Lifts every IP ban and forgets past violations; the minute's counts stay. */
    RateLimitInfo liftBans();

    // ---- state

    /** SHA-256 over the whole engine state, read in sequence with the commands. */
    StateHash stateHash();

    /**
     * Back to a clean state: every account, order, position and trade gone, the accounts the sandbox was started
     * with opened again with their starting balances, the market as it started. Stream connections are closed
     * and listen keys forgotten. Sandbox time stays where it is.
     */
    StateHash reset();

    /** Keeps the whole state under {@code name} (saving a name again replaces what it points at). */
    SavedStateInfo saveSnapshot(String name);

    List<SavedStateInfo> snapshots();

    /**
     * Puts back the state saved under {@code name}; stream connections are closed, listen keys forgotten. Sandbox
     * time stays where it is: funding and deliveries due since the save happen at the next command.
     */
    StateHash restoreSnapshot(String name);

    // ---- scenarios

    /** Loads a scenario document (see {@link Scenario}); checked whole before anything is applied. */
    Scenario.Loaded loadScenario(String scenario);

    // ---- faults

    /** Arms a fault on the Binance paths (see {@link FaultSpec}). */
    FaultInfo addFault(FaultSpec fault);

    /** The armed faults and the faults injected so far (the last 1000). */
    FaultsInfo faults();

    FaultsInfo removeFault(long id);

    FaultsInfo clearFaults();

    /** Chance (a fault's probability, a latency preset's draws) follows this seed from now on. */
    FaultsInfo seedFaults(long seed);

    /** Closes the user ({@code user}), market ({@code market}) or every ({@code all}) stream connection now. */
    StreamsInfo dropStreams(String streams);

    /** For {@code millis} of real time no frame reaches those streams' clients (frames are lost; pings go on). */
    StreamsInfo stallStreams(String streams, long millis);

    /** Makes the listen key of one account ({@code apiKey}), or of every account (null), lapse now. */
    StreamsInfo expireListenKeys(String apiKey);

    // ---- the model

    /**
     * {@code kind}: LATENCY, ERROR, UNKNOWN_EXECUTED, UNKNOWN_NOT_EXECUTED, THROTTLED, HTML_502 or
     * CLOSE_CONNECTION; {@code target}: "*" (default), a path, or "METHOD path"; {@code count}: the next N matching
     * requests (null or 0: until removed); {@code probability}: of hitting a matching request (default 1);
     * LATENCY takes {@code latencyMillis} or {@code latencyPreset} (BINANCE_NORMAL, BINANCE_BUSY,
     * BINANCE_OVERLOADED); ERROR takes {@code code}, and {@code msg} and {@code httpStatus} unless the sandbox
     * knows the code.
     */
    record FaultSpec(String kind, String target, Integer count, Double probability, Long latencyMillis,
                     String latencyPreset, Integer code, String msg, Integer httpStatus) {
    }

    record FaultInfo(long id, String kind, String target, int count, double probability, Long latencyMillis,
                     String latencyPreset, Integer code, String msg, Integer httpStatus) {
    }

    /** One injected fault: sandbox time, the rule, the request, the delay it added. */
    record InjectionInfo(long time, long faultId, String kind, String method, String path, long delayMillis) {
    }

    record FaultsInfo(List<FaultInfo> active, List<InjectionInfo> injected) {
    }

    /** Stream connections open after the operation, and the listen keys it ended. */
    record StreamsInfo(int userConnections, int marketConnections, int listenKeysEnded) {
    }

    /** {@code apiKey} and {@code secret} may be null (generated); {@code rsaPublicKey} (PEM) replaces the secret. */
    record NewAccount(String apiKey, String secret, String rsaPublicKey, Map<String, BigDecimal> balances) {
    }

    record CreatedAccount(AccountInfo account, String secret) {
    }

    /** {@code keyType} is {@code HMAC} or {@code RSA}; balances are CM wallet balances by asset. */
    record AccountInfo(String apiKey, long accountId, String keyType, BigDecimal makerCommissionRate,
                       BigDecimal takerCommissionRate, Map<String, BigDecimal> balances) {
    }

    record MarketSettings(Double volatility, Double spread, Integer depth, Long levelQty) {
    }

    /** {@code state}: OFF, RUNNING or HELD; {@code mode}: OFF, RANDOM_WALK or CSV. */
    record MarketInfo(String state, String mode, double volatility, double spread, int depth, long levelQty,
                      long tickMillis, List<String> scriptedPairs, List<SymbolPrices> symbols) {
    }

    record SymbolPrices(String symbol, BigDecimal referencePrice, BigDecimal markPrice, BigDecimal indexPrice) {
    }

    /** The liquidity provider's resting orders on a symbol: bids best first, asks best first, as [price, quantity]. */
    record LiquidityInfo(String symbol, List<List<BigDecimal>> bids, List<List<BigDecimal>> asks) {
    }

    /** The price {@code afterMillis} of sandbox time from now. */
    record PricePoint(long afterMillis, BigDecimal price) {
    }

    record ClockInfo(long time, boolean frozen) {
    }

    /** {@code bannedUntil} 0: not banned; {@code nextBanMillis}: the length of the ban a new violation would earn. */
    record IpRateLimit(String ip, int usedWeight, long bannedUntil, long nextBanMillis) {
    }

    record RateLimitInfo(boolean enforced, int weightPerMinute, int ordersPerMinute, List<IpRateLimit> ips) {
    }

    record StateHash(String stateHash, int orders) {
    }

    /** {@code stateHash} is what {@link #stateHash()} answers once it is restored; {@code time} is sandbox time. */
    record SavedStateInfo(String name, String stateHash, long time, long bytes) {
    }
}
