package com.papisandbox.engine;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A hash map from {@code long} to objects, open addressing with linear probing: no boxing and no
 * node per entry, so looking an order up by id allocates nothing and touches one or two cache lines.
 * Not thread-safe (the engine is single-threaded). Keys must not be {@link Long#MIN_VALUE}.
 */
final class LongObjectMap<V> {
    private static final long FREE = Long.MIN_VALUE;
    private static final float LOAD = 0.6f;

    private long[] keys;
    private Object[] values;
    private int mask;
    private int size;
    private int resizeAt;

    LongObjectMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / LOAD)) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        values = new Object[capacity];
        mask = capacity - 1;
        resizeAt = (int) (capacity * LOAD);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return (V) values[i];
            if (k == FREE) return null;
        }
    }

    void put(long key, V value) {
        if (key == FREE) throw new IllegalArgumentException("reserved key");
        int i = hash(key) & mask;
        for (; keys[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
        keys[i] = key;
        values[i] = value;
        if (++size > resizeAt) rehash(keys.length << 1);
    }

    /** Removes with backward shifting, so lookups never need tombstones. */
    void remove(long key) {
        int i = hash(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == FREE) return;
            i = (i + 1) & mask;
        }
        size--;
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            // Move j into the gap if its home slot is not cyclically between the gap and j.
            if (((j - home) & mask) >= ((j - gap) & mask)) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = FREE;
        values[gap] = null;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<V> consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) consumer.accept((V) values[i]);
        }
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int j = hash(oldKeys[i]) & mask;
                while (keys[j] != FREE) j = (j + 1) & mask;
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
                size++;
            }
        }
    }
}
