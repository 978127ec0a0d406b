package com.papisandbox.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;

/**
 * Binance's COIN-M quarterly calendar (spec-next §5.2): a pair lists its perpetual and two quarterlies, which
 * deliver on the last Friday of March, June, September and December at 08:00 UTC. When the current quarter
 * delivers, the next becomes current and a new next quarter is listed at that moment (its onboardDate is the
 * delivered contract's deliveryDate, as the live rows show).
 */
public final class Quarterlies {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int DELIVERY_HOUR = 8;

    private Quarterlies() {
    }

    /** 08:00 UTC on the last Friday of {@code month} (1–12) of {@code year}, in epoch milliseconds. */
    static long deliveryDate(int year, int month) {
        LocalDate day = LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
        return day.atTime(DELIVERY_HOUR, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * The contract listed when {@code delivered} delivers: the same pair and trading rules, delivering the
     * quarter after {@code latestDelivery} (the pair's latest listed quarterly).
     */
    static Instrument successor(Instrument delivered, long latestDelivery) {
        LocalDate latest = java.time.Instant.ofEpochMilli(latestDelivery).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate quarterMonth = latest.withDayOfMonth(1).plusMonths(3);
        // quarter months only: a calendar file that lists, say, a monthly contract still rolls to a quarter end
        while (quarterMonth.getMonthValue() % 3 != 0) quarterMonth = quarterMonth.plusMonths(1);
        long delivery = deliveryDate(quarterMonth.getYear(), quarterMonth.getMonthValue());
        String symbol = delivered.pair() + "_" + SUFFIX.format(java.time.Instant.ofEpochMilli(delivery).atOffset(ZoneOffset.UTC));
        return delivered.listedAs(symbol, "NEXT_QUARTER", delivery, delivered.deliveryDate());
    }

    /**
     * The symbol of {@code pair}'s quarterly that the calendar lists at {@code time}: {@code n} = 0 for the
     * current quarter (the first delivering after it), 1 for the next.
     */
    public static String listedQuarterly(String pair, long time, int n) {
        LocalDate day = java.time.Instant.ofEpochMilli(time).atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        while (day.getMonthValue() % 3 != 0) day = day.plusMonths(1);
        if (deliveryDate(day.getYear(), day.getMonthValue()) <= time) day = day.plusMonths(3);
        day = day.plusMonths(3L * n);
        long delivery = deliveryDate(day.getYear(), day.getMonthValue());
        return pair + "_" + SUFFIX.format(java.time.Instant.ofEpochMilli(delivery).atOffset(ZoneOffset.UTC));
    }

    /**
     * A contract's type among the contracts listed now: PERPETUAL, or the pair's quarterlies by delivery date,
     * CURRENT_QUARTER first and NEXT_QUARTER after it (Binance re-labels them when one delivers).
     */
    public static String contractType(Instrument instrument, Collection<Instrument> listed) {
        if (instrument.perpetual()) return instrument.contractType();
        int earlier = 0;
        for (Instrument other : listed) {
            if (!other.perpetual() && other.pair().equals(instrument.pair()) && other.deliveryDate() < instrument.deliveryDate()) earlier++;
        }
        return earlier == 0 ? "CURRENT_QUARTER" : "NEXT_QUARTER";
    }
}
