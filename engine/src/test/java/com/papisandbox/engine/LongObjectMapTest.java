package com.papisandbox.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The primitive map behaves like a HashMap under any sequence of puts and removes, across resizes. */
class LongObjectMapTest {
    @Property(tries = 200)
    void behavesLikeAHashMap(@ForAll @Size(max = 2000) List<@IntRange(min = 0, max = 300) Integer> ops) {
        LongObjectMap<String> map = new LongObjectMap<>(4);
        Map<Long, String> reference = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            long key = ops.get(i) * 1_000_003L; // clustered keys exercise probing and backward shifts
            if (i % 3 == 2) {
                map.remove(key);
                reference.remove(key);
            } else {
                map.put(key, "v" + i);
                reference.put(key, "v" + i);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (int k = 0; k <= 300; k++) {
            long key = k * 1_000_003L;
            assertThat(map.get(key)).isEqualTo(reference.get(key));
        }
        Map<String, Integer> seen = new HashMap<>();
        map.forEachValue(v -> seen.merge(v, 1, Integer::sum));
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(reference.values());
    }
}
