package com.papisandbox.engine;

/**
 * One successful modify of an order (Query CM Modify Order History, papi-cm-next §2.11). Prices and
 * quantities are in instrument units; {@code count} is the order's amendment number, 1 for the first.
 */
public record Amendment(long amendmentId, long orderId, Instrument instrument, String clientOrderId, long time,
                        long priceBefore, long priceAfter, long origQtyBefore, long origQtyAfter, int count) {
}
