package com.papisandbox.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SubscriberFleet} in a child JVM (the same java binary and class path as this one), optionally pinned
 * to CPUs of its own with {@code taskset}: the subscribers' CPU is then not taken from the server's.
 */
final class FleetProcess implements Fleet {
    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    /** Starts the fleet and waits until its {@code count} subscribers are connected. */
    FleetProcess(String url, int count, String cpus) throws Exception {
        List<String> command = new ArrayList<>();
        if (cpus != null) command.addAll(List.of(CpuPinning.TASKSET, "-c", cpus));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SubscriberFleet.class.getName(), url, Integer.toString(count)));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = answer();
        if (!ready.equals("ready " + count)) throw new IllegalStateException("the fleet did not start: " + ready);
    }

    /** The fleet's process id, for checking where it runs. */
    long pid() {
        return process.pid();
    }

    @Override
    public void reset() throws Exception {
        commands.println("reset");
        String ok = answer();
        if (!ok.equals("ok")) throw new IllegalStateException("the fleet did not reset: " + ok);
    }

    @Override
    public Tally tally() throws Exception {
        commands.println("tally");
        return Tally.parse(answer());
    }

    private String answer() throws Exception {
        String line = answers.readLine();
        if (line == null) throw new IllegalStateException("the fleet exited (" + process.waitFor() + ")");
        return line;
    }

    @Override
    public void close() {
        commands.println("exit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
