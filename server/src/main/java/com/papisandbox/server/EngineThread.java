package com.papisandbox.server;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalEntry;
import com.papisandbox.journal.Snapshot;
import com.papisandbox.engine.EngineSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The single writer. Takes commands from a queue in arrival order, gives each its sequence number and
 * timestamp, applies it to the engine, writes the batch's state changes to the journal in one
 * transaction (group commit) and only then completes the callers' futures: a reply never acknowledges
 * what is not durable. If the journal fails or the engine throws, the thread stops taking commands
 * (fail-stop): the in-memory state can no longer be trusted to match the durable one.
 */
public final class EngineThread implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineThread.class);
    private static final int MAX_BATCH = 4096;
    private static final long IDLE_POLL_MILLIS = 50;
    /** How often an idle engine lets sandbox time pass (funding, delivery): a Tick, journaled only when something fell due. */
    private static final long SETTLE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Command.Tick TICK = new Command.Tick();
    private static final long IDLE_BEFORE_SNAPSHOT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    static final int FORCED_SNAPSHOT_FACTOR = 2;

    /** A command for the engine, or a read of its state (reader); exactly one of the two is set. */
    private record Submission(Command command, Function<Engine, ?> reader, CompletableFuture<Object> reply) {
    }

    /** Replaced only by a {@link Command.ReplaceState}, on this thread; volatile for the readers of its instruments. */
    private volatile Engine engine;
    /** Builds the engine a {@link Command.ReplaceState} asks for (a fresh one, or a saved state). */
    private final java.util.function.Function<Command.ReplaceState, Engine> states;
    /** The engine's event listener, handed on to a replacement. */
    private java.util.function.Consumer<com.papisandbox.engine.Event> listener;
    private final Journal journal;
    /** Runs on the engine thread after each batch is durable: publishes the batch's events. */
    private volatile Runnable afterDurable = () -> { };
    private final LongSupplier clock;
    private final BlockingQueue<Submission> queue = new ArrayBlockingQueue<>(1 << 16);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private final long snapshotEvery;
    private long snapshotSequence;
    private long lastBusyNanos = System.nanoTime();
    private long lastSettleNanos = System.nanoTime();
    /** Stores serialised snapshots, so the engine thread only pays for serialising them. */
    private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "snapshot-writer");
        t.setDaemon(true);
        return t;
    });
    /** The snapshot being stored, if any: one at a time. */
    private CompletableFuture<Void> storing = CompletableFuture.completedFuture(null);

    /**
     * {@code publisher} runs on the engine thread after every batch of commands is durable, before their
     * replies complete: the place where events may leave the engine.
     */
    public void afterDurable(Runnable publisher) {
        this.afterDurable = publisher;
    }

    /** Follows the engine's events from now on, also across a reset or restore; call before {@link #start()}. */
    public void listen(java.util.function.Consumer<com.papisandbox.engine.Event> listener) {
        this.listener = listener;
        engine.listen(listener);
    }

    /** The engine now: for code that runs on the engine thread only (readers, listeners). */
    public Engine engine() {
        return engine;
    }

    /** The contracts trading now (replaced when a quarterly rolls); safe from any thread. */
    public Map<String, Instrument> instruments() {
        return engine.instruments();
    }

    /** A contract trading now or delivered earlier, or null; safe from any thread. */
    public Instrument everListed(String symbol) {
        return engine.everListed().get(symbol);
    }

    /**
     * @param snapshotSequence the sequence the engine's state was recovered from a snapshot at (0: none)
     * @param snapshotEvery    take a snapshot after this many journal entries (0: only at shutdown)
     */
    public EngineThread(Engine engine, Journal journal, LongSupplier clock, long snapshotSequence, long snapshotEvery) {
        this(engine, journal, clock, snapshotSequence, snapshotEvery, replace -> {
            throw new IllegalStateException("this engine thread was not given a way to replace its state");
        });
    }

    /** @param states builds the engine a reset or restore asks for ({@link Recovery#states}) */
    public EngineThread(Engine engine, Journal journal, LongSupplier clock, long snapshotSequence, long snapshotEvery,
                        java.util.function.Function<Command.ReplaceState, Engine> states) {
        this.engine = engine;
        this.states = states;
        this.journal = journal;
        this.clock = clock;
        this.snapshotSequence = snapshotSequence;
        this.snapshotEvery = snapshotEvery;
        this.thread = new Thread(this::run, "engine");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Queues a command or a query. A command's future completes after its effects are durable; a query's
     * once it has read the state every earlier submission left. Either may complete exceptionally.
     */
    @SuppressWarnings("unchecked")
    public CompletableFuture<Result> submit(EngineRequest request) {
        if (request instanceof Query query) {
            return read(e -> e.query(query, clock.getAsLong()));
        }
        return (CompletableFuture<Result>) (CompletableFuture<?>) enqueue((Command) request, null);
    }

    /** Runs {@code reader} on the engine thread, in sequence with the commands; it must not change state. */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> read(Function<Engine, T> reader) {
        return (CompletableFuture<T>) enqueue(null, reader);
    }

    private CompletableFuture<Object> enqueue(Command command, Function<Engine, ?> reader) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        if (!running) {
            reply.completeExceptionally(new EngineStoppedException(failure));
        } else if (!queue.offer(new Submission(command, reader, reply))) {
            reply.completeExceptionally(new EngineBusyException());
        }
        return reply;
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        List<Submission> batch = new ArrayList<>(MAX_BATCH);
        List<Object> results = new ArrayList<>(MAX_BATCH);
        List<JournalEntry> entries = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    settleDueTime();
                    idleSnapshot();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Submission s : batch) {
                    if (s.reader() != null) {
                        results.add(s.reader().apply(engine));
                        continue;
                    }
                    long timestamp = clock.getAsLong();
                    Result result = s.command() instanceof Command.ReplaceState replace ? replace(replace) : engine.execute(s.command(), timestamp);
                    results.add(result);
                    if (result.changedState()) {
                        entries.add(new JournalEntry(journal.lastSequence() + entries.size() + 1, timestamp, s.command()));
                    }
                }
                journal.append(entries);
                afterDurable.run();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).reply().complete(results.get(i));
                }
                lastBusyNanos = System.nanoTime();
                if (snapshotEvery > 0 && journal.lastSequence() - snapshotSequence >= FORCED_SNAPSHOT_FACTOR * snapshotEvery) {
                    trySnapshot();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(batch, e);
                return;
            } catch (Throwable t) {
                log.error("engine stopped: state can no longer be trusted to match the journal", t);
                failure = t;
                running = false;
                failAll(batch, t);
                drainAndFail(t);
                return;
            } finally {
                batch.clear();
                results.clear();
                entries.clear();
            }
        }
    }

    /**
     * Swaps in the state a reset or restore asks for. The entry is journaled like any command: recovery swaps the
     * same way, so a replay of the journal reaches the same state.
     */
    private Result replace(Command.ReplaceState command) {
        Engine next = states.apply(command);
        if (listener != null) next.listen(listener);
        engine = next;
        return Result.Done.CHANGED;
    }

    /**
     * Snapshots stop the engine while they serialise the state, so they wait for a quiet moment: due
     * after {@code snapshotEvery} entries, taken once the queue has been empty for a while, and forced
     * only when a busy engine has gone {@link #FORCED_SNAPSHOT_FACTOR} times past due.
     */
    /**
     * Every command settles the funding and deliveries its timestamp has passed; an idle sandbox would
     * otherwise show them only at the next command, so the engine runs a Tick of its own once a second.
     */
    private void settleDueTime() {
        long now = System.nanoTime();
        if (now - lastSettleNanos < SETTLE_EVERY_NANOS) return;
        lastSettleNanos = now;
        long timestamp = clock.getAsLong();
        if (engine.execute(TICK, timestamp).changedState()) {
            journal.append(List.of(new JournalEntry(journal.lastSequence() + 1, timestamp, TICK)));
            afterDurable.run();
        }
    }

    private void idleSnapshot() {
        if (snapshotEvery > 0 && journal.lastSequence() - snapshotSequence >= snapshotEvery
                && System.nanoTime() - lastBusyNanos >= IDLE_BEFORE_SNAPSHOT_NANOS) {
            trySnapshot();
        }
    }

    /**
     * Serialises the state here, between batches (the engine must not change meanwhile), and hands the
     * bytes to the snapshot writer; skipped while the previous snapshot is still being stored.
     */
    private void trySnapshot() {
        if (!storing.isDone()) return;
        long started = System.nanoTime();
        long sequence = journal.lastSequence();
        byte[] state;
        try {
            state = EngineSnapshot.write(engine);
        } catch (RuntimeException e) {
            // A snapshot only shortens recovery; the journal still holds everything.
            log.warn("snapshot at sequence {} failed: {}", sequence, e.getMessage());
            snapshotSequence = sequence;
            return;
        }
        long serialisedMillis = (System.nanoTime() - started) / 1_000_000;
        snapshotSequence = sequence;
        Snapshot snapshot = new Snapshot(sequence, clock.getAsLong(), state);
        storing = CompletableFuture.runAsync(() -> store(snapshot, serialisedMillis), snapshotWriter);
    }

    private void store(Snapshot snapshot, long serialisedMillis) {
        long started = System.nanoTime();
        try {
            journal.saveSnapshot(snapshot);
            log.info("snapshot at sequence {}: {} bytes, serialised in {} ms (engine thread), stored in {} ms",
                    snapshot.sequence(), snapshot.state().length, serialisedMillis, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("snapshot at sequence {} failed: {}", snapshot.sequence(), e.getMessage());
        }
    }

    /** Waits for the snapshot being stored, if any (at shutdown, before the journal closes). */
    private void awaitStoring() {
        try {
            storing.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("snapshot still being stored at shutdown: {}", e.toString());
        }
    }

    private void failAll(List<Submission> batch, Throwable cause) {
        for (Submission s : batch) s.reply().completeExceptionally(new EngineStoppedException(cause));
    }

    private void drainAndFail(Throwable cause) {
        List<Submission> rest = new ArrayList<>();
        queue.drainTo(rest);
        failAll(rest, cause);
    }

    /** Stops after the commands already queued are done, and snapshots the final state. */
    @Override
    public void close() {
        boolean healthy = running;
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainAndFail(new IllegalStateException("shut down"));
        awaitStoring();
        if (healthy && failure == null && !thread.isAlive() && journal.lastSequence() > snapshotSequence) {
            trySnapshot();
            awaitStoring();
        }
        snapshotWriter.shutdown();
    }

    public static final class EngineStoppedException extends RuntimeException {
        EngineStoppedException(Throwable cause) {
            super("engine stopped", cause);
        }
    }

    public static final class EngineBusyException extends RuntimeException {
        EngineBusyException() {
            super("engine queue full", null, false, false);
        }
    }
}
