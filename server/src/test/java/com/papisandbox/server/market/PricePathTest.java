package com.papisandbox.server.market;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The price paths are functions of their inputs and the clock: late or batched ticks land on the same price. */
class PricePathTest {
    private static final long T0 = 1_800_000_000_000L;

    @Test
    void theRandomWalkDependsOnTheSeedAndTheClockOnly() {
        RandomWalk walk = new RandomWalk(42, 0.005, 1000);
        double stepwise = 65_000;
        for (long t = T0; t < T0 + 600_000; t += 1000) stepwise = walk.advance(0, stepwise, t, t + 1000);
        double atOnce = new RandomWalk(42, 0.005, 1000).advance(0, 65_000, T0, T0 + 600_000);
        assertThat(atOnce).isCloseTo(stepwise, within(1e-6));
        assertThat(atOnce).isNotEqualTo(65_000.0);
        assertThat(new RandomWalk(43, 0.005, 1000).advance(0, 65_000, T0, T0 + 600_000)).isNotEqualTo(atOnce);
        assertThat(walk.advance(1, 65_000, T0, T0 + 600_000)).as("another pair walks on its own").isNotEqualTo(atOnce);
        assertThat(walk.advance(0, 65_000, T0, T0 + 999)).as("within one tick nothing moves").isEqualTo(65_000.0);
    }

    @Test
    void theRandomWalkHasTheConfiguredVolatility() {
        RandomWalk walk = new RandomWalk(7, 0.01, 1000);
        double sum = 0, sumSq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double z = walk.normal(0, i);
            sum += z;
            sumSq += z * z;
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(sumSq / n).isCloseTo(1, within(0.02));
    }

    @Test
    void aCsvReplaysRelativeMovesInALoop(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("p.csv");
        Files.writeString(csv, "time,price\n5000,100\n6000,110\n8000,99\n");
        CsvPath path = CsvPath.load(csv, T0, 1000);
        assertThat(path.relativeAt(T0)).isEqualTo(1.0);
        assertThat(path.relativeAt(T0 + 1500)).isEqualTo(1.1);
        assertThat(path.relativeAt(T0 + 3000)).isEqualTo(0.99);
        assertThat(path.relativeAt(T0 + 4000)).as("the loop restarts one tick after the last row").isEqualTo(1.0);
        assertThat(path.advance(0, 2_500, T0, T0 + 1000)).isCloseTo(2_750, within(1e-9));
    }
}
