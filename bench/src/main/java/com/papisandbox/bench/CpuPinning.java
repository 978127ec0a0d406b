package com.papisandbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which CPUs a process may run on, set and read with util-linux's {@code taskset} and {@code /proc}. Pinning this JVM
 * from inside (every thread it has, {@code taskset -a -p}) keeps the ergonomics it chose for the whole machine
 * (collector, event-loop count), as a server started normally would have; threads started later inherit the mask.
 */
final class CpuPinning {
    static final String TASKSET = "taskset";

    private CpuPinning() {
    }

    /** Pins every thread of this JVM to {@code cpus} (a taskset list: {@code 0}, {@code 0,2}, {@code 0-1}). */
    static void pinThisJvm(String cpus) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(TASKSET, "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) throw new IllegalStateException("taskset -a -p -c " + cpus + " failed (exit " + p.exitValue() + ")");
    }

    /** The calling thread's id in {@code /proc/self/task} (its Linux thread id). */
    static String currentTid() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Pins the threads of this JVM whose ids are in {@code chosenTids} to {@code chosen}, every other to {@code rest}.
     * Threads started later inherit the mask of the one starting them: call it again when threads may have come.
     */
    static void pinThreads(Set<String> chosenTids, String chosen, String rest) throws IOException, InterruptedException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String tid = task.getFileName().toString();
                Process p = new ProcessBuilder(TASKSET, "-p", "-c", chosenTids.contains(tid) ? chosen : rest, tid)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor(); // a thread that ended meanwhile fails: nothing to pin
            }
        }
    }

    /** Per distinct {@code Cpus_allowed_list}, the names of this JVM's threads allowed on it. */
    static java.util.Map<String, Set<String>> threadsByCpus() throws IOException {
        java.util.Map<String, Set<String>> byCpus = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("Cpus_allowed_list:")) {
                            byCpus.computeIfAbsent(line.substring(line.indexOf(':') + 1).trim(), k -> new TreeSet<>()).add(name);
                        }
                    }
                } catch (IOException gone) {
                    // a thread that ended while we looked
                }
            }
        }
        return byCpus;
    }

    /** The distinct {@code Cpus_allowed_list} of the process's threads now, e.g. {@code [0]}. */
    static Set<String> allowed(long pid) throws IOException {
        Set<String> lists = new TreeSet<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("Cpus_allowed_list:")) lists.add(line.substring(line.indexOf(':') + 1).trim());
                    }
                } catch (IOException gone) {
                    // a thread that ended while we looked
                }
            }
        }
        return lists;
    }
}
