package com.papisandbox.app;

import com.papisandbox.engine.Account;
import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.StrategyView;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalEntry;
import com.papisandbox.journal.JournalStores;
import com.papisandbox.journal.CommandCodec;
import com.papisandbox.server.InstrumentCatalog;
import com.papisandbox.server.Recovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show the state held in a data dir (or --store): accounts, open orders and the last journal entries.",
                "Safe while a sandbox is running on the same store: it only reads."})
final class InspectCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "How many journal entries to show (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--verify", description = "Also replay the whole journal from its first entry and check that it reaches the same state hash.")
    boolean verify;

    @Override
    public Integer call() {
        Path dataDir = storeOptions.dataDir;
        String store = storeOptions.store;
        if (store == null && !Files.exists(dataDir.resolve(JournalStores.SQLITE_FILE))) {
            System.err.println("no journal in " + dataDir.toAbsolutePath() + " (expected " + JournalStores.SQLITE_FILE + ")");
            return 2;
        }
        InstrumentCatalog catalog = InstrumentCatalog.of(storeOptions.instruments);
        try (Journal journal = JournalStores.open(store, dataDir)) {
            Recovery recovery = Recovery.recover(journal, catalog, true);
            String hash = EngineSnapshot.stateHash(recovery.engine());
            System.out.printf("store        %s%n", journal.location());
            System.out.printf("journal      %d entries; recovered from snapshot at %d + %d entries in %d ms%n",
                    journal.lastSequence(), recovery.snapshotSequence(), recovery.replayedEntries(), recovery.millis());
            System.out.printf("orders       %d known, next order id %d%n", recovery.engine().orderCount(), recovery.engine().nextOrderId());
            System.out.printf("state hash   %s%n", hash);
            if (verify) {
                String full = EngineSnapshot.stateHash(Recovery.recover(journal, catalog, false).engine());
                System.out.printf("full replay  %s %s%n", full, full.equals(hash) ? "(same)" : "(DIFFERENT)");
                if (!full.equals(hash)) return 1;
            }
            System.out.println();
            System.out.println("ACCOUNTS");
            System.out.printf("%-4s %-24s %-30s %s%n", "id", "api key", "balances", "open orders");
            for (Account a : recovery.engine().accounts()) {
                System.out.printf("%-4d %-24s %-30s %d%n", a.accountId(), abbreviate(a.apiKey()), a.balances(),
                        recovery.engine().openOrders(a.accountId()).size());
            }
            System.out.println();
            System.out.println("OPEN ORDERS");
            System.out.printf("%-12s %-4s %-14s %-5s %-14s %8s %8s %-17s %s%n", "orderId", "acct", "symbol", "side", "price",
                    "origQty", "executed", "status", "clientOrderId");
            for (Account a : recovery.engine().accounts()) {
                for (OrderView o : recovery.engine().openOrders(a.accountId())) {
                    System.out.printf("%-12d %-4d %-14s %-5s %-14s %8s %8s %-17s %s%n", o.orderId(), o.accountId(),
                            o.instrument().symbol(), o.side(), o.instrument().priceDecimal(o.price()).toPlainString(),
                            o.instrument().quantityDecimal(o.origQty()).toPlainString(),
                            o.instrument().quantityDecimal(o.executedQty()).toPlainString(), o.status(), o.clientOrderId());
                }
            }
            System.out.println();
            System.out.println("OPEN CONDITIONAL ORDERS");
            System.out.printf("%-12s %-4s %-14s %-5s %-20s %-14s %-14s %8s %s%n", "strategyId", "acct", "symbol", "side", "type",
                    "stopPrice", "workingType", "origQty", "clientStrategyId");
            for (Account a : recovery.engine().accounts()) {
                if (!(recovery.engine().query(new Query.OpenStrategies(a.accountId(), null), 0) instanceof Result.Strategies open)) continue;
                for (StrategyView s : open.strategies()) {
                    System.out.printf("%-12d %-4d %-14s %-5s %-20s %-14s %-14s %8s %s%n", s.strategyId(), s.accountId(),
                            s.instrument().symbol(), s.side(), s.type(), s.instrument().priceDecimal(s.stopPrice()).toPlainString(),
                            s.workingType(), s.instrument().quantityDecimal(s.quantity()).toPlainString(), s.clientStrategyId());
                }
            }
            System.out.println();
            System.out.println("LAST " + last + " JOURNAL ENTRIES");
            for (JournalEntry e : journal.lastEntries(last)) {
                System.out.printf("%-8d %s %s%n", e.sequence(), Instant.ofEpochMilli(e.timestamp()), redact(CommandCodec.encode(e.command())));
            }
        }
        return 0;
    }

    private static String abbreviate(String key) {
        return key.length() <= 24 ? key : key.substring(0, 21) + "...";
    }

    /** Secrets stay out of terminal output. */
    private static String redact(String json) {
        return json.replaceAll("\"credential\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"credential\":\"***\"");
    }
}
