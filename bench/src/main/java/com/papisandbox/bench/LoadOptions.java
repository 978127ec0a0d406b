package com.papisandbox.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The load generator's settings; {@link #parse} reads them from the command line. */
final class LoadOptions {
    enum Mode { OPEN, CLOSED }

    /** null: start a sandbox in this process. */
    URI url;
    /** Accounts given with --account KEY:SECRET (the server must know them). */
    final List<BenchAccount> accounts = new ArrayList<>();
    /** Deterministic generated accounts (bench000000, ...), when no --account is given. */
    int accountCount = 64;
    List<Scenario> scenarios = List.of(Scenario.PING, Scenario.CANCEL_UNKNOWN);
    Mode mode = Mode.OPEN;
    /** Target operations per second (open loop); a place+cancel pair is one operation. */
    double rate = 5_000;
    double durationSeconds = 10;
    double warmupSeconds = 3;
    int connections = 64;
    int threads = 2;
    /** Resting orders to place before the cancel scenario (0: enough for its warm-up and run). */
    int prefill;
    /** An operation that starts later than this after its planned time counts as the generator falling behind. */
    long lagThresholdMicros = 1_000;
    Path dataDir;
    String symbol = "BTCUSD_PERP";
    /** How long to wait for outstanding requests after the schedule ends. */
    double drainSeconds = 30;
    boolean printServeFlags;

    static final String USAGE = """
            Usage: java -cp bench/target/benchmarks.jar com.papisandbox.bench.LoadGenerator [options]

            Sends correctly signed PAPI requests over keep-alive HTTP/1.1 connections and reports achieved
            rate, errors and latency percentiles (HdrHistogram).

              --scenario LIST       comma-separated, run in this order against the same server:
                                      ping            GET /papi/v1/ping, unsigned: the floor of the HTTP stack
                                      cancel-unknown  signed DELETE of an order that does not exist (-2011 expected)
                                      place-cancel    place a resting LIMIT order, then cancel it (one op = the pair)
                                      cancel          cancel resting orders placed before the run (--prefill)
                                      mixed           40% place, 40% cancel own order, 15% query order, 5% ping
                                      fill            place --prefill resting orders as fast as possible, keep them
                                    default: ping,cancel-unknown
              --mode open|closed    open (default): ops scheduled at --rate, latency from the PLANNED send time;
                                    closed: every connection sends its next op as soon as the last one is answered
              --rate N              open loop: target ops per second (default 5000)
              --duration S          measured seconds per scenario (default 10)
              --warmup S            unmeasured seconds before each scenario (default 3)
              --connections N       keep-alive connections (default 64); in open loop an op waits for a free one
              --threads N           client event-loop threads (default 2)
              --prefill N           resting orders placed before 'cancel' (default: enough for warm-up + run),
                                    or placed by 'fill'
              --lag-threshold-us N  an op started more than N µs after its planned time counts as the
                                    generator falling behind (default 1000)
              --url URL             target a running server, e.g. http://127.0.0.1:8080 (started with
                                    --no-rate-limits); default: start a sandbox in this process
              --account KEY:SECRET  repeatable: accounts the running server knows
              --accounts N          use N generated accounts bench000000.. (default 64; the in-process sandbox
                                    opens them, a running server must have been started with them:
                                    see --print-serve-flags)
              --print-serve-flags   print the 'serve' --account flags for --accounts N and exit
              --data-dir DIR        journal directory of the in-process sandbox (default: a temporary one)
              --symbol SYMBOL       default BTCUSD_PERP
            """;

    static LoadOptions parse(String[] args) {
        LoadOptions o = new LoadOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> throw new UsageException(USAGE);
                case "--print-serve-flags" -> o.printServeFlags = true;
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) throw new UsageException(arg + " needs a value\n\n" + USAGE);
                        value = args[++i];
                    }
                    o.set(arg, value);
                }
            }
        }
        o.validate();
        return o;
    }

    private void set(String flag, String value) {
        try {
            switch (flag) {
                case "--scenario", "--scenarios" -> {
                    List<Scenario> list = new ArrayList<>();
                    for (String s : value.split(",")) list.add(Scenario.byName(s.trim()));
                    scenarios = List.copyOf(list);
                }
                case "--mode" -> mode = Mode.valueOf(value.toUpperCase(Locale.ROOT));
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> durationSeconds = Double.parseDouble(value);
                case "--warmup" -> warmupSeconds = Double.parseDouble(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--prefill" -> prefill = Integer.parseInt(value);
                case "--lag-threshold-us" -> lagThresholdMicros = Long.parseLong(value);
                case "--url" -> url = URI.create(value);
                case "--account" -> accounts.add(BenchAccount.parse(value));
                case "--accounts" -> accountCount = Integer.parseInt(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--symbol" -> symbol = value;
                case "--drain" -> drainSeconds = Double.parseDouble(value);
                default -> throw new UsageException("unknown option " + flag + "\n\n" + USAGE);
            }
        } catch (IllegalArgumentException e) {
            if (e instanceof UsageException) throw e;
            throw new UsageException("bad value for " + flag + ": " + value + " (" + e.getMessage() + ")");
        }
    }

    private void validate() {
        if (rate <= 0 || durationSeconds <= 0 || warmupSeconds < 0 || connections <= 0 || threads <= 0
                || accountCount <= 0 || prefill < 0) {
            throw new UsageException("--rate, --duration, --connections, --threads and --accounts must be positive");
        }
        if (url != null && (url.getHost() == null || url.getPort() <= 0)) {
            throw new UsageException("--url needs a host and a port, e.g. http://127.0.0.1:8080");
        }
    }

    List<BenchAccount> accountsToUse(int needed) {
        if (!accounts.isEmpty()) return accounts;
        return BenchAccount.generated(Math.max(accountCount, needed));
    }

    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
