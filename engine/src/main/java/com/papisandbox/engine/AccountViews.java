package com.papisandbox.engine;

import com.papisandbox.engine.LedgerViews.AssetView;
import com.papisandbox.engine.LedgerViews.BalanceView;
import com.papisandbox.engine.LedgerViews.IncomeView;
import com.papisandbox.engine.LedgerViews.PortfolioView;
import com.papisandbox.engine.LedgerViews.PositionView;
import com.papisandbox.engine.LedgerViews.SymbolBrackets;
import com.papisandbox.engine.LedgerViews.TradeView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the account endpoints' views from the ledger (queries only: off the order path, so BigDecimal is
 * fine here). The parameter rules of the history endpoints (spec-next §2.7–2.9) are checked here too.
 */
final class AccountViews {
    static final long DAY = 24L * 60 * 60 * 1000;
    static final long INCOME_WINDOW = 200 * DAY;
    /** Binance's liquidation threshold of uniMMR, used for the withdrawable amount (spec-next §3.2). */
    private static final long WITHDRAW_FLOOR_MMR = 105_000_000L;

    private final List<Instrument> instruments;
    /** History rows hold listing ids: a delivered contract's rows keep its symbol. */
    private final Listings listings;
    private final List<String> coins;
    private final MarketPrices prices;
    private final Margin margin;
    private final Function<Account, List<OrderView>> ordersOf;

    AccountViews(List<Instrument> instruments, Listings listings, List<String> coins, MarketPrices prices, Margin margin,
                 Function<Account, List<OrderView>> ordersOf) {
        this.instruments = instruments;
        this.listings = listings;
        this.coins = coins;
        this.prices = prices;
        this.margin = margin;
        this.ordersOf = ordersOf;
    }

    Result cmAccount(Account a) {
        margin.compute(a, -1, -1, 0, 0);
        List<AssetView> assets = new ArrayList<>();
        for (int c = 0; c < coins.size(); c++) {
            assets.add(new AssetView(coins.get(c), a.wallet[c], margin.unrealized[c], margin.maint[c],
                    margin.positionIm[c] + margin.openIm[c], margin.positionIm[c], margin.openIm[c], a.walletTime[c]));
        }
        return new Result.CmAccount(assets, positions(a, null, null));
    }

    Result positionRisk(Account a, Query.PositionRisk q) {
        return new Result.Positions(positions(a, q.marginAsset(), q.pair()));
    }

