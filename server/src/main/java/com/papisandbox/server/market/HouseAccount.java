package com.papisandbox.server.market;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.EngineThread;
import com.papisandbox.server.InstrumentCatalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The house account that quotes the live market: a normal engine account, opened at start-up, funded
 * far beyond any margin it could need, and never registered with the edge's API keys, so no request
 * can sign as it whatever its stored credential. That credential is a fixed text, so two sandboxes
 * with the same seed, clock and commands have the same state hash.
 */
public final class HouseAccount {
    public static final String API_KEY = "papi-sandbox-house";
    /**
     * Per margin asset: so large that no margin check binds (100 million coin), within the ledger's bound on
     * an opening balance (1e9 coin, docs/decisions.md "Money").
     */
    static final BigDecimal BALANCE = new BigDecimal("100000000");
    private static final String CREDENTIAL = "house account: never registered with the edge, no request can sign as it";

    private HouseAccount() {
    }

    /** The account that holds the liquidity the admin API adds by hand (never the house's ladder). */
    public static final String LIQUIDITY_API_KEY = "papi-sandbox-liquidity";

    /** The sandbox's own accounts (the house, the liquidity provider): never registered, listed or opened by users. */
    public static boolean reserved(String apiKey) {
        return API_KEY.equals(apiKey) || LIQUIDITY_API_KEY.equals(apiKey);
    }

    /**
     * Opens (once) the account that holds hand-added liquidity, funded and at 1x on {@code symbol} like the house;
     * returns its id.
     */
    public static long openLiquidityProvider(EngineThread engine, Instrument instrument, Iterable<Instrument> all) throws Exception {
        Map<String, BigDecimal> balances = new TreeMap<>();
        for (Instrument i : all) balances.put(i.marginAsset(), BALANCE);
        Result opened = engine.submit(new Command.OpenAccount(LIQUIDITY_API_KEY, CREDENTIAL, balances)).get(30, TimeUnit.SECONDS);
        long id = ((Result.AccountOpened) opened).accountId();
        engine.submit(new Command.SetLeverage(id, instrument.symbol(), 1)).get(30, TimeUnit.SECONDS);
        return id;
    }

    /**
     * With the market on: opens the house (first start), sets its ladder and starts the price driver,
     * whose first tick fills the books before this returns. With the market off: a house left by an
     * earlier start stops quoting (its ladder is cancelled) and null is returned.
     */
    public static LiveMarket startMarket(MarketConfig config, InstrumentCatalog catalog, EngineThread engine,
                                         LongSupplier clock) throws Exception {
        if (!config.on()) {
            Long existing = engine.read(e -> e.account(API_KEY) == null ? null : e.account(API_KEY).accountId()).get(30, TimeUnit.SECONDS);
            if (existing != null) engine.submit(new Command.ConfigureHouse(0, 0, 0, 0)).get(30, TimeUnit.SECONDS);
            return null;
        }
        Map<String, BigDecimal> balances = new TreeMap<>();
        for (Instrument instrument : catalog.instruments()) balances.put(instrument.marginAsset(), BALANCE);
        Result opened = engine.submit(new Command.OpenAccount(API_KEY, CREDENTIAL, balances)).get(30, TimeUnit.SECONDS);
        long houseId = ((Result.AccountOpened) opened).accountId();
        engine.submit(new Command.ConfigureHouse(houseId, config.depth(), config.levelQty(), config.spreadPpm())).get(30, TimeUnit.SECONDS);
        Map<String, Long> stored = engine.read(e -> {
            Map<String, Long> prices = new LinkedHashMap<>();
            for (String symbol : e.instruments().keySet()) prices.put(symbol, e.referencePrice(symbol));
            return prices;
        }).get(30, TimeUnit.SECONDS);
        return new LiveMarket(config, stored, engine, houseId, clock);
    }
}
