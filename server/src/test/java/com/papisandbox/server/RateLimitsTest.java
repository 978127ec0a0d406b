package com.papisandbox.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The budgets' arithmetic and the ban ladder, on explicit times (the end-to-end view is RateLimitTest). */
class RateLimitsTest {
    private static final long MINUTE = 60_000;
    private static final long DAY = 24 * 60 * MINUTE;
    private static final long T0 = 1_800_000_000_000L; // a whole minute

    /** Goes over the minute that holds {@code now} and past its tolerated refusals; returns the ban's end. */
    private static long violate(RateLimits.IpBudget ip, long now) {
        assertThat(ip.over(ip.charge(RateLimits.IP_WEIGHT_PER_MINUTE + 1, now))).isTrue();
        for (int i = 0; i < RateLimits.REFUSALS_BEFORE_BAN; i++) assertThat(ip.refuse(now)).isZero();
        return ip.refuse(now);
    }

    @Test
    void weightCountsPerMinuteAndPerIp() {
        RateLimits limits = new RateLimits(true);
        RateLimits.IpBudget a = limits.ip("10.0.0.1");
        assertThat(a.charge(40, T0)).isEqualTo(40);
        assertThat(a.charge(1, T0 + MINUTE - 1)).isEqualTo(41);
        assertThat(limits.usedWeight("10.0.0.2", T0)).isZero();
        assertThat(a.used(T0 + MINUTE)).isZero();
        assertThat(a.charge(5, T0 + MINUTE)).isEqualTo(5);
        // a request that read the clock before the roll counts in the new minute, never resets it
        assertThat(a.charge(1, T0 + MINUTE - 5)).isEqualTo(6);
        assertThat(a.over(6000)).isFalse();
        assertThat(a.over(6001)).isTrue();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(RateLimits.secondsToNextMinute(T0)).isEqualTo(60);
        assertThat(RateLimits.secondsToNextMinute(T0 + 59_001)).isEqualTo(1);
        assertThat(RateLimits.secondsToNextMinute(T0 + 59_999)).isEqualTo(1);
        assertThat(RateLimits.secondsUntil(T0, T0 + 120_000)).isEqualTo(120);
        assertThat(RateLimits.secondsUntil(T0, T0 + 1)).isEqualTo(1);
    }

    @Test
    void theLadderClimbsToThreeDaysAndStaysThere() {
        RateLimits limits = new RateLimits(true);
        RateLimits.IpBudget ip = limits.ip("10.0.0.1");
        List<Long> expected = List.of(2 * MINUTE, 10 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE, DAY, 3 * DAY, 3 * DAY);
        long now = T0;
        for (long duration : expected) {
            long until = violate(ip, now);
            assertThat(until - now).isEqualTo(duration);
            assertThat(ip.bannedUntil(until - 1)).isEqualTo(until);
            assertThat(ip.bannedUntil(until)).isZero();
            now = until + MINUTE;
        }
        // a day without a ban forgets them all
        assertThat(violate(ip, now + DAY) - (now + DAY)).isEqualTo(2 * MINUTE);
    }

    @Test
    void refusalsAreCountedPerMinute() {
        RateLimits.IpBudget ip = new RateLimits(true).ip("10.0.0.1");
        for (int i = 0; i < RateLimits.REFUSALS_BEFORE_BAN; i++) assertThat(ip.refuse(T0)).isZero();
        // the next minute is a new chance
        for (int i = 0; i < RateLimits.REFUSALS_BEFORE_BAN; i++) assertThat(ip.refuse(T0 + MINUTE)).isZero();
        assertThat(ip.refuse(T0 + MINUTE)).isEqualTo(T0 + MINUTE + 2 * MINUTE);
    }

    @Test
    void notEnforcedCountsButNeverRefuses() {
        RateLimits limits = new RateLimits(false);
        RateLimits.IpBudget ip = limits.ip("10.0.0.1");
        assertThat(ip.charge(10_000, T0)).isEqualTo(10_000);
        assertThat(ip.over(10_000)).isFalse();
        for (int i = 0; i < 1300; i++) limits.addOrder(7, T0);
        assertThat(limits.addOrder(7, T0)).isEqualTo(1301);
        assertThat(limits.usedOrders(7, T0)).isEqualTo(1301);
    }

    @Test
    void ordersArePerAccount() {
        RateLimits limits = new RateLimits(true);
        for (int i = 0; i < RateLimits.ORDERS_PER_MINUTE; i++) assertThat(limits.addOrder(1, T0)).isPositive();
        assertThat(limits.addOrder(1, T0)).isEqualTo(-1);
        assertThat(limits.addOrder(2, T0)).isEqualTo(1);
        assertThat(limits.addOrder(1, T0 + MINUTE)).isEqualTo(1);
    }
}
