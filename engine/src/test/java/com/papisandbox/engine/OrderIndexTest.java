package com.papisandbox.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The paged index agrees with a sorted map under increasing puts and arbitrary removes, pages freed and all. */
class OrderIndexTest {
    private static Order order(long id) {
        return new Order(id, 1, new OrderBook(TestInstruments.btcPerp(), 0), "c" + id, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                PositionSide.BOTH, false, 600_000, 1, 0);
    }

    @Property(tries = 100)
    void behavesLikeASortedMap(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 9) Integer> ops,
                               @ForAll @IntRange(min = 0, max = 5000) int gap) {
        OrderIndex index = new OrderIndex(Engine.FIRST_ORDER_ID);
        TreeMap<Long, Order> reference = new TreeMap<>();
        long next = Engine.FIRST_ORDER_ID;
        for (int op : ops) {
            if (op < 5 || reference.isEmpty()) {
                Order o = order(next);
                next += op == 0 ? gap : 1; // sometimes jump, like ids consumed by forgotten orders
                index.put(o);
                reference.put(o.orderId, o);
            } else {
                long victim = op < 8 ? reference.firstKey() : new ArrayList<>(reference.keySet()).get(op % reference.size());
                index.remove(victim);
                reference.remove(victim);
            }
            assertThat(index.size()).isEqualTo(reference.size());
        }
        for (long id = Engine.FIRST_ORDER_ID; id <= next; id++) {
            assertThat(index.get(id)).isSameAs(reference.get(id));
        }
        List<Long> ids = new ArrayList<>();
        index.forEach(o -> ids.add(o.orderId));
        assertThat(ids).containsExactlyElementsOf(reference.keySet());
        assertThat(index.get(Engine.FIRST_ORDER_ID - 1)).isNull();
    }
}
