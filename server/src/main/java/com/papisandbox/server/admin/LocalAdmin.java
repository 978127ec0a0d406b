package com.papisandbox.server.admin;

import com.papisandbox.server.RateLimits;

import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.journal.Journal;
import com.papisandbox.server.fault.Faults;
import com.papisandbox.server.stream.ListenKeys;
import com.papisandbox.server.stream.MarketStreams;
import com.papisandbox.server.stream.UserStreams;
import com.papisandbox.server.ApiKeys;
import com.papisandbox.server.EngineThread;
import com.papisandbox.server.SandboxClock;
import com.papisandbox.server.market.MarketControl;

import java.math.BigDecimal;
import java.util.List;

/** The admin interface in-process: each operation handed to the task class of its kind. */
public final class LocalAdmin implements SandboxAdmin {
    private final AccountTasks accounts;
    private final MarketTasks market;
    private final ClockTasks clock;
    private final StateTasks states;
    private final EngineCalls engine;

    private final FaultTasks faults;
    private final RateLimits rateLimits;
    private final SandboxClock sandboxClock;

    public LocalAdmin(EngineThread engineThread, Journal journal, ApiKeys apiKeys, SandboxClock clock, MarketControl market,
                      StateHost host, Faults faults, UserStreams userStreams, MarketStreams marketStreams, ListenKeys listenKeys,
                      RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.sandboxClock = clock;
        this.engine = new EngineCalls(engineThread);
        this.faults = new FaultTasks(faults, userStreams, marketStreams, listenKeys, engine, clock);
        this.states = new StateTasks(engine, journal, clock, host);
        this.accounts = new AccountTasks(engine, apiKeys);
        this.market = new MarketTasks(market, engine);
        this.clock = new ClockTasks(clock, engine, market);
    }

    @Override
    public CreatedAccount createAccount(NewAccount account) {
        if (account == null) throw AdminException.badRequest("no account sent");
        return accounts.create(account);
    }

    @Override
    public List<AccountInfo> accounts() {
        return accounts.list();
    }

    @Override
    public AccountInfo deposit(String apiKey, String asset, BigDecimal amount) {
        return accounts.transfer(apiKey, asset, amount, true);
    }

    @Override
    public AccountInfo withdraw(String apiKey, String asset, BigDecimal amount) {
        return accounts.transfer(apiKey, asset, amount, false);
    }

    @Override
    public AccountInfo setCommission(String apiKey, BigDecimal makerRate, BigDecimal takerRate) {
        return accounts.commission(apiKey, makerRate, takerRate);
    }

    @Override
    public MarketInfo market() {
        return market.info();
    }

    @Override
    public MarketInfo holdMarket() {
        return market.hold();
    }

    @Override
    public MarketInfo resumeMarket() {
        return market.resume();
    }

    @Override
    public MarketInfo stopMarket() {
        return market.stop();
    }

    @Override
    public MarketInfo configureMarket(MarketSettings settings) {
        return market.configure(settings);
    }

    @Override
    public SymbolPrices setPrices(String symbol, BigDecimal referencePrice, BigDecimal markPrice, BigDecimal indexPrice) {
        return market.setPrices(symbol, referencePrice, markPrice, indexPrice);
    }

    @Override
    public MarketInfo tradeAt(String symbol, BigDecimal price, BigDecimal quantity) {
        return market.trade(symbol, price, quantity);
    }

    @Override
    public LiquidityInfo addLiquidity(String symbol, String side, BigDecimal price, BigDecimal quantity) {
        return market.addLiquidity(symbol, side, price, quantity);
    }

    @Override
    public LiquidityInfo removeLiquidity(String symbol, String side) {
        return market.removeLiquidity(symbol, side);
    }

    @Override
    public MarketInfo followPath(String symbol, List<PricePoint> points) {
        return market.follow(symbol, points);
    }

    @Override
    public ClockInfo clock() {
        return clock.info();
    }

    @Override
    public ClockInfo freezeClock() {
        return clock.freeze();
    }

    @Override
    public ClockInfo advanceClock(long millis) {
        return clock.advance(millis);
    }

    @Override
    public ClockInfo runClock() {
        return clock.run();
    }

    @Override
    public RateLimitInfo rateLimits() {
        List<IpRateLimit> ips = new java.util.ArrayList<>();
        rateLimits.ips(sandboxClock.getAsLong()).forEach((ip, state) ->
                ips.add(new IpRateLimit(ip, state.usedWeight(), state.bannedUntil(), state.nextBanMillis())));
        return new RateLimitInfo(rateLimits.enforced(), RateLimits.IP_WEIGHT_PER_MINUTE, RateLimits.ORDERS_PER_MINUTE, ips);
    }

    @Override
    public RateLimitInfo liftBans() {
        rateLimits.liftBans();
        return rateLimits();
    }

    @Override
    public StateHash stateHash() {
        return engine.read(e -> new StateHash(EngineSnapshot.stateHash(e), e.orderCount()));
    }

    @Override
    public StateHash reset() {
        return states.reset();
    }

    @Override
    public SavedStateInfo saveSnapshot(String name) {
        return states.save(name);
    }

    @Override
    public List<SavedStateInfo> snapshots() {
        return states.list();
    }

    @Override
    public StateHash restoreSnapshot(String name) {
        return states.restore(name);
    }

    @Override
    public FaultInfo addFault(FaultSpec fault) {
        return faults.add(fault);
    }

    @Override
    public FaultsInfo faults() {
        return faults.list();
    }

    @Override
    public FaultsInfo removeFault(long id) {
        return faults.remove(id);
    }

    @Override
    public FaultsInfo clearFaults() {
        return faults.clear();
    }

    @Override
    public FaultsInfo seedFaults(long seed) {
        return faults.seed(seed);
    }

    @Override
    public StreamsInfo dropStreams(String streams) {
        return faults.drop(streams);
    }

    @Override
    public StreamsInfo stallStreams(String streams, long millis) {
        return faults.stall(streams, millis);
    }

    @Override
    public StreamsInfo expireListenKeys(String apiKey) {
        return faults.expire(apiKey);
    }

    @Override
    public Scenario.Loaded loadScenario(String scenario) {
        return Scenario.parse(scenario).apply(this);
    }
}
