package com.papisandbox.engine;

import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.ETH;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TestInstruments.eth;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Inverse-contract arithmetic (spec §11): cumBase = Σ qty×contractSize/price, avgPrice = harmonic mean. */
class ContractMathTest {
    static final Instrument BTC_PERP = TestInstruments.btcPerp();
    static final Instrument ETH_PERP = TestInstruments.ethPerp();

    /** One fill of {@code qty} at {@code price} through the engine; the taker's view afterwards. */
    static OrderView fillOnce(String symbol, long price, long qty) {
        EngineHarness h = new EngineHarness();
        long maker = h.openAccount("maker");
        long taker = h.openAccount("taker");
        h.gtc(maker, symbol, SELL, price, qty);
        OrderView view = h.gtc(taker, symbol, BUY, price, qty);
        assertThat(view.executedQty()).isEqualTo(qty);
        OrderView makerView = h.order(maker, symbol, Engine.FIRST_ORDER_ID);
        assertThat(makerView.cumBase()).isEqualTo(view.cumBase());
        assertThat(makerView.avgPrice()).isEqualTo(view.avgPrice());
        return view;
    }

    @Test
    void oneBtcContractAt32521_4() {
        // live dapi body, ccxt issue #8338: avgPrice "32521.4", executedQty "1" ⇒ cumBase "0.00307490"
        OrderView v = fillOnce(BTC, btc("32521.4"), 1);
        assertThat(ContractMath.roundedBase(v.cumBase())).isEqualTo(new BigDecimal("0.00307490"));
        assertThat(ContractMath.roundedBase(v.cumBase()).toPlainString()).isEqualTo("0.00307490");
        assertThat(v.avgPrice()).isEqualTo(new BigDecimal("32521.4"));
        assertThat(v.avgPrice().toPlainString()).isEqualTo("32521.4");
    }

    @Test
    void oneEthContractAt4522_14() {
        // ccxt comment: ETHUSD_PERP avgPrice "4522.14" ⇒ cumBase "0.00221134"
        OrderView v = fillOnce(ETH, eth("4522.14"), 1);
        assertThat(ContractMath.roundedBase(v.cumBase())).isEqualTo(new BigDecimal("0.00221134"));
        assertThat(v.avgPrice()).isEqualTo(new BigDecimal("4522.14"));
        assertThat(v.avgPrice().toPlainString()).isEqualTo("4522.14");
    }

    @Test
    void aSingleFillAt60000_0GivesExactlyThatAvgPrice() {
        // 100/60000.0 = 0.001666... is not a finite decimal: the average must still come back as the price
        OrderView v = fillOnce(BTC, btc("60000.0"), 1);
        assertThat(v.avgPrice()).isEqualTo(new BigDecimal("60000.0"));
        assertThat(v.avgPrice().toPlainString()).isEqualTo("60000.0");
        assertThat(ContractMath.roundedBase(v.cumBase())).isEqualTo(new BigDecimal("0.00166667"));

        OrderView many = fillOnce(BTC, btc("60000.0"), 7);
        assertThat(many.avgPrice()).isEqualTo(new BigDecimal("60000.0"));
        assertThat(ContractMath.roundedBase(many.cumBase())).isEqualTo(new BigDecimal("0.01166667"));
    }

    @Test
    void documentedBaseValues() {
        // spec §11: trade qty 1 @ 8800 ⇒ baseQty 0.01136364; force order 1 @ 11326.9 ⇒ cumBase 0.00882854
        assertThat(ContractMath.roundedBase(ContractMath.baseValue(BTC_PERP, 1, btc("8800")))).isEqualTo(new BigDecimal("0.01136364"));
        assertThat(ContractMath.roundedBase(ContractMath.baseValue(BTC_PERP, 1, btc("11326.9")))).isEqualTo(new BigDecimal("0.00882854"));
        assertThat(ContractMath.roundedBase(ContractMath.baseValue(ETH_PERP, 1, eth("4522.14")))).isEqualTo(new BigDecimal("0.00221134"));
    }

    @Test
    void twoFillsAtDifferentPricesGiveTheHarmonicMean() {
        EngineHarness h = new EngineHarness();
        long maker = h.openAccount("maker");
        long taker = h.openAccount("taker");
        h.gtc(maker, SELL, btc("30000.0"), 1);
        h.gtc(maker, SELL, btc("40000.0"), 1);
        OrderView v = h.gtc(taker, BUY, btc("40000.0"), 2);

        // cumBase = 100/30000 + 100/40000 = 0.0058333...; avg = 200 / 0.0058333... = 34285.714... (arithmetic mean: 35000)
        assertThat(ContractMath.roundedBase(v.cumBase())).isEqualTo(new BigDecimal("0.00583333"));
        assertThat(v.avgPrice()).isEqualTo(new BigDecimal("34285.7"));
    }

    @Test
    void weightedFillsGiveTheQuantityWeightedHarmonicMean() {
        EngineHarness h = new EngineHarness();
        long maker = h.openAccount("maker");
        long taker = h.openAccount("taker");
        h.gtc(maker, ETH, BUY, eth("3000.00"), 3);
        h.gtc(maker, ETH, BUY, eth("2000.00"), 1);
        OrderView v = h.gtc(taker, ETH, SELL, eth("2000.00"), 4);

        // 3×10/3000 + 1×10/2000 = 0.015; 40 / 0.015 = 2666.666... → 2666.67
        assertThat(ContractMath.roundedBase(v.cumBase())).isEqualTo(new BigDecimal("0.01500000"));
        assertThat(v.avgPrice()).isEqualTo(new BigDecimal("2666.67"));
    }

