package com.papisandbox.engine;

import java.util.List;

/**
 * When funding and deliveries fall due. Funding happens every 8 hours at 00:00, 08:00 and 16:00 UTC (spec-next
 * §9.11); its clock starts with the first fill ever, because no funding can be due before any position exists,
 * so the schedule depends only on journaled commands. Deliveries happen at each quarterly's deliveryDate.
 */
final class TimeEvents {
    static final long FUNDING_INTERVAL = 8L * 60 * 60 * 1000;

    private final List<Instrument> instruments;
    /** The next funding time, or 0 before the first fill. */
    long nextFunding;
    /** The earliest delivery date not yet delivered (Long.MAX_VALUE if none): every command compares with it. */
    private long nextDelivery = Long.MIN_VALUE;

    TimeEvents(List<Instrument> instruments) {
        this.instruments = instruments;
    }

    /** Whether any funding or delivery falls due by {@code time}: two comparisons on every command. */
    boolean anythingDue(MarketPrices prices, long time) {
        if (nextDelivery == Long.MIN_VALUE) nextDelivery = earliestDelivery(prices);
        return (nextFunding > 0 && nextFunding <= time) || nextDelivery <= time;
    }

    /** Called after a delivery (and after a restore): the cached next delivery date is recomputed. */
    void deliveriesChanged() {
        nextDelivery = Long.MIN_VALUE;
    }

    private long earliestDelivery(MarketPrices prices) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < instruments.size(); i++) {
            Instrument in = instruments.get(i);
            if (!in.perpetual() && !prices.delivered[i]) earliest = Math.min(earliest, in.deliveryDate());
        }
        return earliest;
    }

    /** The first funding time strictly after {@code time}. */
    static long fundingAfter(long time) {
        return Math.floorDiv(time, FUNDING_INTERVAL) * FUNDING_INTERVAL + FUNDING_INTERVAL;
    }

    void startFundingClock(long time) {
        if (nextFunding == 0) nextFunding = fundingAfter(time);
    }

    /** The undelivered quarterly with the earliest delivery due by {@code time}, or −1. */
    int dueDelivery(MarketPrices prices, long time) {
        int due = -1;
        for (int i = 0; i < instruments.size(); i++) {
            Instrument in = instruments.get(i);
            if (in.perpetual() || prices.delivered[i] || in.deliveryDate() > time) continue;
            if (due < 0 || in.deliveryDate() < instruments.get(due).deliveryDate()) due = i;
        }
        return due;
    }
}
