package com.papisandbox.engine;

import org.agrona.collections.Long2LongHashMap;

/**
 * Order id → long. Order ids are handed out in sequence and the orders a history keeps are mostly recent, so a
 * table indexed by the id itself (masked) holds nearly all of them with no collision, and neighbouring ids land in
 * neighbouring slots: adding the newest closed order and dropping the oldest touch cache lines touched just
 * before, where a scrambling hash makes each a cache miss into a table of a million entries. An id whose slot is
 * taken by another goes to an overflow map. Keys and values interleave, so a lookup reads one line. Ids are
 * positive; 0 marks a free slot. The table stays at most half full. Engine-thread only.
 */
final class OrderIdMap {
    private static final int INITIAL_SLOTS = 1024;

    private final long missing;
    /** Slot s holds its key at 2s and its value at 2s + 1. */
    private long[] table = new long[INITIAL_SLOTS * 2];
    private int mask = INITIAL_SLOTS - 1;
    private final Long2LongHashMap overflow;
    private int size;

    OrderIdMap(long missing) {
        this.missing = missing;
        this.overflow = new Long2LongHashMap(missing);
    }

    int size() {
        return size;
    }

    long get(long id) {
        int s = (int) id & mask;
        if (table[2 * s] == id && id != 0) return table[2 * s + 1]; // 0 is a free slot's key, no id
        return overflow.isEmpty() ? missing : overflow.get(id);
    }

    void put(long id, long value) {
        if (id <= 0) throw new IllegalArgumentException("order ids are positive: " + id);
        int s = (int) id & mask;
        long key = table[2 * s];
        if (key == id) {
            table[2 * s + 1] = value;
            return;
        }
        if (key == 0) {
            // the slot may have freed after this id went to the overflow: it stays there
            if (!overflow.isEmpty() && overflow.get(id) != missing) {
                overflow.put(id, value);
                return;
            }
            table[2 * s] = id;
            table[2 * s + 1] = value;
        } else if (overflow.put(id, value) != missing) {
            return; // replaced in the overflow
        }
        if (++size > (mask + 1) / 2) grow();
    }

    void remove(long id) {
        if (id <= 0) return;
        int s = (int) id & mask;
        if (table[2 * s] == id) {
            table[2 * s] = 0;
            table[2 * s + 1] = 0;
            size--;
        } else if (!overflow.isEmpty() && overflow.remove(id) != missing) {
            size--;
        }
    }

    private void grow() {
        long[] old = table;
        long[] spilled = new long[overflow.size() * 2];
        int[] k = {0};
        overflow.forEachLong((id, value) -> {
            spilled[k[0]++] = id;
            spilled[k[0]++] = value;
        });
        overflow.clear();
        table = new long[old.length * 2];
        mask = old.length - 1; // old.length * 2 longs are old.length slots
        size = 0;
        for (int s = 0; s < old.length; s += 2) {
            if (old[s] != 0) put(old[s], old[s + 1]);
        }
        for (int i = 0; i < spilled.length; i += 2) put(spilled[i], spilled[i + 1]);
    }
}
