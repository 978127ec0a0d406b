package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts one in-process sandbox per test class on a free port with a fresh data dir and two funded
 * HMAC accounts ({@link #KEY_A}/{@link #SECRET_A} and {@link #KEY_B}/{@link #SECRET_B}) and the live market
 * switched off (empty books, so tests can trade at fixed prices); injects
 * {@link Sandbox} into test methods and constructors. Use with {@code @ExtendWith(SandboxExtension.class)}.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    public static final String KEY_A = "testKeyA";
    public static final String SECRET_A = "testSecretA";
    public static final String KEY_B = "testKeyB";
    public static final String SECRET_B = "testSecretB";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SandboxExtension.class);

    private record Running(Sandbox sandbox, Path dataDir) {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path dataDir = Files.createTempDirectory("papi-sandbox-test");
        Map<String, BigDecimal> funds = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));
        Sandbox sandbox = Sandbox.start(SandboxConfig.defaults(dataDir).withMarket(MarketConfig.off()).withRateLimits(false).withAccounts(List.of(
                new AccountSpec(KEY_A, SECRET_A, funds), new AccountSpec(KEY_B, SECRET_B, funds))));
        context.getStore(NS).put("running", new Running(sandbox, dataDir));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running running = context.getStore(NS).remove("running", Running.class);
        if (running == null) return;
        running.sandbox().close();
        deleteTree(running.dataDir());
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Sandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return e.getStore(NS).get("running", Running.class).sandbox();
    }

    public static PapiClient clientA(Sandbox sandbox) {
        return new PapiClient(sandbox.baseUrl(), KEY_A, SECRET_A);
    }

    public static PapiClient clientB(Sandbox sandbox) {
        return new PapiClient(sandbox.baseUrl(), KEY_B, SECRET_B);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
