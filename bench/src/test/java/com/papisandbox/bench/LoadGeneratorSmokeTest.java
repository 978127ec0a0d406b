package com.papisandbox.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A few hundred requests through the load generator against an in-process sandbox; every one must succeed. */
class LoadGeneratorSmokeTest {

    @Test
    void openLoopScenariosAllSucceed() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<PhaseResult> results = LoadGenerator.run(new PrintStream(report, true, StandardCharsets.UTF_8),
                "--scenario", "ping,cancel-unknown,place-cancel,cancel,mixed",
                "--rate", "500", "--duration", "0.3", "--warmup", "0",
                "--connections", "8", "--threads", "2", "--accounts", "6");

        assertThat(results).extracting(PhaseResult::scenario)
                .containsExactly("ping", "cancel-unknown", "place-cancel", "cancel", "mixed");
        for (PhaseResult r : results) {
            assertThat(r.planned()).as(r.scenario()).isEqualTo(150);
            assertThat(r.completed()).as(r.scenario()).isEqualTo(150);
            assertThat(r.errorCounts()).as(r.scenario()).isEmpty();
            assertThat(r.unfinished()).as(r.scenario()).isZero();
            assertThat(r.latencyMicros().getTotalCount()).as(r.scenario()).isEqualTo(150);
        }
        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("pre-fill:", "summary", "p99.9", "vs ping");
    }

    @Test
    void closedLoopAndFillSucceed() {
        List<PhaseResult> results = LoadGenerator.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "--mode", "closed", "--scenario", "fill,place-cancel", "--prefill", "200",
                "--duration", "0.3", "--warmup", "0", "--connections", "4", "--threads", "1", "--accounts", "3");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).completed()).isEqualTo(200);
        for (PhaseResult r : results) {
            assertThat(r.completed()).as(r.scenario()).isPositive();
            assertThat(r.errorCounts()).as(r.scenario()).isEmpty();
            assertThat(r.unfinished()).as(r.scenario()).isZero();
        }
    }

    @Test
    void cancelsBeyondThePrefillAreErrorsAndEndTheRun() {
        List<PhaseResult> results = LoadGenerator.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "--mode", "closed", "--scenario", "cancel", "--prefill", "40",
                "--duration", "0.5", "--warmup", "0", "--connections", "4", "--threads", "2", "--accounts", "4");

        PhaseResult cancel = results.get(0);
        assertThat(cancel.completed()).isEqualTo(cancel.planned()).isGreaterThanOrEqualTo(40);
        assertThat(cancel.completed() - cancel.errors()).isEqualTo(40);
        assertThat(cancel.errorCounts()).containsOnlyKeys("no resting order left to cancel (raise --prefill)");
        assertThat(cancel.unfinished()).isZero();
    }

    @Test
    void parsesOrderIdsAndPrintsServeFlags() {
        assertThat(Worker.orderId(io.vertx.core.buffer.Buffer.buffer("{\"orderId\":100000042,\"symbol\":\"BTCUSD_PERP\"}")))
                .isEqualTo(100000042L);
        assertThat(Worker.orderId(io.vertx.core.buffer.Buffer.buffer("{\"code\":-2011}"))).isEqualTo(-1);
        assertThat(BenchAccount.generated(2).get(1).serveFlag()).startsWith("--account bench000001:benchsecret-");
    }
}
