package com.papisandbox.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An HMAC account the load generator signs for. Not thread-safe: each account belongs to one worker
 * (one event loop), which is the only thread that signs with it and tracks its orders.
 */
final class BenchAccount {
    private static final HexFormat HEX = HexFormat.of();

    final String apiKey;
    final String secret;
    private final Mac mac;
    /** Open orders this generator placed and has not cancelled yet, oldest first. */
    final LongQueue open = new LongQueue();
    /** Places sent but not answered yet (they may become open orders). */
    int placesInFlight;
    int nextClientSeq;

    BenchAccount(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.secret = secret;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The deterministic accounts {@code --accounts N} uses, so a separately started server can know them. */
    static List<BenchAccount> generated(int count) {
        List<BenchAccount> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = String.format("bench%06d", i);
            accounts.add(new BenchAccount(key, "benchsecret-" + key + "-0123456789abcdef0123456789abcdef"));
        }
        return accounts;
    }

    static BenchAccount parse(String flag) {
        String[] parts = flag.split(":", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("--account must be KEY:SECRET, got '" + flag + "'");
        }
        return new BenchAccount(parts[0], parts[1]);
    }

    /** The {@code serve} flag that opens this account with a balance. */
    String serveFlag() {
        return "--account " + apiKey + ":" + secret + ":BTC=1000";
    }

    /** {@code query&signature=hex}: HMAC-SHA256 over the query string, as Binance signs. */
    String signed(String query) {
        return query + "&signature=" + HEX.formatHex(mac.doFinal(query.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A growable ring of longs (no boxing). */
    static final class LongQueue {
        private long[] items = new long[16];
        private int head;
        private int size;

        void add(long v) {
            if (size == items.length) {
                long[] bigger = new long[items.length * 2];
                for (int i = 0; i < size; i++) bigger[i] = items[(head + i) % items.length];
                items = bigger;
                head = 0;
            }
            items[(head + size) % items.length] = v;
            size++;
        }

        long poll() {
            if (size == 0) throw new IllegalStateException("empty");
            long v = items[head];
            head = (head + 1) % items.length;
            size--;
            return v;
        }

        long peek() {
            return items[head];
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }
    }
}
