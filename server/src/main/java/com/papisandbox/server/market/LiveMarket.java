package com.papisandbox.server.market;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Quarterlies;
import com.papisandbox.engine.Result;
import com.papisandbox.server.EngineThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Drives the reference prices: on every tick (its own scheduler thread, the sandbox's clock) it moves
 * each pair's price along the {@link PricePath} and sends a journaled {@link Command.Requote} for every
 * symbol whose price moved by at least a tick. The engine's house then requotes its ladder; the journal
 * holds the prices, so a replay needs neither the path nor its seed.
 */
public final class LiveMarket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveMarket.class);
    /** Where a pair starts when no reference price is stored yet. */
    private static final Map<String, Double> START_PRICES = Map.of("BTC", 65_000.0, "ETH", 2_500.0);

    private final EngineThread engine;
    private final LongSupplier clock;
    private final MarketConfig config;
    /** Replaced when the volatility changes; the journal holds the prices, so replay needs no path. */
    private PricePath path;
    /** Held: the prices stand still (a scripted move still plays), as the admin API asks. */
    private boolean held;
    /** Pair index → the move the admin API scripted for it, played instead of the path until its end. */
    private final Map<Integer, ScriptedMove> scripted = new HashMap<>();
    /** The house account, whose leverage each newly listed contract gets before its first quote. */
    private final long houseId;
    /** Pair name → index into pairPrices; the pairs never change (a roll lists a contract of the same pair). */
    private final Map<String, Integer> pairs = new LinkedHashMap<>();
    private final double[] pairPrices;
    /** The price last sent per symbol trading now; a symbol absent here is new to the market. */
    private final Map<String, Long> lastSent = new HashMap<>();
    private long lastTime;
    private final ScheduledExecutorService scheduler;

    /**
     * @param stored each symbol's reference price (price units) as the engine holds it, 0 if none: a
     *               restarted market continues from there
     */
    public LiveMarket(MarketConfig config, Map<String, Long> stored, EngineThread engine, long houseId, LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
        this.houseId = houseId;
        this.config = config;
        this.lastTime = clock.getAsLong();
        this.path = config.mode() == MarketConfig.Mode.CSV
                ? CsvPath.load(config.csvFile(), lastTime, config.tickMillis())
                : new RandomWalk(config.seed(), config.volatility(), config.tickMillis());
        Map<String, Instrument> listed = engine.instruments();
        List<Double> starts = new ArrayList<>();
        for (Instrument instrument : listed.values()) {
            if (pairs.containsKey(instrument.pair())) continue;
            double basis = basis(Quarterlies.contractType(instrument, listed.values()));
            long reference = stored.getOrDefault(instrument.symbol(), 0L);
            pairs.put(instrument.pair(), pairs.size());
            starts.add(reference > 0 ? instrument.priceDecimal(reference).doubleValue() / basis : startPrice(instrument) / basis);
        }
        this.pairPrices = starts.stream().mapToDouble(Double::doubleValue).toArray();
        if (config.tickMillis() > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "live-market");
                t.setDaemon(true);
                return t;
            });
        } else {
            scheduler = null;
        }
        tick();
        if (scheduler != null) scheduler.scheduleAtFixedRate(this::scheduledTick, config.tickMillis(), config.tickMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A delivery contract trades at a premium to the perpetual (fixed here: no decay towards delivery).
     */
    private static double basis(String contractType) {
        return switch (contractType) {
            case "CURRENT_QUARTER", "CURRENT_MONTH" -> 1.002;
            case "NEXT_QUARTER", "NEXT_MONTH" -> 1.005;
            default -> 1.0;
        };
    }

    private static double startPrice(Instrument instrument) {
        Double known = START_PRICES.get(instrument.baseAsset());
        if (known != null) return known;
        double min = instrument.priceDecimal(Math.max(1, instrument.minPrice())).doubleValue();
        double max = instrument.maxPrice() > 0 ? instrument.priceDecimal(instrument.maxPrice()).doubleValue() : min * 10_000;
        return Math.sqrt(min * max);
    }

    private void scheduledTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("live market tick failed: {}", e.toString());
        }
    }

    /**
     * Moves the prices to the clock's time and requotes every symbol whose price changed; returns once the
     * engine has applied (and journaled) the requotes.
     */
    public synchronized void tick() {
        long now = clock.getAsLong();
        for (int p = 0; p < pairPrices.length; p++) {
            ScriptedMove move = scripted.get(p);
            if (move != null) {
                pairPrices[p] = move.priceAt(now);
                if (move.endsBy(now)) scripted.remove(p);
            } else if (!held && now > lastTime) {
                pairPrices[p] = path.advance(p, pairPrices[p], lastTime, now);
            }
        }
        lastTime = Math.max(lastTime, now);
        // read per tick: a quarterly's delivery lists its successor, which the market then quotes
        Map<String, Instrument> listed = engine.instruments();
        lastSent.keySet().retainAll(listed.keySet());
        List<CompletableFuture<Result>> replies = new ArrayList<>();
        for (Instrument instrument : listed.values()) {
            Integer pair = pairs.get(instrument.pair());
            if (pair == null) continue;
            Long sent = lastSent.get(instrument.symbol());
            if (sent == null) await(List.of(prepare(instrument)));
            long units = toUnits(instrument, pairPrices[pair] * basis(Quarterlies.contractType(instrument, listed.values())));
            if (sent != null && units == sent) continue;
            lastSent.put(instrument.symbol(), units);
            replies.add(engine.submit(new Command.Requote(instrument.symbol(), units)));
        }
        await(replies);
    }

    /** Stops the prices' own moves (scripted moves still play); true if it was running. */
    public synchronized boolean hold() {
        boolean was = !held;
        held = true;
        return was;
    }

    /** Lets the prices move again from where they stand; true if they were held. */
    public synchronized boolean resume() {
        boolean was = held;
        held = false;
        lastTime = Math.max(lastTime, clock.getAsLong());
        return was;
    }

    public synchronized boolean held() {
        return held;
    }

    long houseId() {
        return houseId;
    }

    /** Requotes every symbol now, moved or not: after the house's ladder settings changed. */
    synchronized void requoteAll() {
        lastSent.replaceAll((symbol, price) -> Long.MIN_VALUE);
        tick();
    }

    /** A new hourly volatility for the random walk, from the next tick on. */
    public synchronized void volatility(double hourlyVolatility) {
        if (config.mode() != MarketConfig.Mode.RANDOM_WALK) throw new IllegalStateException("the market replays a CSV file: it has no volatility");
        path = new RandomWalk(config.seed(), hourlyVolatility, config.tickMillis());
    }

    /**
     * Sets {@code symbol}'s reference price (price units) now: its pair moves with it (the other contracts of the
     * pair keep their premium) and the house requotes before this returns.
     */
    public synchronized void reference(String symbol, long referencePrice) {
        Instrument instrument = listed(symbol);
        int pair = pairs.get(instrument.pair());
        scripted.remove(pair);
        pairPrices[pair] = instrument.priceDecimal(referencePrice).doubleValue() / basis(instrument);
        tick();
    }

    /**
     * A print at {@code price} (price units) of {@code quantity} contracts on {@code symbol} now: its pair moves
     * there (as {@link #reference}), and the engine's house takes the resting orders the move crossed and trades
     * at exactly that price ({@link Command.Print}).
     */
    public synchronized void trade(String symbol, long price, long quantity) {
        Instrument instrument = listed(symbol);
        int pair = pairs.get(instrument.pair());
        scripted.remove(pair);
        pairPrices[pair] = instrument.priceDecimal(price).doubleValue() / basis(instrument);
        Result r = await(engine.submit(new Command.Print(symbol, price, quantity)));
        if (r instanceof Result.Rejected rejected) throw new IllegalArgumentException("the print was refused: " + rejected.reason());
        lastSent.put(symbol, price);
        tick();
    }

    /**
     * Moves {@code symbol}'s pair along {@code points}: each {@code afterMillis[i]} of sandbox time from now it is at
     * {@code prices[i]} (quote currency), linearly in between, starting from its price now; afterwards it moves on as
     * before (or stands, if held). A point at 0 ms moves it at once.
     */
    public synchronized void follow(String symbol, long[] afterMillis, double[] prices) {
        Instrument instrument = listed(symbol);
        int pair = pairs.get(instrument.pair());
        double basis = basis(instrument);
        long now = clock.getAsLong();
        long[] times = new long[afterMillis.length];
        double[] pairPoints = new double[prices.length];
        for (int i = 0; i < prices.length; i++) {
            times[i] = Math.addExact(now, afterMillis[i]);
            pairPoints[i] = prices[i] / basis;
        }
        ScriptedMove move = new ScriptedMove(now, pairPrices[pair], times, pairPoints);
        tick();
        scripted.put(pair, new ScriptedMove(now, pairPrices[pair], move.times(), move.prices()));
        tick();
    }

    /** The pairs whose scripted move is still playing, by one of their symbols' pair name. */
    public synchronized java.util.Set<String> scriptedPairs() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        pairs.forEach((name, index) -> {
            if (scripted.containsKey(index)) names.add(name);
        });
        return names;
    }

    private Instrument listed(String symbol) {
        Instrument instrument = engine.instruments().get(symbol);
        if (instrument == null || !pairs.containsKey(instrument.pair())) throw new IllegalArgumentException("unknown symbol " + symbol);
        return instrument;
    }

    private double basis(Instrument instrument) {
        return basis(Quarterlies.contractType(instrument, engine.instruments().values()));
    }

    /**
     * A contract new to the market: the house trades it at 1x, where the last bracket applies, so no maxQty
     * (-2027) can stop the house however large its position grows.
     */
    private CompletableFuture<Result> prepare(Instrument instrument) {
        return engine.submit(new Command.SetLeverage(houseId, instrument.symbol(), 1));
    }

    private static Result await(CompletableFuture<Result> reply) {
        await(List.of(reply));
        return reply.join();
    }

    private static void await(List<CompletableFuture<Result>> replies) {
        try {
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("requote failed: " + e.getMessage(), e);
        }
    }

    /** A price in the instrument's units on its tick grid, inside its PRICE_FILTER. */
    static long toUnits(Instrument instrument, double price) {
        long tick = Math.max(1, instrument.tickSize());
        long units = Math.round(price * Math.pow(10, instrument.pricePrecision()) / tick) * tick;
        long min = Math.max(tick, instrument.minPrice());
        if (units < min) units = min;
        if (instrument.maxPrice() > 0 && units > instrument.maxPrice()) units = instrument.maxPrice() - instrument.maxPrice() % tick;
        return units;
    }

    @Override
    public void close() {
        if (scheduler == null) return;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
