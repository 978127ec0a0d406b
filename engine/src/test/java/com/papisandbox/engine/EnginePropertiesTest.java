package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.TradingScript.Kind;
import com.papisandbox.engine.TradingScript.Op;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the engine over random command sequences of several accounts (see {@link TradingScript}). */
class EnginePropertiesTest {

    @Provide
    Arbitrary<List<Op>> anyOps() {
        return TradingScript.anyOps(120);
    }

    @Provide
    Arbitrary<List<Op>> modelOps() {
        return TradingScript.modelOps(150, Kind.GTC, Kind.GTC, Kind.GTC, Kind.IOC, Kind.FOK, Kind.MARKET);
    }

    @Provide
    Arbitrary<List<Op>> modelOpsWithGtx() {
        return TradingScript.modelOps(150, Kind.GTC, Kind.GTC, Kind.IOC, Kind.FOK, Kind.GTX, Kind.MARKET);
    }

    /**
     * After every command: no book is crossed; resting orders are open with something left; an order rests iff
     * it is open in its account; executedQty ≤ origQty; FILLED iff fully executed; bought = sold; positions match
     * the fills and net to zero.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void invariantsHoldAfterEveryCommand(@ForAll("anyOps") List<Op> ops) {
        EngineInvariants[] invariants = new EngineInvariants[1];
        TradingScript.run(ops, (command, result, events, h) -> {
            if (invariants[0] == null) invariants[0] = new EngineInvariants(h.engine);
            invariants[0].record(events);
            invariants[0].check();
        });
    }

    /** Replaying the same commands with the same timestamps into a fresh engine reproduces everything. */
    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void replayIsDeterministic(@ForAll("anyOps") List<Op> ops) {
        DeterminismTest.assertReplayReproduces(TradingScript.run(ops));
    }

    /** The book's trades, events and resting orders equal those of the naive reference model. */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void bookMatchesTheNaiveReferenceModel(@ForAll("modelOps") List<Op> ops) {
        compareWithModel(ops);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void bookMatchesTheNaiveReferenceModelWithGtx(@ForAll("modelOpsWithGtx") List<Op> ops) {
        compareWithModel(ops);
    }

    private static void compareWithModel(List<Op> ops) {
        NaiveBook model = new NaiveBook(TestInstruments.BTC);
        int[] step = {0};
        TradingScript.run(ops, (command, result, events, h) -> {
            step[0]++;
            NaiveBook.Outcome expected = expect(model, command);
            if (expected.reject() != null) {
                assertThat(result).as("step %d: %s", step[0], command).isEqualTo(new Result.Rejected(expected.reject()));
            } else {
                assertThat(result).as("step %d: %s", step[0], command).isNotInstanceOf(Result.Rejected.class);
            }
            assertThat(EngineHarness.orderLifecycle(events)).as("events of step %d: %s", step[0], command).isEqualTo(expected.events());
            OrderBook book = h.engine.book(TestInstruments.BTC);
            for (Side side : Side.values()) {
                assertThat(book.orders(side).stream().map(o -> List.of(o.orderId(), o.remainingQty()))
                        .collect(Collectors.toList()))
                        .as("%s side after step %d: %s", side, step[0], command)
                        .isEqualTo(model.side(side));
            }
        });
    }

    static NaiveBook.Outcome expect(NaiveBook model, Command command) {
        if (command instanceof Command.PlaceOrder p) {
            return model.place(p.accountId(), p.side(), p.type(), p.timeInForce(), p.price(), p.quantity());
        }
        if (command instanceof Command.CancelOrder c) {
            return model.cancel(c.accountId(), c.orderId());
        }
        return model.cancelAll(((Command.CancelAllOrders) command).accountId());
    }
}
