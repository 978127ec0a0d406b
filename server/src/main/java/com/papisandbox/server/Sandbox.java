package com.papisandbox.server;

import com.papisandbox.server.account.AccountEndpoints;
import com.papisandbox.server.compat.CompatEndpoints;
import com.papisandbox.server.dapi.DapiEndpoints;
import com.papisandbox.server.dapi.ExchangeInfo;
import com.papisandbox.server.conditional.ConditionalEndpoints;
import com.papisandbox.server.trade.TradeEndpoints;

import com.papisandbox.engine.Account;
import com.papisandbox.engine.Command;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalStores;
import com.papisandbox.server.market.HouseAccount;
import com.papisandbox.server.market.LiveMarket;
import com.papisandbox.server.market.MarketControl;
import com.papisandbox.server.admin.AdminHttpHandler;
import com.papisandbox.server.admin.LocalAdmin;
import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.server.edge.ConnectionGuard;
import com.papisandbox.server.fault.Faults;
import com.papisandbox.server.stream.ListenKeys;
import com.papisandbox.server.stream.MarketStreams;
import com.papisandbox.server.stream.StreamRouter;
import com.papisandbox.server.stream.StreamEndpoints;
import com.papisandbox.server.stream.UserStreams;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A running papi-sandbox: journal recovered, engine thread started, HTTP edge listening. Used by the
 * command line, by the test kit and by the project's own end-to-end tests.
 */
public final class Sandbox implements AutoCloseable {
    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEADERS = 20 * 1024;
    static final int GZIP_FROM_BYTES = 2048;
    /** Fast compression: large bodies shrink ~10x at level 1 already, at a fraction of level 6's CPU. */
    static final int GZIP_LEVEL = 1;
    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    private final Journal journal;
    private final EngineThread engineThread;
    private final MarketControl market;
    private final SandboxClock clock;
    private final SandboxAdmin admin;
    private final AdminHttpHandler adminHttp;
    private final String adminToken;
    private final UserStreams userStreams;
    private final MarketStreams marketStreams;
    private final Vertx vertx;
    private final List<HttpServer> servers;
    private final String baseUrl;
    private final AccountSpec demoAccount;
    private final long recoveredEntries;
    private final ConnectionGuard connections;

    private Sandbox(Journal journal, EngineThread engineThread, MarketControl market, SandboxClock clock, SandboxAdmin admin,
                    AdminHttpHandler adminHttp, String adminToken, UserStreams userStreams,
                    MarketStreams marketStreams, Vertx vertx, List<HttpServer> servers, String baseUrl,
                    AccountSpec demoAccount, long recoveredEntries, ConnectionGuard connections) {
        this.connections = connections;
        this.clock = clock;
        this.admin = admin;
        this.adminHttp = adminHttp;
        this.adminToken = adminToken;
        this.marketStreams = marketStreams;
        this.journal = journal;
        this.engineThread = engineThread;
        this.userStreams = userStreams;
        this.market = market;
        this.vertx = vertx;
        this.servers = servers;
        this.baseUrl = baseUrl;
        this.demoAccount = demoAccount;
        this.recoveredEntries = recoveredEntries;
    }

