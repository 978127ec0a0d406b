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
    private final PricePath path;
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
        if (now > lastTime) {
            for (int p = 0; p < pairPrices.length; p++) pairPrices[p] = path.advance(p, pairPrices[p], lastTime, now);
            lastTime = now;
        }
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

    /**
     * A contract new to the market: the house trades it at 1x, where the last bracket applies, so no maxQty
     * (-2027) can stop the house however large its position grows.
     */
    private CompletableFuture<Result> prepare(Instrument instrument) {
        return engine.submit(new Command.SetLeverage(houseId, instrument.symbol(), 1));
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
