package com.papisandbox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time this JVM's threads have used, by what they do in {@link StreamFanoutBench}: the engine thread, the
 * driver (main), Vert.x's event loops (the frames' writes, loopback TCP included), the market-stream publisher and
 * sender, other Java threads, and the rest of the process (collector, JIT). Two readings give each group's cores over
 * a phase: where the server's CPU goes when subscribers come.
 */
final class CpuSplit {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] GROUPS = {"engine", "driver", "event loops", "streams", "other threads", "GC+JIT"};

    private final Map<String, Long> nanos;

    private CpuSplit(Map<String, Long> nanos) {
        this.nanos = nanos;
    }

    static CpuSplit now() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (String g : GROUPS) nanos.put(g, 0L);
        long threads = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) continue;
            long cpu = THREADS.getThreadCpuTime(t.getThreadId());
            if (cpu < 0) continue;
            nanos.merge(group(t.getThreadName()), cpu, Long::sum);
            threads += cpu;
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        nanos.put("GC+JIT", Math.max(0, process - threads));
        return new CpuSplit(nanos);
    }

    private static String group(String thread) {
        if (thread.equals("engine")) return "engine";
        if (thread.equals("main")) return "driver";
        if (thread.startsWith("vert.x-eventloop")) return "event loops";
        if (thread.startsWith("market-stream")) return "streams";
        return "other threads";
    }

    /** Cores per group since {@code before}, over {@code wallNanos}: {@code engine 0.61, driver 0.20, …}. */
    String since(CpuSplit before, double wallNanos) {
        StringBuilder out = new StringBuilder();
        for (String g : GROUPS) {
            if (out.length() > 0) out.append(", ");
            out.append(g).append(String.format(" %.2f", (nanos.get(g) - before.nanos.get(g)) / wallNanos));
        }
        return out.toString();
    }
}
