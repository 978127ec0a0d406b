package com.papisandbox.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Binance's quarterly calendar: last Fridays of the quarter months, 08:00 UTC. */
class QuarterliesTest {
    @Test
    void deliveriesAreTheLastFridayOfTheQuarterMonthAt0800Utc() {
        // the live rows: BTCUSD_211231 delivered 1640937600000, BTCUSD_261225 1798185600000, BTCUSD_270326 1806048000000
        assertThat(Quarterlies.deliveryDate(2021, 12)).isEqualTo(1_640_937_600_000L);
        assertThat(Quarterlies.deliveryDate(2026, 12)).isEqualTo(1_798_185_600_000L);
        assertThat(Quarterlies.deliveryDate(2027, 3)).isEqualTo(1_806_048_000_000L);
    }

    @Test
    void theCalendarListsTheCurrentAndNextQuarter() {
        long dec3 = 1_796_256_000_000L; // 2026-12-03 00:00 UTC
        assertThat(Quarterlies.listedQuarterly("BTCUSD", dec3, 0)).isEqualTo("BTCUSD_261225");
        assertThat(Quarterlies.listedQuarterly("BTCUSD", dec3, 1)).isEqualTo("BTCUSD_270326");
        long delivery = Quarterlies.deliveryDate(2026, 12);
        assertThat(Quarterlies.listedQuarterly("BTCUSD", delivery - 1, 0)).isEqualTo("BTCUSD_261225");
        assertThat(Quarterlies.listedQuarterly("BTCUSD", delivery, 0)).isEqualTo("BTCUSD_270326");
        assertThat(Quarterlies.listedQuarterly("ETHUSD", delivery, 1)).isEqualTo("ETHUSD_270625");
    }

    @Test
    void aSuccessorDeliversTheQuarterAfterThePairsLatestAndIsLabelledByDeliveryOrder() {
        Instrument current = TestInstruments.btcQuarter();
        Instrument next = Quarterlies.successor(current, current.deliveryDate());
        assertThat(next.symbol()).isEqualTo("BTCUSD_260925");
        assertThat(next.onboardDate()).isEqualTo(current.deliveryDate());
        assertThat(next.deliveryDate()).isEqualTo(Quarterlies.deliveryDate(2026, 9));
        Instrument after = Quarterlies.successor(current, next.deliveryDate());
        assertThat(after.symbol()).isEqualTo("BTCUSD_261225");
        assertThat(Quarterlies.contractType(next, List.of(TestInstruments.btcPerp(), next, after))).isEqualTo("CURRENT_QUARTER");
        assertThat(Quarterlies.contractType(after, List.of(TestInstruments.btcPerp(), next, after))).isEqualTo("NEXT_QUARTER");
        assertThat(Quarterlies.contractType(TestInstruments.btcPerp(), List.of(next))).isEqualTo("PERPETUAL");
    }
}
