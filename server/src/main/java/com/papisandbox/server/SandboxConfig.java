package com.papisandbox.server;

import com.papisandbox.server.stream.UserStreams;

import com.papisandbox.server.edge.ConnectionLimits;
import com.papisandbox.server.market.MarketConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How to run a sandbox. {@code port} 0 picks a free port; {@code instrumentsFile} null means the
 * bundled instruments; {@code store} null means SQLite in {@code dataDir}, else a PostgreSQL URL;
 * {@code clock} gives epoch milliseconds (tests inject their own); {@code snapshotEvery} is the number
 * of journal entries between snapshots (0: only at shutdown); {@code market} is the live market (on by
 * default: a random walk with the house quoting every symbol); {@code admin} guards the admin API;
 * {@code connections} bounds what one client may hold open.
 */
public record SandboxConfig(String host, int port, Path dataDir, String store, List<AccountSpec> accounts,
                            Path instrumentsFile, LongSupplier clock, long engineTimeoutMillis,
                            boolean enforceRateLimits, boolean createDemoAccount, long snapshotEvery,
                            MarketConfig market, int streamBufferBytes, AdminConfig admin, ConnectionLimits connections) {

    public static final long DEFAULT_SNAPSHOT_EVERY = 200_000;

    public SandboxConfig {
        accounts = List.copyOf(accounts);
    }

    public static SandboxConfig defaults(Path dataDir) {
        return new SandboxConfig("127.0.0.1", 0, dataDir, null, List.of(), null, System::currentTimeMillis, 5000,
                true, true, DEFAULT_SNAPSHOT_EVERY, MarketConfig.defaults(), UserStreams.MAX_UNSENT_BYTES,
                AdminConfig.defaults(), ConnectionLimits.defaults());
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withHost(String host) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withStore(String store) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withAccounts(List<AccountSpec> accounts) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withInstruments(Path instrumentsFile) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withClock(LongSupplier clock) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withRateLimits(boolean enforce) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforce, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withDemoAccount(boolean create) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, create, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    public SandboxConfig withSnapshotEvery(long entries) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, entries, market, streamBufferBytes, admin, connections);
    }

    /** How many bytes of unsent frames a stream connection may hold before it is dropped as too slow. */
    public SandboxConfig withStreamBufferBytes(int bytes) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, bytes, admin, connections);
    }

    public SandboxConfig withMarket(MarketConfig market) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    /** Request and idle timeouts and the per-IP connection cap (docs/decisions.md, "Connections"). */
    public SandboxConfig withConnectionLimits(ConnectionLimits connections) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    /** The admin API's token (null: a random one per start) and whether non-loopback callers may use it. */
    public SandboxConfig withAdmin(AdminConfig admin) {
        return new SandboxConfig(host, port, dataDir, store, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount, snapshotEvery, market, streamBufferBytes, admin, connections);
    }

    /** {@code token} null: a random token per start, printed by {@code serve}. */
    public record AdminConfig(String token, boolean remoteAllowed) {
        public AdminConfig {
            if (token != null && !token.matches("[\\x21-\\x7e]{8,256}")) {
                throw new IllegalArgumentException("--admin-token must be 8-256 printable ASCII characters without spaces");
            }
        }

        public static AdminConfig defaults() {
            return new AdminConfig(null, false);
        }
    }
}
