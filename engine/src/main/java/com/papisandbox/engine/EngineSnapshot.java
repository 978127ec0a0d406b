package com.papisandbox.engine;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The whole engine state as bytes, in a canonical order (accounts by id, orders by id, each book's
 * queue in priority order), so equal states give equal bytes: the SHA-256 of a snapshot is the state
 * hash that replay tests compare. Derived indexes (client ids, open counts) are rebuilt on restore.
 */
public final class EngineSnapshot {
    /** 5 adds the house market and the market data (tapes, klines, book update ids) at the end. */
    private static final int FORMAT = 5;
    /** Format 4 had no market section; it is still read (with empty market data). */
    private static final int FORMAT_WITHOUT_MARKET = 4;
    /** Format 3 had no amendments section either; it is still read (as no amendments). */
    private static final int FORMAT_WITHOUT_AMENDMENTS = 3;

    private EngineSnapshot() {
    }

    public static byte[] write(Engine engine) {
        SnapshotBuffer.Out out = new SnapshotBuffer.Out();
        {
            out.writeInt(FORMAT);
            out.writeLong(engine.nextOrderIdCounter());
            out.writeLong(engine.nextTradeIdCounter());
            out.writeLong(engine.nextAccountIdCounter());
            Collection<Account> accounts = engine.accounts();
            out.writeInt(accounts.size());
            for (Account a : accounts) {
                out.writeLong(a.accountId);
                out.writeString(a.apiKey);
                out.writeString(a.credential);
                out.writeInt(a.balances.size());
                for (Map.Entry<String, BigDecimal> b : new TreeMap<>(a.balances).entrySet()) {
                    out.writeString(b.getKey());
                    out.writeString(b.getValue().toPlainString());
                }
                Map<String, Long> positions = a.positions();
                out.writeInt(positions.size());
                for (Map.Entry<String, Long> p : positions.entrySet()) {
                    out.writeString(p.getKey());
                    out.writeLong(p.getValue());
                }
            }
            List<Order> orders = engine.ordersInIdOrder();
            out.writeInt(orders.size());
            for (Order o : orders) {
                out.writeLong(o.orderId);
                out.writeLong(o.accountId);
                out.writeString(o.book.instrument().symbol());
                out.writeString(o.clientOrderId);
                out.writeByte(o.side.ordinal());
                out.writeByte(o.type.ordinal());
                out.writeByte(o.timeInForce == null ? -1 : o.timeInForce.ordinal());
                out.writeByte(o.positionSide.ordinal());
                out.writeBoolean(o.reduceOnly);
                out.writeLong(o.price);
                out.writeLong(o.origQty);
                out.writeLong(o.time);
                out.writeLong(o.executedQty);
                out.writeString(o.cumBase.toString());
                out.writeByte(o.status.ordinal());
                out.writeLong(o.updateTime);
            }
            for (Instrument instrument : engine.instruments().values()) {
                OrderBook book = engine.book(instrument.symbol());
                for (Side side : Side.values()) {
                    List<Order> queue = book.orders(side);
                    out.writeInt(queue.size());
                    for (Order o : queue) out.writeLong(o.orderId);
                }
            }
            for (java.util.ArrayDeque<Order> history : List.of(engine.closedUnfilled(), engine.closedFilled())) {
                out.writeInt(history.size());
                for (Order o : history) out.writeLong(o.orderId);
            }
            engine.amendmentLog().write(out);
            engine.house().write(out);
            engine.marketData().write(out, books(engine));
        }
        return out.toByteArray();
    }

    public static Engine read(byte[] snapshot, Collection<Instrument> instruments, Consumer<Event> events) {
        return read(snapshot, instruments, events, Engine.DEFAULT_CLOSED_ORDER_CAP);
    }

