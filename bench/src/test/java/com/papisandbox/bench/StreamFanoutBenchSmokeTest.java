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
        everyPhaseTradesAndEverySubscriberReceives(new StreamFanoutBench.Options(3, 1, true, null, null, null));
    }

    @Test
    void subscribersInAChildJvm() throws Exception {
        List<StreamFanoutBench.Phase> phases = everyPhaseTradesAndEverySubscriberReceives(new StreamFanoutBench.Options(3, 1, false, null, null, null));
        assertThat(List.of(phases.get(1), phases.get(3), phases.get(4))).allSatisfy(p -> assertThat(p.fleetCores()).as(p.name()).isPositive());
    }

    @Test
    void pinnedByDefaultUnlessInProcessOrNoPin() {
        assertThat(StreamFanoutBench.Options.parse(new String[]{"200", "15"}))
                .isEqualTo(new StreamFanoutBench.Options(200, 15, false, "0", "1", null));
        assertThat(StreamFanoutBench.Options.parse(new String[]{"--fleet-cpu", "1-3", "--server-cpu", "0", "50"}))
                .isEqualTo(new StreamFanoutBench.Options(50, 15, false, "0", "1-3", null));
        assertThat(StreamFanoutBench.Options.parse(new String[]{"--engine-cpu", "0", "200", "15"}))
                .isEqualTo(new StreamFanoutBench.Options(200, 15, false, "1", "1", "0"));
        assertThat(StreamFanoutBench.Options.parse(new String[]{"--in-process"}))
                .isEqualTo(new StreamFanoutBench.Options(200, 15, true, null, null, null));
        assertThat(StreamFanoutBench.Options.parse(new String[]{"--no-pin", "10", "2"}))
                .isEqualTo(new StreamFanoutBench.Options(10, 2, false, null, null, null));
    }

    @Test
    void eachPhaseWithSubscribersAgainstTheMeanOfTheNoSubscriberPhasesAroundIt() {
        List<StreamFanoutBench.Phase> phases = List.of(phase("no subscriber", 100), phase("2 subscribers", 90), phase("no subscriber", 80),
                phase("2 subscribers", 99), phase("2 subscribers + 1 stalled", 110), phase("no subscriber", 120));
        assertThat(StreamFanoutBench.againstNoSubscriber(phases))
                .isEqualTo("against the no-subscriber phases either side: 2 subscribers 100 %; 2 subscribers 99 %; 2 subscribers + 1 stalled 110 %;");
    }

    private static StreamFanoutBench.Phase phase(String name, double rate) {
        return new StreamFanoutBench.Phase(name, rate, 0, 0, 0, 0, 0, 0);
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
                .containsExactly("no subscriber", "3 subscribers", "no subscriber", "3 subscribers", "3 subscribers + 1 stalled", "no subscriber");
        assertThat(phases).allSatisfy(p -> assertThat(p.pairsPerSecond()).isPositive());
        assertThat(List.of(phases.get(1), phases.get(3), phases.get(4))).allSatisfy(p -> assertThat(p.minMessages()).as(p.name()).isPositive());
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("pairs/s", "delay p50", "against the no-subscriber phases either side:");
        return phases;
    }
}
