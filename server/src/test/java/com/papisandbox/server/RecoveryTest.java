package com.papisandbox.server;

import com.papisandbox.server.market.MarketConfig;
import com.papisandbox.engine.Command;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalCorruptedException;
import com.papisandbox.journal.JournalStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Journal replay reproduces the exact state; damage is detected, never silently truncated. */
class RecoveryTest {
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.bundled();

    @TempDir
    Path dir;

    /** Runs a workload through the real engine thread (group commit, snapshots) and returns the live state hash. */
    static String run(Journal journal, int commands, long snapshotEvery, long seed) throws Exception {
        Recovery recovery = Recovery.recover(journal, CATALOG, true);
        AtomicLong clock = new AtomicLong(1_790_000_000_000L + journal.lastSequence());
        EngineThread thread = new EngineThread(recovery.engine(), journal, clock::incrementAndGet, recovery.snapshotSequence(), snapshotEvery);
        thread.start();
        Workload workload = new Workload(seed);
        List<CompletableFuture<?>> replies = new ArrayList<>();
        for (Command c : workload.accounts()) thread.submit(c).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < commands; i++) {
            replies.add(thread.submit(workload.next()));
            if (replies.size() == 500) {
                for (CompletableFuture<?> r : replies) r.get(10, TimeUnit.SECONDS);
                replies.clear();
            }
        }
        for (CompletableFuture<?> r : replies) r.get(10, TimeUnit.SECONDS);
        String hash = thread.read(EngineSnapshot::stateHash).get(10, TimeUnit.SECONDS);
        thread.close();
        return hash;
    }

    static String recoveredHash(Journal journal, boolean useSnapshots) {
        return EngineSnapshot.stateHash(Recovery.recover(journal, CATALOG, useSnapshots).engine());
    }

    @Test
    void replayAndSnapshotRecoveryReproduceTheLiveStateHash() throws Exception {
        String live;
        try (Journal journal = JournalStores.sqlite(dir)) {
            live = run(journal, 6_000, 1_000, 7);
        }
        try (Journal journal = JournalStores.sqlite(dir)) {
            assertThat(journal.latestSnapshot()).isPresent();
            assertThat(recoveredHash(journal, true)).isEqualTo(live);
            assertThat(recoveredHash(journal, false)).isEqualTo(live);
            java.util.concurrent.atomic.AtomicInteger modifies = new java.util.concurrent.atomic.AtomicInteger();
            journal.replay(0, e -> { if (e.command() instanceof Command.ModifyOrder) modifies.incrementAndGet(); });
            assertThat(modifies.get()).as("journaled modifies").isPositive();
            // conditional orders: journaled, and triggered in the replay as they were live
            com.papisandbox.engine.Engine replayed = Recovery.recover(journal, CATALOG, false).engine();
            long triggered = 0;
            for (long account = 1; account <= 3; account++) {
                com.papisandbox.engine.Result r = replayed.query(new com.papisandbox.engine.Query.AllStrategies(account, null, 0, -1, -1, 1000), Long.MAX_VALUE / 2);
                triggered += ((com.papisandbox.engine.Result.Strategies) r).strategies().stream()
                        .filter(s -> s.status() == com.papisandbox.engine.StrategyStatus.FINISHED || s.status() == com.papisandbox.engine.StrategyStatus.TRIGGERED)
                        .count();
            }
            assertThat(triggered).as("strategies that triggered").isPositive();
        }
    }

    @Test
    void aSecondSandboxOnTheSameDataDirIsRefused() {
        SandboxConfig config = SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withDemoAccount(false);
        try (Sandbox first = Sandbox.start(config)) {
            assertThatThrownBy(() -> Sandbox.start(config)).hasMessageContaining("is in use by another papi-sandbox");
            assertThat(first.stateHash()).isNotEmpty();
        }
        try (Sandbox again = Sandbox.start(config)) {
            assertThat(again.baseUrl()).startsWith("http://");
        }
    }

    @Test
    void aSnapshotIsStoredInPartsAndOneWithAPartMissingIsSkipped() throws Exception {
        byte[] older = new byte[100];
        byte[] newer = new byte[(int) (2.5 * (1 << 20))]; // three parts of at most 1 MiB
        new java.util.Random(5).nextBytes(older);
        new java.util.Random(6).nextBytes(newer);
        try (Journal journal = JournalStores.sqlite(dir)) {
            run(journal, 50, 0, 9); // some entries, so that snapshots at sequences up to 50 count
        }
        sql("DELETE FROM snapshots"); // the one taken at close
        sql("DELETE FROM snapshot_parts");
        try (Journal journal = JournalStores.sqlite(dir)) {
            journal.saveSnapshot(new com.papisandbox.journal.Snapshot(10, 1L, older));
            journal.saveSnapshot(new com.papisandbox.journal.Snapshot(20, 2L, newer));
            journal.saveSnapshot(new com.papisandbox.journal.Snapshot(20, 2L, older)); // that state is saved already: kept
            assertThat(journal.latestSnapshot()).hasValueSatisfying(s -> {
                assertThat(s.sequence()).isEqualTo(20);
                assertThat(s.state()).isEqualTo(newer);
            });
        }
        assertThat(count("SELECT COUNT(*) FROM snapshot_parts WHERE seq = 20")).isEqualTo(3);
        sql("DELETE FROM snapshot_parts WHERE seq = 20 AND part = 1");
        try (Journal journal = JournalStores.sqlite(dir)) {
            assertThat(journal.latestSnapshot()).hasValueSatisfying(s -> {
                assertThat(s.sequence()).isEqualTo(10);
                assertThat(s.state()).isEqualTo(older);
            });
        }
    }

    @Test
    void theTwoNewestSnapshotsAreKeptWithTheirPartsAndNothingElse() throws Exception {
        try (Journal journal = JournalStores.sqlite(dir)) {
            run(journal, 50, 0, 9);
        }
        sql("DELETE FROM snapshots");
        sql("DELETE FROM snapshot_parts");
        sql("INSERT INTO snapshot_parts (seq, part, data) VALUES (5, 0, X'00')"); // a write cut short by a crash
        sql("INSERT INTO snapshot_parts (seq, part, data) VALUES (10, 0, X'00')"); // … at the sequence written next
        try (Journal journal = JournalStores.sqlite(dir)) {
            for (long seq : new long[]{10, 20, 30}) {
                journal.saveSnapshot(new com.papisandbox.journal.Snapshot(seq, seq, new byte[(1 << 20) + 1])); // two parts each
            }
        }
        assertThat(count("SELECT COUNT(*) FROM snapshots")).isEqualTo(2);
        assertThat(count("SELECT MIN(seq) FROM snapshots")).isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM snapshot_parts")).isEqualTo(4);
        assertThat(count("SELECT MIN(seq) FROM snapshot_parts")).isEqualTo(20);
    }

    @Test
    void aSnapshotWrittenWholeBeforePartsExistedIsStillRead() throws Exception {
        String live;
        try (Journal journal = JournalStores.sqlite(dir)) {
            live = run(journal, 2_000, 0, 11); // one snapshot, at close, small enough for one part
        }
        // what a data dir written before snapshots had parts holds: the state inline, parts = 0
        sql("UPDATE snapshots SET state = (SELECT data FROM snapshot_parts p WHERE p.seq = snapshots.seq AND p.part = 0), parts = 0");
        sql("DELETE FROM snapshot_parts");
        try (Journal journal = JournalStores.sqlite(dir)) {
            assertThat(journal.latestSnapshot()).hasValueSatisfying(s -> assertThat(s.sequence()).isEqualTo(journal.lastSequence()));
            assertThat(recoveredHash(journal, true)).isEqualTo(live);
        }
    }

    @Test
    void aDueSnapshotWaitsForAnIdleEngine() throws Exception {
        try (Journal journal = JournalStores.sqlite(dir)) {
            EngineThread thread = new EngineThread(new com.papisandbox.engine.Engine(CATALOG.instruments(), null), journal,
                    System::currentTimeMillis, 0, 10);
            thread.start();
            Workload workload = new Workload(21);
            for (Command c : workload.accounts()) thread.submit(c).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) thread.submit(workload.next()).get(10, TimeUnit.SECONDS);
            long due = journal.lastSequence();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (journal.latestSnapshot().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(journal.latestSnapshot()).hasValueSatisfying(s -> assertThat(s.sequence()).isEqualTo(due));
            thread.close();
        }
    }

    @Test
    void aSecondSessionContinuesFromTheRecoveredState() throws Exception {
        try (Journal journal = JournalStores.sqlite(dir)) {
            run(journal, 1_000, 300, 1);
        }
        String live;
        try (Journal journal = JournalStores.sqlite(dir)) {
            live = run(journal, 1_000, 300, 2);
        }
        try (Journal journal = JournalStores.sqlite(dir)) {
            assertThat(recoveredHash(journal, true)).isEqualTo(live);
            assertThat(recoveredHash(journal, false)).isEqualTo(live);
        }
    }

    @Test
    void aFlippedByteMidJournalStopsStartUpNamingFileAndPosition() throws Exception {
        try (Journal journal = JournalStores.sqlite(dir)) {
            run(journal, 2_000, 0, 3);
        }
        Path file = dir.resolve(JournalStores.SQLITE_FILE);
        byte[] bytes = Files.readAllBytes(file);
        byte[] marker = "\"clientOrderId\":\"w777\"".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, marker);
        assertThat(at).as("marker in the file").isPositive();
        bytes[at + marker.length - 2] ^= 0x01; // w777 → w776: still valid JSON, only the checksum can tell
        Files.write(file, bytes);

        try (Journal journal = JournalStores.sqlite(dir)) {
            assertThatThrownBy(() -> Recovery.recover(journal, CATALOG, false))
                    .isInstanceOf(JournalCorruptedException.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("checksum mismatch at sequence");
        }
        assertThatThrownBy(() -> Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withDemoAccount(false).withSnapshotEvery(0)))
                .hasMessageContaining("checksum mismatch at sequence");
    }

    @Test
    void aSequenceGapStopsStartUp() throws Exception {
        try (Journal journal = JournalStores.sqlite(dir)) {
            run(journal, 500, 0, 4);
        }
        sql("DELETE FROM journal WHERE seq = 200");
        try (Journal journal = JournalStores.sqlite(dir)) {
            assertThatThrownBy(() -> Recovery.recover(journal, CATALOG, true))
                    .isInstanceOf(JournalCorruptedException.class)
                    .hasMessageContaining("sequence gap at position 200");
        }
    }

    @Test
    void aMissingOrDamagedSnapshotFallsBackToTheJournal() throws Exception {
        String live;
        try (Journal journal = JournalStores.sqlite(dir)) {
            live = run(journal, 3_000, 200, 5); // snapshots forced every 2 × 200 entries under load, and one at close
        }
        sql("UPDATE snapshot_parts SET data = substr(data, 1, 40) || X'FF' || substr(data, 42) WHERE seq = (SELECT MAX(seq) FROM snapshots) AND part = 0");
        try (Journal journal = JournalStores.sqlite(dir)) {
            long newest = journal.lastSequence();
            assertThat(journal.latestSnapshot()).hasValueSatisfying(s -> assertThat(s.sequence()).isLessThan(newest));
            assertThat(recoveredHash(journal, true)).isEqualTo(live);
        }
        sql("DELETE FROM snapshots");
        try (Journal journal = JournalStores.sqlite(dir)) {
            assertThat(journal.latestSnapshot()).isEmpty();
            assertThat(recoveredHash(journal, true)).isEqualTo(live);
        }
    }

    @Test
    void aTornLastWriteIsDroppedAndEverythingBeforeItKept() throws Exception {
        // A crash mid-append: copy the files while the writer is still open (as the disk would be at
        // kill -9), then cut the WAL inside its last frame.
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        Path live = Files.createDirectories(dir.resolve("live"));
        Journal journal = JournalStores.sqlite(live);
        Engine engine = new Engine(CATALOG.instruments(), e -> { });
        AtomicLong clock = new AtomicLong(1_790_000_000_000L);
        EngineThread thread = new EngineThread(engine, journal, clock::incrementAndGet, 0, 0);
        thread.start();
        Workload workload = new Workload(9);
        for (Command c : workload.accounts()) thread.submit(c).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 200; i++) thread.submit(workload.next()).get(10, TimeUnit.SECONDS);
        String beforeLastWrite = thread.read(EngineSnapshot::stateHash).get(10, TimeUnit.SECONDS);
        long sequenceBefore = journal.lastSequence();
        Command last;
        do {
            last = workload.next();
        } while (!(last instanceof Command.PlaceOrder p && p.type() == com.papisandbox.engine.OrderType.LIMIT)); // a MARKET order may find nothing: -2020, not journaled
        thread.submit(last).get(10, TimeUnit.SECONDS);
        assertThat(journal.lastSequence()).isEqualTo(sequenceBefore + 1);
        Files.copy(live.resolve(JournalStores.SQLITE_FILE), crashed.resolve(JournalStores.SQLITE_FILE));
        Path wal = live.resolve(JournalStores.SQLITE_FILE + "-wal");
        byte[] walBytes = Files.readAllBytes(wal);
        Files.write(crashed.resolve(JournalStores.SQLITE_FILE + "-wal"), java.util.Arrays.copyOf(walBytes, walBytes.length - 100));
        thread.close();
        journal.close();

        try (Journal recovered = JournalStores.sqlite(crashed)) {
            assertThat(recovered.lastSequence()).isEqualTo(sequenceBefore);
            assertThat(recoveredHash(recovered, true)).isEqualTo(beforeLastWrite);
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(JournalStores.SQLITE_FILE));
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(JournalStores.SQLITE_FILE));
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
