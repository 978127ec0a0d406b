package com.papisandbox.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book side's price ladder against a sorted map: levels made and dropped at prices around page boundaries
 * (slots 0, 63, 64 and 4095 of a 4,096-price page) and far apart; after every step the best level, each level's
 * lookup and the whole priority order agree with the map's.
 */
class BookSideLadderTest {
    private static final long PAGE = 4096;

    @Provide
    Arbitrary<List<Long>> ops() {
        // a price: page 140..150 (around 600,000) at an edge slot or anywhere, or a far page; negative = drop it
        Arbitrary<Long> page = Arbitraries.longs().between(140, 150);
        Arbitrary<Long> slot = Arbitraries.oneOf(Arbitraries.of(0L, 1L, 62L, 63L, 64L, 65L, 4094L, 4095L),
                Arbitraries.longs().between(0, PAGE - 1));
        Arbitrary<Long> near = net.jqwik.api.Combinators.combine(page, slot).as((p, s) -> p * PAGE + s);
        Arbitrary<Long> far = Arbitraries.longs().between(1, 45_000_000);
        Arbitrary<Long> price = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, near), net.jqwik.api.Tuple.of(1, far));
        return Arbitraries.oneOf(price, price.map(p -> -p)).list().ofMaxSize(300);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void bidsAgreeWithASortedMap(@ForAll("ops") List<Long> ops) {
        check(new BookSide(true), ops, Comparator.reverseOrder());
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void asksAgreeWithASortedMap(@ForAll("ops") List<Long> ops) {
        check(new BookSide(false), ops, Comparator.naturalOrder());
    }

    @Test
    void theNextBestIsFoundAcrossWordsAndPages() {
        BookSide bids = new BookSide(true);
        PriceLevel low = bids.levelForRest(140 * PAGE + 4095);  // last slot of page 140
        PriceLevel mid = bids.levelForRest(141 * PAGE + 64);    // first slot of a word
        PriceLevel high = bids.levelForRest(141 * PAGE + 63);   // last slot of the word below it
        assertThat(bids.best()).isSameAs(mid);
        bids.removeEmpty(mid);
        assertThat(bids.best()).isSameAs(high);
        bids.removeEmpty(high);
        assertThat(bids.best()).isSameAs(low);
        bids.removeEmpty(low);
        assertThat(bids.best()).isNull();
        assertThat(bids.inPriorityOrder()).isEmpty();
        // the dropped page is reused, its levels and bits all clear
        PriceLevel again = bids.levelForRest(150 * PAGE);
        assertThat(bids.best()).isSameAs(again);
        assertThat(bids.level(141 * PAGE + 64)).isNull();
        assertThat(bids.inPriorityOrder()).containsExactly(again);
    }

    private static void check(BookSide side, List<Long> ops, Comparator<Long> priority) {
        TreeMap<Long, PriceLevel> model = new TreeMap<>(priority);
        for (long op : ops) {
            long price = Math.abs(op);
            if (op > 0) {
                PriceLevel level = side.levelForRest(price);
                assertThat(level.price).isEqualTo(price);
                PriceLevel known = model.putIfAbsent(price, level);
                if (known != null) assertThat(level).isSameAs(known);
            } else if (model.containsKey(price)) {
                side.removeEmpty(model.remove(price));
            }
            assertThat(side.best()).isSameAs(model.isEmpty() ? null : model.firstEntry().getValue());
            assertThat(side.level(price)).isSameAs(model.get(price));
        }
        List<PriceLevel> inOrder = new ArrayList<>();
        side.inPriorityOrder().forEach(inOrder::add);
        assertThat(inOrder).containsExactlyElementsOf(model.values());
        for (long price : model.keySet()) assertThat(side.level(price)).isSameAs(model.get(price));
    }
}
