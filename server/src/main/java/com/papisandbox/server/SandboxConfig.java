package com.papisandbox.server;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How to run a sandbox. {@code port} 0 picks a free port; {@code instrumentsFile} null means the
 * bundled instruments; {@code clock} gives epoch milliseconds (tests inject their own).
 */
public record SandboxConfig(String host, int port, Path dataDir, List<AccountSpec> accounts, Path instrumentsFile,
                            LongSupplier clock, long engineTimeoutMillis, boolean enforceRateLimits,
                            boolean createDemoAccount) {

    public SandboxConfig {
        accounts = List.copyOf(accounts);
    }

    public static SandboxConfig defaults(Path dataDir) {
        return new SandboxConfig("127.0.0.1", 0, dataDir, List.of(), null, System::currentTimeMillis, 5000, true, true);
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(host, port, dataDir, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount);
    }

    public SandboxConfig withHost(String host) {
        return new SandboxConfig(host, port, dataDir, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount);
    }

    public SandboxConfig withAccounts(List<AccountSpec> accounts) {
        return new SandboxConfig(host, port, dataDir, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount);
    }

    public SandboxConfig withInstruments(Path instrumentsFile) {
        return new SandboxConfig(host, port, dataDir, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount);
    }

    public SandboxConfig withClock(LongSupplier clock) {
        return new SandboxConfig(host, port, dataDir, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, createDemoAccount);
    }

    public SandboxConfig withRateLimits(boolean enforce) {
        return new SandboxConfig(host, port, dataDir, accounts, instrumentsFile, clock, engineTimeoutMillis, enforce, createDemoAccount);
    }

    public SandboxConfig withDemoAccount(boolean create) {
        return new SandboxConfig(host, port, dataDir, accounts, instrumentsFile, clock, engineTimeoutMillis, enforceRateLimits, create);
    }
}
