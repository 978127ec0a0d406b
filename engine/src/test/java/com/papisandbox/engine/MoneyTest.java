package com.papisandbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fixed-point helpers against BigInteger/BigDecimal arithmetic. */
class MoneyTest {
    @Test
    void mulDivIsExactThrough128Bits() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long a = random.nextLong(Long.MAX_VALUE);
            long b = random.nextLong(1L << random.nextInt(1, 63));
            long c = random.nextLong(1, Long.MAX_VALUE);
            BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
            if (exact.bitLength() <= 63) {
                assertThat(MulDiv.floor(a, b, c)).as("%d × %d / %d", a, b, c).isEqualTo(exact.longValueExact());
            } else {
                assertThatThrownBy(() -> MulDiv.floor(a, b, c)).isInstanceOf(ArithmeticException.class);
                assertThat(MulDiv.saturating(a, b, c)).isEqualTo(Long.MAX_VALUE);
            }
        }
    }

    @Test
    void timesRateRoundsHalfUpExactly() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100_000; i++) {
            long base = random.nextLong(1L << 59);
            long rate = random.nextLong(Money.RATE_ONE + 1);
            BigDecimal exact = BigDecimal.valueOf(base, 13).multiply(BigDecimal.valueOf(rate, 8));
            long expected = exact.setScale(8, java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact();
            assertThat(Money.timesRate(base, rate)).isEqualTo(expected);
            assertThat(Money.timesRate(-base, rate)).isEqualTo(-expected);
        }
        // the worked example's commissions: 0.0040029621920 × 0.0004 = 0.0000016011… → 160; 0.0041281373844 → 165
        assertThat(Money.timesRate(40_029_621_920L, 40_000)).isEqualTo(160);
        assertThat(Money.timesRate(41_281_373_844L, 40_000)).isEqualTo(165);
    }

    @Test
    void applyRateCutsTowardZeroExactly() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long amount = random.nextLong(Long.MAX_VALUE / 2);
            long rate = random.nextLong(Money.RATE_ONE + 1);
            long expected = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(rate)).divide(BigInteger.valueOf(Money.RATE_ONE)).longValueExact();
            assertThat(Money.applyRate(amount, rate)).isEqualTo(expected);
            assertThat(Money.applyRate(-amount, rate)).isEqualTo(-expected);
        }
    }

    @Test
    void coinUnitsAreExactOrRefused() {
        assertThat(Money.coinUnits(new BigDecimal("1.23456789"))).isEqualTo(123_456_789);
        assertThat(Money.coinUnits(new BigDecimal("10"))).isEqualTo(1_000_000_000);
        assertThatThrownBy(() -> Money.coinUnits(new BigDecimal("0.000000001"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.coinUnits(new BigDecimal("1000000001"))).isInstanceOf(IllegalArgumentException.class);
        // realized PnL is cut toward zero, shown amounts round half away from zero
        assertThat(Money.cutToCoin(-1_251_751_924L)).isEqualTo(-12_517);
        assertThat(Money.roundToCoin(40_029_621_920L)).isEqualTo(400_296);
        assertThat(Money.roundToCoin(-150_000L)).isEqualTo(-2);
    }
}
