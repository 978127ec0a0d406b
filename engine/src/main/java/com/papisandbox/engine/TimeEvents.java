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

    TimeEvents(List<Instrument> instruments) {
        this.instruments = instruments;
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
