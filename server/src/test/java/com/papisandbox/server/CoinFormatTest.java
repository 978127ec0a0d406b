package com.papisandbox.server;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The live renderings of papi-cm-next §1, each from a captured value. */
class CoinFormatTest {
    @Test
    void coinAmountsHaveEightDecimalsWithTrailingZeros() {
        assertThat(CoinFormat.fixed8(160, 8)).isEqualTo("0.00000160");
        assertThat(CoinFormat.fixed8(-39, 8)).isEqualTo("-0.00000039");
        assertThat(CoinFormat.fixed8(0, 8)).isEqualTo("0.00000000");
        assertThat(CoinFormat.fixed8(24393_0000L, 12)).isEqualTo("0.00024393");
        assertThat(CoinFormat.fixed8OrZero(0, 8)).isEqualTo("0");
        assertThat(CoinFormat.fixed8OrZero(412454, 8)).isEqualTo("0.00412454");
    }

    @Test
    void positionRiskPnlIsStripped() {
        assertThat(CoinFormat.stripped(360, 8)).isEqualTo("0.0000036");
        assertThat(CoinFormat.stripped(-641300, 8)).isEqualTo("-0.006413");
        assertThat(CoinFormat.stripped(35971800, 13)).isEqualTo("0.0000036");
    }

    @Test
    void balancesArePlainWithAtLeastOneDecimal() {
        assertThat(CoinFormat.plain(0, 8)).isEqualTo("0.0");
        assertThat(CoinFormat.plain(3102261200L, 8)).isEqualTo("31.022612");
        assertThat(CoinFormat.plain(10_00000000L, 8)).isEqualTo("10.0");
        assertThat(CoinFormat.plain(-39, 8)).isEqualTo("-0.00000039");
    }

    @Test
    void entryPricesHaveThirteenSignificantDigits() {
        // 1 BTCUSD_PERP at 51080.1: 100 / cut13(100 / 51080.1) (papi-cm-next §1)
        BigDecimal base = new BigDecimal("100").divide(new BigDecimal("51080.1"), 13, java.math.RoundingMode.DOWN);
        assertThat(CoinFormat.significant13(new BigDecimal("100").divide(base, 20, java.math.RoundingMode.HALF_UP)))
                .isEqualTo("51080.10000066");
        BigDecimal ethBase = new BigDecimal("10").divide(new BigDecimal("2422.4"), 13, java.math.RoundingMode.DOWN);
        assertThat(CoinFormat.significant13(new BigDecimal("10").divide(ethBase, 20, java.math.RoundingMode.HALF_UP)))
                .isEqualTo("2422.400000007");
        assertThat(CoinFormat.significant13(BigDecimal.ZERO)).isEqualTo("0.00000000");
    }
}
