package com.papisandbox.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ~2 s of orders at a low rate against an in-process sandbox: every order's NEW and CANCELED must arrive. */
class StreamLatencyBenchSmokeTest {

    @Test
    void everyOrderGetsItsNewAndCanceledEvents() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        StreamLatencyResult r = StreamLatencyBench.run(new PrintStream(report, true, StandardCharsets.UTF_8),
                "--rate", "100", "--duration", "2", "--warmup", "0.2", "--accounts", "2", "--connections", "4", "--drain", "10");
        String text = report.toString(StandardCharsets.UTF_8);

        assertThat(r.planned()).as(text).isEqualTo(200);
        assertThat(r.errors()).as(text).isEmpty();
        assertThat(r.placed()).as(text).isEqualTo(200);
        assertThat(r.cancelled()).as(text).isEqualTo(200);
        assertThat(r.newMissing()).as(text).isZero();
        assertThat(r.canceledMissing()).as(text).isZero();
        assertThat(r.newLatencyNanos()).as(text).hasSize(200);
        assertThat(r.canceledLatencyNanos()).as(text).hasSize(200);
        assertThat(r.streamClosures()).as(text).isEmpty();
        assertThat(r.complete()).as(text).isTrue();
        long early = 0;
        for (long l : r.newLatencyNanos()) if (l < 0) early++;
        assertThat(r.newEarly()).isEqualTo(early);
        assertThat(text).contains("NEW event - place reply", "CANCELED event - cancel reply", "p99.9", "early", "target p99")
                .contains("(0 MISSING), CANCELED 200 of 200 (0 MISSING)").doesNotContain("INCOMPLETE");
    }

    @Test
    void gcPausesAreOnTheNanoTimeScale() throws Exception {
        try (GcPauses pauses = new GcPauses()) {
            assertThat(pauses.calibrate()).contains("mapped onto nanoTime");
            Thread.sleep(50);
            long before = System.nanoTime();
            System.gc();
            long after = System.nanoTime();
            long deadline = System.currentTimeMillis() + 5_000;
            while (pauses.since(after).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(10);
            List<GcPauses.Pause> seen = pauses.since(before);
            assertThat(seen).as("before %d after %d", before, after).anySatisfy(p -> {
                assertThat(p.startNanos()).isBetween(before - 10_000_000, after);
                assertThat(p.endNanos()).isBetween(before, after + 10_000_000);
            });
        }
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {-3, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(StreamLatencyResult.percentile(sorted, 50)).isEqualTo(4);
        assertThat(StreamLatencyResult.percentile(sorted, 10)).isEqualTo(-3);
        assertThat(StreamLatencyResult.percentile(sorted, 99)).isEqualTo(9);
        assertThat(StreamLatencyResult.percentile(sorted, 99.9)).isEqualTo(9);
    }
}
