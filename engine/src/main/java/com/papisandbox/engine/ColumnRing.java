package com.papisandbox.engine;

/**
 * A bounded ring of rows of longs, stored as one primitive array per column: appending overwrites the
 * oldest row once the ring is full, and allocates only while the ring grows (doubling, up to its bound),
 * so a full ring records without allocating. Row 0 is the oldest.
 */
final class ColumnRing {
    private static final int INITIAL = 16;

    private final int bound;
    private long[][] columns;
    /** Physical slot of row 0. */
    private int head;
    private int size;

    ColumnRing(int columnCount, int bound) {
        if (bound < 1) throw new IllegalArgumentException("bound must be positive");
        this.bound = bound;
        this.columns = new long[columnCount][Math.min(INITIAL, bound)];
    }

    int size() {
        return size;
    }

    int bound() {
        return bound;
    }

    /** Adds a row at the end (dropping the oldest when full) and returns its slot, to {@link #set} its values. */
    int append() {
        int capacity = columns[0].length;
        if (size == capacity && capacity < bound) {
            grow(Math.min(bound, capacity * 2));
            capacity = columns[0].length;
        }
        if (size < capacity) {
            return (head + size++) % capacity;
        }
        int slot = head;
        head = (head + 1) % capacity;
        return slot;
    }

    /** The slot of row {@code row} (0 = oldest). */
    int slot(int row) {
        return (head + row) % columns[0].length;
    }

    int lastSlot() {
        return slot(size - 1);
    }

    long get(int column, int slot) {
        return columns[column][slot];
    }

    void set(int column, int slot, long value) {
        columns[column][slot] = value;
    }

    void add(int column, int slot, long delta) {
        columns[column][slot] += delta;
    }

    /** The first row whose {@code column} is at least {@code value}, for a column that never decreases; size if none. */
    int firstAtLeast(int column, long value) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (columns[column][slot(mid)] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    void write(SnapshotBuffer.Out out) {
        out.writeInt(size);
        for (long[] column : columns) {
            for (int row = 0; row < size; row++) out.writeLong(column[slot(row)]);
        }
    }

    void read(SnapshotBuffer.In in) {
        int n = in.readInt();
        if (n < 0 || n > bound) throw new IllegalArgumentException("snapshot ring of " + n + " rows exceeds its bound " + bound);
        int capacity = Math.max(Math.min(INITIAL, bound), n);
        long[][] restored = new long[columns.length][capacity];
        for (long[] column : restored) {
            for (int row = 0; row < n; row++) column[row] = in.readLong();
        }
        columns = restored;
        head = 0;
        size = n;
    }

    private void grow(int capacity) {
        long[][] grown = new long[columns.length][capacity];
        for (int c = 0; c < columns.length; c++) {
            for (int row = 0; row < size; row++) grown[c][row] = columns[c][slot(row)];
        }
        columns = grown;
        head = 0;
    }
}