    /** Rows for every trading symbol: BOTH in one-way mode, LONG and SHORT in hedge mode. */
    private List<PositionView> positions(Account a, String marginAsset, String pair) {
        List<PositionView> rows = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++) {
            Instrument in = instruments.get(i);
            if (prices.delivered[i]) continue;
            if (marginAsset != null && !marginAsset.equals(in.marginAsset())) continue;
            if (pair != null && !pair.equals(in.pair())) continue;
            if (a.dualSide) {
                rows.add(position(a, i, PositionSide.LONG));
                rows.add(position(a, i, PositionSide.SHORT));
            } else {
                rows.add(position(a, i, PositionSide.BOTH));
            }
        }
        return rows;
    }

    PositionView position(Account a, int i, PositionSide side) {
        Instrument in = instruments.get(i);
        int slot = Account.slot(i, side);
        long n = a.positionQty[slot];
        long cost = a.positionCost[slot];
        long notional = Long.signum(n) * Money.cutToCoin(margin.notionalBase(a, i, slot));
        long positionIm = margin.positionIm(a, i, slot);
        long openIm = openImOfRow(a, i, side);
        long maint = margin.maintenance(a, i, slot);
        BigDecimal entry = ContractMath.entryPrice(in, n, cost);
        return new PositionView(in.symbol(), side, n, entry, breakEven(entry, n, cost, a.positionFee[slot]),
                prices.valuation(in, i), Money.cutToCoin(margin.unrealizedBase(a, i, slot)), liquidationPrice(a, i, slot),
                a.leverage[i], LeverageBrackets.maxQty(in, a.leverage[i]), notional, positionIm + openIm, maint, positionIm,
                openIm, a.positionTime[slot]);
    }

    /** One-way: the symbol's open-order margin; hedge: the orders that open this side. */
    private long openImOfRow(Account a, int i, PositionSide side) {
        if (!a.dualSide) return margin.openOrderIm(a, i, -1, 0, 0);
        int bucket = Account.bucket(i, side, side == PositionSide.LONG ? Side.BUY : Side.SELL);
        return Money.cutToCoin(a.openBase[bucket]) / a.leverage[i];
    }

    /**
     * Break-even price: the entry price moved by the opening fees' rate, EP × (1 + f) for a long and EP × (1 − f)
     * for a short (spec-next §9.6, §11 #28), f = opening commission / position cost.
     */
    private static BigDecimal breakEven(BigDecimal entry, long n, long cost, long fee) {
        if (n == 0 || cost == 0) return BigDecimal.ZERO;
        BigDecimal f = BigDecimal.valueOf(fee).multiply(BigDecimal.valueOf(Money.BASE_PER_COIN_UNIT))
                .divide(BigDecimal.valueOf(Math.abs(cost)), MathContext.DECIMAL64);
        BigDecimal factor = n > 0 ? BigDecimal.ONE.add(f) : BigDecimal.ONE.subtract(f);
        return ContractMath.significant13(entry.multiply(factor));
    }

    /**
     * The classic COIN-M liquidation price (spec-next §9.9, verified against a live value): LP = CS × B × (MMR + s)
     * / (WB + cum + s × B × CS / EP), with WB the coin's wallet minus the other positions' maintenance margin plus
     * their unrealized PnL. In PM the account is liquidated on uniMMR, so this is informational; 0 when no
     * positive price solves it.
     */
    private long liquidationPrice(Account a, int i, int slot) {
        long n = a.positionQty[slot];
        if (n == 0) return 0;
        Instrument in = instruments.get(i);
        int coin = margin.coinOf(i);
        long others = 0;
        for (int j = 0; j < instruments.size(); j++) {
            if (margin.coinOf(j) != coin) continue;
            for (int s = j * 3; s < j * 3 + 3; s++) {
                if (s == slot || a.positionQty[s] == 0) continue;
                others += Money.cutToCoin(margin.unrealizedBase(a, j, s)) - margin.maintenance(a, j, s);
            }
        }
        Bracket bracket = LeverageBrackets.forNotional(in, Money.cutToCoin(margin.notionalBase(a, i, slot)));
        BigDecimal s = BigDecimal.valueOf(Long.signum(n));
        BigDecimal face = in.quantityDecimal(Math.abs(n)).multiply(BigDecimal.valueOf(in.contractSize()));
        BigDecimal mmr = Money.rate(bracket.maintMarginRatio());
        BigDecimal wb = Money.coin(a.wallet[coin] + others);
        BigDecimal denominator = wb.add(Money.coin(bracket.cum())).add(s.multiply(BigDecimal.valueOf(Math.abs(a.positionCost[slot]), Money.BASE_SCALE)));
        if (denominator.signum() <= 0) return 0;
        BigDecimal lp = face.multiply(mmr.add(s)).divide(denominator, 8, RoundingMode.HALF_UP);
        if (lp.signum() <= 0) return 0;
        return lp.movePointRight(Money.USD_SCALE).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    }

    Result balances(Account a, String asset) {
        margin.compute(a, -1, -1, 0, 0);
        List<BalanceView> rows = new ArrayList<>();
        for (int c = 0; c < coins.size(); c++) {
            if (asset == null || asset.equals(coins.get(c))) {
                rows.add(balance(coins.get(c), 0, a.wallet[c], margin.unrealized[c], a.walletTime[c]));
            }
        }
        for (Map.Entry<String, Long> other : a.otherAssets.entrySet()) {
            if (asset == null || asset.equals(other.getKey())) rows.add(balance(other.getKey(), other.getValue(), 0, 0, 0));
        }
        if (asset != null && rows.isEmpty()) rows.add(balance(asset, 0, 0, 0, 0));
        return new Result.PortfolioBalances(rows);
    }

    private static BalanceView balance(String asset, long crossFree, long cmWallet, long cmUnrealized, long time) {
        long total = crossFree + cmWallet;
        return new BalanceView(asset, total, crossFree, 0, crossFree, 0, 0, 0, 0, cmWallet, cmUnrealized, time,
                Math.max(0, -total));
    }

    /** {@code GET /papi/v1/account}: USD values at the coins' prices (spec-next §3.2, §9.8). */
    Result portfolio(Account a) {
        margin.compute(a, -1, -1, 0, 0);
        long equity = 0, actual = 0, im = 0, mm = 0, time = 0;
        for (int c = 0; c < coins.size(); c++) {
            equity = MulDiv.saturatingAdd(equity, margin.usd(c, Margin.collateral(margin.equity[c])));
            actual = MulDiv.saturatingAdd(actual, margin.usd(c, margin.equity[c]));
            im = MulDiv.saturatingAdd(im, margin.usd(c, margin.positionIm[c] + margin.openIm[c]));
            mm = MulDiv.saturatingAdd(mm, margin.usd(c, margin.maint[c]));
            time = Math.max(time, a.walletTime[c]);
        }
        long uniMmr = margin.uniMmr();
        long available = MulDiv.saturatingAdd(equity, -im);
        long keepForMm = MulDiv.saturating(mm, WITHDRAW_FLOOR_MMR, Money.RATE_ONE);
        long withdrawable = Math.max(0, Math.min(available, MulDiv.saturatingAdd(equity, -keepForMm)));
        return new Result.PortfolioAccount(new PortfolioView(uniMmr, equity, actual, im, mm, AccountStatus.of(uniMmr),
                withdrawable, available, 0, time));
    }

    Result commissionRate(Account a, OrderBook book) {
        if (book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
        return new Result.CommissionRates(book.instrument().symbol(), a.makerRate, a.takerRate);
    }

    Result brackets(OrderBook book, boolean symbolGiven) {
        if (symbolGiven && book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
        List<SymbolBrackets> rows = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++) {
            if (book != null && book.index != i) continue;
            if (prices.delivered[i]) continue;
            rows.add(new SymbolBrackets(instruments.get(i).symbol(), LeverageBrackets.of(instruments.get(i))));
        }
        return new Result.LeverageBrackets(rows);
    }

    /**
     * Income rows oldest first. From a startTime the first {@code limit} rows after it (page by page); without
     * one, the newest {@code limit} rows of the window (page 2 the ones before them). Default window: the last
     * 200 days; limit 100 (max 1000).
     */
    Result income(Account a, Query.Income q, long now, Map<String, OrderBook> books) {
        int instrument = -1;
        if (q.symbol() != null) {
            OrderBook book = books.get(q.symbol());
            if (book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
            instrument = listings.current(book.index);
        }
        int limit = q.limit() == 0 ? 100 : q.limit();
        if (limit < 1 || limit > 1000 || q.page() < 0) return new Result.Rejected(Reject.LIMIT_NOT_VALID);
        long start = q.startTime(), end = q.endTime();
        if (start >= 0 && end >= 0 && start > end) return new Result.Rejected(Reject.START_TIME_AFTER_END_TIME);
        if (start >= 0 && end >= 0 && end - start > INCOME_WINDOW) return new Result.Rejected(Reject.TIME_WINDOW_OVER_200_DAYS);
        if (end < 0) end = start >= 0 ? start + INCOME_WINDOW : now;
        if (start < 0) start = end - INCOME_WINDOW;
        IncomeHistory h = a.incomes;
        List<Integer> matching = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            int s = h.slot(k);
            if (h.time[s] < start || h.time[s] > end) continue;
            if (instrument >= 0 && h.instrument[s] != instrument) continue;
            if (q.incomeType() != null && h.type[s] != q.incomeType().code) continue;
            matching.add(s);
        }
        int skip = Math.max(0, q.page() - 1) * limit;
        int from, to;
        if (q.startTime() >= 0) {
            from = Math.min(matching.size(), skip);
            to = Math.min(matching.size(), from + limit);
        } else {
            to = Math.max(0, matching.size() - skip);
            from = Math.max(0, to - limit);
        }
        List<IncomeView> rows = new ArrayList<>(to - from);
        for (int s : matching.subList(from, to)) {
            IncomeType type = h.type(s);
            String symbol = h.instrument[s] < 0 ? "" : listings.get(h.instrument[s]).symbol();
            String info = type == IncomeType.TRANSFER ? (h.amount[s] < 0 ? "WITHDRAW" : "DEPOSIT") : "";
            rows.add(new IncomeView(symbol, type, h.amount[s], coins.get(h.coin[s]), info, h.time[s], h.tranId[s], h.tradeId[s]));
        }
        return new Result.Incomes(rows);
    }

    /**
     * Fills oldest first (spec-next §2.9): exactly one of symbol and pair; pair not with fromId; fromId not with
     * times; orderId only with symbol; window ≤ 24 h, the last 24 h by default; from fromId the first
     * {@code limit} fills with id ≥ fromId, else the newest {@code limit} of the window (default 50, max 1000).
     */
    Result userTrades(Account a, Query.UserTrades q, long now, Map<String, OrderBook> books) {
        if (q.symbol() != null && q.pair() != null) return new Result.Rejected(Reject.PARAMS_COMBINATION_INVALID);
        if (q.symbol() == null && q.pair() == null) return new Result.Rejected(Reject.SYMBOL_OR_PAIR_REQUIRED);
        boolean timed = q.startTime() >= 0 || q.endTime() >= 0;
        if ((q.pair() != null && q.fromId() >= 0) || (q.fromId() >= 0 && timed) || (q.orderId() >= 0 && q.symbol() == null)) {
            return new Result.Rejected(Reject.PARAMS_COMBINATION_INVALID);
        }
        int instrument = -1;
        if (q.symbol() != null) {
            OrderBook book = books.get(q.symbol());
            if (book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
            instrument = listings.current(book.index);
        }
        int limit = q.limit() == 0 ? 50 : q.limit();
        if (limit < 1 || limit > 1000) return new Result.Rejected(Reject.LIMIT_NOT_VALID);
        long start = q.startTime(), end = q.endTime();
        if (start >= 0 && end >= 0 && start > end) return new Result.Rejected(Reject.START_TIME_AFTER_END_TIME);
        if (start >= 0 && end >= 0 && end - start > DAY) return new Result.Rejected(Reject.TIME_WINDOW_OVER_24_HOURS);
        if (q.fromId() < 0) {
            if (end < 0) end = start >= 0 ? start + DAY : now;
            if (start < 0) start = end - DAY;
        } else {
            start = Long.MIN_VALUE;
            end = Long.MAX_VALUE;
        }
        TradeHistory h = a.trades;
        List<Integer> matching = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            int s = h.slot(k);
            Instrument in = listings.get(h.instrument[s]);
            if (instrument >= 0 ? h.instrument[s] != instrument : !in.pair().equals(q.pair())) continue;
            if (h.time[s] < start || h.time[s] > end) continue;
            if (q.orderId() >= 0 && h.orderId[s] != q.orderId()) continue;
            if (q.fromId() >= 0 && h.tradeId[s] < q.fromId()) continue;
            matching.add(s);
        }
        List<Integer> chosen = q.fromId() >= 0 ? matching.subList(0, Math.min(limit, matching.size()))
                : matching.subList(Math.max(0, matching.size() - limit), matching.size());
        List<TradeView> rows = new ArrayList<>(chosen.size());
        for (int s : chosen) {
            Instrument in = listings.get(h.instrument[s]);
            Side side = h.side(s);
            rows.add(new TradeView(in.symbol(), h.tradeId[s], h.orderId[s], in.pair(), side, h.price[s], h.qty[s],
                    h.realizedPnl[s], in.marginAsset(), Money.roundToCoin(h.base[s]), h.commission[s], in.marginAsset(),
                    h.time[s], h.positionSide(s), side == Side.BUY, h.maker(s)));
        }
        return new Result.UserTrades(rows);
    }

    /**
     * All orders oldest first (base spec §6.8): symbol or pair; from orderId the first {@code limit} with id ≥ it,
     * else the newest {@code limit}; within [startTime, endTime] by creation time; limit 50 (max 100); unfilled
     * CANCELED/EXPIRED orders older than 3 days are gone.
     */
    Result allOrders(Account a, Query.AllOrders q, long now, Map<String, OrderBook> books) {
        if (q.symbol() == null && q.pair() == null) return new Result.Rejected(Reject.SYMBOL_OR_PAIR_REQUIRED);
        OrderBook book = null;
        if (q.symbol() != null) {
            book = books.get(q.symbol());
            if (book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
        }
        int limit = q.limit() == 0 ? 50 : q.limit();
        if (limit < 1 || limit > 100) return new Result.Rejected(Reject.LIMIT_NOT_VALID);
        if (q.startTime() >= 0 && q.endTime() >= 0 && q.startTime() > q.endTime()) {
            return new Result.Rejected(Reject.START_TIME_AFTER_END_TIME);
        }
        List<OrderView> matching = new ArrayList<>();
        for (OrderView o : ordersOf.apply(a)) {
            if (book != null && o.instrument() != book.instrument()) continue;
            if (q.pair() != null && !o.instrument().pair().equals(q.pair())) continue;
            if (q.orderId() >= 0 && o.orderId() < q.orderId()) continue;
            if (q.startTime() >= 0 && o.time() < q.startTime()) continue;
            if (q.endTime() >= 0 && o.time() > q.endTime()) continue;
            if (OrderMemory.forgotten(o, now)) continue;
            matching.add(o);
        }
        List<OrderView> chosen = q.orderId() >= 0 ? matching.subList(0, Math.min(limit, matching.size()))
                : matching.subList(Math.max(0, matching.size() - limit), matching.size());
        return new Result.Orders(new ArrayList<>(chosen));
    }

    /** How far back forceOrders looks when no startTime is sent (Binance's futures rule: 7 days before endTime). */
    static final long FORCE_ORDERS_DEFAULT_WINDOW = 7 * DAY;

    /**
     * The account's liquidation orders oldest first, as Query CM Order shows them: within [startTime, endTime]
     * (endTime defaults to now, startTime to 7 days before endTime), the newest {@code limit} (default 50, max 100).
     * The sandbox does no auto-deleveraging, so asking for ADL orders finds none.
     */
    Result forceOrders(Account a, Query.ForceOrders q, long now, Map<String, OrderBook> books) {
        OrderBook book = null;
        if (q.symbol() != null) {
            book = books.get(q.symbol());
            if (book == null) return new Result.Rejected(Reject.UNKNOWN_SYMBOL);
        }
        int limit = q.limit() == 0 ? 50 : q.limit();
        if (limit < 1 || limit > 100) return new Result.Rejected(Reject.LIMIT_NOT_VALID);
        long end = q.endTime() >= 0 ? q.endTime() : now;
        long start = q.startTime() >= 0 ? q.startTime() : end - FORCE_ORDERS_DEFAULT_WINDOW;
        if (start > end) return new Result.Rejected(Reject.START_TIME_AFTER_END_TIME);
        List<OrderView> matching = new ArrayList<>();
        if (!Boolean.TRUE.equals(q.adl())) {
            for (OrderView o : ordersOf.apply(a)) {
                if (!o.liquidation()) continue;
                if (book != null && o.instrument() != book.instrument()) continue;
                if (o.time() < start || o.time() > end || OrderMemory.forgotten(o, now)) continue;
                matching.add(o);
            }
        }
        return new Result.Orders(new ArrayList<>(matching.subList(Math.max(0, matching.size() - limit), matching.size())));
    }
}
