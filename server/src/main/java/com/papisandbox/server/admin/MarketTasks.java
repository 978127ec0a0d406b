package com.papisandbox.server.admin;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.MarketView;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.Side;
import com.papisandbox.server.market.HouseAccount;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.market.MarketConfig;
import com.papisandbox.server.market.MarketControl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The admin API's market operations: hold, resume, stop, settings, prices and scripted paths. */
final class MarketTasks {
    static final int MAX_PATH_POINTS = 10_000;

    private final MarketControl market;
    private final EngineCalls engine;

    MarketTasks(MarketControl market, EngineCalls engine) {
        this.market = market;
        this.engine = engine;
    }

    SandboxAdmin.MarketInfo info() {
        MarketConfig config = market.config();
        List<String> scripted = market.live().map(live -> List.copyOf(live.scriptedPairs())).orElse(List.of());
        return new SandboxAdmin.MarketInfo(market.state().name(), config.mode().name(), config.volatility(), config.spread(),
                config.depth(), config.levelQty(), config.tickMillis(), scripted, prices(null));
    }

    SandboxAdmin.MarketInfo hold() {
        try {
            market.hold();
        } catch (IllegalStateException e) {
            throw AdminException.conflict("MARKET_OFF", e.getMessage());
        }
        return info();
    }

    SandboxAdmin.MarketInfo resume() {
        run(market::resume);
        return info();
    }

    SandboxAdmin.MarketInfo stop() {
        run(market::off);
        return info();
    }