    public static Engine read(byte[] snapshot, Collection<Instrument> instruments, Consumer<Event> events, int closedOrderCap) {
        Engine engine = new Engine(instruments, events, closedOrderCap);
        if (snapshot.length < 4) throw new IllegalArgumentException("snapshot is truncated");
        try {
            SnapshotBuffer.In in = new SnapshotBuffer.In(snapshot);
            int format = in.readInt();
            if (format != FORMAT && format != FORMAT_WITHOUT_MARKET && format != FORMAT_WITHOUT_AMENDMENTS) {
                throw new IllegalArgumentException("unknown snapshot format " + format);
            }
            long nextOrderId = in.readLong();
            long nextTradeId = in.readLong();
            long nextAccountId = in.readLong();
            int accountCount = in.readInt();
            for (int i = 0; i < accountCount; i++) {
                long id = in.readLong();
                String apiKey = in.readString();
                String credential = in.readString();
                int balanceCount = in.readInt();
                Map<String, BigDecimal> balances = new TreeMap<>();
                for (int b = 0; b < balanceCount; b++) balances.put(in.readString(), new BigDecimal(in.readString()));
                Account account = engine.newAccount(id, apiKey, credential, balances);
                int positionCount = in.readInt();
                for (int p = 0; p < positionCount; p++) {
                    OrderBook book = engine.book(in.readString());
                    if (book == null) throw new IllegalArgumentException("snapshot position names an unknown instrument");
                    account.restorePosition(book, in.readLong());
                }
                engine.restoreAccount(account);
            }
            int orderCount = in.readInt();
            List<Order> inIdOrder = new ArrayList<>(orderCount);
            for (int i = 0; i < orderCount; i++) {
                long orderId = in.readLong();
                long accountId = in.readLong();
                OrderBook book = engine.book(in.readString());
                if (book == null) throw new IllegalArgumentException("snapshot names an unknown instrument");
                String clientOrderId = in.readString();
                Side side = Side.values()[in.readByte()];
                OrderType type = OrderType.values()[in.readByte()];
                int tif = in.readByte();
                PositionSide positionSide = PositionSide.values()[in.readByte()];
                boolean reduceOnly = in.readBoolean();
                long price = in.readLong();
                long origQty = in.readLong();
                long time = in.readLong();
                Order o = new Order(orderId, accountId, book, clientOrderId, side, type,
                        tif < 0 ? null : TimeInForce.values()[tif], positionSide, reduceOnly, price, origQty, time);
                o.executedQty = in.readLong();
                String cumBase = in.readString();
                o.cumBase = cumBase.equals("0") ? BigDecimal.ZERO : new BigDecimal(cumBase);
                o.status = OrderStatus.values()[in.readByte()];
                o.updateTime = in.readLong();
                inIdOrder.add(o);
                Account owner = engine.account(accountId);
                if (owner == null) throw new IllegalArgumentException("snapshot order " + orderId + " has no account");
                owner.placed(o);
            }
            engine.restoreOrders(inIdOrder);
            int open = 0;
            for (Instrument instrument : engine.instruments().values()) {
                OrderBook book = engine.book(instrument.symbol());
                for (Side side : Side.values()) {
                    int resting = in.readInt();
                    for (int i = 0; i < resting; i++) {
                        Order o = engine.order(in.readLong());
                        if (o == null || !o.status.isOpen()) throw new IllegalArgumentException("snapshot book names a closed or missing order");
                        book.rest(o);
                        open++;
                    }
                }
            }
            for (Order o : inIdOrder) {
                if (o.status.isOpen()) {
                    engine.account(o.accountId).opened(o);
                    open--;
                }
            }
            if (open != 0) throw new IllegalArgumentException("snapshot books and open orders disagree");
            for (java.util.ArrayDeque<Order> history : List.of(engine.closedUnfilled(), engine.closedFilled())) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    Order o = engine.order(in.readLong());
                    if (o == null || o.status.isOpen()) throw new IllegalArgumentException("snapshot history names an open or missing order");
                    history.addLast(o);
                }
            }
            if (format >= FORMAT_WITHOUT_MARKET) engine.amendmentLog().read(in, engine);
            if (format == FORMAT) {
                engine.house().read(in);
                engine.marketData().read(in, engine);
            }
            engine.restoreCounters(nextOrderId, nextTradeId, nextAccountId);
            if (!in.atEnd()) throw new IllegalArgumentException("snapshot has trailing bytes");
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("snapshot is truncated or malformed", e);
        }
        return engine;
    }

    /** The books in instrument order (the order snapshots write them in). */
    static List<OrderBook> books(Engine engine) {
        List<OrderBook> books = new ArrayList<>();
        for (Instrument instrument : engine.instruments().values()) books.add(engine.book(instrument.symbol()));
        return books;
    }

    /** SHA-256 of the canonical snapshot, hex: equal iff the states are equal. */
    public static String stateHash(Engine engine) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(write(engine)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


}