    public static Sandbox start(SandboxConfig config) {
        for (AccountSpec spec : config.accounts()) {
            if (HouseAccount.reserved(spec.apiKey())) throw new IllegalArgumentException("the API key " + spec.apiKey() + " is reserved for the sandbox's own accounts");
        }
        InstrumentCatalog catalog = InstrumentCatalog.of(config.instrumentsFile());
        // Netty and Vert.x load their classes while the journal is opened and replayed.
        CompletableFuture<Vertx> vertxStarting = CompletableFuture.supplyAsync(Sandbox::startVertx);
        Journal journal;
        try {
            journal = JournalStores.openExclusive(config.store(), config.dataDir());
        } catch (RuntimeException e) {
            vertxStarting.thenAccept(Vertx::close);
            throw e;
        }
        EngineThread engineThread = null;
        MarketControl market = null;
        AdminHttpHandler adminHttp = null;
        SandboxClock clock = new SandboxClock(config.clock());
        UserStreams userStreams = null;
        MarketStreams marketStreams = null;
        Vertx vertx = null;
        try {
            Recovery recovery = Recovery.recover(journal, catalog, true);
            Engine engine = recovery.engine();
            ApiKeys apiKeys = new ApiKeys();
            Map<String, String> stored = new LinkedHashMap<>();
            for (Account account : engine.accounts()) {
                if (HouseAccount.reserved(account.apiKey())) continue;
                apiKeys.put(account.apiKey(), account.accountId(), Credential.parse(account.credential()));
                stored.put(account.apiKey(), account.credential());
            }
            // a restart continues after the last journaled command, even one an advanced clock stamped
            clock.notBefore(engine.commandTime());
            engineThread = new EngineThread(engine, journal, clock, recovery.snapshotSequence(), config.snapshotEvery(),
                    Recovery.states(journal, catalog));
            // after recovery, before the first new command: a replay publishes nothing
            ListenKeys listenKeys = new ListenKeys();
            userStreams = UserStreams.attach(engineThread, listenKeys, clock, config.streamBufferBytes());
            engineThread.start();

            for (AccountSpec spec : config.accounts()) {
                openAccount(engineThread, apiKeys, spec, stored);
            }
            AccountSpec demo = null;
            if (config.accounts().isEmpty() && config.createDemoAccount()) {
                demo = stored.isEmpty() ? newDemoAccount() : demoFrom(stored);
                if (demo != null) openAccount(engineThread, apiKeys, demo, stored);
            }
            // After the user accounts: the first account of a data dir stays the demo account.
            market = MarketControl.start(config.market(), catalog, engineThread, clock);

            vertx = vertxStarting.get(60, TimeUnit.SECONDS);
            EngineThread listing = engineThread;
            userStreams.start(vertx);
            marketStreams = new MarketStreams(engineThread, clock, config.streamBufferBytes());
            marketStreams.start(vertx);
            String adminToken = config.admin().token() != null ? config.admin().token() : RandomText.alphanumeric(32);
            List<AccountSpec> startAccounts = !config.accounts().isEmpty() ? config.accounts() : demo == null ? List.of() : List.of(demo);
            Faults faults = new Faults(clock);
            RateLimits rateLimits = new RateLimits(config.enforceRateLimits());
            SandboxAdmin admin = new LocalAdmin(engineThread, journal, apiKeys, clock, market,
                    new SandboxStateHost(engineThread, apiKeys, listenKeys, userStreams, marketStreams, market, startAccounts),
                    faults, userStreams, marketStreams, listenKeys, rateLimits);
            adminHttp = new AdminHttpHandler(admin, adminToken, config.admin().remoteAllowed());
            PapiHttpHandler handler = new PapiHttpHandler(routes(clock, catalog, listing::instruments, listing::everListed,
                    listenKeys, userStreams),
                    apiKeys, engineThread, listing::instruments,
                    rateLimits, clock, config.engineTimeoutMillis(), adminHttp, faults);
            ConnectionGuard connections = new ConnectionGuard(config.connections());
            List<HttpServer> servers = listen(vertx, config, handler, new StreamRouter(userStreams, marketStreams), connections);
            String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
            String baseUrl = "http://" + host + ":" + servers.get(0).actualPort();
            return new Sandbox(journal, engineThread, market, clock, admin, adminHttp, adminToken, userStreams, marketStreams, vertx, servers, baseUrl, demo,
                    recovery.replayedEntries(), connections);
        } catch (Exception e) {
            if (vertx != null) vertx.close();
            else vertxStarting.thenAccept(Vertx::close);
            if (market != null) market.close();
            if (adminHttp != null) adminHttp.close();
            if (userStreams != null) userStreams.close();
            if (marketStreams != null) marketStreams.close();
            if (engineThread != null) engineThread.close();
            journal.close();
            if (e instanceof RuntimeException re) throw re;
            throw new IllegalStateException("cannot start papi-sandbox: " + e.getMessage(), e);
        }
    }