    SandboxAdmin.MarketInfo configure(SandboxAdmin.MarketSettings s) {
        if (s == null) throw AdminException.badRequest("no settings sent");
        try {
            market.settings(s.volatility(), s.spread(), s.depth(), s.levelQty());
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage().replace("--market-", ""));
        } catch (IllegalStateException e) {
            throw AdminException.conflict("MARKET_MODE", e.getMessage());
        } catch (Exception e) {
            throw EngineCalls.unavailable(e.toString());
        }
        return info();
    }

    SandboxAdmin.SymbolPrices setPrices(String symbol, BigDecimal reference, BigDecimal mark, BigDecimal index) {
        Instrument instrument = instrument(symbol);
        if (reference == null && mark == null && index == null) throw AdminException.badRequest("send referencePrice, markPrice or indexPrice");
        long referenceUnits = reference == null ? 0 : priceUnits(instrument, reference, "referencePrice");
        long markE8 = mark == null ? 0 : e8(mark, "markPrice");
        long indexE8 = index == null ? 0 : e8(index, "indexPrice");
        if (reference != null) {
            run(() -> market.reference(instrument, referenceUnits));
        }
        if (mark != null || index != null) {
            SandboxAdmin.SymbolPrices now = prices(symbol).get(0);
            long m = mark != null ? markE8 : now.markPrice().movePointRight(8).longValueExact();
            long i = index != null ? indexE8 : now.indexPrice().movePointRight(8).longValueExact();
            Result r = engine.submit(new Command.SetPrices(symbol, m, i));
            if (r instanceof Result.Rejected) throw AdminException.badRequest("price outside the symbol's PRICE_FILTER range");
        }
        return prices(symbol).get(0);
    }

    SandboxAdmin.MarketInfo trade(String symbol, BigDecimal price, BigDecimal quantity) {
        Instrument instrument = instrument(symbol);
        if (price == null) throw AdminException.badRequest("price is required");
        long units = priceUnits(instrument, price, "price");
        long qty = quantity == null ? Math.max(instrument.minQty(), instrument.stepSize()) : quantityUnits(instrument, quantity);
        try {
            market.trade(symbol, units, qty);
        } catch (IllegalStateException e) {
            throw AdminException.conflict("MARKET_OFF", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
        return info();
    }

    SandboxAdmin.LiquidityInfo addLiquidity(String symbol, String side, BigDecimal price, BigDecimal quantity) {
        Instrument instrument = instrument(symbol);
        Side s = side(side, false);
        if (price == null || quantity == null) throw AdminException.badRequest("price and quantity are required");
        long units = priceUnits(instrument, price, "price");
        long qty = quantityUnits(instrument, quantity);
        Result result;
        try {
            result = market.addLiquidity(instrument, s, units, qty);
        } catch (Exception e) {
            throw EngineCalls.unavailable(e.toString());
        }
        if (result instanceof Result.Rejected rejected) {
            throw AdminException.badRequest("the order was refused: " + com.papisandbox.server.ApiError.of(rejected.reason()).msg());
        }
        return liquidity(instrument);
    }

    SandboxAdmin.LiquidityInfo removeLiquidity(String symbol, String side) {
        Instrument instrument = instrument(symbol);
        Side s = side(side, true);
        run(() -> market.removeLiquidity(instrument, s));
        return liquidity(instrument);
    }

    private SandboxAdmin.LiquidityInfo liquidity(Instrument instrument) {
        return engine.read(e -> {
            var provider = e.account(HouseAccount.LIQUIDITY_API_KEY);
            List<List<BigDecimal>> bids = new ArrayList<>();
            List<List<BigDecimal>> asks = new ArrayList<>();
            if (provider != null) {
                List<OrderView> orders = new ArrayList<>(e.openOrders(provider.accountId()));
                orders.removeIf(o -> !o.instrument().symbol().equals(instrument.symbol()));
                orders.sort(java.util.Comparator.comparingLong(OrderView::price));
                for (OrderView o : orders) {
                    List<BigDecimal> row = List.of(instrument.priceDecimal(o.price()), instrument.quantityDecimal(o.origQty() - o.executedQty()));
                    if (o.side() == Side.BUY) bids.add(0, row);
                    else asks.add(row);
                }
            }
            return new SandboxAdmin.LiquidityInfo(instrument.symbol(), bids, asks);
        });
    }

    private static Side side(String side, boolean optional) {
        if (side == null) {
            if (optional) return null;
            throw AdminException.badRequest("side is required: BUY or SELL");
        }
        return switch (side) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw AdminException.badRequest("side must be BUY or SELL");
        };
    }

    /** A quantity in the symbol's quantity units: whole contracts, on its step, within its LOT_SIZE. */
    private static long quantityUnits(Instrument instrument, BigDecimal quantity) {
        try {
            long units = quantity.movePointRight(instrument.quantityPrecision()).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
            if (units < instrument.minQty() || units > instrument.maxQty() || units % Math.max(1, instrument.stepSize()) != 0) {
                throw AdminException.badRequest("quantity outside the symbol's LOT_SIZE");
            }
            return units;
        } catch (ArithmeticException e) {
            throw AdminException.badRequest("quantity must be a whole number of contracts within LOT_SIZE");
        }
    }

    SandboxAdmin.MarketInfo follow(String symbol, List<SandboxAdmin.PricePoint> points) {
        instrument(symbol);
        if (points == null || points.isEmpty() || points.size() > MAX_PATH_POINTS) {
            throw AdminException.badRequest("points must hold 1.." + MAX_PATH_POINTS + " entries");
        }
        long[] after = new long[points.size()];
        double[] prices = new double[points.size()];
        for (int i = 0; i < after.length; i++) {
            SandboxAdmin.PricePoint p = points.get(i);
            if (p == null || p.price() == null || p.price().signum() <= 0) throw AdminException.badRequest("every point needs a positive price");
            if (p.afterMillis() < 0 || p.afterMillis() > ClockTasks.MAX_ADVANCE_MILLIS) throw AdminException.badRequest("afterMillis must be 0.." + ClockTasks.MAX_ADVANCE_MILLIS);
            after[i] = p.afterMillis();
            prices[i] = p.price().doubleValue();
        }
        try {
            market.follow(symbol, after, prices);
        } catch (IllegalStateException e) {
            throw AdminException.conflict("MARKET_OFF", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
        return info();
    }

    private Instrument instrument(String symbol) {
        if (symbol == null) throw AdminException.badRequest("symbol is required");
        Instrument instrument = engine.read(e -> e.instruments().get(symbol));
        if (instrument == null) throw AdminException.notFound("UNKNOWN_SYMBOL", "no contract " + symbol + " is trading");
        return instrument;
    }

    /** The symbol's (or, for null, every symbol's) prices now. */
    private List<SandboxAdmin.SymbolPrices> prices(String symbol) {
        return engine.read(e -> {
            Result r = e.query(new Query.PremiumIndex(symbol, null), e.commandTime());
            List<SandboxAdmin.SymbolPrices> all = new ArrayList<>();
            if (!(r instanceof Result.PremiumIndexes indexes)) return all;
            Map<String, Instrument> listed = e.instruments();
            for (MarketView.PremiumIndex p : indexes.indexes()) {
                Instrument in = p.instrument();
                long reference = e.referencePrice(in.symbol());
                all.add(new SandboxAdmin.SymbolPrices(in.symbol(), reference == 0 ? null : in.priceDecimal(reference),
                        BigDecimal.valueOf(p.markPrice(), 8).stripTrailingZeros(), BigDecimal.valueOf(p.indexPrice(), 8).stripTrailingZeros()));
            }
            all.removeIf(sp -> !listed.containsKey(sp.symbol()));
            return all;
        });
    }

    /** A price on the symbol's tick grid (rounded to the nearest tick), in its price units. */
    private static long priceUnits(Instrument instrument, BigDecimal price, String name) {
        if (price.signum() <= 0) throw AdminException.badRequest(name + " must be positive");
        try {
            long units = price.movePointRight(instrument.pricePrecision()).setScale(0, RoundingMode.HALF_UP).longValueExact();
            long tick = Math.max(1, instrument.tickSize());
            units = Math.max(tick, Math.round((double) units / tick) * tick);
            if (units < instrument.minPrice() || (instrument.maxPrice() > 0 && units > instrument.maxPrice())) {
                throw AdminException.badRequest(name + " outside the symbol's PRICE_FILTER range");
            }
            return units;
        } catch (ArithmeticException e) {
            throw AdminException.badRequest(name + " out of range");
        }
    }

    private static long e8(BigDecimal price, String name) {
        if (price.signum() <= 0) throw AdminException.badRequest(name + " must be positive");
        try {
            return price.movePointRight(8).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw AdminException.badRequest(name + " takes at most 8 decimals");
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (AdminException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw AdminException.conflict("MARKET", e.getMessage());
        } catch (Exception e) {
            throw EngineCalls.unavailable(e.toString());
        }
    }
}
