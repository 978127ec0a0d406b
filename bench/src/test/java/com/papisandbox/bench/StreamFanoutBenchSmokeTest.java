package com.papisandbox.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Three subscribers for a second a phase: every phase trades, and every subscriber hears the market. */
class StreamFanoutBenchSmokeTest {
    @Test
    void everyPhaseTradesAndEverySubscriberReceives() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<StreamFanoutBench.Phase> phases = StreamFanoutBench.run(new PrintStream(report, true, StandardCharsets.UTF_8), 3, 1);
        assertThat(phases).extracting(StreamFanoutBench.Phase::name)
                .containsExactly("no subscriber", "3 subscribers", "3 subscribers + 1 stalled");
        assertThat(phases).allSatisfy(p -> assertThat(p.pairsPerSecond()).isPositive());
        assertThat(phases.subList(1, 3)).allSatisfy(p -> assertThat(p.minMessages()).as(p.name()).isPositive());
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("pairs/s", "delay p50");
    }
}
