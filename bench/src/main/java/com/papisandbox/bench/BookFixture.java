package com.papisandbox.bench;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Engine;
import com.papisandbox.engine.Event;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.TimeInForce;
import com.papisandbox.server.InstrumentCatalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * An {@link Engine} with a pre-filled BTCUSD_PERP book of {@code size} resting orders, the way a busy
 * sandbox looks: both sides, spread over {@link #LEVELS} price levels per side (1,000 USD each way of
 * 60,000.0), denser near the touch, owned by many accounts ({@link #PER_ACCOUNT} orders each, half of
 * Binance's MAX_NUM_ORDERS of 200, so an account always has room for one more).
 *
 * <p>Every resting order sits in a <em>slot</em>: slot {@code s} belongs to account {@code s / PER_ACCOUNT}
 * and has a fixed side and price. Benchmarks that remove orders re-place them into the same slot, so the
 * book keeps its size and shape for the whole run. All resting orders have quantity 1, so a taker of
 * quantity 1 fills exactly one maker.
 *
 * <p>Only the engine's public API is used (commands in, results and events out), as the engine thread
 * uses it.
 */
public final class BookFixture {
    public static final String SYMBOL = "BTCUSD_PERP";
    /**
     * How many closed orders of each kind the engine remembers: the engine's default, or
     * {@code -Dbench.closedOrderCap=N} (JMH: {@code -jvmArgsAppend -Dbench.closedOrderCap=N}) to measure
     * what the closed-order history costs.
     */
    static final int CLOSED_ORDER_CAP = Integer.getInteger("bench.closedOrderCap", Engine.DEFAULT_CLOSED_ORDER_CAP);
    /** 60,000.0 USD in price units of 0.1. */
    public static final long MID = 600_000;
    /** Price levels per side: bids 59,999.9 down to 59,000.0, asks 60,000.1 up to 61,000.0. */
    public static final int LEVELS = 10_000;
    public static final int PER_ACCOUNT = 100;
    /**
     * Rich accounts at 1x (set in {@link #open}): the same maker orders are filled and re-placed millions of
     * times, so their positions only grow; this way the ledger's margin and leverage checks never refuse them.
     */
    private static final Map<String, BigDecimal> BALANCES = Map.of("BTC", new BigDecimal("1000000"));
    /** Client order ids per position in an account and generation: reused, so per-account maps stay small. */
    private static final String[][] SLOT_CLIENT_IDS = new String[2][PER_ACCOUNT];
    static final String[] TRANSIENT_CLIENT_IDS = new String[200];

    static {
        for (int j = 0; j < PER_ACCOUNT; j++) {
            SLOT_CLIENT_IDS[0][j] = "slot-a-" + j;
            SLOT_CLIENT_IDS[1][j] = "slot-b-" + j;
        }
        for (int j = 0; j < TRANSIENT_CLIENT_IDS.length; j++) TRANSIENT_CLIENT_IDS[j] = "transient-" + j;
    }

    public final Engine engine;
    public final Instrument instrument;
    public final int size;
    /** Accounts that own no slot: for orders placed and removed within one benchmark step, and for takers. */
    public final long transientAccount;
    public final long takerAccount;

    final long[] accountIds;
    final long[] slotPrice;
    final boolean[] slotBuy;
    final long[] slotOrderId;
    final byte[] slotGeneration;
    /** Maps orderId - FIRST_ORDER_ID to its slot (-1 for orders not in a slot); grows with the order ids. */
    private int[] slotOfOrder;
    /** Maker order ids filled since {@link #clearFilledMakers()}, captured from the engine's events. */
    private final long[] filledMakers = new long[4096];
    private int filledMakerCount;
    private long clock = 1_750_000_000_000L;

    public BookFixture(int size, long seed) {
        this.size = size;
        this.instrument = InstrumentCatalog.bundled().instruments().stream()
                .filter(i -> i.symbol().equals(SYMBOL)).findFirst().orElseThrow();
        this.engine = new Engine(InstrumentCatalog.bundled().instruments(), new MakerCapture(), CLOSED_ORDER_CAP);
        int accounts = (size + PER_ACCOUNT - 1) / PER_ACCOUNT;
        accountIds = new long[accounts];
        for (int a = 0; a < accounts; a++) accountIds[a] = open("bench-maker-" + a);
        transientAccount = open("bench-transient");
        takerAccount = open("bench-taker");

        slotPrice = new long[size];
        slotBuy = new boolean[size];
        slotOrderId = new long[size];
        slotGeneration = new byte[size];
        slotOfOrder = new int[Math.max(1024, size * 2)];
        Arrays.fill(slotOfOrder, -1);
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < size; s++) {
            boolean buy = random.nextBoolean();
            slotBuy[s] = buy;
            slotPrice[s] = randomPrice(random, buy);
            place(s);
        }
        if (engine.book(SYMBOL).restingCount() != size) {
            throw new IllegalStateException("book has " + engine.book(SYMBOL).restingCount() + " orders, expected " + size);
        }
    }

    /** A price {@code 1 + k} ticks away from {@link #MID}, k in [0, LEVELS), quadratically denser near the touch. */
    static long randomPrice(SplittableRandom random, boolean buy) {
        double u = random.nextDouble();
        int k = (int) (LEVELS * u * u);
        return buy ? MID - 1 - k : MID + 1 + k;
    }

    private long open(String key) {
        Result r = engine.execute(new Command.OpenAccount(key, "secret-" + key, BALANCES), nextTimestamp());
        long id = ((Result.AccountOpened) r).accountId();
        Result leverage = engine.execute(new Command.SetLeverage(id, SYMBOL, 1), nextTimestamp());
        if (!(leverage instanceof Result.LeverageSet)) throw new IllegalStateException("leverage refused: " + leverage);
        return id;
    }

    public long nextTimestamp() {
        return clock++;
    }

    /** The command that (re-)places slot {@code s}'s order, in its next generation of client order id. */
    Command.PlaceOrder placeCommand(int s) {
        byte generation = (byte) (slotGeneration[s] ^ 1);
        slotGeneration[s] = generation;
        return new Command.PlaceOrder(accountIds[s / PER_ACCOUNT], SYMBOL, slotBuy[s] ? Side.BUY : Side.SELL,
                OrderType.LIMIT, TimeInForce.GTC, PositionSide.BOTH, false, slotPrice[s], 1,
                SLOT_CLIENT_IDS[generation][s % PER_ACCOUNT]);
    }

    /** Executes a place command for slot {@code s} and records the new order id. */
    long placed(int s, Result result) {
        long orderId = orderId(result);
        slotOrderId[s] = orderId;
        long index = orderId - Engine.FIRST_ORDER_ID;
        if (index >= slotOfOrder.length) {
            int old = slotOfOrder.length;
            slotOfOrder = Arrays.copyOf(slotOfOrder, (int) Math.max(index + 1, old * 2L));
            Arrays.fill(slotOfOrder, old, slotOfOrder.length, -1);
        }
        slotOfOrder[(int) index] = s;
        return orderId;
    }

    /** (Re-)places slot {@code s}'s order outside any measurement. */
    long place(int s) {
        return placed(s, engine.execute(placeCommand(s), nextTimestamp()));
    }

    Command.CancelOrder cancelCommand(int s) {
        return new Command.CancelOrder(accountIds[s / PER_ACCOUNT], SYMBOL, slotOrderId[s], null);
    }

    int slotOf(long orderId) {
        return slotOfOrder[(int) (orderId - Engine.FIRST_ORDER_ID)];
    }

    static long orderId(Result result) {
        if (result instanceof Result.OrderResult o) return o.order().orderId();
        throw new IllegalStateException("engine refused: " + result);
    }

    void clearFilledMakers() {
        filledMakerCount = 0;
    }

    int filledMakerCount() {
        return filledMakerCount;
    }

    long filledMaker(int i) {
        return filledMakers[i];
    }

    public int restingCount() {
        return engine.book(SYMBOL).restingCount();
    }

    /** A benchmark's random source: slots in shuffled order (distinct within any window of {@code size}). */
    int[] shuffledSlots(long seed) {
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) slots[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = slots[i];
            slots[i] = slots[j];
            slots[j] = t;
        }
        return slots;
    }

    /** The engine's event sink: remembers which makers were filled, does nothing else. */
    private final class MakerCapture implements Consumer<Event> {
        @Override
        public void accept(Event event) {
            if (event instanceof Event.Traded t && t.maker() && t.remainingQty() == 0
                    && filledMakerCount < filledMakers.length) {
                filledMakers[filledMakerCount++] = t.orderId();
            }
        }
    }
}
