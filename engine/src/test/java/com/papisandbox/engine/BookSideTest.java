package com.papisandbox.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book side (sorted arrays) agrees with a sorted map under any mix of new and emptied levels: lookups by price, the
 * cached best level (also after the best empties), and priority order.
 */
class BookSideTest {

    @Property(tries = 200)
    void behavesLikeASortedMap(@ForAll boolean bids,
                               @ForAll @Size(max = 2000) List<@IntRange(min = 0, max = 300) Integer> prices,
                               @ForAll @IntRange(min = 1, max = 100_000) int spread) {
        BookSide side = new BookSide(bids);
        TreeMap<Long, PriceLevel> reference = bids ? new TreeMap<>(Collections.reverseOrder()) : new TreeMap<>();
        for (int p : prices) {
            // the same small set of prices comes back, spread out so that probe runs wrap and collide
            long price = 1 + (long) p * spread;
            PriceLevel existing = side.level(price);
            assertThat(existing).isSameAs(reference.get(price));
            if (existing == null) {
                PriceLevel made = side.levelForRest(price);
                assertThat(made.price).isEqualTo(price);
                assertThat(side.levelForRest(price)).isSameAs(made);
                reference.put(price, made);
            } else {
                side.removeEmpty(existing);
                reference.remove(price);
            }
            assertThat(side.best()).isSameAs(reference.isEmpty() ? null : reference.firstEntry().getValue());
            if (reference.size() % 16 == 0) assertThat(side.inPriorityOrder()).containsExactlyElementsOf(reference.values());
        }
        assertThat(side.inPriorityOrder()).containsExactlyElementsOf(reference.values());
        for (long price : new ArrayList<>(reference.keySet())) {
            assertThat(side.level(price)).isSameAs(reference.get(price));
        }
        for (PriceLevel level : new ArrayList<>(reference.values())) side.removeEmpty(level);
        assertThat(side.best()).isNull();
        assertThat(side.inPriorityOrder()).isEmpty();
    }
}
