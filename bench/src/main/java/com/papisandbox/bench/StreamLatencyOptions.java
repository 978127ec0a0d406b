package com.papisandbox.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link StreamLatencyBench}'s settings; {@link #parse} reads them from the command line. */
final class StreamLatencyOptions {
    /** null: start a sandbox in this process. */
    URI url;
    /** Accounts given with --account KEY:SECRET (the server must know them). */
    final List<BenchAccount> accounts = new ArrayList<>();
    /** Deterministic generated accounts (bench000000, ...), when no --account is given. */
    int accountCount = 1;
    /** Orders placed per second (each also cancelled): open loop. */
    double rate = 1_000;
    double durationSeconds = 30;
    double warmupSeconds = 10;
    int connections = 32;
    /** How long to wait for outstanding replies, and then for outstanding events, after the schedule ends. */
    double drainSeconds = 5;
    /** An order picked up more than this after its planned time counts as the generator falling behind. */
    long lagThresholdMicros = 1_000;
    /** The target the run is judged against: p99 of REST reply to NEW event. */
    double targetP99Millis = 2.0;
    /** REST connections and user streams on one client event loop instead of two. */
    boolean oneLoop;
    Path dataDir;
    String symbol = "BTCUSD_PERP";

    static final String USAGE = """
            Usage: java -cp bench/target/benchmarks.jar com.papisandbox.bench.StreamLatencyBench [options]

            Places resting LIMIT orders at a steady rate (open loop), cancels each as soon as its place is
            answered, and measures for every order the time from the REST reply of the place to the arrival of
            its ORDER_TRADE_UPDATE NEW on the PM user data stream (/pm/ws/<listenKey>), and from the reply of
            the cancel to its CANCELED. Events matched by orderId; an event that arrives before its reply has a
            negative latency and is counted as early. Exit status 1 if any request failed or any event is missing.

              --rate N              orders per second (default 1000); each order is a place and a cancel
              --duration S          measured seconds (default 30)
              --warmup S            unmeasured seconds before, same schedule (default 10: C2 is still compiling
                                    after 5 s on 2 cores)
              --connections N       keep-alive HTTP/1.1 connections (default 32); an order waits for a free one
              --accounts N          generated accounts bench000000.. (default 1), each with its own listen key
                                    and WebSocket; orders go round robin
              --account KEY:SECRET  repeatable: accounts a running server knows (instead of --accounts)
              --url URL             a running server, e.g. http://127.0.0.1:18080, started with --no-rate-limits
                                    and --market off (bench/scripts/serve-for-load.sh PORT N --market off);
                                    default: a sandbox in this process (market off, rate limits off, temp journal)
              --data-dir DIR        journal directory of the in-process sandbox (default: a temporary one)
              --drain S             wait for replies, then for events, up to S seconds each (default 5)
              --lag-threshold-us N  an order picked up more than N µs late counts as the generator falling
                                    behind (default 1000)
              --target-p99-ms X     the p99 the NEW latency is judged against (default 2)
              --one-loop            read the user streams on the REST connections' client event loop
                                    (default: a second client event loop)
              --symbol SYMBOL       default BTCUSD_PERP
            """;

    static StreamLatencyOptions parse(String[] args) {
        StreamLatencyOptions o = new StreamLatencyOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h")) throw new LoadOptions.UsageException(USAGE);
            if (arg.equals("--one-loop")) {
                o.oneLoop = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) throw new LoadOptions.UsageException(arg + " needs a value\n\n" + USAGE);
                value = args[++i];
            }
            o.set(arg, value);
        }
        o.validate();
        return o;
    }

    private void set(String flag, String value) {
        try {
            switch (flag) {
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> durationSeconds = Double.parseDouble(value);
                case "--warmup" -> warmupSeconds = Double.parseDouble(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--accounts" -> accountCount = Integer.parseInt(value);
                case "--account" -> accounts.add(BenchAccount.parse(value));
                case "--url" -> url = URI.create(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--drain" -> drainSeconds = Double.parseDouble(value);
                case "--lag-threshold-us" -> lagThresholdMicros = Long.parseLong(value);
                case "--target-p99-ms" -> targetP99Millis = Double.parseDouble(value);
                case "--symbol" -> symbol = value;
                default -> throw new LoadOptions.UsageException("unknown option " + flag + "\n\n" + USAGE);
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof LoadOptions.UsageException) throw e;
            throw new LoadOptions.UsageException("bad value for " + flag + ": " + value + " (" + e.getMessage() + ")");
        }
    }

    private void validate() {
        if (rate <= 0 || durationSeconds <= 0 || warmupSeconds < 0 || connections <= 0 || accountCount <= 0 || drainSeconds <= 0) {
            throw new LoadOptions.UsageException("--rate, --duration, --connections, --accounts and --drain must be positive");
        }
        if (url != null && (url.getHost() == null || url.getPort() <= 0)) {
            throw new LoadOptions.UsageException("--url needs a host and a port, e.g. http://127.0.0.1:18080");
        }
    }

    List<BenchAccount> accountsToUse() {
        return accounts.isEmpty() ? BenchAccount.generated(accountCount) : accounts;
    }
}
