package com.papisandbox.engine;

import java.util.List;
import java.util.function.Consumer;

/**
 * Moves money: positions, realized PnL, commission, funding and delivery settlement, with their history rows
 * and events. Every move conserves coin exactly (spec-next §9.13): per margin coin,
 * {@code Σ wallets × 1e5 + Σ position costs + fee pool × 1e5 + dust} never changes except by deposits, where
 * a position's cost is CS × N / EP in base units (negative for shorts) and the dust is what cutting realized
 * PnL to 8 dp and flooring bases leaves over (base units).
 */
final class Ledger {
    private final List<Instrument> instruments;
    /** History rows name the listing, not the slot, so they keep their symbol after a roll. */
    private final Listings listings;
    private final List<String> coins;
    /** The margin coin index of each instrument. */
    final int[] coinOf;
    /** Commission collected (coin units) and rounding dust (base units) per coin. */
    final long[] feePool;
    final long[] dust;
    long nextTranId = 1;
    /** Null when nobody listens; set after recovery, so a replay publishes nothing. */
    private Consumer<Event> events;

    /** What the last {@link #fill} booked, for the caller's event. */
    long lastCommission;
    long lastRealized;

    Ledger(List<Instrument> instruments, Listings listings, List<String> coins, Consumer<Event> events) {
        this.instruments = instruments;
        this.listings = listings;
        this.coins = coins;
        this.coinOf = new int[instruments.size()];
        for (int i = 0; i < coinOf.length; i++) coinOf[i] = coins.indexOf(instruments.get(i).marginAsset());
        this.feePool = new long[coins.size()];
        this.dust = new long[coins.size()];
        this.events = events;
    }

    /**
     * Books one side of a fill of {@code qty} contracts at {@code price} worth {@code base} base units: closes
     * what the order's side closes (realized PnL on the closed part at the entry cost), opens the rest, and
     * charges commission at the account's maker or taker rate.
     */
    void fill(Account a, Order order, long qty, long price, long base, boolean maker, long tradeId, long time) {
        int i = order.book.index;
        Instrument instrument = order.book.instrument();
        int slot = Account.slot(i, order.positionSide);
        int coin = coinOf[i];
        long sign = order.side.sign();
        long n = a.positionQty[slot];
        long cost = a.positionCost[slot];
        long closing = n != 0 && Long.signum(n) != sign ? Math.min(qty, Math.abs(n)) : 0;
        long realized = 0;
        long closedBase = closing == qty ? base : ContractMath.base(instrument, closing, price);
        if (closing > 0) {
            long absN = Math.abs(n);
            long closedCost = closing == absN ? cost : MulDiv.towardZero(cost, closing, absN);
            long closedFee = closing == absN ? a.positionFee[slot] : MulDiv.towardZero(a.positionFee[slot], closing, absN);
            long realizedBase = closedCost - Long.signum(n) * closedBase;
            realized = Money.cutToCoin(realizedBase);
            dust[coin] = Math.addExact(dust[coin], realizedBase - realized * Money.BASE_PER_COIN_UNIT);
            n += sign * closing;
            cost -= closedCost;
            a.positionFee[slot] -= closedFee;
        }
        long commission = Money.timesRate(base, maker ? a.makerRate : a.takerRate);
        if (qty > closing) {
            n += sign * (qty - closing);
            cost = Math.addExact(cost, sign * (base - closedBase));
            // the opening share of the commission, for the break-even price
            a.positionFee[slot] += closing == 0 ? commission : MulDiv.towardZero(commission, qty - closing, qty);
        }
        a.positionQty[slot] = n;
        a.positionCost[slot] = cost;
        a.positionTime[slot] = time;
        a.positionRealized[slot] = Math.addExact(a.positionRealized[slot], realized);
        a.touchPosition(i);
        long change = realized - commission;
        a.wallet[coin] = Math.addExact(a.wallet[coin], change);
        a.walletTime[coin] = time;
        feePool[coin] = Math.addExact(feePool[coin], commission);
        a.trades.add(tradeId, order.orderId, listings.current(i), order.side, order.positionSide, maker, price, qty, realized, base, commission, time);
        if (closing > 0) a.incomes.add(nextTranId++, time, listings.current(i), coin, IncomeType.REALIZED_PNL, realized, tradeId);
        if (commission != 0) a.incomes.add(nextTranId++, time, listings.current(i), coin, IncomeType.COMMISSION, -commission, tradeId);
        lastCommission = commission;
        lastRealized = realized;
        if (events != null) {
            events.accept(new Event.Settled(order.orderId, a.accountId, tradeId, instrument.symbol(), order.side,
                    order.positionSide, maker, commission, coins.get(coin), realized));
            events.accept(new Event.AccountUpdated(a.accountId, Event.Reason.ORDER, coins.get(coin), a.wallet[coin], change,
                    instrument.symbol(), order.positionSide, n, cost, time));
        }
    }

