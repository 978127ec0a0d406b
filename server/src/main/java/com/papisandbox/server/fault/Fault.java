package com.papisandbox.server.fault;

import com.papisandbox.server.ApiError;

/**
 * One fault rule: what it does ({@code kind}), to which requests ({@code target}: "*" for every Binance path, a
 * path such as {@code /papi/v1/cm/order} for every method on it, or "METHOD path"), how often (the next
 * {@code count} matching requests, 0 for no limit, each hit with {@code probability}), and its parameters:
 * {@code latencyMillis} or a {@code latencyPreset} for LATENCY, {@code error} for ERROR.
 */
public record Fault(long id, FaultKind kind, String target, int count, double probability, long latencyMillis,
                    LatencyPreset latencyPreset, ApiError error) {

    public Fault {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (target == null || target.isBlank()) target = "*";
        if (count < 0) throw new IllegalArgumentException("count must be 0 (no limit) or more");
        if (!(probability > 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in (0, 1]");
        if (kind == FaultKind.LATENCY) {
            if (latencyPreset == null && (latencyMillis < 1 || latencyMillis > 60_000)) {
                throw new IllegalArgumentException("a LATENCY fault needs latencyMillis 1..60000 or a latencyPreset");
            }
        } else if (latencyMillis != 0 || latencyPreset != null) {
            throw new IllegalArgumentException("latencyMillis and latencyPreset belong to LATENCY faults");
        }
        if ((kind == FaultKind.ERROR) != (error != null)) throw new IllegalArgumentException("an ERROR fault, and only one, needs an error code");
        if (!target.equals("*") && !target.startsWith("/") && !target.matches("(GET|POST|PUT|DELETE) /.*")) {
            throw new IllegalArgumentException("target must be *, a path or \"METHOD path\"");
        }
    }

    boolean matches(String method, String path) {
        if (target.equals("*")) return true;
        if (target.startsWith("/")) return target.equals(path);
        return target.length() == method.length() + 1 + path.length() && target.startsWith(method) && target.endsWith(path)
                && target.charAt(method.length()) == ' ';
    }
}
