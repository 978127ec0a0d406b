package com.papisandbox.server;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalCorruptedException;
import com.papisandbox.journal.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Rebuilds the engine from a journal: the latest valid snapshot, then every entry after it. */
public record Recovery(Engine engine, long snapshotSequence, long replayedEntries, long millis) {
    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    /**
     * @param useSnapshots false replays the whole journal from the first entry (to check that a
     *                     snapshot-based recovery reaches the same state)
     */
    public static Recovery recover(Journal journal, InstrumentCatalog catalog, boolean useSnapshots) {
        long started = System.nanoTime();
        Engine engine = null;
        long from = 0;
        Optional<Snapshot> snapshot = useSnapshots ? journal.latestSnapshot() : Optional.empty();
        if (snapshot.isPresent()) {
            try {
                engine = EngineSnapshot.read(snapshot.get().state(), catalog.instruments(), null);
                from = snapshot.get().sequence();
            } catch (IllegalArgumentException e) {
                log.warn("snapshot at sequence {} of {} does not load ({}); replaying the whole journal",
                        snapshot.get().sequence(), journal.location(), e.getMessage());
            }
        }
        if (engine == null) engine = new Engine(catalog.instruments(), null);
        // The entries a snapshot covers are not replayed, but they are checked, on a second thread
        // while the tail is replayed: damage anywhere in the journal stops start-up.
        long covered = from;
        CompletableFuture<Void> prefixChecked = CompletableFuture.runAsync(() -> journal.verify(covered));
        Engine[] target = {engine};
        long[] replayed = {0};
        java.util.function.Function<Command.ReplaceState, Engine> states = states(journal, catalog);
        try {
            journal.replay(from, entry -> {
                if (entry.command() instanceof Command.ReplaceState replace) target[0] = states.apply(replace);
                else target[0].execute(entry.command(), entry.timestamp());
                replayed[0]++;
            });
        } finally {
            try {
                prefixChecked.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw e;
            }
        }
        engine = target[0];
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("recovered {} in {} ms: snapshot at sequence {}, then {} journal entries; {} orders",
                journal.location(), millis, from, replayed[0], engine.orderCount());
        return new Recovery(engine, from, replayed[0], millis);
    }

    /**
     * What a {@link Command.ReplaceState} becomes: a fresh engine on the catalogue, or the saved state it names,
     * which must be in the store (saved states are never dropped).
     */
    public static java.util.function.Function<Command.ReplaceState, Engine> states(Journal journal, InstrumentCatalog catalog) {
        return replace -> {
            if (replace.fresh()) return new Engine(catalog.instruments(), null);
            byte[] state = journal.loadState(replace.stateHash())
                    .orElseThrow(() -> new JournalCorruptedException("the journal restores saved state " + replace.stateHash()
                            + ", which " + journal.location() + " does not hold"));
            return EngineSnapshot.read(state, catalog.instruments(), null);
        };
    }
}
