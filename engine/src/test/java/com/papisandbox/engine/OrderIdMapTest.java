package com.papisandbox.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The order-id map against java.util's over random puts and removes, with ids clustered and colliding modulo its size. */
class OrderIdMapTest {

    @Provide
    Arbitrary<List<Long>> ops() {
        // positive: put that id (value = op count), negative: remove; ids from a dense window and from far apart
        Arbitrary<Long> dense = Arbitraries.longs().between(1, 3000);
        Arbitrary<Long> sparse = Arbitraries.longs().between(1, 40).map(k -> k * 1024 + 7);
        Arbitrary<Long> id = Arbitraries.oneOf(dense, sparse);
        return Arbitraries.oneOf(id, id.map(i -> -i)).list().ofMaxSize(3000);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void behavesLikeAHashMap(@ForAll("ops") List<Long> ops) {
        OrderIdMap map = new OrderIdMap(-1);
        Map<Long, Long> reference = new HashMap<>();
        long n = 0;
        for (long op : ops) {
            n++;
            if (op > 0) {
                map.put(op, n);
                reference.put(op, n);
            } else {
                map.remove(-op);
                reference.remove(-op);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (long id = 1; id <= 3000; id++) assertThat(map.get(id)).isEqualTo(reference.getOrDefault(id, -1L));
        for (long k = 1; k <= 40; k++) assertThat(map.get(k * 1024 + 7)).isEqualTo(reference.getOrDefault(k * 1024 + 7, -1L));
    }
}