    /**
     * Starts Vert.x and sends one request through a throwaway loopback server, so the HTTP stack's
     * classes are loaded and its first-request costs paid while the journal is being recovered, not
     * on the first client's request.
     */
    private static Vertx startVertx() {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer warmUp = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(req -> req.response().putHeader("Content-Type", "application/json").end("{}"))
                    .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            var client = vertx.createHttpClient();
            client.request(io.vertx.core.http.HttpMethod.GET, warmUp.actualPort(), "127.0.0.1", "/warm-up")
                    .compose(r -> r.send().compose(io.vertx.core.http.HttpClientResponse::body))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            client.close();
            warmUp.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("HTTP warm-up skipped: {}", e.toString());
        }
        return vertx;
    }

    /**
     * One server per core, all on the same port, each created inside its own verticle instance: Vert.x
     * binds a server to the event loop of the context that creates it (servers created from a plain
     * thread would all share one loop), and spreads the connections over the instances.
     */
    private static List<HttpServer> listen(Vertx vertx, SandboxConfig config, PapiHttpHandler handler, StreamRouter streams,
                                           ConnectionGuard connections) throws Exception {
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int attempt = 1; ; attempt++) {
            // Vert.x shares a socket between servers that ask for the same port, but not for port 0:
            // pick the free port first, then bind every instance to it.
            int port = config.port() != 0 ? config.port() : freePort(config.host());
            ConnectionGuard guard = connections;
            List<HttpServer> servers = java.util.Collections.synchronizedList(new ArrayList<>());
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.host()).setPort(port).setTcpNoDelay(true)
                    // HTTP/1.1 only, as Binance's clients speak it: no waiting for an h2c preface, so every
                    // connection gets its deadlines the moment it is accepted (ConnectionGuard)
                    .setHttp2ClearTextEnabled(false)
                    // Binance's edge limits: 8 KB request line, 20 KB of headers; beyond them Vert.x
                    // answers 414 / 431 and closes, it never waits for more.
                    .setMaxInitialLineLength(MAX_REQUEST_LINE).setMaxHeaderSize(MAX_HEADERS)
                    // gzip only bodies worth it (exchangeInfo, depth, klines): order replies stay plain.
                    .setCompressionSupported(true).setCompressionContentSizeThreshold(GZIP_FROM_BYTES)
                    .setCompressionLevel(GZIP_LEVEL);
            try {
                vertx.deployVerticle(() -> new io.vertx.core.AbstractVerticle() {
                            @Override
                            public void start(io.vertx.core.Promise<Void> started) {
                                vertx.createHttpServer(options).connectionHandler(guard::connected).requestHandler(handler)
                                        .webSocketHandshakeHandler(streams::handshake).webSocketHandler(streams::connected).listen()
                                        .onSuccess(server -> {
                                            servers.add(server);
                                            started.complete();
                                        })
                                        .onFailure(started::fail);
                            }
                        }, new io.vertx.core.DeploymentOptions().setInstances(instances))
                        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                return new ArrayList<>(servers);
            } catch (java.util.concurrent.ExecutionException e) {
                for (HttpServer server : servers) server.close();
                // Another process took the free port between the probe and the bind: try another.
                if (config.port() != 0 || attempt == 5) throw e;
            }
        }
    }

    private static int freePort(String host) throws java.io.IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return probe.getLocalPort();
        }
    }

    private static void openAccount(EngineThread engine, ApiKeys apiKeys, AccountSpec spec, Map<String, String> stored) throws Exception {
        Result result = engine.submit(new Command.OpenAccount(spec.apiKey(), spec.credential(), spec.balances()))
                .get(30, TimeUnit.SECONDS);
        Result.AccountOpened opened = (Result.AccountOpened) result;
        if (opened.created()) {
            apiKeys.put(spec.apiKey(), opened.accountId(), Credential.parse(spec.credential()));
            stored.put(spec.apiKey(), spec.credential());
        } else if (!spec.credential().equals(stored.get(spec.apiKey()))) {
            log.warn("account {} exists with another secret; it keeps its stored secret and state", spec.apiKey());
        }
    }

    /** The demo account is the first account of a data dir that was started without --account. */
    private static AccountSpec demoFrom(Map<String, String> stored) {
        Map.Entry<String, String> first = stored.entrySet().iterator().next();
        if (!first.getKey().startsWith("demo")) return null;
        return new AccountSpec(first.getKey(), first.getValue(), AccountSpec.DEFAULT_BALANCES);
    }

    private static AccountSpec newDemoAccount() {
        return new AccountSpec("demo" + RandomText.alphanumeric(60), RandomText.alphanumeric(64), AccountSpec.DEFAULT_BALANCES);
    }


    /** The live market, to tick it by hand when its tick period is 0; empty when the market is off. */
    public Optional<LiveMarket> market() {
        return market.live();
    }

    /** The admin interface in-process: what {@code /sandbox/v1} serves over HTTP. */
    public SandboxAdmin admin() {
        return admin;
    }

    /** The token {@code /sandbox/v1} requires in {@value AdminHttpHandler#TOKEN_HEADER}. */
    public String adminToken() {
        return adminToken;
    }

    /** The sandbox's clock, which the admin API freezes and advances. */
    public SandboxClock clock() {
        return clock;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return servers.get(0).actualPort();
    }

    /** The demo account's key and secret, when this start used one. */
    public Optional<AccountSpec> demoAccount() {
        return Optional.ofNullable(demoAccount);
    }

    public long recoveredEntries() {
        return recoveredEntries;
    }

    private static Map<String, Instrument> instrumentMap(InstrumentCatalog catalog) {
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        for (Instrument instrument : catalog.instruments()) bySymbol.put(instrument.symbol(), instrument);
        return java.util.Collections.unmodifiableMap(bySymbol);
    }

    /** Every endpoint served, by surface, for the catalogue's contracts as listed at a first start. */
    public static RouteTable routes(java.util.function.LongSupplier clock, InstrumentCatalog catalog) {
        Map<String, Instrument> instruments = instrumentMap(catalog);
        return routes(clock, catalog, () -> instruments, instruments::get, new ListenKeys(), null);
    }

    /**
     * @param current the contracts trading now (a quarterly roll replaces them)
     * @param listed  any contract listed now or delivered earlier, by symbol
     */
    static RouteTable routes(java.util.function.LongSupplier clock, InstrumentCatalog catalog,
                             java.util.function.Supplier<Map<String, Instrument>> current,
                             java.util.function.Function<String, Instrument> listed, ListenKeys listenKeys,
                             UserStreams userStreams) {
        return new RouteTable(TradeEndpoints.all(listed), ConditionalEndpoints.all(), AccountEndpoints.all(),
                StreamEndpoints.all(listenKeys, userStreams, clock),
                DapiEndpoints.all(clock, new ExchangeInfo(catalog, current), listed),
                CompatEndpoints.all(clock));
    }

    /** The per-IP connection counts (for tests: how many are open, how many were refused). */
    public ConnectionGuard connections() {
        return connections;
    }

    /** The user data streams (for tests: how many connections are open). */
    public UserStreams userStreams() {
        return userStreams;
    }

    /** The market streams (for tests: how many connections are open). */
    public MarketStreams marketStreams() {
        return marketStreams;
    }

    /** SHA-256 over the whole engine state (books, orders, accounts, positions), read in sequence. */
    public String stateHash() {
        return read(EngineSnapshot::stateHash);
    }

    /** Sends a command or query straight to the engine thread, past the HTTP edge (for benchmarks and tools). */
    public CompletableFuture<com.papisandbox.engine.Result> submit(com.papisandbox.engine.EngineRequest request) {
        return engineThread.submit(request);
    }

    /** Reads engine state on the engine thread (for tools and tests); the function must not change it. */
    public <T> T read(java.util.function.Function<Engine, T> reader) {
        try {
            return engineThread.read(reader).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read engine state", e);
        }
    }

    @Override
    public void close() {
        List<Throwable> failures = new ArrayList<>();
        for (HttpServer server : servers) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        market.close();
        adminHttp.close();
        userStreams.close();
        marketStreams.close();
        engineThread.close();
        journal.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) log.warn("problems while shutting down: {}", failures);
    }
}
