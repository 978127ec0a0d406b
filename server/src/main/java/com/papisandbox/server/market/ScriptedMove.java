package com.papisandbox.server.market;

/**
 * A price move the admin API scripted: from {@code startPrice} at {@code startTime}, linearly through each
 * (time, price) point, then standing at the last one. Times are sandbox epoch milliseconds.
 */
record ScriptedMove(long startTime, double startPrice, long[] times, double[] prices) {
    ScriptedMove {
        if (times.length == 0 || times.length != prices.length) throw new IllegalArgumentException("a path needs points");
        for (int i = 0; i < times.length; i++) {
            if (times[i] < (i == 0 ? startTime : times[i - 1])) throw new IllegalArgumentException("path times must not go back");
            if (!(prices[i] > 0)) throw new IllegalArgumentException("path prices must be positive");
        }
    }

    double priceAt(long time) {
        long fromTime = startTime;
        double fromPrice = startPrice;
        for (int i = 0; i < times.length; i++) {
            if (time < times[i]) {
                double share = (double) (time - fromTime) / (times[i] - fromTime);
                return fromPrice + (prices[i] - fromPrice) * share;
            }
            fromTime = times[i];
            fromPrice = prices[i];
        }
        return prices[prices.length - 1];
    }

    boolean endsBy(long time) {
        return time >= times[times.length - 1];
    }
}