    void listen(Consumer<Event> listener) {
        this.events = listener;
    }

    /** Pays one funding of a perpetual at {@code markE8} and {@code rate}: longs pay shorts when the rate is positive. */
    void fund(List<Account> accounts, int i, long markE8, long rate, long time) {
        if (markE8 <= 0 || rate == 0) return;
        Instrument instrument = instruments.get(i);
        int coin = coinOf[i];
        for (Account a : accounts) {
            for (PositionSide side : PositionSide.values()) {
                int slot = Account.slot(i, side);
                long n = a.positionQty[slot];
                if (n == 0) continue;
                long notional = ContractMath.baseAtE8(instrument, Math.abs(n), markE8);
                long amount = -Long.signum(n) * Money.timesRate(notional, rate);
                if (amount == 0) continue;
                a.wallet[coin] = Math.addExact(a.wallet[coin], amount);
                a.walletTime[coin] = time;
                // what rounding leaves unmatched between payers and receivers stays with the house
                feePool[coin] = Math.subtractExact(feePool[coin], amount);
                a.incomes.add(nextTranId++, time, listings.current(i), coin, IncomeType.FUNDING_FEE, amount, 0);
                if (events != null) {
                    events.accept(new Event.AccountUpdated(a.accountId, Event.Reason.FUNDING_FEE, coins.get(coin), a.wallet[coin],
                            amount, instrument.symbol(), side, n, a.positionCost[slot], time));
                }
            }
        }
    }

    /** Closes every position of a delivered contract at the settlement price (1e-8 USD), without commission. */
    void deliver(List<Account> accounts, int i, long settlementE8, long time) {
        Instrument instrument = instruments.get(i);
        int coin = coinOf[i];
        for (Account a : accounts) {
            for (PositionSide side : PositionSide.values()) {
                int slot = Account.slot(i, side);
                long n = a.positionQty[slot];
                if (n == 0) continue;
                long value = ContractMath.baseAtE8(instrument, Math.abs(n), settlementE8);
                long realizedBase = a.positionCost[slot] - Long.signum(n) * value;
                long realized = Money.cutToCoin(realizedBase);
                // the cut-off remainder, and the settlement value that no counterparty's fill takes over: summed
                // over all positions (Σ N = 0) the values cancel but for each one's flooring
                dust[coin] = Math.addExact(dust[coin], realizedBase - realized * Money.BASE_PER_COIN_UNIT + Long.signum(n) * value);
                a.wallet[coin] = Math.addExact(a.wallet[coin], realized);
                a.walletTime[coin] = time;
                a.positionQty[slot] = 0;
                a.positionCost[slot] = 0;
                a.positionFee[slot] = 0;
                a.positionTime[slot] = time;
                a.incomes.add(nextTranId++, time, listings.current(i), coin, IncomeType.DELIVERED_SETTELMENT, realized, 0);
                if (events != null) {
                    events.accept(new Event.AccountUpdated(a.accountId, Event.Reason.DELIVERY, coins.get(coin), a.wallet[coin],
                            realized, instrument.symbol(), side, 0, 0, time));
                }
            }
        }
    }

    /** A transfer in (positive) or out of a CM wallet, with its TRANSFER income row. */
    void transfer(Account a, int coin, long amount, long time) {
        a.wallet[coin] = Math.addExact(a.wallet[coin], amount);
        a.walletTime[coin] = time;
        a.incomes.add(nextTranId++, time, -1, coin, IncomeType.TRANSFER, amount, 0);
        if (events != null) {
            events.accept(new Event.AccountUpdated(a.accountId, amount >= 0 ? Event.Reason.DEPOSIT : Event.Reason.WITHDRAW,
                    coins.get(coin), a.wallet[coin], amount, null, null, 0, 0, time));
        }
    }
}
