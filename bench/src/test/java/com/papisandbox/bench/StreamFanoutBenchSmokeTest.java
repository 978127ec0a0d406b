package com.papisandbox.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three subscribers for a second a phase, in this JVM and in a child JVM (unpinned: pinning would pin the test
 * JVM): every phase trades, and every subscriber hears the market.
 */
class StreamFanoutBenchSmokeTest {
    @Test
    void subscribersInThisJvm() throws Exception {
        everyPhaseTradesAndEverySubscriberReceives(new StreamFanoutBench.Options(3, 1, true, null, null));
    }

    @Test
    void subscribersInAChildJvm() throws Exception {
        List<StreamFanoutBench.Phase> phases = everyPhaseTradesAndEverySubscriberReceives(new StreamFanoutBench.Options(3, 1, false, null, null));
        assertThat(phases.subList(1, 3)).allSatisfy(p -> assertThat(p.fleetCores()).as(p.name()).isPositive());
    }

    @Test
    void pinnedByDefaultUnlessInProcessOrNoPin() {
        assertThat(StreamFanoutBench.Options.parse(new String[]{"200", "15"}))
                .isEqualTo(new StreamFanoutBench.Options(200, 15, false, "0", "1"));
        assertThat(StreamFanoutBench.Options.parse(new String[]{"--fleet-cpu", "1-3", "--server-cpu", "0", "50"}))
                .isEqualTo(new StreamFanoutBench.Options(50, 15, false, "0", "1-3"));
        assertThat(StreamFanoutBench.Options.parse(new String[]{"--in-process"}))
                .isEqualTo(new StreamFanoutBench.Options(200, 15, true, null, null));
        assertThat(StreamFanoutBench.Options.parse(new String[]{"--no-pin", "10", "2"}))
                .isEqualTo(new StreamFanoutBench.Options(10, 2, false, null, null));
    }

    @Test
    void aTallyTravelsAsOneLine() {
        Fleet.Tally tally = new Fleet.Tally(new long[]{284, 290, 3}, 18, 70, 1_234_567_890L);
        Fleet.Tally back = Fleet.Tally.parse(tally.line());
        assertThat(back.messages()).containsExactly(284, 290, 3);
        assertThat(back).extracting(Fleet.Tally::p50DelayMs, Fleet.Tally::p99DelayMs, Fleet.Tally::cpuNanos, Fleet.Tally::min, Fleet.Tally::max)
                .containsExactly(18L, 70L, 1_234_567_890L, 3L, 290L);
        assertThat(Fleet.Tally.parse(Fleet.Tally.NONE.line()).messages()).isEmpty();
    }

    private static List<StreamFanoutBench.Phase> everyPhaseTradesAndEverySubscriberReceives(StreamFanoutBench.Options options) throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<StreamFanoutBench.Phase> phases = StreamFanoutBench.run(new PrintStream(report, true, StandardCharsets.UTF_8), options);
        assertThat(phases).extracting(StreamFanoutBench.Phase::name)
                .containsExactly("no subscriber", "3 subscribers", "3 subscribers + 1 stalled", "no subscriber, after");
        assertThat(phases).allSatisfy(p -> assertThat(p.pairsPerSecond()).isPositive());
        assertThat(phases.subList(1, 3)).allSatisfy(p -> assertThat(p.minMessages()).as(p.name()).isPositive());
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("pairs/s", "delay p50");
        return phases;
    }
}
