package com.papisandbox.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole engine state as bytes, in a canonical order (accounts by id, orders by id, each book's
 * queue in priority order, history rows oldest first), so equal states give equal bytes: the SHA-256 of a
 * snapshot is the state hash that replay tests compare. Derived indexes (client ids, open counts, open-order
 * margin buckets) are rebuilt on restore. Enums are written as the explicit codes of {@link Codes}.
 */
public final class EngineSnapshot {
    /**
     * 6: the ledger (wallets as coin units, positions per side, settings, prices, histories, fee pool), explicit
     * enum codes, the amendments, and the house market and market data (tapes, klines, book update ids) at
     * the end. 9 adds the conditional orders after them; an 8 reads as one without any. Older snapshots are not
     * read: recovery then replays the journal, which is never pruned.
     */
    private static final int FORMAT = 9;
    private static final int FORMAT_WITHOUT_STRATEGIES = 8;

    /** The closed-order histories in the order snapshots write them: without fills, then with. */
    private static final int[] HISTORIES = {ClosedOrders.UNFILLED, ClosedOrders.FILLED};

    private EngineSnapshot() {
    }

    public static byte[] write(Engine engine) {
        SnapshotBuffer.Out out = new SnapshotBuffer.Out();
        out.writeInt(FORMAT);
        out.writeLong(engine.nextOrderIdCounter());
        out.writeLong(engine.nextTradeIdCounter());
        out.writeLong(engine.nextAccountIdCounter());
        out.writeLong(engine.ledger().nextTranId);
        out.writeLong(engine.timeEvents().nextFunding);
        // contracts listed since the start (quarterly rolls), so the slots below name what they trade now
        Listings listings = engine.listings();
        int initial = engine.instrumentsByIndex().size();
        out.writeInt(listings.size() - initial);
        for (int k = initial; k < listings.size(); k++) {
            Instrument listed = listings.get(k);
            out.writeInt(listings.slotOf(k));
            out.writeString(listed.symbol());
            out.writeString(listed.contractType());
            out.writeLong(listed.deliveryDate());
            out.writeLong(listed.onboardDate());
        }
        List<Instrument> instruments = engine.instrumentsByIndex();
        out.writeInt(instruments.size());
        MarketPrices prices = engine.prices();
        for (int i = 0; i < instruments.size(); i++) {
            out.writeString(instruments.get(i).symbol());
            out.writeLong(prices.mark[i]);
            out.writeLong(prices.index[i]);
            out.writeLong(prices.fundingRate[i]);
            out.writeLong(prices.lastPrice[i]);
            out.writeBoolean(prices.delivered[i]);
        }
        List<String> coins = engine.coins();
        out.writeInt(coins.size());
        for (int c = 0; c < coins.size(); c++) {
            out.writeString(coins.get(c));
            out.writeLong(engine.ledger().feePool[c]);
            out.writeLong(engine.ledger().dust[c]);
        }
        Collection<Account> accounts = engine.accounts();
        out.writeInt(accounts.size());
        for (Account a : accounts) writeAccount(out, a, instruments.size(), coins.size());
        List<Order> orders = engine.ordersInIdOrder();
        out.writeInt(orders.size());
        for (Order o : orders) {
            out.writeLong(o.orderId);
            out.writeLong(o.accountId);
            // the listing, not the slot: a delivered contract's closed orders keep its symbol
            out.writeInt(engine.listings().idOf(o.book.instrument().symbol()));
            out.writeString(o.clientOrderId);
            out.writeByte(Codes.of(o.side));
            out.writeByte(Codes.of(o.type));
            out.writeByte(Codes.of(o.timeInForce));
            out.writeByte(Codes.of(o.positionSide));
            out.writeBoolean(o.reduceOnly);
            out.writeLong(o.price);
            out.writeLong(o.origQty);
            out.writeLong(o.time);
            out.writeLong(o.executedQty);
            out.writeLong(o.cumBase);
            out.writeByte(Codes.of(o.status));
            out.writeLong(o.updateTime);
        }
        for (Instrument instrument : instruments) {
            OrderBook book = engine.book(instrument.symbol());
            for (Side side : Side.values()) {
                List<Order> queue = book.orders(side);
                out.writeInt(queue.size());
                for (Order o : queue) out.writeLong(o.orderId);
            }
        }
        for (int kind : HISTORIES) {
            out.writeInt(engine.orderMemory().historySize(kind));
            engine.orderMemory().forEachHistoryId(kind, out::writeLong);
        }
        engine.amendmentLog().write(out);
        engine.house().write(out);
        engine.marketData().write(out, books(engine));
        engine.conditionals().write(out, engine.listings());
        return out.toByteArray();
    }

