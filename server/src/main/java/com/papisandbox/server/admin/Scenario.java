package com.papisandbox.server.admin;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A scenario file (YAML, or JSON, which is YAML too): the accounts, balances, prices, market settings, faults and
 * clock a CI job wants its sandbox to start from, in one document. Every key and value is checked before anything
 * is applied, so a wrong file changes nothing; it is then applied in a fixed order through {@link SandboxAdmin}:
 * reset, clock, market, accounts, prices, paths, faults.
 *
 * <pre>
 * reset: true
 * clock: {freeze: true, advance: 1h}
 * market: {state: held, volatility: 0.01, spread: 0.0002, depth: 30, levelQty: 800}
 * accounts:
 *   - {apiKey: bot1, secret: bot1secret, balances: {BTC: 5}, makerCommissionRate: 0.0002, takerCommissionRate: 0.0005}
 * prices:
 *   - {symbol: BTCUSD_PERP, referencePrice: 65000}
 * paths:
 *   - {symbol: BTCUSD_PERP, points: [{afterMillis: 60000, price: 52000}]}
 * faultSeed: 42
 * faults:
 *   - {kind: LATENCY, latencyPreset: BINANCE_BUSY, probability: 0.2}
 * </pre>
 */
public final class Scenario {
    private static final int MAX_BYTES = 1 << 20;
    private static final Set<String> TOP = Set.of("reset", "clock", "market", "accounts", "prices", "paths", "faults", "faultSeed");

    private final boolean reset;
    private final boolean freeze;
    private final Long advanceMillis;
    private final String marketState;
    private final SandboxAdmin.MarketSettings marketSettings;
    private final List<AccountStep> accounts;
    private final List<Map<String, Object>> prices;
    private final List<PathStep> paths;
    private final Long faultSeed;
    private final List<SandboxAdmin.FaultSpec> faults;

    private record AccountStep(SandboxAdmin.NewAccount account, BigDecimal maker, BigDecimal taker) {
    }

    private record PathStep(String symbol, List<SandboxAdmin.PricePoint> points) {
    }

    /** What loading did: the accounts it opened (with generated secrets), and the market, clock and faults after it. */
    public record Loaded(List<SandboxAdmin.CreatedAccount> accounts, SandboxAdmin.MarketInfo market, SandboxAdmin.ClockInfo clock,
                         List<SandboxAdmin.FaultInfo> faults) {
    }

