package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Every contract the engine ever listed, by listing id, and which one each book slot trades now. A delivered
 * quarterly's slot is taken by its successor (the per-slot arrays stay their size), while history rows keep
 * the listing id, so a fill of BTCUSD_261225 still shows that symbol after BTCUSD_270625 took its slot.
 * The instruments of the engine's start have listing id = slot.
 */
final class Listings {
    private final List<Instrument> all;
    private final List<Integer> slots = new ArrayList<>();
    private final java.util.Map<String, Integer> idBySymbol = new java.util.HashMap<>();
    private final int[] current;

    Listings(List<Instrument> initial) {
        all = new ArrayList<>(initial);
        current = new int[initial.size()];
        for (int i = 0; i < current.length; i++) {
            current[i] = i;
            slots.add(i);
            idBySymbol.put(initial.get(i).symbol(), i);
        }
    }

    /** The listing id of what slot {@code slot} trades now. */
    int current(int slot) {
        return current[slot];
    }

    Instrument get(int listing) {
        return all.get(listing);
    }

    int size() {
        return all.size();
    }

    /** Lists {@code instrument} in {@code slot}; returns its listing id. */
    int list(int slot, Instrument instrument) {
        all.add(instrument);
        slots.add(slot);
        current[slot] = all.size() - 1;
        idBySymbol.put(instrument.symbol(), current[slot]);
        return current[slot];
    }

    /** The listing id of a symbol ever listed. */
    int idOf(String symbol) {
        Integer id = idBySymbol.get(symbol);
        if (id == null) throw new IllegalArgumentException(symbol + " was never listed");
        return id;
    }

    /** The slot listing {@code listing} was listed in. */
    int slotOf(int listing) {
        return slots.get(listing);
    }
}
