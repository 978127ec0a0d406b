package com.papisandbox.server.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded price series replayed in a loop: rows {@code time,price} (time in milliseconds, any origin;
 * a header line and blank lines are skipped). Every pair follows the series' relative moves from its own
 * start price, so one BTC series also moves ETH by the same percentages. The replay starts when the
 * market starts and loops after the last row (one tick later).
 */
final class CsvPath implements PricePath {
    private final long[] offsets;
    private final double[] prices;
    private final long period;
    private final long start;

    private CsvPath(long[] offsets, double[] prices, long period, long start) {
        this.offsets = offsets;
        this.prices = prices;
        this.period = period;
        this.start = start;
    }

    static CsvPath load(Path file, long start, long tickMillis) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read market CSV " + file + ": " + e.getMessage(), e);
        }
        List<long[]> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("[,;\\t]");
            if (cells.length < 2) throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected time,price");
            long time;
            double price;
            try {
                time = Long.parseLong(cells[0].trim());
                price = Double.parseDouble(cells[1].trim());
            } catch (NumberFormatException e) {
                if (times.isEmpty() && values.isEmpty()) continue; // a header
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected time,price, got '" + line + "'");
            }
            if (!(price > 0)) throw new IllegalArgumentException(file + " line " + (i + 1) + ": price must be positive");
            if (!times.isEmpty() && time < times.get(times.size() - 1)[0]) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": times must not decrease");
            }
            times.add(new long[]{time});
            values.add(price);
        }
        if (values.isEmpty()) throw new IllegalArgumentException(file + " has no time,price rows");
        long origin = times.get(0)[0];
        long[] offsets = new long[times.size()];
        double[] prices = new double[values.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = times.get(i)[0] - origin;
            prices[i] = values.get(i) / values.get(0);
        }
        return new CsvPath(offsets, prices, offsets[offsets.length - 1] + Math.max(1, tickMillis), start);
    }

    /** The series' price at {@code time}, relative to its first row. */
    double relativeAt(long time) {
        long t = Math.floorMod(time - start, period);
        int lo = 0;
        int hi = offsets.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= t) lo = mid; else hi = mid - 1;
        }
        return prices[lo];
    }

    @Override
    public double advance(int pair, double price, long from, long to) {
        return price * relativeAt(to) / relativeAt(from);
    }
}
