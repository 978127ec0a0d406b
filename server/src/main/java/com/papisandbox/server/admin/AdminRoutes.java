package com.papisandbox.server.admin;

import java.util.List;
import java.util.Set;

/** Every admin operation, as data: the HTTP handler, the README's table and the tests read this one list. */
public final class AdminRoutes {
    public static final String PREFIX = "/sandbox/v1";

    private AdminRoutes() {
    }

    static final List<AdminRoute> ALL = List.of(
            get("/stateHash", "SHA-256 of the whole engine state", (a, r) -> a.stateHash()),
            new AdminRoute("POST", PREFIX + "/scenario", Set.of(), "load a scenario (YAML or JSON body): accounts, prices, market, faults, clock",
                    (a, r) -> a.loadScenario(r.body()), true),
            post("/reset", Set.of(), "back to a clean state: the start-up accounts, the start-up market", (a, r) -> a.reset()),
            get("/snapshots", "the named snapshots", (a, r) -> a.snapshots()),
            post("/snapshots", Set.of("name"), "save the whole state under a name", (a, r) -> a.saveSnapshot(r.string("name"))),
            post("/snapshots/{name}/restore", Set.of(), "put back the state saved under the name", (a, r) -> a.restoreSnapshot(r.path("name"))),

            get("/accounts", "every user account with its balances and commission rates", (a, r) -> a.accounts()),
            post("/accounts", Set.of("apiKey", "secret", "rsaPublicKey", "balances"),
                    "open an account (missing key and secret are generated; the secret is shown once)",
                    (a, r) -> a.createAccount(new SandboxAdmin.NewAccount(r.string("apiKey"), r.string("secret"),
                            r.string("rsaPublicKey"), r.decimals("balances")))),
            post("/accounts/{apiKey}/deposit", Set.of("asset", "amount"), "add coin to the account's CM wallet (ACCOUNT_UPDATE DEPOSIT)",
                    (a, r) -> a.deposit(r.path("apiKey"), r.string("asset"), r.decimal("amount"))),
            post("/accounts/{apiKey}/withdraw", Set.of("asset", "amount"), "take coin out (ACCOUNT_UPDATE WITHDRAW); refused below margin",
                    (a, r) -> a.withdraw(r.path("apiKey"), r.string("asset"), r.decimal("amount"))),
            post("/accounts/{apiKey}/commission", Set.of("makerCommissionRate", "takerCommissionRate"), "set maker and taker rates",
                    (a, r) -> a.setCommission(r.path("apiKey"), r.decimal("makerCommissionRate"), r.decimal("takerCommissionRate"))),

            get("/market", "the market's state, settings and every symbol's prices", (a, r) -> a.market()),
            post("/market/hold", Set.of(), "stop the market's own price moves", (a, r) -> a.holdMarket()),
            post("/market/resume", Set.of(), "let prices move again (switches an off market on)", (a, r) -> a.resumeMarket()),
            post("/market/stop", Set.of(), "switch the market off: the house's quotes cancelled", (a, r) -> a.stopMarket()),
            post("/market/settings", Set.of("volatility", "spread", "depth", "levelQty"), "change volatility, spread, depth, level size",
                    (a, r) -> a.configureMarket(new SandboxAdmin.MarketSettings(r.fraction("volatility"), r.fraction("spread"),
                            r.integer("depth") == null ? null : Math.toIntExact(r.integer("depth")), r.integer("levelQty")))),
            post("/market/prices", Set.of("symbol", "referencePrice", "markPrice", "indexPrice"), "set a symbol's reference, mark or index price",
                    (a, r) -> a.setPrices(r.string("symbol"), r.decimal("referencePrice"), r.decimal("markPrice"), r.decimal("indexPrice"))),
            post("/market/trade", Set.of("symbol", "price", "quantity"), "trade at a price: a print that fills the resting orders it crosses",
                    (a, r) -> a.tradeAt(r.string("symbol"), r.decimal("price"), r.decimal("quantity"))),
            post("/market/liquidity", Set.of("symbol", "side", "price", "quantity"), "rest liquidity by hand (an order the house never requotes)",
                    (a, r) -> a.addLiquidity(r.string("symbol"), r.string("side"), r.decimal("price"), r.decimal("quantity"))),
            post("/market/liquidity/remove", Set.of("symbol", "side"), "remove the hand-added liquidity of a symbol (one side or both)",
                    (a, r) -> a.removeLiquidity(r.string("symbol"), r.string("side"))),
            post("/market/path", Set.of("symbol", "points", "csv"), "move a symbol's pair along points {afterMillis, price} or csv lines",
                    (a, r) -> a.followPath(r.string("symbol"), r.points())),

            post("/faults", Set.of("kind", "target", "count", "probability", "latencyMillis", "latencyPreset", "code", "msg", "httpStatus"),
                    "arm a fault on the Binance paths: latency, an error, 503 unknown (executed or not), -1008, HTML 502, a closed connection",
                    (a, r) -> a.addFault(new SandboxAdmin.FaultSpec(r.string("kind"), r.string("target"), r.smallInteger("count"),
                            r.fraction("probability"), r.integer("latencyMillis"), r.string("latencyPreset"), r.smallInteger("code"),
                            r.string("msg"), r.smallInteger("httpStatus")))),
            get("/faults", "the armed faults and the last 1000 injected", (a, r) -> a.faults()),
            delete("/faults/{id}", "disarm a fault", (a, r) -> a.removeFault(r.pathLong("id"))),
            post("/faults/clear", Set.of(), "disarm every fault", (a, r) -> a.clearFaults()),
            post("/faults/seed", Set.of("seed"), "seed the faults' chance", (a, r) -> a.seedFaults(r.requiredInteger("seed"))),
            post("/streams/drop", Set.of("streams"), "close the user, market or all stream connections now",
                    (a, r) -> a.dropStreams(r.string("streams"))),
            post("/streams/stall", Set.of("streams", "millis", "duration"), "hold stream frames back (lost) for a while; pings go on",
                    (a, r) -> a.stallStreams(r.string("streams"), r.millis())),
            post("/listenKeys/expire", Set.of("apiKey"), "make one account's (or every) listen key lapse now",
                    (a, r) -> a.expireListenKeys(r.string("apiKey"))),

            get("/rateLimits", "the rate-limit budgets: each IP's weight this minute, its ban and the next ban's length",
                    (a, r) -> a.rateLimits()),
            post("/rateLimits/liftBans", Set.of(), "lift every IP ban and forget past violations", (a, r) -> a.liftBans()),

            get("/clock", "sandbox time and whether it is frozen", (a, r) -> a.clock()),
            post("/clock/freeze", Set.of(), "stop sandbox time", (a, r) -> a.freezeClock()),
            post("/clock/advance", Set.of("millis", "duration"), "move sandbox time forward (funding, deliveries, market catch up)",
                    (a, r) -> a.advanceClock(r.millis())),
            post("/clock/run", Set.of(), "let sandbox time run at real pace from where it stands", (a, r) -> a.runClock()));

    private static AdminRoute get(String path, String summary, AdminRoute.Operation op) {
        return new AdminRoute("GET", PREFIX + path, Set.of(), summary, op, false);
    }

    private static AdminRoute delete(String path, String summary, AdminRoute.Operation op) {
        return new AdminRoute("DELETE", PREFIX + path, Set.of(), summary, op, false);
    }

    private static AdminRoute post(String path, Set<String> fields, String summary, AdminRoute.Operation op) {
        return new AdminRoute("POST", PREFIX + path, fields, summary, op, false);
    }

    /** The README's table of operations. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("| Method | Path | What it does |\n|---|---|---|\n");
        for (AdminRoute r : ALL) sb.append("| ").append(r.method()).append(" | `").append(r.template()).append("` | ").append(r.summary()).append(" |\n");
        return sb.toString();
    }
}
