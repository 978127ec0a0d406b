package com.papisandbox.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trigger book: every strategy the engine remembers, the open (NEW) ones by book in id order, the triggered
 * ones by the order they placed, and the closed ones oldest first for the history queries. It keeps no rules
 * beyond that; {@link StrategyDesk} decides.
 */
final class ConditionalOrders {
    static final long FIRST_STRATEGY_ID = 1_000_000L;
    /** allOrders and orderHistory forget CANCELED and EXPIRED strategies this long after they closed (spec §6.9). */
    static final long CLOSED_VISIBILITY_MS = 7L * 24 * 60 * 60 * 1000;
    /** How many closed strategies are remembered at most. */
    static final int CLOSED_CAP = 100_000;

    private final List<List<Strategy>> openByBook = new ArrayList<>();
    private int openCount;
    /** Open strategies per account and book index (derived from the open lists): the order path counts them. */
    private final Map<Long, int[]> openByAccount = new HashMap<>();
    private final TreeMap<Long, Strategy> byId = new TreeMap<>();
    /** The newest strategy of an account with a client strategy id, by "accountId/clientStrategyId". */
    private final Map<String, Strategy> latestByClientId = new HashMap<>();
    private final Map<Long, Strategy> byOrder = new HashMap<>();
    private final ArrayDeque<Strategy> closed = new ArrayDeque<>();
    long nextStrategyId = FIRST_STRATEGY_ID;

    ConditionalOrders(int books) {
        for (int i = 0; i < books; i++) openByBook.add(new ArrayList<>());
    }

    /** Open strategies over all books: 0 lets the engine skip trigger checks at the cost of one comparison. */
    int openCount() {
        return openCount;
    }

    List<Strategy> open(int bookIndex) {
        return openByBook.get(bookIndex);
    }

    int books() {
        return openByBook.size();
    }

    int openCount(long accountId, OrderBook book) {
        int[] counts = openByAccount.get(accountId);
        return counts == null ? 0 : counts[book.index];
    }

    boolean hasOpen(long accountId) {
        return openByAccount.containsKey(accountId);
    }

    /** The account's open strategies, in id order, of one book or all (null). */
    List<Strategy> openOf(long accountId, OrderBook book) {
        List<Strategy> out = new ArrayList<>();
        for (List<Strategy> list : book == null ? openByBook : List.of(openByBook.get(book.index))) {
            for (Strategy s : list) if (s.accountId == accountId) out.add(s);
        }
        // each book's list is in id order; several books need merging
        if (book == null) out.sort(java.util.Comparator.comparingLong(s -> s.strategyId));
        return out;
    }

    void add(Strategy s) {
        byId.put(s.strategyId, s);
        latestByClientId.put(key(s.accountId, s.clientStrategyId), s);
        if (s.status == StrategyStatus.NEW) {
            openByBook.get(s.book.index).add(s);
            openCount++;
            openByAccount.computeIfAbsent(s.accountId, k -> new int[openByBook.size()])[s.book.index]++;
        } else if (s.status == StrategyStatus.TRIGGERED) {
            byOrder.put(s.orderId, s);
        }
    }

    Strategy byId(long strategyId) {
        return byId.get(strategyId);
    }

    Strategy latest(long accountId, String clientStrategyId) {
        return latestByClientId.get(key(accountId, clientStrategyId));
    }

    Collection<Strategy> all() {
        return byId.values();
    }

    /** Strategy of an open order it placed, or null. */
    Strategy ofOrder(long orderId) {
        return byOrder.isEmpty() ? null : byOrder.get(orderId);
    }

    boolean tracksOrders() {
        return !byOrder.isEmpty();
    }

    /** It placed {@code order}: TRIGGERED until the order is final. */
    void triggered(Strategy s, Order order, long timestamp) {
        removeOpen(s);
        s.status = StrategyStatus.TRIGGERED;
        s.orderId = order.orderId;
        s.order = order;
        s.triggerTime = timestamp;
        s.updateTime = timestamp;
        byOrder.put(order.orderId, s);
    }

    /** The strategy whose order just became final, now FINISHED; null if the order is no strategy's. */
    Strategy orderFinal(Order order, long timestamp) {
        Strategy s = byOrder.remove(order.orderId);
        if (s == null) return null;
        s.orderStatus = order.status;
        s.order = null;
        s.status = StrategyStatus.FINISHED;
        s.updateTime = timestamp;
        retire(s, timestamp);
        return s;
    }

    /** An open strategy closes without an order (CANCELED, EXPIRED). */
    void close(Strategy s, StrategyStatus status, long timestamp) {
        removeOpen(s);
        s.status = status;
        s.updateTime = timestamp;
        retire(s, timestamp);
    }