    @Test
    void zeroAvgPriceHasThePricePrecision() {
        assertThat(ContractMath.avgPrice(BTC_PERP, 0, BigDecimal.ZERO).toPlainString()).isEqualTo("0.0");
        assertThat(ContractMath.avgPrice(ETH_PERP, 0, BigDecimal.ZERO).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void avgPriceOnAnExactHalfTickRoundsHalfUp() {
        BigDecimal cumBase = ContractMath.baseValue(BTC_PERP, 1, btc("60198.3")).add(ContractMath.baseValue(BTC_PERP, 1, btc("60388.5")));
        assertThat(ContractMath.avgPrice(BTC_PERP, 2, cumBase)).isEqualTo(new BigDecimal("60293.3"));

        BigDecimal cumBase2 = ContractMath.baseValue(BTC_PERP, 2, btc("60225.3")).add(ContractMath.baseValue(BTC_PERP, 2, btc("60335.1")));
        assertThat(ContractMath.avgPrice(BTC_PERP, 4, cumBase2)).isEqualTo(new BigDecimal("60280.2"));
    }

    @Property(tries = 500)
    void aSingleFillAveragesToItsOwnPrice(@ForAll("btcPrices") long price, @ForAll @LongRange(min = 1, max = 1_000_000) long qty) {
        BigDecimal cumBase = ContractMath.baseValue(BTC_PERP, qty, price);
        assertThat(ContractMath.avgPrice(BTC_PERP, qty, cumBase)).isEqualTo(BTC_PERP.priceDecimal(price));
    }

    @Property(tries = 500)
    void aSingleEthFillAveragesToItsOwnPrice(@ForAll @LongRange(min = 1_000, max = 10_000_000) long price,
                                             @ForAll @LongRange(min = 1, max = 1_000_000) long qty) {
        BigDecimal cumBase = ContractMath.baseValue(ETH_PERP, qty, price);
        assertThat(ContractMath.avgPrice(ETH_PERP, qty, cumBase)).isEqualTo(ETH_PERP.priceDecimal(price));
    }

    @Property(tries = 500)
    void roundedBaseIsTheExactQuotientRoundedHalfUpTo8Places(@ForAll("btcPrices") long price,
                                                             @ForAll @LongRange(min = 1, max = 1_000_000) long qty) {
        BigDecimal exact = BigDecimal.valueOf(qty * 100L).divide(BTC_PERP.priceDecimal(price), 8, RoundingMode.HALF_UP);
        assertThat(ContractMath.roundedBase(ContractMath.baseValue(BTC_PERP, qty, price))).isEqualTo(exact);
    }

    /**
     * Away from exact half-tick ties (see the disabled test above), avgPrice equals the exact rational harmonic
     * mean rounded half-up to the price precision, for any sequence of fills.
     */
    @Property(tries = 1000)
    void avgPriceIsTheExactHarmonicMeanRounded(@ForAll("fills") List<long[]> fills) {
        BigDecimal cumBase = BigDecimal.ZERO;
        long executed = 0;
        for (long[] fill : fills) {
            cumBase = cumBase.add(ContractMath.baseValue(BTC_PERP, fill[0], fill[1]));
            executed += fill[0];
        }
        ExactMean exact = exactMean(fills);
        Assume.that(!exact.tie());
        assertThat(ContractMath.avgPrice(BTC_PERP, executed, cumBase)).isEqualTo(BTC_PERP.priceDecimal(exact.roundedUnits()));
        // and the average lies between the lowest and the highest fill price
        long min = fills.stream().mapToLong(f -> f[1]).min().orElseThrow();
        long max = fills.stream().mapToLong(f -> f[1]).max().orElseThrow();
        assertThat(exact.roundedUnits()).isBetween(min, max);
    }

    record ExactMean(long roundedUnits, boolean tie) {
    }

    /** Q / Σ(qᵢ/uᵢ) in price units, as a fraction Q·Πu / Σ qᵢ·Π_{j≠i}uⱼ, rounded half-up. */
    static ExactMean exactMean(List<long[]> fills) {
        BigInteger product = BigInteger.ONE;
        long qty = 0;
        for (long[] f : fills) {
            product = product.multiply(BigInteger.valueOf(f[1]));
            qty += f[0];
        }
        BigInteger den = BigInteger.ZERO;
        for (long[] f : fills) {
            den = den.add(BigInteger.valueOf(f[0]).multiply(product.divide(BigInteger.valueOf(f[1]))));
        }
        BigInteger num = BigInteger.valueOf(qty).multiply(product);
        BigInteger[] qr = num.divideAndRemainder(den);
        int cmp = qr[1].shiftLeft(1).compareTo(den);
        long units = qr[0].longValueExact() + (cmp >= 0 ? 1 : 0);
        return new ExactMean(units, cmp == 0);
    }

    @Provide
    Arbitrary<Long> btcPrices() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(BTC_PERP.minPrice(), BTC_PERP.maxPrice()),
                Arbitraries.longs().between(btc("20000.0"), btc("120000.0")));
    }

    @Provide
    Arbitrary<List<long[]>> fills() {
        Arbitrary<long[]> fill = Combinators.combine(
                Arbitraries.longs().between(1, 5_000),
                Arbitraries.oneOf(
                        Arbitraries.longs().between(btc("60000.0"), btc("60050.0")),
                        Arbitraries.longs().between(btc("1000.0"), btc("200000.0"))))
                .as((q, p) -> new long[] {q, p});
        return fill.list().ofMinSize(1).ofMaxSize(8);
    }
}
