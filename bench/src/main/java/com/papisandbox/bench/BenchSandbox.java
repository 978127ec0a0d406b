package com.papisandbox.bench;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The in-process sandbox the load tools drive when no URL is given: market off, rate limits off, the
 * tool's accounts funded, in {@code dataDir} or a temporary directory that closing deletes.
 */
final class BenchSandbox implements AutoCloseable {
    private final Sandbox sandbox;
    private final Path tempDir;

    private BenchSandbox(Sandbox sandbox, Path tempDir) {
        this.sandbox = sandbox;
        this.tempDir = tempDir;
    }

    static BenchSandbox start(Path dataDir, List<BenchAccount> accounts, String tempPrefix, PrintStream out) throws IOException {
        Path tempDir = dataDir == null ? Files.createTempDirectory(tempPrefix) : null;
        Path dir = dataDir == null ? tempDir : dataDir;
        List<AccountSpec> specs = new ArrayList<>();
        for (BenchAccount a : accounts) specs.add(new AccountSpec(a.apiKey, a.secret, Map.of("BTC", new BigDecimal("1000"))));
        long t0 = System.nanoTime();
        Sandbox sandbox = Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withRateLimits(false)
                .withDemoAccount(false).withAccounts(specs));
        out.printf(Locale.ROOT, "in-process sandbox started in %.0f ms (journal %s)%n", (System.nanoTime() - t0) / 1e6, dir);
        return new BenchSandbox(sandbox, tempDir);
    }

    URI url() {
        return URI.create(sandbox.baseUrl());
    }

    /** A reply's status and Binance error code, for the tools' error counts: "HTTP 400 -2011", "I/O: …". */
    static String error(int status, Object body) {
        if (status < 0) return "I/O: " + body;
        String text = body.toString();
        int i = text.indexOf("\"code\":");
        String code = "";
        if (i >= 0) {
            int end = i + 7;
            while (end < text.length() && (text.charAt(end) == '-' || Character.isDigit(text.charAt(end)))) end++;
            code = " " + text.substring(i + 7, end);
        }
        return "HTTP " + status + code;
    }

    @Override
    public void close() {
        sandbox.close();
        if (tempDir == null) return;
        try (var paths = Files.walk(tempDir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
