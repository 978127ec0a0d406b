package com.papisandbox.server;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSpecTest {
    @Test
    void anAccountWithoutBalancesStartsFundedLikeTheDemoAccount() {
        AccountSpec spec = AccountSpec.parse("k1:s1");
        assertThat(spec.balances()).isEqualTo(Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100")));
        assertThat(AccountSpec.parse("k1:s1:").balances()).isEqualTo(AccountSpec.DEFAULT_BALANCES);
    }

    @Test
    void givenBalancesReplaceTheDefaults() {
        assertThat(AccountSpec.parse("k1:s1:BTC=0.5").balances()).isEqualTo(Map.of("BTC", new BigDecimal("0.5")));
        assertThat(AccountSpec.parse("k1:s1:BTC=0").balances()).isEqualTo(Map.of("BTC", BigDecimal.ZERO));
    }

    @Test
    void badBalancesAreRefusedWithAReason() {
        assertThatThrownBy(() -> AccountSpec.parse("k1:s1:BTC=-1")).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> AccountSpec.parse("k1:s1:btc=1")).hasMessageContaining("ASSET=AMOUNT");
    }
}
