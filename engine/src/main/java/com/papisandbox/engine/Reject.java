package com.papisandbox.engine;

/**
 * Business outcomes that refuse a command. They are results, not exceptions; the server maps each to
 * Binance's {@code {code, msg}} and HTTP status in one table.
 */
public enum Reject {
    UNKNOWN_SYMBOL,
    UNKNOWN_ORDER_ON_CANCEL,
    NO_SUCH_ORDER,
    DUPLICATE_CLIENT_ORDER_ID,
    MAX_OPEN_ORDERS,
    PRICE_LESS_THAN_ZERO,
    PRICE_LESS_THAN_MIN_PRICE,
    PRICE_GREATER_THAN_MAX_PRICE,
    PRICE_NOT_MULTIPLE_OF_TICK,
    QTY_LESS_THAN_ZERO,
    QTY_LESS_THAN_MIN_QTY,
    QTY_GREATER_THAN_MAX_QTY,
    QTY_NOT_MULTIPLE_OF_STEP,
    FOK_WOULD_NOT_FILL,
    GTX_WOULD_TAKE,
    REDUCE_ONLY_REJECTED,
    POSITION_SIDE_MISMATCH,
    UNKNOWN_ACCOUNT,
    // Modify (papi-cm-next §2.10)
    MODIFY_NOT_LIMIT,
    MODIFY_SIDE_MISMATCH,
    MODIFY_NOTHING_TO_CHANGE,
    MODIFY_LIMIT_REACHED
}
