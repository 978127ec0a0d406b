package com.papisandbox.server.stream;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user data stream's listen keys (spec-next §4.1): one active key per account, valid 60 minutes of
 * sandbox time from its creation or last keepalive. POST returns the active key again and extends it;
 * PUT extends it; DELETE ends it. Keys are 64 random letters and digits, like Binance's. Lives at the edge
 * and is not journaled: a restart forgets every key, as a Binance reconnect after an outage needs a new one.
 */
public final class ListenKeys {
    public static final long VALIDITY_MS = 60L * 60 * 1000;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 64;

    /** An active key; expiresAt in sandbox time. */
    public record Key(String key, long accountId, long expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Key> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Key> byKey = new ConcurrentHashMap<>();

    /** The account's active key, extended, or a new one. */
    public synchronized Key open(long accountId, long now) {
        Key active = active(accountId, now);
        return put(new Key(active != null ? active.key() : newKey(), accountId, now + VALIDITY_MS));
    }

    /** Extends the account's active key; null when it has none (-1125). */
    public synchronized Key keepAlive(long accountId, long now) {
        Key active = active(accountId, now);
        return active == null ? null : put(new Key(active.key(), accountId, now + VALIDITY_MS));
    }

    /** Ends the account's active key; null when it had none (-1125). */
    public synchronized Key close(long accountId, long now) {
        Key active = active(accountId, now);
        if (active == null) return null;
        remove(active);
        return active;
    }

    /** Forgets every key (a reset or restore: the accounts they belonged to may be gone). */
    public synchronized void clear() {
        byAccount.clear();
        byKey.clear();
    }

    /**
     * Makes the active key of {@code accountId} (every account's, for -1) lapse now, long before its hour (a fault
     * the admin API injects): the next sweep sends {@code listenKeyExpired}. Returns how many keys it ended.
     */
    public synchronized int lapseNow(long accountId, long now) {
        int ended = 0;
        for (Key k : List.copyOf(byAccount.values())) {
            if ((accountId < 0 || k.accountId() == accountId) && k.expiresAt() > now) {
                put(new Key(k.key(), k.accountId(), now));
                ended++;
            }
        }
        return ended;
    }

    /** The active key with this text, or null (unknown or lapsed). */
    public Key find(String key, long now) {
        Key k = byKey.get(key);
        return k == null || k.expiresAt() <= now ? null : k;
    }

    /** True if the account has a key (possibly lapsing this very moment): cheap, for the engine thread. */
    public boolean listening(long accountId) {
        return byAccount.containsKey(accountId);
    }

    /** The accounts holding a key now. */
    public java.util.Set<Long> listeningAccounts() {
        return byAccount.keySet();
    }

    /** Removes and returns the keys that lapsed by {@code now}. */
    public synchronized List<Key> expire(long now) {
        List<Key> lapsed = new ArrayList<>();
        for (Key k : byAccount.values()) if (k.expiresAt() <= now) lapsed.add(k);
        lapsed.forEach(this::remove);
        return lapsed;
    }

    private Key active(long accountId, long now) {
        Key k = byAccount.get(accountId);
        return k == null || k.expiresAt() <= now ? null : k;
    }

    private Key put(Key k) {
        Key old = byAccount.put(k.accountId(), k);
        if (old != null && !old.key().equals(k.key())) byKey.remove(old.key());
        byKey.put(k.key(), k);
        return k;
    }

    private void remove(Key k) {
        byAccount.remove(k.accountId(), k);
        byKey.remove(k.key(), k);
    }

    private String newKey() {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return key.toString();
    }
}