    private void removeOpen(Strategy s) {
        if (!openByBook.get(s.book.index).remove(s)) return;
        openCount--;
        int[] counts = openByAccount.get(s.accountId);
        counts[s.book.index]--;
        for (int n : counts) if (n != 0) return;
        openByAccount.remove(s.accountId);
    }

    private void retire(Strategy s, long now) {
        closed.addLast(s);
        while (closed.size() > CLOSED_CAP) forget(closed.pollFirst());
        // closed strategies join in time order, so the forgettable ones sit at the front
        while (!closed.isEmpty() && forgotten(closed.peekFirst(), now)) forget(closed.pollFirst());
    }

    private void forget(Strategy s) {
        byId.remove(s.strategyId);
        latestByClientId.remove(key(s.accountId, s.clientStrategyId), s);
    }

    /** A CANCELED or EXPIRED strategy closed over 7 days ago: no query finds it any more. */
    static boolean forgotten(Strategy s, long now) {
        return (s.status == StrategyStatus.CANCELED || s.status == StrategyStatus.EXPIRED) && now - s.updateTime > CLOSED_VISIBILITY_MS;
    }

    private static String key(long accountId, String clientStrategyId) {
        return accountId + "/" + clientStrategyId;
    }

    void write(SnapshotBuffer.Out out, Listings listings) {
        out.writeLong(nextStrategyId);
        out.writeInt(byId.size());
        for (Strategy s : byId.values()) {
            out.writeLong(s.strategyId);
            out.writeLong(s.accountId);
            out.writeInt(listings.idOf(s.instrument().symbol()));
            out.writeString(s.clientStrategyId);
            out.writeByte(Codes.of(s.type));
            out.writeByte(Codes.of(s.side));
            out.writeByte(Codes.of(s.positionSide));
            out.writeByte(Codes.of(s.timeInForce));
            out.writeLong(s.quantity);
            out.writeLong(s.price);
            out.writeLong(s.stopPrice);
            out.writeBoolean(s.reduceOnly);
            out.writeByte(Codes.of(s.workingType));
            out.writeBoolean(s.priceProtect);
            out.writeLong(s.activationPrice);
            out.writeInt(s.callbackRate);
            out.writeLong(s.bookTime);
            out.writeBoolean(s.activated);
            out.writeLong(s.extremeE8);
            out.writeByte(Codes.of(s.status));
            out.writeLong(s.updateTime);
            out.writeLong(s.orderId);
            out.writeByte(Codes.ofNullable(s.orderStatus));
            out.writeLong(s.triggerTime);
        }
        out.writeInt(closed.size());
        for (Strategy s : closed) out.writeLong(s.strategyId);
    }

    void read(SnapshotBuffer.In in, Engine engine) {
        nextStrategyId = in.readLong();
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            long strategyId = in.readLong();
            long accountId = in.readLong();
            int listing = in.readInt();
            if (listing < 0 || listing >= engine.listings().size()) throw new IllegalArgumentException("snapshot strategy names an unknown listing");
            OrderBook book = engine.bookOfListing(listing);
            Strategy s = new Strategy(strategyId, accountId, book, in.readString(), Codes.strategyType(in.readByte()),
                    Codes.side(in.readByte()), Codes.positionSide(in.readByte()), Codes.timeInForce(in.readByte()), in.readLong(),
                    in.readLong(), in.readLong(), in.readBoolean(), Codes.workingType(in.readByte()), in.readBoolean(), in.readLong(),
                    in.readInt(), in.readLong());
            s.activated = in.readBoolean();
            s.extremeE8 = in.readLong();
            s.status = Codes.strategyStatus(in.readByte());
            s.updateTime = in.readLong();
            s.orderId = in.readLong();
            s.orderStatus = Codes.orderStatusOrNull(in.readByte());
            s.triggerTime = in.readLong();
            if (engine.account(accountId) == null) throw new IllegalArgumentException("snapshot strategy " + strategyId + " has no account");
            if (s.status == StrategyStatus.TRIGGERED) {
                s.order = engine.order(s.orderId);
                if (s.order == null || !s.order.status.isOpen()) throw new IllegalArgumentException("snapshot strategy " + strategyId + " lost its order");
            }
            add(s);
        }
        int closedCount = in.readInt();
        for (int k = 0; k < closedCount; k++) {
            Strategy s = byId.get(in.readLong());
            if (s == null || s.status == StrategyStatus.NEW || s.status == StrategyStatus.TRIGGERED) {
                throw new IllegalArgumentException("snapshot strategy history names an open or missing strategy");
            }
            closed.addLast(s);
        }
    }
}
