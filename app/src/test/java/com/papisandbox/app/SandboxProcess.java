package com.papisandbox.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real command line in a child JVM, so a test can kill it with SIGKILL. */
final class SandboxProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;
    private final List<String> output = new ArrayList<>();

    private SandboxProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** The admin token every test process is started with. */
    static final String ADMIN_TOKEN = "test-admin-token";

    static SandboxProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--data-dir", dataDir.toString(),
                // Kill and crash checks compare the live state hash with a replay: a ticking market would race them.
                "--market", "off", "--admin-token", ADMIN_TOKEN));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    int at = line.indexOf("listening on ");
                    if (at >= 0) return line.substring(at + "listening on ".length()).trim();
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String baseUrl = url.get(60, TimeUnit.SECONDS);
            if (baseUrl == null) throw new IllegalStateException("sandbox exited before listening: " + process.waitFor());
            return new SandboxProcess(process, baseUrl);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("sandbox did not start", e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the clean shutdown path. Returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("did not stop on SIGTERM");
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
