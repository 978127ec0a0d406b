package com.papisandbox.bench;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.TimeInForce;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalStores;
import com.papisandbox.server.EngineThread;
import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.Recovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Recovery time of a big data dir: fills one with ORDERS orders of which RESTING stay on the books
 * (the rest are placed and cancelled), through the real engine thread and journal (group commit,
 * snapshots), then times a recovery from snapshot + tail, and a full replay.
 * <pre>java -cp bench/target/papi-sandbox-bench.jar com.papisandbox.bench.RecoveryBench DIR [ORDERS] [RESTING]</pre>
 */
public final class RecoveryBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "recovery-bench-data");
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int resting = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        InstrumentCatalog catalog = InstrumentCatalog.bundled();
        if (!Files.exists(dir.resolve(JournalStores.SQLITE_FILE))) fill(dir, catalog, orders, resting);
        for (int run = 0; run < 2; run++) {
            long t0 = System.nanoTime();
            try (Journal journal = JournalStores.sqlite(dir)) {
                Recovery r = Recovery.recover(journal, catalog, true);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("recovery (snapshot %d + %d entries): %d ms, %d orders, %d resting%n",
                        r.snapshotSequence(), r.replayedEntries(), ms, r.engine().orderCount(), resting(r.engine()));
            }
        }
        long t0 = System.nanoTime();
        try (Journal journal = JournalStores.sqlite(dir)) {
            Recovery r = Recovery.recover(journal, catalog, false);
            System.out.printf("full replay (%d entries): %d ms%n", r.replayedEntries(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static long resting(Engine engine) {
        long n = 0;
        for (String s : engine.instruments().keySet()) n += engine.book(s).restingCount();
        return n;
    }

    private static final Map<String, java.math.BigDecimal> FUNDS =
            Map.of("BTC", new java.math.BigDecimal("1000000"), "ETH", new java.math.BigDecimal("10000000"));

    private static void fill(Path dir, InstrumentCatalog catalog, int orders, int resting) throws Exception {
        long t0 = System.nanoTime();
        try (Journal journal = JournalStores.sqlite(dir)) {
            Engine engine = new Engine(catalog.instruments(), e -> { });
            EngineThread thread = new EngineThread(engine, journal, System::currentTimeMillis, 0, 500_000);
            thread.start();
            // the contracts trading now: a tick settles (and rolls) any quarterly of the file already delivered
            thread.submit(new Command.Tick()).get(10, TimeUnit.SECONDS);
            String[] symbols = thread.instruments().keySet().toArray(String[]::new);
            int accounts = Math.max(1, resting / (150 * symbols.length) + 1);
            for (int a = 0; a < accounts; a++) {
                // funded: since the ledger an order needs margin, and unfunded accounts had every order refused
                thread.submit(new Command.OpenAccount("bench" + a, "secret" + a, FUNDS)).get(10, TimeUnit.SECONDS);
            }
            Deque<CompletableFuture<Result>> inFlight = new ArrayDeque<>();
            int toCancel = 0;
            for (int i = 0; i < orders; i++) {
                boolean keep = i < resting;
                int account = i % accounts;
                String symbol = symbols[(i / accounts) % symbols.length];
                boolean btc = symbol.startsWith("BTC");
                Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
                long mid = btc ? 600_000 : 3_000_00;
                long offset = 10 + (i * 7919L) % 5000;
                long price = side == Side.BUY ? mid - offset : mid + offset;
                inFlight.add(thread.submit(new Command.PlaceOrder(account + 1, symbol, side, OrderType.LIMIT, TimeInForce.GTC,
                        PositionSide.BOTH, false, price, 1 + i % 5, "b" + i)));
                if (!keep) toCancel++;
                if (inFlight.size() >= 2000) {
                    drain(thread, inFlight, toCancel);
                    toCancel = 0;
                }
            }
            drain(thread, inFlight, toCancel);
            thread.close();
        }
        System.out.printf("filled %s with %d orders (%d resting) in %d s%n", dir, orders, resting, (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** Waits for placements; the last {@code toCancel} of them (beyond the resting quota) are cancelled. */
    private static void drain(EngineThread thread, Deque<CompletableFuture<Result>> inFlight, int toCancel) throws Exception {
        List<CompletableFuture<Result>> cancels = new ArrayList<>();
        int firstCancelled = inFlight.size() - toCancel;
        int index = 0;
        while (!inFlight.isEmpty()) {
            Result r = inFlight.poll().get(60, TimeUnit.SECONDS);
            // a refused fill would measure an empty data dir (it did, unnoticed, once the ledger wanted margin)
            if (r instanceof Result.Rejected refused) throw new IllegalStateException("the fill's order was refused: " + refused.reason());
            if (index++ >= firstCancelled && r instanceof Result.OrderResult placed) {
                cancels.add(thread.submit(new Command.CancelOrder(placed.order().accountId(), placed.order().instrument().symbol(),
                        placed.order().orderId(), null)));
            }
        }
        for (CompletableFuture<Result> c : cancels) c.get(60, TimeUnit.SECONDS);
    }
}