    private static void writeAccount(SnapshotBuffer.Out out, Account a, int instruments, int coins) {
        out.writeLong(a.accountId);
        out.writeString(a.apiKey);
        out.writeString(a.credential);
        out.writeBoolean(a.dualSide);
        out.writeLong(a.makerRate);
        out.writeLong(a.takerRate);
        for (int c = 0; c < coins; c++) {
            out.writeLong(a.wallet[c]);
            out.writeLong(a.walletTime[c]);
        }
        out.writeInt(a.otherAssets.size());
        for (Map.Entry<String, Long> e : a.otherAssets.entrySet()) {
            out.writeString(e.getKey());
            out.writeLong(e.getValue());
        }
        // only instruments the account ever touched: untouched ones are all defaults
        int touched = 0;
        for (int i = 0; i < instruments; i++) if (touched(a, i)) touched++;
        out.writeInt(touched);
        for (int i = 0; i < instruments; i++) {
            if (!touched(a, i)) continue;
            out.writeInt(i);
            out.writeInt(a.leverage[i]);
            out.writeBoolean(a.everHadPosition(i));
            for (int s = i * 3; s < i * 3 + 3; s++) {
                out.writeLong(a.positionQty[s]);
                out.writeLong(a.positionCost[s]);
                out.writeLong(a.positionFee[s]);
                out.writeLong(a.positionTime[s]);
                out.writeLong(a.positionRealized[s]);
            }
        }
        TradeHistory t = a.trades;
        out.writeInt(t.size());
        for (int k = 0; k < t.size(); k++) {
            int s = t.slot(k);
            out.writeLong(t.tradeId[s]);
            out.writeLong(t.orderId[s]);
            out.writeInt(t.instrument[s]);
            out.writeByte(Codes.of(t.side(s)));
            out.writeByte(Codes.of(t.positionSide(s)));
            out.writeBoolean(t.maker(s));
            out.writeLong(t.price[s]);
            out.writeLong(t.qty[s]);
            out.writeLong(t.realizedPnl[s]);
            out.writeLong(t.base[s]);
            out.writeLong(t.commission[s]);
            out.writeLong(t.time[s]);
        }
        IncomeHistory h = a.incomes;
        out.writeInt(h.size());
        for (int k = 0; k < h.size(); k++) {
            int s = h.slot(k);
            out.writeLong(h.tranId[s]);
            out.writeLong(h.time[s]);
            out.writeInt(h.instrument[s]);
            out.writeInt(h.coin[s]);
            out.writeByte(h.type[s]);
            out.writeLong(h.amount[s]);
            out.writeLong(h.tradeId[s]);
        }
    }

    private static boolean touched(Account a, int i) {
        if (a.everHadPosition(i) || a.leverage[i] != LeverageBrackets.DEFAULT_LEVERAGE) return true;
        for (int s = i * 3; s < i * 3 + 3; s++) if (a.positionQty[s] != 0 || a.positionTime[s] != 0) return true;
        return false;
    }

    public static Engine read(byte[] snapshot, Collection<Instrument> instruments, Consumer<Event> events) {
        return read(snapshot, instruments, events, Engine.DEFAULT_CLOSED_ORDER_CAP);
    }

