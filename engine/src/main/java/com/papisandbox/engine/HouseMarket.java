package com.papisandbox.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The house market maker: on every {@link Command.Requote} it moves the symbol's reference price and
 * keeps a ladder of {@code levels} orders a side around it, on a fixed price grid, so a requote only
 * cancels the levels that left the ladder (or were traded) and places the ones that joined it. Its orders
 * go through the engine's normal place and cancel paths, so a user order the ladder crosses trades at
 * once. The house account's closed orders are forgotten at once (nobody can query them), so the house
 * adds nothing to the order history or to snapshots beyond its open ladder.
 */
final class HouseMarket {
    private final Engine engine;
    private final List<OrderBook> books;
    private long houseAccountId;
    private int levels;
    private long levelQty;
    private long spreadPpm;
    /** Reference price (price units) and when it last moved, by book index; 0 = not known yet. */
    private final long[] referencePrice;
    private final long[] referenceTime;

    HouseMarket(Engine engine, List<OrderBook> books) {
        this.engine = engine;
        this.books = books;
        this.referencePrice = new long[books.size()];
        this.referenceTime = new long[books.size()];
    }

    long referencePrice(OrderBook book) {
        return referencePrice[book.index];
    }

    long referenceTime(OrderBook book) {
        return referenceTime[book.index];
    }

    /** A new contract in slot {@code i}: not quoted until the market sends its first requote. */
    void relist(int i) {
        referencePrice[i] = 0;
        referenceTime[i] = 0;
    }

    boolean owns(Order order) {
        return ownsAccount(order.accountId);
    }

    boolean ownsAccount(long accountId) {
        return houseAccountId != 0 && accountId == houseAccountId;
    }

    Result configure(Command.ConfigureHouse c, long timestamp) {
        if (c.houseAccountId() != 0 && engine.account(c.houseAccountId()) == null) {
            return new Result.Rejected(Reject.UNKNOWN_ACCOUNT);
        }
        boolean changed = c.houseAccountId() != houseAccountId || c.levels() != levels
                || c.levelQty() != levelQty || c.spreadPpm() != spreadPpm;
        if (!changed) return new Result.HouseConfigured(false);
        if (houseAccountId != 0 && houseAccountId != c.houseAccountId()) {
            for (OrderBook book : books) {
                engine.execute(new Command.CancelAllOrders(houseAccountId, book.instrument().symbol()), timestamp);
            }
        }
        houseAccountId = c.houseAccountId();
        levels = c.levels();
        levelQty = c.levelQty();
        spreadPpm = c.spreadPpm();
        return new Result.HouseConfigured(true);
    }

