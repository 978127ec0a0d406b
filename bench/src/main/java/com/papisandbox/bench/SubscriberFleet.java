package com.papisandbox.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * N {@link StreamSubscriber}s of one URL. In the bench's JVM, or as the main of a child JVM ({@link FleetProcess})
 * that takes commands on stdin, one a line, and answers on stdout: it prints {@code ready N} once connected,
 * {@code ok} to {@code reset} and a {@link Fleet.Tally#line()} to {@code tally}; {@code exit} or the end of stdin
 * ends it.
 * <pre>java -cp bench/target/benchmarks.jar com.papisandbox.bench.SubscriberFleet URL N</pre>
 */
final class SubscriberFleet implements Fleet {
    private final List<StreamSubscriber> subscribers = new ArrayList<>();

    SubscriberFleet(String url, int count) throws Exception {
        for (int i = 0; i < count; i++) subscribers.add(new StreamSubscriber(url));
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (SubscriberFleet fleet = new SubscriberFleet(args[0], Integer.parseInt(args[1]))) {
            out.println("ready " + fleet.subscribers.size());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command; (command = in.readLine()) != null && !command.equals("exit"); ) {
                switch (command) {
                    case "reset" -> {
                        fleet.reset();
                        out.println("ok");
                    }
                    case "tally" -> out.println(fleet.tally().withCpu(processCpuNanos()).line());
                    default -> throw new IllegalArgumentException("unknown command: " + command);
                }
            }
        }
        System.exit(0); // the HttpClient's selector thread is not a daemon
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Override
    public void reset() {
        subscribers.forEach(StreamSubscriber::reset);
    }

    @Override
    public Tally tally() {
        Histogram delays = new Histogram(3);
        long[] messages = new long[subscribers.size()];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = subscribers.get(i).messages();
            subscribers.get(i).addDelaysTo(delays);
        }
        return new Tally(messages, delays.getValueAtPercentile(50), delays.getValueAtPercentile(99), 0);
    }

    @Override
    public void close() {
        subscribers.forEach(StreamSubscriber::close);
    }
}
