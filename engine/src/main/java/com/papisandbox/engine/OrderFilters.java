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
}
