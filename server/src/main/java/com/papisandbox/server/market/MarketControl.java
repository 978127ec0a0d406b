package com.papisandbox.server.market;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.EngineThread;
import com.papisandbox.server.InstrumentCatalog;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The built-in market's life at run time, as the admin API drives it: off, running or held; its settings;
 * prices set by hand or along a scripted path. Started with the sandbox's {@link MarketConfig}; a market that
 * starts off can be switched on later (the house opens then) and off again (its ladders are cancelled).
 */
public final class MarketControl implements AutoCloseable {
    public enum State { OFF, RUNNING, HELD }

    private final InstrumentCatalog catalog;
    private final EngineThread engine;
    private final LongSupplier clock;
    /** The settings the sandbox started with: what a reset returns to. */
    private final MarketConfig initial;
    private MarketConfig config;
    /** Null while the market is off. */
    private LiveMarket live;
    /** Numbers the liquidity provider's client order ids. */
    private long liquidityOrders;

    private MarketControl(InstrumentCatalog catalog, EngineThread engine, LongSupplier clock, MarketConfig config, LiveMarket live) {
        this.catalog = catalog;
        this.engine = engine;
        this.clock = clock;
        this.config = config;
        this.initial = config;
        this.live = live;
    }

    public static MarketControl start(MarketConfig config, InstrumentCatalog catalog, EngineThread engine, LongSupplier clock) throws Exception {
        return new MarketControl(catalog, engine, clock, config, HouseAccount.startMarket(config, catalog, engine, clock));
    }

    public synchronized Optional<LiveMarket> live() {
        return Optional.ofNullable(live);
    }

    public synchronized State state() {
        if (live == null) return State.OFF;
        return live.held() ? State.HELD : State.RUNNING;
    }

    public synchronized MarketConfig config() {
        return config;
    }

    /** Stops the prices' own moves; the books stay quoted. */
    public synchronized void hold() {
        running().hold();
    }

    /** Lets prices move again; a market that was off is switched on (a random walk unless a CSV was configured). */
    public synchronized void resume() throws Exception {
        if (live != null) {
            live.resume();
            return;
        }
        if (!config.on()) config = config.withMode(MarketConfig.Mode.RANDOM_WALK, null);
        live = HouseAccount.startMarket(config, catalog, engine, clock);
    }

    /** Switches the market off: no more moves, the house's ladders cancelled, the books left to the users. */
    public synchronized void off() throws Exception {
        if (live == null) return;
        live.close();
        live = null;
        config = config.withMode(MarketConfig.Mode.OFF, null);
        HouseAccount.startMarket(config, catalog, engine, clock);
    }

    /** New settings, each null to keep it; validated as the command line validates them. */
    public synchronized void settings(Double volatility, Double spread, Integer depth, Long levelQty) throws Exception {
        MarketConfig next = config;
        if (volatility != null) next = next.withVolatility(volatility);
        if (spread != null) next = next.withSpread(spread);
        if (depth != null) next = next.withDepth(depth);
        if (levelQty != null) next = next.withLevelQty(levelQty);
        if (volatility != null && live != null && config.mode() == MarketConfig.Mode.CSV) {
            throw new IllegalStateException("the market replays a CSV file: it has no volatility");
        }
        MarketConfig before = config;
        config = next;
        if (live == null) return;
        if (volatility != null) live.volatility(volatility);
        if (next.depth() != before.depth() || next.levelQty() != before.levelQty() || next.spreadPpm() != before.spreadPpm()) {
            Result r = engine.submit(new Command.ConfigureHouse(live.houseId(), next.depth(), next.levelQty(), next.spreadPpm()))
                    .get(30, TimeUnit.SECONDS);
            if (r instanceof Result.Rejected rejected) throw new IllegalStateException("the house refused its settings: " + rejected.reason());
            live.requoteAll();
        }
    }

    /**
     * Sets a symbol's reference price (price units): with the market on, its pair moves there and the house
     * requotes; with it off, the mark and index price follow it (as they follow the market's moves).
     */
    public synchronized void reference(Instrument instrument, long referencePrice) throws Exception {
        if (live != null) {
            live.reference(instrument.symbol(), referencePrice);
            return;
        }
        Result r = engine.submit(new Command.Requote(instrument.symbol(), referencePrice)).get(30, TimeUnit.SECONDS);
        if (r instanceof Result.Rejected rejected) throw new IllegalArgumentException("price refused: " + rejected.reason());
    }

    /** A print at {@code price} (price units) of {@code quantity} contracts (see {@link LiveMarket#trade}); the market must be on. */
    public synchronized void trade(String symbol, long price, long quantity) {
        running().trade(symbol, price, quantity);
    }

    /** Rests an order of the liquidity provider's (a sandbox account the house never requotes); returns its result. */
    public synchronized Result addLiquidity(Instrument instrument, com.papisandbox.engine.Side side, long price, long quantity) throws Exception {
        long provider = HouseAccount.openLiquidityProvider(engine, instrument, engine.instruments().values());
        String clientId = "lp_" + (++liquidityOrders) + "_" + clock.getAsLong();
        return engine.submit(new Command.PlaceOrder(provider, instrument.symbol(), side, com.papisandbox.engine.OrderType.LIMIT,
                com.papisandbox.engine.TimeInForce.GTC, com.papisandbox.engine.PositionSide.BOTH, false, price, quantity, clientId))
                .get(30, TimeUnit.SECONDS);
    }

    /** Cancels the liquidity provider's orders on the symbol, of one side or (null) both. */
    public synchronized void removeLiquidity(Instrument instrument, com.papisandbox.engine.Side side) throws Exception {
        Long provider = engine.read(e -> e.account(HouseAccount.LIQUIDITY_API_KEY) == null ? null : e.account(HouseAccount.LIQUIDITY_API_KEY).accountId())
                .get(30, TimeUnit.SECONDS);
        if (provider == null) return;
        java.util.List<Long> orders = engine.read(e -> e.openOrders(provider).stream()
                .filter(o -> o.instrument().symbol().equals(instrument.symbol()) && (side == null || o.side() == side))
                .map(com.papisandbox.engine.OrderView::orderId).toList()).get(30, TimeUnit.SECONDS);
        for (long orderId : orders) {
            engine.submit(new Command.CancelOrder(provider, instrument.symbol(), orderId, null)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Scripts a move for the symbol's pair (see {@link LiveMarket#follow}); the market must be on. */
    public synchronized void follow(String symbol, long[] afterMillis, double[] prices) {
        running().follow(symbol, afterMillis, prices);
    }

    /**
     * Before a reset or restore replaces the engine's state: stops the price driver, whose house and prices are
     * about to be replaced. Returns the state it was in.
     */
    public synchronized State suspend() {
        State was = state();
        if (live != null) live.close();
        live = null;
        return was;
    }

    /**
     * After a reset: the market as the sandbox started it. After a restore: as it was before ({@code was}), on the
     * restored books and prices.
     */
    public synchronized void restart(boolean reset, State was) throws Exception {
        if (reset) config = initial;
        else if (was == State.OFF) config = config.withMode(MarketConfig.Mode.OFF, null);
        live = HouseAccount.startMarket(config, catalog, engine, clock);
        if (!reset && was == State.HELD && live != null) live.hold();
    }

    /** Moves the market to the clock's time now (after the clock was moved by hand). */
    public synchronized void catchUp() {
        if (live != null) live.tick();
    }

    private LiveMarket running() {
        if (live == null) throw new IllegalStateException("the built-in market is off: resume it first");
        return live;
    }

    @Override
    public synchronized void close() {
        if (live != null) live.close();
    }
}
