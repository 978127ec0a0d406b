package com.papisandbox.bench;

import com.papisandbox.engine.Account;
import com.papisandbox.engine.Command;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Leaves a journal tail after the last snapshot, as a crash does: recovers DIR (e.g. one filled by
 * {@link RecoveryBench}), appends ENTRIES journal entries (place + cancel pairs of BTCUSD_PERP orders, every
 * one acknowledged, i.e. committed) through the real engine thread with snapshots off, then halts the JVM
 * without the shutdown snapshot. {@code RecoveryBench DIR} then times recovery from snapshot + that tail.
 * <pre>java -cp bench/target/benchmarks.jar com.papisandbox.bench.CrashTail DIR [ENTRIES]</pre>
 */
public final class CrashTail {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        InstrumentCatalog catalog = InstrumentCatalog.bundled();
        long t0 = System.nanoTime();
        Journal journal = JournalStores.sqlite(dir);
        Recovery r = Recovery.recover(journal, catalog, true);
        List<Long> accountIds = new ArrayList<>();
        for (Account a : r.engine().accounts()) accountIds.add(a.accountId());
        EngineThread thread = new EngineThread(r.engine(), journal, System::currentTimeMillis, r.snapshotSequence(), 0);
        thread.start();
        int pairs = entries / 2;
        int batch = Math.min(1_000, accountIds.size() * 20);
        List<CompletableFuture<Result>> places = new ArrayList<>(batch);
        List<CompletableFuture<Result>> cancels = new ArrayList<>(batch);
        for (int done = 0; done < pairs; done += batch) {
            int n = Math.min(batch, pairs - done);
            for (int k = 0; k < n; k++) {
                int i = done + k;
                Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
                long price = side == Side.BUY ? 600_000 - 10 - i % 5000 : 600_000 + 10 + i % 5000;
                places.add(thread.submit(new Command.PlaceOrder(accountIds.get(i % accountIds.size()), "BTCUSD_PERP", side,
                        OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, false, price, 1, "tail" + i)));
            }
            for (CompletableFuture<Result> p : places) {
                if (!(p.get(60, TimeUnit.SECONDS) instanceof Result.OrderResult placed)) throw new IllegalStateException("place rejected");
                cancels.add(thread.submit(new Command.CancelOrder(placed.order().accountId(), "BTCUSD_PERP", placed.order().orderId(), null)));
            }
            for (CompletableFuture<Result> c : cancels) c.get(60, TimeUnit.SECONDS);
            places.clear();
            cancels.clear();
        }
        System.out.printf("recovered %s in %d ms, then appended %d journal entries (%d place + cancel pairs) in %d ms; halting without a snapshot%n",
                dir, r.millis(), pairs * 2L, pairs, (System.nanoTime() - t0) / 1_000_000);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