    private Scenario(Fields top) {
        reset = top.bool("reset", false);
        Fields clock = top.object("clock", Set.of("freeze", "advance"));
        freeze = clock != null && clock.bool("freeze", false);
        advanceMillis = clock == null || clock.string("advance") == null ? null : AdminRequest.parseDuration(clock.string("advance"));
        Fields market = top.object("market", Set.of("state", "volatility", "spread", "depth", "levelQty"));
        marketState = market == null ? null : market.choice("state", Set.of("running", "held", "off"));
        marketSettings = market == null ? null : new SandboxAdmin.MarketSettings(market.fraction("volatility"), market.fraction("spread"),
                market.smallInteger("depth"), market.integer("levelQty"));
        accounts = new ArrayList<>();
        for (Fields a : top.list("accounts", Set.of("apiKey", "secret", "rsaPublicKey", "balances", "makerCommissionRate", "takerCommissionRate"))) {
            BigDecimal maker = a.decimal("makerCommissionRate");
            BigDecimal taker = a.decimal("takerCommissionRate");
            if ((maker == null) != (taker == null)) throw AdminException.badRequest("accounts: makerCommissionRate and takerCommissionRate go together");
            Map<String, BigDecimal> balances = a.decimals("balances");
            accounts.add(new AccountStep(new SandboxAdmin.NewAccount(a.string("apiKey"), a.string("secret"), a.string("rsaPublicKey"), balances),
                    maker, taker));
        }
        prices = new ArrayList<>();
        for (Fields p : top.list("prices", Set.of("symbol", "referencePrice", "markPrice", "indexPrice"))) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("symbol", p.required("symbol"));
            step.put("referencePrice", p.decimal("referencePrice"));
            step.put("markPrice", p.decimal("markPrice"));
            step.put("indexPrice", p.decimal("indexPrice"));
            prices.add(step);
        }
        paths = new ArrayList<>();
        for (Fields p : top.list("paths", Set.of("symbol", "points"))) {
            List<SandboxAdmin.PricePoint> points = new ArrayList<>();
            for (Fields point : p.list("points", Set.of("afterMillis", "price"))) {
                points.add(new SandboxAdmin.PricePoint(point.requiredInteger("afterMillis"), point.requiredDecimal("price")));
            }
            paths.add(new PathStep(p.required("symbol"), points));
        }
        faultSeed = top.integer("faultSeed");
        faults = new ArrayList<>();
        for (Fields f : top.list("faults", Set.of("kind", "target", "count", "probability", "latencyMillis", "latencyPreset", "code", "msg", "httpStatus"))) {
            SandboxAdmin.FaultSpec spec = new SandboxAdmin.FaultSpec(f.required("kind"), f.string("target"), f.smallInteger("count"),
                    f.fraction("probability"), f.integer("latencyMillis"), f.string("latencyPreset"), f.smallInteger("code"), f.string("msg"),
                    f.smallInteger("httpStatus"));
            FaultTasks.prepare(spec);
            faults.add(spec);
        }
        if (!paths.isEmpty() && "off".equals(marketState)) throw AdminException.badRequest("paths need the market on, not off");
    }

    /** Parses and checks a scenario; throws {@link AdminException} (400) for anything wrong. */
    public static Scenario parse(String text) {
        if (text == null || text.isBlank()) throw AdminException.badRequest("the scenario is empty");
        if (text.length() > MAX_BYTES) throw AdminException.badRequest("a scenario is limited to " + MAX_BYTES + " characters");
        Object document;
        try {
            // failsafe: every scalar a string, so decimals stay exact and types are checked here, once
            document = new Load(LoadSettings.builder().setSchema(new FailsafeSchema()).setMaxAliasesForCollections(10).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw AdminException.badRequest("the scenario is not valid YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(document instanceof Map<?, ?> map)) throw AdminException.badRequest("a scenario is a mapping of reset, clock, market, accounts, prices, paths, faults");
        return new Scenario(new Fields("scenario", map, TOP));
    }

    /** Applies it: accounts that already exist (without {@code reset}) are refused before anything changes. */
    public Loaded apply(SandboxAdmin admin) {
        if (!reset) {
            Set<String> existing = new java.util.HashSet<>();
            admin.accounts().forEach(a -> existing.add(a.apiKey()));
            for (AccountStep a : accounts) {
                if (a.account().apiKey() != null && existing.contains(a.account().apiKey())) {
                    throw AdminException.conflict("ACCOUNT_EXISTS", "an account with API key " + a.account().apiKey() + " exists (add reset: true)");
                }
            }
        }
        if (reset) admin.reset();
        if (freeze) admin.freezeClock();
        if (advanceMillis != null) admin.advanceClock(advanceMillis);
        if (marketState != null) {
            switch (marketState) {
                case "running" -> admin.resumeMarket();
                case "held" -> {
                    if (admin.market().state().equals("OFF")) admin.resumeMarket();
                    admin.holdMarket();
                }
                default -> admin.stopMarket();
            }
        }
        if (marketSettings != null && (marketSettings.volatility() != null || marketSettings.spread() != null
                || marketSettings.depth() != null || marketSettings.levelQty() != null)) {
            admin.configureMarket(marketSettings);
        }
        List<SandboxAdmin.CreatedAccount> created = new ArrayList<>();
        for (AccountStep a : accounts) {
            SandboxAdmin.CreatedAccount account = admin.createAccount(a.account());
            if (a.maker() != null) admin.setCommission(account.account().apiKey(), a.maker(), a.taker());
            created.add(account);
        }
        for (Map<String, Object> p : prices) {
            admin.setPrices((String) p.get("symbol"), (BigDecimal) p.get("referencePrice"), (BigDecimal) p.get("markPrice"),
                    (BigDecimal) p.get("indexPrice"));
        }
        for (PathStep p : paths) admin.followPath(p.symbol(), p.points());
        if (faultSeed != null) admin.seedFaults(faultSeed);
        for (SandboxAdmin.FaultSpec f : faults) admin.addFault(f);
        return new Loaded(created, admin.market(), admin.clock(), admin.faults().active());
    }

    /** One mapping of the document, read with its path for messages; unknown keys are refused. */
    private static final class Fields {
        private final String where;
        private final Map<?, ?> map;

        Fields(String where, Map<?, ?> map, Set<String> known) {
            this.where = where;
            this.map = map;
            for (Object key : map.keySet()) {
                if (!known.contains(String.valueOf(key))) throw AdminException.badRequest(where + ": unknown key '" + key + "'; known: " + new java.util.TreeSet<>(known));
            }
        }

        String string(String name) {
            Object v = map.get(name);
            if (v == null) return null;
            if (!(v instanceof String s)) throw AdminException.badRequest(where + "." + name + " must be a single value");
            return s;
        }

        String required(String name) {
            String v = string(name);
            if (v == null) throw AdminException.badRequest(where + "." + name + " is required");
            return v;
        }

        boolean bool(String name, boolean otherwise) {
            String v = string(name);
            if (v == null) return otherwise;
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw AdminException.badRequest(where + "." + name + " must be true or false");
            };
        }

        String choice(String name, Set<String> allowed) {
            String v = string(name);
            if (v == null) return null;
            String lower = v.toLowerCase(Locale.ROOT);
            if (!allowed.contains(lower)) throw AdminException.badRequest(where + "." + name + " must be one of " + new java.util.TreeSet<>(allowed));
            return lower;
        }

        BigDecimal decimal(String name) {
            String v = string(name);
            return v == null ? null : AdminRequest.decimal(where + "." + name, v);
        }

        BigDecimal requiredDecimal(String name) {
            BigDecimal v = decimal(name);
            if (v == null) throw AdminException.badRequest(where + "." + name + " is required");
            return v;
        }

        Double fraction(String name) {
            BigDecimal v = decimal(name);
            return v == null ? null : v.doubleValue();
        }

        Long integer(String name) {
            String v = string(name);
            if (v == null) return null;
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw AdminException.badRequest(where + "." + name + " must be a whole number");
            }
        }

        long requiredInteger(String name) {
            Long v = integer(name);
            if (v == null) throw AdminException.badRequest(where + "." + name + " is required");
            return v;
        }

        Integer smallInteger(String name) {
            Long v = integer(name);
            if (v == null) return null;
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw AdminException.badRequest(where + "." + name + " out of range");
            return v.intValue();
        }

        Map<String, BigDecimal> decimals(String name) {
            Object v = map.get(name);
            if (v == null) return null;
            if (!(v instanceof Map<?, ?> m)) throw AdminException.badRequest(where + "." + name + " must be a mapping of asset: amount");
            Map<String, BigDecimal> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof String s)) throw AdminException.badRequest(where + "." + name + "." + e.getKey() + " must be an amount");
                result.put(String.valueOf(e.getKey()), AdminRequest.decimal(where + "." + name + "." + e.getKey(), s));
            }
            return result;
        }

        Fields object(String name, Set<String> known) {
            Object v = map.get(name);
            if (v == null) return null;
            if (!(v instanceof Map<?, ?> m)) throw AdminException.badRequest(where + "." + name + " must be a mapping");
            return new Fields(where + "." + name, m, known);
        }

        List<Fields> list(String name, Set<String> known) {
            Object v = map.get(name);
            if (v == null) return List.of();
            if (!(v instanceof List<?> items)) throw AdminException.badRequest(where + "." + name + " must be a list");
            List<Fields> result = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Map<?, ?> m)) throw AdminException.badRequest(where + "." + name + "[" + i + "] must be a mapping");
                result.add(new Fields(where + "." + name + "[" + i + "]", m, known));
            }
            return result;
        }
    }
}
