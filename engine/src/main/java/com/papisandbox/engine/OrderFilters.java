package com.papisandbox.engine;

/** The PRICE_FILTER, LOT_SIZE and MARKET_LOT_SIZE rules of an instrument (spec §11). */
final class OrderFilters {
    private OrderFilters() {
    }

    /** The first rule the order breaks, or null. */
    static Reject check(Instrument in, OrderType type, long price, long qty) {
        if (type == OrderType.LIMIT) {
            if (price <= 0) return Reject.PRICE_LESS_THAN_ZERO;
            if (in.minPrice() > 0 && price < in.minPrice()) return Reject.PRICE_LESS_THAN_MIN_PRICE;
            if (in.maxPrice() > 0 && price > in.maxPrice()) return Reject.PRICE_GREATER_THAN_MAX_PRICE;
            if (in.tickSize() > 0 && (price - in.minPrice()) % in.tickSize() != 0) return Reject.PRICE_NOT_MULTIPLE_OF_TICK;
        }
        long minQty = type == OrderType.MARKET ? in.marketMinQty() : in.minQty();
        long maxQty = type == OrderType.MARKET ? in.marketMaxQty() : in.maxQty();
        long step = type == OrderType.MARKET ? in.marketStepSize() : in.stepSize();
        if (qty <= 0) return Reject.QTY_LESS_THAN_ZERO;
        if (qty < minQty) return Reject.QTY_LESS_THAN_MIN_QTY;
        if (maxQty > 0 && qty > maxQty) return Reject.QTY_GREATER_THAN_MAX_QTY;
        if ((qty - minQty) % step != 0) return Reject.QTY_NOT_MULTIPLE_OF_STEP;
        return null;
    }

    /**
     * PERCENT_PRICE against the mark price (spec-next §7.2): a BUY above mark × multiplierUp is -4016, a SELL
     * below mark × multiplierDown -4024. Not applied while the symbol has no mark price.
     */
    static Reject checkMarkPrice(Instrument in, OrderType type, Side side, long price, long markE8) {
        if (type != OrderType.LIMIT || markE8 <= 0) return null;
        long scaled = Math.multiplyExact(in.priceE8(price), Instrument.MULTIPLIER_ONE);
        if (side == Side.BUY && scaled > Math.multiplyExact(markE8, in.multiplierUp())) return Reject.PRICE_ABOVE_MARK_CAP;
        if (side == Side.SELL && scaled < Math.multiplyExact(markE8, in.multiplierDown())) return Reject.PRICE_BELOW_MARK_FLOOR;
        return null;
    }
}
