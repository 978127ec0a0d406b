package com.papisandbox.interop;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import com.papisandbox.testkit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the node test files under {@code interop/test} (Binance's official Portfolio Margin connector,
 * ccxt and the {@code binance} package, unmodified, pinned by package-lock.json; ccxt both as clients.md
 * configures it and with its default options) against an in-process sandbox.
 */
@ExtendWith(SandboxExtension.class)
class NpmClientsInteropTest {
    private static final Path DIR = Path.of(System.getProperty("user.dir"));

    @Test
    void officialConnector(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/official-connector.test.mjs");
    }

    @Test
    void officialConnectorConditionalOrders(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/conditional.test.mjs");
    }

    @Test
    void ccxt(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/ccxt.test.mjs");
    }

    /** ccxt with its default options: loadMarkets also calls the sapi, spot and USD-M routes. */
    @Test
    void ccxtWithDefaultOptions(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/ccxt-defaults.test.mjs");
    }

    @Test
    void accountMethodsOfAllThree(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/account.test.mjs");
    }

    /** Faults armed through the admin API: the official connector's retries after a 503 that was carried out. */
    @Test
    void faultsSeenByTheOfficialConnector(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/faults.test.mjs");
    }

    @Test
    void binancePackage(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/binance-package.test.mjs");
    }

    /**
     * The PM user data stream: listen keys through each client, events on the binance package's and ccxt pro's
     * own sockets (the official connector's keys, on a plain WebSocket: its stream machinery needs /pm/stream).
     */
    @Test
    void userDataStream(Sandbox sandbox) throws Exception {
        runNodeTests(sandbox, "test/user-stream.test.mjs");
    }

    /** A sandbox of its own with the built-in market on, so that ccxt's market orders fill against it. */
    @Test
    void ccxtAgainstTheLiveMarket() throws Exception {
        try (Sandbox live = liveMarket("papi-sandbox-interop-market")) {
            runNodeTests(live, "test/market.test.mjs");
        }
    }

    /**
     * The COIN-M market streams against a live market of their own (prices move every second, the file's market
     * orders trade): ccxt pro's watchOrderBook / watchTicker / watchTrades / watchOHLCV / watchMarkPrice, the binance
     * package's WebsocketClient (and its deprecated V1), and the official connector's generic stream calls.
     */
    @Test
    void marketStreamsAgainstTheLiveMarket() throws Exception {
        try (Sandbox live = liveMarket("papi-sandbox-interop-market-streams")) {
            runNodeTests(live, "test/market-streams.test.mjs");
        }
    }

    /** A fresh sandbox with the built-in market on (defaults: a tick a second) and both accounts funded. */
    private static Sandbox liveMarket(String dirPrefix) throws IOException {
        Path dir = Files.createTempDirectory(dirPrefix);
        Map<String, java.math.BigDecimal> funds = Map.of("BTC", new java.math.BigDecimal("10"), "ETH", new java.math.BigDecimal("100"));
        return Sandbox.start(SandboxConfig.defaults(dir).withRateLimits(false).withMarket(MarketConfig.defaults())
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, funds),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, funds))));
    }

    private static void runNodeTests(Sandbox sandbox, String file) throws Exception {
        installFromLockfile();
        Result r = run(List.of("node", "--test", "--test-reporter=spec", file), Map.of(
                "PAPI_BASE_URL", sandbox.baseUrl(),
                "PAPI_KEY_A", SandboxExtension.KEY_A, "PAPI_SECRET_A", SandboxExtension.SECRET_A,
                "PAPI_KEY_B", SandboxExtension.KEY_B, "PAPI_SECRET_B", SandboxExtension.SECRET_B,
                "PAPI_ADMIN_TOKEN", sandbox.adminToken()), 300);
        System.out.println(r.output());
        assertThat(r.exitCode()).as("node --test " + file + " failed:%n%s", r.output()).isZero();
    }

    /** {@code npm ci} once, and again whenever the lockfile is newer than the installed tree. */
    private static synchronized void installFromLockfile() throws Exception {
        Path lock = DIR.resolve("package-lock.json");
        Path installed = DIR.resolve("node_modules/.package-lock.json");
        if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 600);
        assertThat(r.exitCode()).as("npm ci failed:%n%s", r.output()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("interop", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
