package com.papisandbox.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each JMH benchmark method invoked directly (not through the JMH runner), with its helpers in the
 * order JMH calls them, to prove it runs, does what it says and keeps the book's size.
 */
class EngineBenchmarkSmokeTest {
    private static final int SIZE = 1000;
    private final EngineBenchmark benchmark = new EngineBenchmark();

    private static <S extends EngineBenchmark.BookState> S built(S state) {
        state.bookSize = SIZE;
        state.build();
        assertThat(state.fixture.restingCount()).isEqualTo(SIZE);
        return state;
    }

    @Test
    void placeCancelPairAndChurnKeepTheBookSize() {
        EngineBenchmark.Steady state = built(new EngineBenchmark.Steady());
        long firstId = state.fixture.engine.nextOrderId();
        for (int i = 0; i < 2000; i++) {
            benchmark.placeCancelPair(state);
            benchmark.churn(state);
        }
        assertThat(state.fixture.engine.nextOrderId()).isEqualTo(firstId + 4000);
        state.check();
    }

    @Test
    void placeSteps() {
        EngineBenchmark.PlaceStep step = built(new EngineBenchmark.PlaceStep());
        step.resetAllocation();
        for (int i = 0; i < 50; i++) {
            step.prepare();
            benchmark.place(step);
            assertThat(step.fixture.restingCount()).isEqualTo(SIZE + EngineBenchmark.BATCH);
            step.undo();
        }
        step.check();
        assertThat(step.engineBytesPerOp()).isPositive();
    }

    @Test
    void cancelSteps() {
        EngineBenchmark.CancelStep step = built(new EngineBenchmark.CancelStep());
        step.resetAllocation();
        for (int i = 0; i < 50; i++) {
            step.prepare();
            benchmark.cancel(step);
            assertThat(step.fixture.restingCount()).isEqualTo(SIZE - EngineBenchmark.BATCH);
            step.undo();
        }
        step.check();
    }

    @Test
    void crossingSteps() {
        EngineBenchmark.CrossStep step = built(new EngineBenchmark.CrossStep());
        step.resetAllocation();
        for (int i = 0; i < 50; i++) {
            step.prepare();
            assertThat(benchmark.crossing(step)).isEqualTo(EngineBenchmark.BATCH);
            step.undo();
        }
        step.check();
    }

    @Test
    void sweepsFillEveryMakerAndKeepTheDepth() {
        SweepBenchmark benchmark = new SweepBenchmark();
        SweepBenchmark.Sweep sweep = new SweepBenchmark.Sweep();
        sweep.build();
        for (int i = 0; i < 50; i++) {
            sweep.placeMakers();
            assertThat(benchmark.sweep(sweep)).isEqualTo(SweepBenchmark.FILLS);
            sweep.count();
        }
        assertThat(sweep.engineBytesPerFill()).isPositive();
    }
}