    /** The instruments must be those the snapshot was taken with, in the same order (their symbols are checked). */
    public static Engine read(byte[] snapshot, Collection<Instrument> instruments, Consumer<Event> events, int closedOrderCap) {
        Engine engine = new Engine(instruments, events, closedOrderCap);
        if (snapshot.length < 4) throw new IllegalArgumentException("snapshot is truncated");
        try {
            SnapshotBuffer.In in = new SnapshotBuffer.In(snapshot);
            int format = in.readInt();
            if (format != FORMAT && format != FORMAT_WITHOUT_STRATEGIES) throw new IllegalArgumentException("unknown snapshot format " + format);
            long nextOrderId = in.readLong();
            long nextTradeId = in.readLong();
            long nextAccountId = in.readLong();
            engine.ledger().nextTranId = in.readLong();
            engine.timeEvents().nextFunding = in.readLong();
            int rolls = in.readInt();
            if (rolls < 0) throw new IllegalArgumentException("snapshot has a negative listing count");
            for (int k = 0; k < rolls; k++) {
                int slot = index(in.readInt(), engine.instrumentsByIndex().size());
                Instrument template = engine.instrumentsByIndex().get(slot);
                engine.restoreListing(slot, template.listedAs(in.readString(), in.readString(), in.readLong(), in.readLong()));
            }
            List<Instrument> byIndex = engine.instrumentsByIndex();
            int instrumentCount = in.readInt();
            if (instrumentCount != byIndex.size()) throw new IllegalArgumentException("snapshot has other instruments");
            MarketPrices prices = engine.prices();
            for (int i = 0; i < instrumentCount; i++) {
                if (!in.readString().equals(byIndex.get(i).symbol())) throw new IllegalArgumentException("snapshot has other instruments");
                prices.mark[i] = in.readLong();
                prices.index[i] = in.readLong();
                prices.fundingRate[i] = in.readLong();
                prices.lastPrice[i] = in.readLong();
                prices.delivered[i] = in.readBoolean();
            }
            int coinCount = in.readInt();
            if (coinCount != engine.coins().size()) throw new IllegalArgumentException("snapshot has other margin coins");
            for (int c = 0; c < coinCount; c++) {
                if (!in.readString().equals(engine.coins().get(c))) throw new IllegalArgumentException("snapshot has other margin coins");
                engine.ledger().feePool[c] = in.readLong();
                engine.ledger().dust[c] = in.readLong();
            }
            int accountCount = in.readInt();
            for (int i = 0; i < accountCount; i++) engine.restoreAccount(readAccount(in, engine, instrumentCount, coinCount));
            int orderCount = in.readInt();
            OrderMemory memory = engine.orderMemory();
            // every order in id order; the closed ones become rows in their history sections below
            Map<Long, Order> byId = new HashMap<>();
            List<Order> inIdOrder = new ArrayList<>(orderCount);
            long previousId = 0;
            for (int i = 0; i < orderCount; i++) {
                long orderId = in.readLong();
                if (orderId <= previousId) throw new IllegalArgumentException("snapshot orders are not in id order");
                previousId = orderId;
                long accountId = in.readLong();
                int listing = index(in.readInt(), engine.listings().size());
                OrderBook book = engine.bookOfListing(listing);
                String clientOrderId = in.readString();
                Side side = Codes.side(in.readByte());
                OrderType type = Codes.orderType(in.readByte());
                TimeInForce tif = Codes.timeInForce(in.readByte());
                PositionSide positionSide = Codes.positionSide(in.readByte());
                boolean reduceOnly = in.readBoolean();
                long price = in.readLong();
                long origQty = in.readLong();
                long time = in.readLong();
                Order o = new Order(orderId, accountId, book, clientOrderId, side, type, tif, positionSide, reduceOnly, price,
                        origQty, time);
                o.executedQty = in.readLong();
                o.cumBase = in.readLong();
                o.status = Codes.orderStatus(in.readByte());
                o.updateTime = in.readLong();
                inIdOrder.add(o);
                byId.put(orderId, o);
                Account owner = engine.account(accountId);
                if (owner == null) throw new IllegalArgumentException("snapshot order " + orderId + " has no account");
                memory.restore(owner, o, byId::get);
            }
            int open = 0;
            for (Instrument instrument : byIndex) {
                OrderBook book = engine.book(instrument.symbol());
                for (Side side : Side.values()) {
                    int resting = in.readInt();
                    for (int i = 0; i < resting; i++) {
                        Order o = byId.get(in.readLong());
                        if (o == null || !o.status.isOpen()) throw new IllegalArgumentException("snapshot book names a closed or missing order");
                        book.rest(o);
                        open++;
                    }
                }
            }
            int closed = 0;
            for (Order o : inIdOrder) {
                if (o.status.isOpen()) {
                    engine.account(o.accountId).opened(o);
                    open--;
                } else {
                    closed++;
                }
            }
            if (open != 0) throw new IllegalArgumentException("snapshot books and open orders disagree");
            for (int kind : HISTORIES) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    long orderId = in.readLong();
                    Order o = byId.remove(orderId);
                    if (o == null || o.status.isOpen()) throw new IllegalArgumentException("snapshot history names an open or missing order");
                    memory.restoreClosed(o, engine.listings().idOf(o.book.instrument().symbol()), kind);
                    closed--;
                }
            }
            if (closed != 0) throw new IllegalArgumentException("snapshot has closed orders outside the histories");
            engine.amendmentLog().read(in, memory);
            engine.house().read(in);
            engine.marketData().read(in, engine);
            if (format >= FORMAT) engine.conditionals().read(in, engine);
            engine.restoreCounters(nextOrderId, nextTradeId, nextAccountId);
            if (!in.atEnd()) throw new IllegalArgumentException("snapshot has trailing bytes");
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("snapshot is truncated or malformed", e);
        }
        return engine;
    }

    private static Account readAccount(SnapshotBuffer.In in, Engine engine, int instruments, int coins) {
        Account a = engine.newAccount(in.readLong(), in.readString(), in.readString());
        a.dualSide = in.readBoolean();
        a.makerRate = in.readLong();
        a.takerRate = in.readLong();
        for (int c = 0; c < coins; c++) {
            a.wallet[c] = in.readLong();
            a.walletTime[c] = in.readLong();
        }
        int others = in.readInt();
        for (int k = 0; k < others; k++) a.otherAssets.put(in.readString(), in.readLong());
        int touched = in.readInt();
        for (int k = 0; k < touched; k++) {
            int i = index(in.readInt(), instruments);
            a.leverage[i] = in.readInt();
            if (in.readBoolean()) a.touchPosition(i);
            for (int s = i * 3; s < i * 3 + 3; s++) {
                a.positionQty[s] = in.readLong();
                a.positionCost[s] = in.readLong();
                a.positionFee[s] = in.readLong();
                a.positionTime[s] = in.readLong();
                a.positionRealized[s] = in.readLong();
            }
        }
        int trades = in.readInt();
        for (int k = 0; k < trades; k++) {
            long tradeId = in.readLong();
            long orderId = in.readLong();
            int instrument = index(in.readInt(), engine.listings().size());
            Side side = Codes.side(in.readByte());
            PositionSide positionSide = Codes.positionSide(in.readByte());
            boolean maker = in.readBoolean();
            a.trades.add(tradeId, orderId, instrument, side, positionSide, maker, in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong());
        }
        int incomes = in.readInt();
        for (int k = 0; k < incomes; k++) {
            long tranId = in.readLong();
            long time = in.readLong();
            int instrument = in.readInt();
            if (instrument != -1) index(instrument, engine.listings().size());
            int coin = index(in.readInt(), coins);
            IncomeType type = IncomeType.ofCode(in.readByte());
            a.incomes.add(tranId, time, instrument, coin, type, in.readLong(), in.readLong());
        }
        return a;
    }

    private static int index(int i, int size) {
        if (i < 0 || i >= size) throw new IllegalArgumentException("snapshot index out of range: " + i);
        return i;
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
