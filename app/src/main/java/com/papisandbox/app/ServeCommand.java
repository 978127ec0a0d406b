package com.papisandbox.app;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.edge.ConnectionLimits;
import com.papisandbox.server.market.MarketConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the sandbox: PAPI endpoints under /papi/v1, COIN-M market data under /dapi/v1,",
                "a live market (--market); state kept in --data-dir.",
                "Every acknowledged order or cancel is durable before its reply is sent."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--account", paramLabel = "KEY:SECRET[:ASSET=AMOUNT,...]",
            description = {"Account to open, repeatable, e.g. k1:s1:BTC=10,ETH=100; without balances it starts with",
                    "BTC=10,ETH=100. An existing key keeps its state.",
                    "For an RSA key: KEY:rsa=PUBLIC_KEY.pem[:ASSET=AMOUNT,...].",
                    "Without any --account a first start creates one demo account and prints its key and secret."})
    List<String> accounts = new ArrayList<>();

    @Option(names = "--snapshot-every", paramLabel = "ENTRIES", defaultValue = "200000",
            description = {"Snapshot the state once this many journal entries are due and the engine is idle for 200 ms",
                    "(forced at twice as many under constant load), and at shutdown; 0 = only at shutdown (default: ${DEFAULT-VALUE})."})
    long snapshotEvery;

    @Option(names = "--market", paramLabel = "on|off|csv:FILE", defaultValue = "on",
            description = {"The live market (default: ${DEFAULT-VALUE}): a house account quotes every symbol, --market-depth levels a side",
                    "around a reference price that moves; on = a seeded random walk; csv:FILE = replay time(ms),price rows",
                    "in a loop (every pair follows their relative moves); off = empty books. The mark price follows it."})
    String market;

    @Option(names = "--market-seed", paramLabel = "N", defaultValue = "1", description = "Seed of the random walk: the same seed and clock give the same prices (default: ${DEFAULT-VALUE}).")
    long marketSeed;

    @Option(names = "--market-volatility", paramLabel = "FRACTION", defaultValue = "0.005",
            description = "Standard deviation of the price's relative change over one hour (default: ${DEFAULT-VALUE}).")
    double marketVolatility;

    @Option(names = "--market-spread", paramLabel = "FRACTION", defaultValue = "0.0001",
            description = "Distance between the house's price levels, about the bid-ask spread, as a fraction of the price (default: ${DEFAULT-VALUE}).")
    double marketSpread;

    @Option(names = "--market-depth", paramLabel = "LEVELS", defaultValue = "25",
            description = "House price levels per side, 20..100 (default: ${DEFAULT-VALUE}).")
    int marketDepth;

    @Option(names = "--market-level-qty", paramLabel = "CONTRACTS", defaultValue = "500",
            description = "Average contracts per house level; each level holds 0.5x..1.5x of it (default: ${DEFAULT-VALUE}).")
    long marketLevelQty;

    @Option(names = "--market-tick-ms", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How often the reference prices move and the house requotes (default: ${DEFAULT-VALUE}).")
    long marketTickMillis;

    @Option(names = "--no-rate-limits", description = "Count request weight and orders and report them in the headers, but never answer 429 or ban an IP with 418 (for load tests).")
    boolean noRateLimits;

    @Option(names = "--request-timeout-ms", paramLabel = "MILLIS", defaultValue = "10000",
            description = "A request's head and body must arrive within this of its first byte (or of the connection's opening), else the connection is closed (default: ${DEFAULT-VALUE}).")
    long requestTimeoutMillis;

    @Option(names = "--idle-timeout-ms", paramLabel = "MILLIS", defaultValue = "60000",
            description = "A keep-alive connection idle this long between requests is closed; WebSocket streams are exempt (default: ${DEFAULT-VALUE}).")
    long idleTimeoutMillis;

    @Option(names = "--max-connections-per-ip", paramLabel = "N", defaultValue = "256",
            description = "Open connections one IP may hold, HTTP and WebSocket together; one more is closed at once (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerIp;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = {"Token the admin API (/sandbox/v1) requires in the X-Sandbox-Token header, 8-256 printable characters;",
                    "without it each start makes a random one and prints it."})
    String adminToken;

    @Option(names = "--admin-remote", description = "Let callers other than loopback use the admin API (with the token).")
    boolean adminRemote;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = {"Load a scenario (YAML or JSON: accounts, balances, prices, market settings, faults, clock) once started;",
                    "see scenarios/ for examples. A wrong file stops the start with its error."})
    Path scenario;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Start, answer one ping and one signed request, then stop (the launcher's class-data-sharing training run).")
    boolean exitWhenReady;

    @Override
    public Integer call() throws Exception {
        List<AccountSpec> specs = new ArrayList<>();
        for (String flag : accounts) {
            try {
                specs.add(AccountSpec.parse(flag));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
            }
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--port must be 0..65535");
        }
        MarketConfig marketConfig;
        try {
            if (marketTickMillis < 1) throw new IllegalArgumentException("--market-tick-ms must be positive");
            marketConfig = MarketConfig.defaults().withSeed(marketSeed).withVolatility(marketVolatility).withSpread(marketSpread)
                    .withDepth(marketDepth).withLevelQty(marketLevelQty).withTickMillis(marketTickMillis).withMode(market);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        SandboxConfig.AdminConfig admin;
        ConnectionLimits connections;
        try {
            admin = new SandboxConfig.AdminConfig(adminToken, adminRemote);
            connections = new ConnectionLimits(requestTimeoutMillis, idleTimeoutMillis, maxConnectionsPerIp);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        SandboxConfig config = SandboxConfig.defaults(storeOptions.dataDir).withAdmin(admin).withMarket(marketConfig).withHost(host).withPort(port).withAccounts(specs)
                .withInstruments(storeOptions.instruments).withRateLimits(!noRateLimits).withStore(storeOptions.store).withSnapshotEvery(snapshotEvery)
                .withConnectionLimits(connections);
        if (snapshotEvery < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--snapshot-every must be 0 or more");
        }
        String scenarioText = null;
        if (scenario != null) {
            try {
                scenarioText = java.nio.file.Files.readString(scenario);
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "cannot read --scenario " + scenario + ": " + e.getMessage());
            }
        }
        Sandbox sandbox = Sandbox.start(config);
        if (scenarioText != null) {
            try {
                com.papisandbox.server.admin.Scenario.Loaded loaded = sandbox.admin().loadScenario(scenarioText);
                System.out.println("scenario " + scenario + " loaded: " + loaded.accounts().size() + " account(s), market "
                        + loaded.market().state() + ", " + loaded.faults().size() + " fault(s)");
                for (var created : loaded.accounts()) {
                    if (created.secret() != null) System.out.println("  account " + created.account().apiKey() + " secret " + created.secret());
                }
            } catch (com.papisandbox.server.admin.AdminException e) {
                System.err.println("papi-sandbox: scenario " + scenario + ": " + e.getMessage());
                sandbox.close();
                return 2;
            }
        }
        if (exitWhenReady) {
            TrainingRun.exercise(sandbox, specs.isEmpty() ? sandbox.demoAccount().orElse(null) : specs.get(0));
            sandbox.close();
            return 0;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // SIGTERM and Ctrl-C end the wait below, so shutdown is an orderly close and the exit code is 0.
        for (String signal : new String[]{"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
        }
        sandbox.demoAccount().ifPresent(demo -> {
            System.out.println("demo account API key: " + demo.apiKey());
            System.out.println("demo account secret:  " + demo.credential());
        });
        System.out.println("admin API token:      " + sandbox.adminToken() + "  (" + sandbox.baseUrl() + "/sandbox/v1, header X-Sandbox-Token)");
        System.out.println("papi-sandbox listening on " + sandbox.baseUrl());
        System.out.flush();
        stop.await();
        System.out.println("papi-sandbox stopping");
        sandbox.close();
        System.out.println("papi-sandbox stopped");
        return 0;
    }
}
