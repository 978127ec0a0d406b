package com.papisandbox.server.stream;

import java.util.ArrayDeque;

/** Binance's limit on what a stream client sends: 10 messages in any second (spec-next §6.1). One per connection. */
final class MessageRate {
    static final int MAX_PER_SECOND = 10;
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

    /** Records a message; false once it is the 11th within a second. */
    boolean allow() {
        long now = System.nanoTime();
        arrivals.addLast(now);
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() > 1_000_000_000L) arrivals.pollFirst();
        return arrivals.size() <= MAX_PER_SECOND;
    }
}
