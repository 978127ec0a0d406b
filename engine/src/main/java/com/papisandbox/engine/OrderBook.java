package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The resting orders of one instrument, shared by all accounts, in price-time priority. Resting an order
 * at an existing price and removing one that does not empty its level are O(1) (see {@link BookSide});
 * a level that appears or empties costs O(log levels).
 */
public final class OrderBook {
    /** What the book reports for each match, in the order the matches happen. */
    public interface MatchListener {
        /** {@code base} is the fill's coin value (1e-13); {@code makerRemainingBefore} the maker's remainder before it. */
        void onMatch(Order maker, Order taker, long qty, long price, long base, long makerRemainingBefore);
    }

    private final Instrument instrument;
    /** The book's position in its engine's instrument list: accounts keep per-instrument counters by it. */
    final int index;
    private final BookSide bids = new BookSide(true);
    private final BookSide asks = new BookSide(false);
    private int restingCount;
    /**
     * Counts every change to the book (an order rests, leaves or is filled), for depth's lastUpdateId;
     * {@link #updateTime} is when the last one happened.
     */
    private long updateId;
    private long updateTime;
    /** Which level each recent update touched, for the diff-depth streams; logged only once one follows the book. */
    private BookChanges changes;

    OrderBook(Instrument instrument, int index) {
        this.instrument = instrument;
        this.index = index;
    }

    public Instrument instrument() {
        return instrument;
    }

    public int restingCount() {
        return restingCount;
    }

    public long updateId() {
        return updateId;
    }

    public long updateTime() {
        return updateTime;
    }

    /** Rests an order in the command that placed or last filled it (so its updateTime is now). */
    void rest(Order order) {
        side(order.side).levelForRest(order.price).append(order);
        restingCount++;
        ++updateId;
        if (changes != null) changes.record(updateId, order.side, order.price);
        updateTime = order.updateTime;
    }

    void remove(Order order, long timestamp) {
        PriceLevel level = order.level;
        if (level == null) {
            throw new IllegalStateException("order is not resting: " + order);
        }
        level.remove(order);
        restingCount--;
        ++updateId;
        if (changes != null) changes.record(updateId, order.side, level.price);
        updateTime = timestamp;
        if (level.isEmpty()) {
            side(order.side).removeEmpty(level);
        }
    }

    void restoreUpdate(long id, long time) {
        updateId = id;
        updateTime = time;
    }

    /** True if an order at {@code price} on {@code side} would trade at once against the book. */
    boolean wouldCross(Side side, long price, OrderType type) {
        PriceLevel best = side(side.opposite()).best();
        return best != null && crosses(side, price, type, best.price);
    }

    /** The quantity the opposite side offers at prices acceptable to the order, counted up to {@code needed}. */
    long availableQty(Side side, long price, OrderType type, long needed) {
        long available = 0;
        for (PriceLevel level : side(side.opposite()).inPriorityOrder()) {
            if (!crosses(side, price, type, level.price)) break;
            for (Order o = level.head; o != null; o = o.next) {
                available += o.remainingQty();
                if (available >= needed) return available;
            }
        }
        return available;
    }

    /** Trades {@code taker} against the opposite side until it is filled or no longer crosses. */
    void match(Order taker, long timestamp, MatchListener listener) {
        BookSide opposite = side(taker.side.opposite());
        while (taker.remainingQty() > 0) {
            PriceLevel level = opposite.best();
            if (level == null || !crosses(taker.side, taker.price, taker.type, level.price)) return;
            while (level.head != null && taker.remainingQty() > 0) {
                Order maker = level.head;
                long qty = Math.min(maker.remainingQty(), taker.remainingQty());
                // one base for both sides: what one account gains in coin exposure the other gives up
                long base = ContractMath.base(instrument, qty, level.price);
                long makerRemainingBefore = maker.remainingQty();
                maker.fill(qty, base, timestamp);
                taker.fill(qty, base, timestamp);
                ++updateId;
                if (changes != null) changes.record(updateId, maker.side, level.price);
                updateTime = timestamp;
                if (maker.remainingQty() == 0) {
                    level.remove(maker);
                    restingCount--;
                }
                listener.onMatch(maker, taker, qty, level.price, base, makerRemainingBefore);
            }
            if (level.isEmpty()) {
                opposite.removeEmpty(level);
            }
        }
    }

    /** Resting orders of one side, best price first, time priority within a price. */
    public List<Order> orders(Side side) {
        List<Order> result = new ArrayList<>();
        for (PriceLevel level : side(side).inPriorityOrder()) {
            for (Order o = level.head; o != null; o = o.next) result.add(o);
        }
        return result;
    }

    /** Best price of a side in price units, or 0 when the side is empty (allocation-free). */
    long bestPriceOrZero(Side side) {
        PriceLevel best = side(side).best();
        return best == null ? 0 : best.price;
    }

    /** Best price of a side in price units, or empty. */
    public OptionalLong bestPrice(Side side) {
        PriceLevel best = side(side).best();
        return best == null ? OptionalLong.empty() : OptionalLong.of(best.price);
    }

    /**
     * Starts logging which level each update touches (for good: the log is a fixed ring of 1 MB, made now), so a diff-depth
     * stream can start here; a book nobody streams pays nothing for it.
     */
    public void follow() {
        if (changes == null) changes = new BookChanges();
    }

    /**
     * The levels the updates after {@code since} touched, with their quantity now (0: gone), or null when
     * the change log no longer reaches back that far.
     */
    MarketView.DepthChanges changesSince(long since, long now) {
        if (since > updateId) since = updateId;
        if (changes == null || !changes.covers(since, updateId)) return null;
        int[] bidCount = new int[1];
        long[] touched = changes.touched(since, updateId, bidCount);
        return new MarketView.DepthChanges(instrument, since + 1, updateId, since, now, updateTime,
                quantities(Side.BUY, touched, 0, bidCount[0]), quantities(Side.SELL, touched, bidCount[0], touched.length));
    }

    /** The quantity now at each touched price in {@code from..to} (asks negated there). */
    private List<MarketView.Level> quantities(Side side, long[] touched, int from, int to) {
        List<MarketView.Level> result = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            long price = Math.abs(touched[i]);
            PriceLevel level = side(side).level(price);
            long qty = 0;
            if (level != null) for (Order o = level.head; o != null; o = o.next) qty += o.remainingQty();
            result.add(new MarketView.Level(price, qty));
        }
        return result;
    }

    /** The top {@code limit} levels of a side, best first, with the total quantity resting at each. */
    List<MarketView.Level> levels(Side side, int limit) {
        List<MarketView.Level> result = new ArrayList<>(Math.min(limit, 64));
        for (PriceLevel level : side(side).inPriorityOrder()) {
            if (result.size() == limit) break;
            long qty = 0;
            for (Order o = level.head; o != null; o = o.next) qty += o.remainingQty();
            result.add(new MarketView.Level(level.price, qty));
        }
        return result;
    }

    private static boolean crosses(Side takerSide, long takerPrice, OrderType takerType, long makerPrice) {
        if (takerType == OrderType.MARKET) return true;
        return takerSide == Side.BUY ? makerPrice <= takerPrice : makerPrice >= takerPrice;
    }

    private BookSide side(Side side) {
        return side == Side.BUY ? bids : asks;
    }
}
