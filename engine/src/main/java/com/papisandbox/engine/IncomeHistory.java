package com.papisandbox.engine;

/**
 * An account's newest income rows (realized PnL, commission, funding, delivery, transfers) in primitive
 * arrays used as a ring, like {@link TradeHistory}: bounded, and allocation-free once grown.
 */
final class IncomeHistory {
    /** Two rows per closing fill (REALIZED_PNL, COMMISSION), so twice the trade history. */
    static final int CAPACITY = 2_000;

    long[] tranId = new long[0], time = new long[0], amount = new long[0], tradeId = new long[0];
    /** Instrument index, or −1 for rows without a symbol (transfers). */
    int[] instrument = new int[0];
    int[] coin = new int[0];
    byte[] type = new byte[0];
    private int start;
    private int size;

    int size() {
        return size;
    }

    int slot(int i) {
        return (start + i) % tranId.length;
    }

    void add(long tranId, long time, int instrument, int coin, IncomeType type, long amount, long tradeId) {
        int s;
        if (size < this.tranId.length) {
            s = (start + size++) % this.tranId.length;
        } else if (size < CAPACITY) {
            grow();
            s = size++;
        } else {
            s = start;
            start = (start + 1) % this.tranId.length;
        }
        this.tranId[s] = tranId;
        this.time[s] = time;
        this.instrument[s] = instrument;
        this.coin[s] = coin;
        this.type[s] = (byte) type.code;
        this.amount[s] = amount;
        this.tradeId[s] = tradeId;
    }

    IncomeType type(int slot) {
        return IncomeType.ofCode(type[slot]);
    }

    private void grow() {
        int n = Math.min(CAPACITY, Math.max(8, tranId.length * 2));
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = slot(i);
        tranId = TradeHistory.unroll(tranId, order, n);
        time = TradeHistory.unroll(time, order, n);
        amount = TradeHistory.unroll(amount, order, n);
        tradeId = TradeHistory.unroll(tradeId, order, n);
        instrument = TradeHistory.unroll(instrument, order, n);
        coin = TradeHistory.unroll(coin, order, n);
        byte[] t = new byte[n];
        for (int i = 0; i < order.length; i++) t[i] = type[order[i]];
        type = t;
        start = 0;
    }
}
