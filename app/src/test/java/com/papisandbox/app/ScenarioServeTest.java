package com.papisandbox.app;

import com.papisandbox.server.admin.SandboxAdmin;
import com.papisandbox.testkit.HttpAdminClient;
import com.papisandbox.testkit.PapiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --scenario FILE}: a CI job's reproducible market in one command, and a wrong file stopping the start. */
class ScenarioServeTest {
    @Test
    void serveLoadsTheScenarioBeforeItListens(@TempDir Path dir) throws Exception {
        Path scenario = Path.of("..", "scenarios", "flaky-exchange.yaml").toAbsolutePath();
        try (SandboxProcess sandbox = SandboxProcess.start(dir, "--scenario", scenario.toString())) {
            HttpAdminClient admin = new HttpAdminClient(sandbox.baseUrl(), SandboxProcess.ADMIN_TOKEN);
            assertThat(admin.faults().active()).extracting(SandboxAdmin.FaultInfo::kind).containsExactly("LATENCY", "THROTTLED", "UNKNOWN_EXECUTED", "HTML_502");
            assertThat(admin.market().state()).isEqualTo("RUNNING");
            PapiClient bot = new PapiClient(sandbox.baseUrl(), "flakyBot", "flakyBotSecret");
            assertThat(bot.signed("GET", "/papi/v1/balance", Map.of("asset", "BTC")).status()).isIn(200, 502);
        }
    }

    @Test
    void aWrongScenarioStopsTheStartWithItsError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "market: {state: sideways}\n");
        int code = Main.run("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--market", "off",
                "--scenario", bad.toString());
        assertThat(code).isEqualTo(2);
        assertThat(Main.run("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--scenario", dir.resolve("missing.yaml").toString()))
                .as("an unreadable file is a usage error").isEqualTo(2);
    }
}
