package com.papisandbox.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    private static final int FORMAT = 2;

    private EngineSnapshot() {
    }

    public static byte[] write(Engine engine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(engine.nextOrderIdCounter());
            out.writeLong(engine.nextTradeIdCounter());
            out.writeLong(engine.nextAccountIdCounter());
            Collection<Account> accounts = engine.accounts();
            out.writeInt(accounts.size());
            for (Account a : accounts) {
                out.writeLong(a.accountId);
                out.writeUTF(a.apiKey);
                writeLongString(out, a.credential);
                out.writeInt(a.balances.size());
                for (Map.Entry<String, BigDecimal> b : new TreeMap<>(a.balances).entrySet()) {
                    out.writeUTF(b.getKey());
                    out.writeUTF(b.getValue().toPlainString());
                }
                Map<String, Long> positions = a.positions();
                out.writeInt(positions.size());
                for (Map.Entry<String, Long> p : positions.entrySet()) {
                    out.writeUTF(p.getKey());
                    out.writeLong(p.getValue());
                }
            }
            List<Order> orders = engine.ordersInIdOrder();
            out.writeInt(orders.size());
            for (Order o : orders) {
                out.writeLong(o.orderId);
                out.writeLong(o.accountId);
                out.writeUTF(o.instrument.symbol());
                out.writeUTF(o.clientOrderId);
                out.writeByte(o.side.ordinal());
                out.writeByte(o.type.ordinal());
                out.writeByte(o.timeInForce == null ? -1 : o.timeInForce.ordinal());
                out.writeByte(o.positionSide.ordinal());
                out.writeBoolean(o.reduceOnly);
                out.writeLong(o.price);
                out.writeLong(o.origQty);
                out.writeLong(o.time);
                out.writeLong(o.executedQty);
                out.writeUTF(o.cumBase.toString());
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Engine read(byte[] snapshot, Collection<Instrument> instruments, Consumer<Event> events) {
        return read(snapshot, instruments, events, Engine.DEFAULT_CLOSED_ORDER_CAP);
    }

    public static Engine read(byte[] snapshot, Collection<Instrument> instruments, Consumer<Event> events, int closedOrderCap) {
        Engine engine = new Engine(instruments, events, closedOrderCap);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalArgumentException("unknown snapshot format " + format);
            long nextOrderId = in.readLong();
            long nextTradeId = in.readLong();
            long nextAccountId = in.readLong();
            int accountCount = in.readInt();
            Map<Long, Account> accounts = new HashMap<>();
            for (int i = 0; i < accountCount; i++) {
                long id = in.readLong();
                String apiKey = in.readUTF();
                String credential = readLongString(in);
                int balanceCount = in.readInt();
                Map<String, BigDecimal> balances = new TreeMap<>();
                for (int b = 0; b < balanceCount; b++) balances.put(in.readUTF(), new BigDecimal(in.readUTF()));
                Account account = new Account(id, apiKey, credential, balances);
                int positionCount = in.readInt();
                for (int p = 0; p < positionCount; p++) account.positions.put(in.readUTF(), new long[]{in.readLong()});
                accounts.put(id, account);
                engine.restoreAccount(account);
            }
            int orderCount = in.readInt();
            Map<Long, Order> orders = new HashMap<>(orderCount * 2);
            List<Order> inIdOrder = new ArrayList<>(orderCount);
            for (int i = 0; i < orderCount; i++) {
                long orderId = in.readLong();
                long accountId = in.readLong();
                Instrument instrument = engine.instruments().get(in.readUTF());
                if (instrument == null) throw new IllegalArgumentException("snapshot names an unknown instrument");
                String clientOrderId = in.readUTF();
                Side side = Side.values()[in.readByte()];
                OrderType type = OrderType.values()[in.readByte()];
                int tif = in.readByte();
                PositionSide positionSide = PositionSide.values()[in.readByte()];
                boolean reduceOnly = in.readBoolean();
                long price = in.readLong();
                long origQty = in.readLong();
                long time = in.readLong();
                Order o = new Order(orderId, accountId, instrument, clientOrderId, side, type,
                        tif < 0 ? null : TimeInForce.values()[tif], positionSide, reduceOnly, price, origQty, time);
                o.executedQty = in.readLong();
                o.cumBase = new BigDecimal(in.readUTF());
                o.status = OrderStatus.values()[in.readByte()];
                o.updateTime = in.readLong();
                orders.put(orderId, o);
                inIdOrder.add(o);
                Account owner = accounts.get(accountId);
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
                        Order o = orders.get(in.readLong());
                        if (o == null || !o.status.isOpen()) throw new IllegalArgumentException("snapshot book names a closed or missing order");
                        book.rest(o);
                        open++;
                    }
                }
            }
            for (Order o : inIdOrder) {
                if (o.status.isOpen()) {
                    accounts.get(o.accountId).opened(o);
                    open--;
                }
            }
            if (open != 0) throw new IllegalArgumentException("snapshot books and open orders disagree");
            for (java.util.ArrayDeque<Order> history : List.of(engine.closedUnfilled(), engine.closedFilled())) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    Order o = orders.get(in.readLong());
                    if (o == null || o.status.isOpen()) throw new IllegalArgumentException("snapshot history names an open or missing order");
                    history.addLast(o);
                }
            }
            engine.restoreCounters(nextOrderId, nextTradeId, nextAccountId);
            if (in.read() != -1) throw new IllegalArgumentException("snapshot has trailing bytes");
        } catch (IOException e) {
            throw new IllegalArgumentException("snapshot is truncated or malformed: " + e.getMessage(), e);
        }
        return engine;
    }

    /** SHA-256 of the canonical snapshot, hex: equal iff the states are equal. */
    public static String stateHash(Engine engine) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(write(engine)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 20)) throw new IOException("bad string length " + n);
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }
}
