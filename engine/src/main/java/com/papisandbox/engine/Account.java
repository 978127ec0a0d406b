package com.papisandbox.engine;

import org.agrona.collections.Object2LongHashMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trading account: its credentials, wallets, positions, settings and open orders. Money is in the units of
 * {@link Money}; per-instrument state lives in arrays indexed by {@link OrderBook#index} (positions by
 * {@link #slot}: one per instrument and position side), so a fill touches no map and allocates nothing.
 */
public final class Account {
    static final long DEFAULT_MAKER_RATE = 15_000L;
    static final long DEFAULT_TAKER_RATE = 40_000L;

    final long accountId;
    final String apiKey;
    final String credential;
    /** The engine's margin coins (BTC, ETH, …) by coin index. */
    private final List<String> coins;
    /** CM wallet per margin coin, coin units (may go negative, as PM wallets do). */
    final long[] wallet;
    final long[] walletTime;
    /** Assets that margin no CM contract (e.g. USDT), coin units: shown by the balance endpoint only. */
    final Map<String, Long> otherAssets = new TreeMap<>();
    /** Per slot: signed contracts, signed cost in base units (CS × N / EP), opening fees still attributed (coin units), update time. */
    final long[] positionQty;
    final long[] positionCost;
    final long[] positionFee;
    final long[] positionTime;
    /** Per slot: realized PnL of all fills on it, before fees (coin units): ACCOUNT_UPDATE's {@code cr}. */
    final long[] positionRealized;
    final int[] leverage;
    boolean dualSide;
    long makerRate = DEFAULT_MAKER_RATE;
    long takerRate = DEFAULT_TAKER_RATE;
    /** Open orders' remaining contracts and base (at their limit price) per {@link #bucket}. */
    final long[] openQty;
    final long[] openBase;
    final TradeHistory trades = new TradeHistory();
    final IncomeHistory incomes = new IncomeHistory();
    /** The engine's instruments, by {@link OrderBook#index}: the per-instrument arrays below follow it. */
    private final List<Instrument> instruments;
    /** Open orders, oldest first: orders open in id order, so this is also id order. */
    Order openHead;
    Order openTail;
    int openTotal;
    /**
     * The id of the newest order per client order id (any symbol, open or not; 0 for none); older ones are
     * chained from it ({@link OrderMemory}). An open order is always the newest with its client order id (a
     * second one is refused while it is open), so this also finds open orders by client order id.
     */
    final Object2LongHashMap<String> latestByClientId = new Object2LongHashMap<>(0);
    /** Open orders per instrument. */
    private final int[] openCount;
    /** Whether a position on the instrument ever existed (for {@link #positions()}). */
    private final boolean[] hasPosition;
    /** Resting reduce-only orders, so fills need not scan accounts that have none. */
    int openReduceOnly;

    Account(long accountId, String apiKey, String credential, List<Instrument> instruments, List<String> coins) {
        this.accountId = accountId;
        this.apiKey = apiKey;
        this.credential = credential;
        this.instruments = instruments;
        this.coins = coins;
        int n = instruments.size();
        this.openCount = new int[n];
        this.hasPosition = new boolean[n];
        this.wallet = new long[coins.size()];
        this.walletTime = new long[coins.size()];
        this.positionQty = new long[n * 3];
        this.positionCost = new long[n * 3];
        this.positionFee = new long[n * 3];
        this.positionTime = new long[n * 3];
        this.positionRealized = new long[n * 3];
        this.leverage = new int[n];
        java.util.Arrays.fill(leverage, LeverageBrackets.DEFAULT_LEVERAGE);
        this.openQty = new long[n * 6];
        this.openBase = new long[n * 6];
    }

    /** Sets the opening balances: margin coins into their wallets, other assets aside. */
    void deposit(Map<String, Long> balances) {
        for (Map.Entry<String, Long> b : balances.entrySet()) {
            int coin = coins.indexOf(b.getKey());
            if (coin >= 0) wallet[coin] = b.getValue();
            else if (b.getValue() != 0) otherAssets.put(b.getKey(), b.getValue());
        }
    }

    public long accountId() { return accountId; }
    public String apiKey() { return apiKey; }
    public String credential() { return credential; }
    public boolean dualSidePosition() { return dualSide; }
    /** Commission rates in rate units (1e-8). */
    public long makerRate() { return makerRate; }
    public long takerRate() { return takerRate; }

    /** Every non-zero balance (CM wallets and other assets) as plain decimals (10, 0.5), sorted by asset. */
    public Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> result = new TreeMap<>();
        for (int c = 0; c < wallet.length; c++) if (wallet[c] != 0) result.put(coins.get(c), plain(wallet[c]));
        otherAssets.forEach((asset, units) -> result.put(asset, plain(units)));
        return result;
    }

    private static BigDecimal plain(long units) {
        BigDecimal d = Money.coin(units).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** The CM wallet of a margin coin in coin units (0 for other assets). */
    public long walletUnits(String coin) {
        int c = coins.indexOf(coin);
        return c < 0 ? 0 : wallet[c];
    }

    /** The position slot of an instrument and position side. */
    static int slot(int instrument, PositionSide side) {
        return instrument * 3 + Codes.of(side);
    }

    /** The open-order bucket of an instrument, position side and order side. */
    static int bucket(int instrument, PositionSide positionSide, Side side) {
        return slot(instrument, positionSide) * 2 + (side == Side.BUY ? 0 : 1);
    }

    /** The one-way position (BOTH) in contracts. */
    long position(OrderBook book) {
        return positionQty[slot(book.index, PositionSide.BOTH)];
    }

    long position(OrderBook book, PositionSide side) {
        return positionQty[slot(book.index, side)];
    }

    /** Net positions (all position sides) by symbol, sorted, zero positions included once they existed. */
    public Map<String, Long> positions() {
        Map<String, Long> result = new TreeMap<>();
        for (int i = 0; i < hasPosition.length; i++) {
            if (hasPosition[i]) result.put(instruments.get(i).symbol(), positionQty[i * 3] + positionQty[i * 3 + 1] + positionQty[i * 3 + 2]);
        }
        return result;
    }

    boolean hasAnyPosition() {
        for (long q : positionQty) if (q != 0) return true;
        return false;
    }

    void touchPosition(int instrument) {
        hasPosition[instrument] = true;
    }

    /**
     * The instrument's slot now trades a newly listed contract: delivery closed its positions and cancelled its
     * orders, so only the settings remain, and a new contract starts with the defaults.
     */
    void relist(int instrument) {
        for (int s = instrument * 3; s < instrument * 3 + 3; s++) {
            if (positionQty[s] != 0) throw new IllegalStateException("relisting slot " + instrument + " with an open position");
            positionCost[s] = 0;
            positionFee[s] = 0;
            positionTime[s] = 0;
            positionRealized[s] = 0;
        }
        if (openCount[instrument] != 0) throw new IllegalStateException("relisting slot " + instrument + " with open orders");
        leverage[instrument] = LeverageBrackets.DEFAULT_LEVERAGE;
        hasPosition[instrument] = false;
    }

    boolean everHadPosition(int instrument) {
        return hasPosition[instrument];
    }

    /** Open orders, oldest first. */
    public List<Order> openOrderList() {
        List<Order> result = new ArrayList<>(openTotal);
        for (Order o = openHead; o != null; o = o.accountNext) result.add(o);
        return result;
    }

    void opened(Order order) {
        if (order.onlyReduces()) openReduceOnly++;
        addOpen(order, order.remainingQty());
        order.accountPrev = openTail;
        order.accountNext = null;
        if (openTail == null) openHead = order; else openTail.accountNext = order;
        openTail = order;
        openTotal++;
        openCount[order.book.index]++;
    }

    void closed(Order order) {
        if (order.onlyReduces()) openReduceOnly--;
        addOpen(order, -order.remainingQty());
        if (order.accountPrev == null) openHead = order.accountNext; else order.accountPrev.accountNext = order.accountNext;
        if (order.accountNext == null) openTail = order.accountPrev; else order.accountNext.accountPrev = order.accountPrev;
        order.accountPrev = null;
        order.accountNext = null;
        openTotal--;
        openCount[order.book.index]--;
    }

    int openCount(OrderBook book) {
        return openCount[book.index];
    }

    /** A resting order's remainder went from {@code before} to its current remainder. */
    void openFilled(Order order, long before) {
        addOpen(order, -before);
        addOpen(order, order.remainingQty());
    }

    /** Takes an open order's remainder out of the open-order margin (a modify is about to change it). */
    void unbook(Order order) {
        addOpen(order, -order.remainingQty());
    }

    /** Puts a modified open order's remainder back into the open-order margin. */
    void rebook(Order order) {
        addOpen(order, order.remainingQty());
    }

    /**
     * Books (qty > 0) or unbooks (qty < 0: its whole remainder) an open order's remainder. The order keeps the
     * base it booked, so unbooking subtracts exactly that, without a division.
     */
    private void addOpen(Order order, long qty) {
        if (qty == 0) return;
        int b = bucket(order.book.index, order.positionSide, order.side);
        openQty[b] += qty;
        if (qty > 0) {
            order.bookedBase = ContractMath.base(order.book.instrument(), qty, order.price);
            openBase[b] += order.bookedBase;
        } else {
            openBase[b] -= order.bookedBase;
            order.bookedBase = 0;
        }
    }
}
