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
    MODIFY_LIMIT_REACHED,
    /** -2019 Margin is insufficient. */
    MARGIN_INSUFFICIENT,
    /** -2020 Unable to fill.: a MARKET order that finds an empty opposite book. */
    UNABLE_TO_FILL,
    /** -1106 Parameter 'reduceonly' sent when not required.: reduceOnly in hedge mode. */
    REDUCE_ONLY_IN_HEDGE_MODE,
    /** -4059 No need to change position side. */
    POSITION_MODE_UNCHANGED,
    /** -4067 Position side cannot be changed if there exists open orders. */
    POSITION_MODE_OPEN_ORDERS,
    /** -4068 Position side cannot be changed if there exists position. */
    POSITION_MODE_OPEN_POSITION,
    /** -4028 Leverage %s is not valid. */
    LEVERAGE_NOT_VALID,
    /** -2027 Exceeded the maximum allowable position at current leverage. */
    MAX_POSITION_AT_LEVERAGE,
    /** -4016 Price is higher than mark price multiplier cap. */
    PRICE_ABOVE_MARK_CAP,
    /** -4024 Price is lower than mark price multiplier floor. */
    PRICE_BELOW_MARK_FLOOR,
    /** -4415 Only reduceOnly order is allowed, please try again later.: account status REDUCE_ONLY. */
    ONLY_REDUCE_ONLY_ALLOWED,
    /** -2023 User in liquidation mode now. */
    USER_IN_LIQUIDATION,
    /** -4141 Symbol is closed.: the contract was delivered. */
    SYMBOL_CLOSED,
    /** -1130 for an admin value out of range (price, rate); the server names the parameter. */
    INVALID_VALUE,
    /** -1128 Combination of optional parameters invalid. */
    PARAMS_COMBINATION_INVALID,
    /** -1102 Param 'symbol' or 'pair' must be sent, but both were empty/null! */
    SYMBOL_OR_PAIR_REQUIRED,
    /** -1127 More than 24 hours between startTime and endTime. */
    TIME_WINDOW_OVER_24_HOURS,
    /** -4165 Maximum time interval is 200 days. */
    TIME_WINDOW_OVER_200_DAYS,
    /** -1023 Start time is greater than end time. */
    START_TIME_AFTER_END_TIME,
    /** -1130 Data sent for parameter 'limit' is not valid. */
    LIMIT_NOT_VALID,
    /** -1108 Invalid asset.: a transfer of an asset that margins no CM contract. */
    UNKNOWN_ASSET,
    /** -2021 Order would immediately trigger. */
    WOULD_IMMEDIATELY_TRIGGER,
    /** -4045 Reach max stop order limit.: MAX_NUM_ALGO_ORDERS open strategies on the symbol. */
    MAX_STOP_ORDERS,
    /** -4006 Stop price less than zero. */
    STOP_PRICE_LESS_THAN_ZERO,
    /** -4007 Stop price greater than max price. */
    STOP_PRICE_GREATER_THAN_MAX_PRICE,
    /** -4135 Invalid activation price */
    INVALID_ACTIVATION_PRICE
}
