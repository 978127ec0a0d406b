package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One perpetual's settled fundings, newest last: the time, the rate and the mark price each was settled at,
 * as {@code GET /dapi/v1/fundingRate} shows them. Bounded at that endpoint's largest page, so a sandbox left
 * running keeps the latest 1,000 (333 days) and never grows past them.
 */
final class FundingHistory {
    static final int CAPACITY = 1_000;
    private static final int TIME = 0, RATE = 1, MARK = 2;

    private final ColumnRing rows = new ColumnRing(3, CAPACITY);

    void record(long time, long rate, long markE8) {
        int s = rows.append();
        rows.set(TIME, s, time);
        rows.set(RATE, s, rate);
        rows.set(MARK, s, markE8);
    }

    /**
     * The rows with time in [startTime, endTime] (−1 = unbounded), oldest first: the first {@code limit}
     * from startTime when it is given, else the latest {@code limit} (Binance's rule for this endpoint).
     */
    List<MarketView.FundingRate> select(long startTime, long endTime, int limit) {
        int from = startTime < 0 ? 0 : rows.firstAtLeast(TIME, startTime);
        int to = endTime < 0 ? rows.size() : rows.firstAtLeast(TIME, endTime + 1);
        if (to - from > limit) {
            if (startTime >= 0) to = from + limit; else from = to - limit;
        }
        List<MarketView.FundingRate> result = new ArrayList<>(Math.max(0, to - from));
        for (int row = from; row < to; row++) {
            int s = rows.slot(row);
            result.add(new MarketView.FundingRate(rows.get(TIME, s), rows.get(RATE, s), rows.get(MARK, s)));
        }
        return result;
    }

    void write(SnapshotBuffer.Out out) {
        rows.write(out);
    }

    void read(SnapshotBuffer.In in) {
        rows.read(in);
    }
}