    Result requote(Command.Requote c, long timestamp) {
        OrderBook book = engine.book(c.symbol());
        if (book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
        long price = c.referencePrice();
        if (price <= 0) return new Result.Rejected(Reject.PRICE_LESS_THAN_ZERO);
        boolean moved = referencePrice[book.index] != price;
        if (moved) {
            referencePrice[book.index] = price;
            referenceTime[book.index] = timestamp;
        }
        // The mark and index follow the reference before the ladder moves, so its orders pass PERCENT_PRICE.
        // a mark an admin set elsewhere comes back to the reference: a change the journal must see too
        if (engine.followReference(book, price)) moved = true;
        Account house = houseAccountId == 0 ? null : engine.account(houseAccountId);
        if (house == null) return new Result.Requoted(price, 0, 0, moved);
        Ladder ladder = new Ladder(book.instrument(), price);

        List<Order> leaving = new ArrayList<>();
        for (Order o = house.openHead; o != null; o = o.accountNext) {
            if (o.book == book && !ladder.keeps(o)) leaving.add(o);
        }
        for (Order o : leaving) {
            engine.execute(new Command.CancelOrder(houseAccountId, c.symbol(), o.orderId, null), timestamp);
        }
        boolean[] bidPresent = new boolean[levels];
        boolean[] askPresent = new boolean[levels];
        for (Order o = house.openHead; o != null; o = o.accountNext) {
            if (o.book != book) continue;
            if (o.side == Side.BUY) bidPresent[ladder.bidLevel(o.price)] = true;
            else askPresent[ladder.askLevel(o.price)] = true;
        }
        int placed = place(book, Side.BUY, ladder, bidPresent, timestamp) + place(book, Side.SELL, ladder, askPresent, timestamp);
        return new Result.Requoted(price, placed, leaving.size(), moved || placed > 0 || !leaving.isEmpty());
    }

    /** See {@link Command.Print}. */
    Result print(Command.Print c, long timestamp) {
        OrderBook book = engine.book(c.symbol());
        if (book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
        if (houseAccountId == 0) return new Result.Rejected(Reject.UNKNOWN_ACCOUNT);
        Instrument instrument = book.instrument();
        if (c.price() <= 0 || OrderFilters.check(instrument, OrderType.LIMIT, c.price(), c.quantity()) != null) {
            return new Result.Rejected(Reject.INVALID_VALUE);
        }
        requote(new Command.Requote(c.symbol(), c.price()), timestamp);
        // what the new ladder did not take: user bids at or above the price, asks at or below it
        sweep(book, Side.SELL, c.price(), timestamp);
        sweep(book, Side.BUY, c.price(), timestamp);
        // the print itself: the house meets itself at the price (its position nets to nothing)
        Result rest = engine.execute(new Command.PlaceOrder(houseAccountId, c.symbol(), Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                PositionSide.BOTH, false, c.price(), c.quantity(), "house_print_rest"), timestamp);
        if (rest instanceof Result.OrderResult) {
            engine.execute(new Command.PlaceOrder(houseAccountId, c.symbol(), Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
                    PositionSide.BOTH, false, c.price(), c.quantity(), "house_print_take"), timestamp);
        }
        return Result.Done.CHANGED;
    }

    /** The house takes, as {@code side}, every resting order crossing {@code price}, at their own prices. */
    private void sweep(OrderBook book, Side side, long price, long timestamp) {
        Instrument instrument = book.instrument();
        long step = Math.max(1, instrument.stepSize());
        long max = instrument.maxQty() - instrument.maxQty() % step;
        for (int i = 0; i < 1000; i++) {
            long available = book.availableQty(side, price, OrderType.LIMIT, Long.MAX_VALUE);
            if (available <= 0) return;
            long qty = Math.min(available, max);
            Result r = engine.execute(new Command.PlaceOrder(houseAccountId, instrument.symbol(), side, OrderType.LIMIT, TimeInForce.IOC,
                    PositionSide.BOTH, false, price, qty, "house_print_sweep"), timestamp);
            if (!(r instanceof Result.OrderResult filled) || filled.order().executedQty() == 0) return;
        }
    }

    /** Places the missing levels of one side, from the touch outward. */
    private int place(OrderBook book, Side side, Ladder ladder, boolean[] present, long timestamp) {
        Instrument instrument = book.instrument();
        int placed = 0;
        for (int k = 0; k < levels; k++) {
            if (present[k]) continue;
            long price = side == Side.BUY ? ladder.bestBid - k * ladder.step : ladder.bestAsk + k * ladder.step;
            if (price <= 0 || price < instrument.minPrice() || (instrument.maxPrice() > 0 && price > instrument.maxPrice())) continue;
            // client order ids are unique per account across symbols: two books' ladders may share a price
            String clientOrderId = "house_" + book.index + (side == Side.BUY ? 'B' : 'S') + price;
            Result r = engine.execute(new Command.PlaceOrder(houseAccountId, instrument.symbol(), side, OrderType.LIMIT,
                    TimeInForce.GTC, PositionSide.BOTH, false, price, ladder.qty(price), clientOrderId), timestamp);
            if (r.changedState()) placed++;
        }
        return placed;
    }

    /** The ladder for one reference price: the grid points strictly below it (bids) and above it (asks). */
    private final class Ladder {
        final Instrument instrument;
        final long step;
        final long bestBid;
        final long bestAsk;

        Ladder(Instrument instrument, long reference) {
            this.instrument = instrument;
            this.step = gridStep(instrument, reference, spreadPpm);
            this.bestBid = ((reference - 1) / step) * step;
            this.bestAsk = (reference / step + 1) * step;
        }

        int bidLevel(long price) {
            return (int) ((bestBid - price) / step);
        }

        int askLevel(long price) {
            return (int) ((price - bestAsk) / step);
        }

        /** True if a resting house order is still a full, untraded level of this ladder. */
        boolean keeps(Order o) {
            if (o.executedQty != 0 || o.price % step != 0 || o.origQty != qty(o.price)) return false;
            long level = o.side == Side.BUY ? bestBid - o.price : o.price - bestAsk;
            return level >= 0 && level / step < levels;
        }

        /**
         * A level's size varies around levelQty (half to one and a half times) by a hash of its price, so
         * the book looks organic, yet a level keeps its size while it stays in the ladder.
         */
        long qty(long price) {
            long z = price * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            long q = levelQty / 2 + Math.floorMod(z, levelQty + 1);
            long stepSize = instrument.stepSize();
            q -= q % stepSize;
            return Math.max(q, Math.max(instrument.minQty(), stepSize));
        }
    }

    /**
     * The grid step: spreadPpm millionths of the price, rounded down to 1, 2 or 5 times a power of ten
     * ticks (at least one tick), so it changes only when the price moves by a large factor.
     */
    static long gridStep(Instrument instrument, long price, long spreadPpm) {
        long tick = Math.max(1, instrument.tickSize());
        long ticks = price / tick * spreadPpm / 1_000_000;
        long nice = 1;
        for (long decade = 1; decade <= ticks; decade *= 10) {
            for (long m : new long[]{1, 2, 5}) {
                if (m * decade <= ticks) nice = m * decade;
            }
            if (decade > Long.MAX_VALUE / 10) break;
        }
        return nice * tick;
    }

    void write(SnapshotBuffer.Out out) {
        out.writeLong(houseAccountId);
        out.writeInt(levels);
        out.writeLong(levelQty);
        out.writeLong(spreadPpm);
        out.writeInt(books.size());
        for (OrderBook book : books) {
            out.writeString(book.instrument().symbol());
            out.writeLong(referencePrice[book.index]);
            out.writeLong(referenceTime[book.index]);
        }
    }

    void read(SnapshotBuffer.In in) {
        houseAccountId = in.readLong();
        levels = in.readInt();
        levelQty = in.readLong();
        spreadPpm = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            OrderBook book = engine.book(in.readString());
            if (book == null) throw new IllegalArgumentException("snapshot house market names an unknown instrument");
            referencePrice[book.index] = in.readLong();
            referenceTime[book.index] = in.readLong();
        }
    }
}
