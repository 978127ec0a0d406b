package com.papisandbox.server;

import com.papisandbox.engine.Reject;

/**
 * One Binance error reply: numeric {@code code}, exact {@code msg} and the HTTP status it travels
 * with. Every error the sandbox can send is built here, so the Binance vocabulary lives in one place.
 */
public record ApiError(int httpStatus, int code, String msg) {

    public static final String LONG_RANGE = "^[0-9]{1,20}$";
    public static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    public static final String CLIENT_ORDER_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,32}$";

    // 10xx — server / network / request envelope
    public static ApiError unknown() {
        return new ApiError(500, -1000, "An unknown error occured while processing the request.");
    }

    public static ApiError executionTimeout() {
        return new ApiError(503, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    }

    public static ApiError internalErrorTryAgain() {
        return new ApiError(503, -1001, "Internal error; unable to process your request. Please try again.");
    }

    /** Binance's node-overload answer (spec §4): a definite failure; cancels and reduce-only orders are exempt. */
    public static ApiError throttled() {
        return new ApiError(503, -1008, "Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again.");
    }

    public static ApiError serviceShuttingDown() {
        return new ApiError(503, -1016, "This service is no longer available.");
    }

    public static ApiError tooManyRequests(int limit) {
        return new ApiError(429, -1003, "Too many requests; current limit is " + limit
                + " requests per minute. Please use the websocket for live updates to avoid polling the API.");
    }

    /** A banned IP's answer (spec §9.1); {@code until} is the ban's end in epoch milliseconds, as Binance prints it. */
    public static ApiError ipBanned(long until) {
        return new ApiError(418, -1003, "Way too many requests; IP banned until " + until
                + ". Please use the websocket for live updates to avoid bans.");
    }

    public static ApiError tooManyOrders(int limit) {
        return new ApiError(429, -1015, "Too many new orders; current limit is " + limit + " orders per MINUTE.");
    }

    public static ApiError timestampOutsideRecvWindow() {
        return new ApiError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
    }

    public static ApiError timestampAhead() {
        return new ApiError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    }

    public static ApiError invalidSignature() {
        return new ApiError(400, -1022, "Signature for this request is not valid.");
    }

    // 11xx — request parameters
    public static ApiError illegalChars() {
        return new ApiError(400, -1100, "Illegal characters found in a parameter.");
    }

    public static ApiError illegalChars(String param, String legalRange) {
        return new ApiError(400, -1100, "Illegal characters found in parameter '" + param + "'; legal range is '" + legalRange + "'.");
    }

    /** -4015: a client order id in the exchange's own namespaces (liquidation, ADL and delivery orders). */
    public static ApiError reservedClientOrderId() {
        return new ApiError(400, -4015, "Client order id is not valid.");
    }

    public static ApiError duplicateParameter() {
        return new ApiError(400, -1101, "Duplicate values for a parameter detected.");
    }

    public static ApiError tooManyParameters() {
        return new ApiError(400, -1101, "Too many parameters sent for this endpoint.");
    }

    public static ApiError mandatoryParam(String param) {
        return new ApiError(400, -1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    public static ApiError eitherParam(String first, String second) {
        return new ApiError(400, -1102, "Param '" + first + "' or '" + second + "' must be sent, but both were empty/null!");
    }

    public static ApiError unreadParameters(int read, int sent) {
        return new ApiError(400, -1104, "Not all sent parameters were read; read '" + read + "' parameter(s) but was sent '" + sent + "'.");
    }

    /** PUT or DELETE listenKey without an active key (spec-next §4.1: the short form, as the fapi/dapi wire). */
    public static ApiError listenKeyDoesNotExist() {
        return new ApiError(400, -1125, "This listenKey does not exist.");
    }

    public static ApiError paramNotRequired(String param) {
        return new ApiError(400, -1106, "Parameter '" + param + "' sent when not required.");
    }

    public static ApiError badPrecision() {
        return new ApiError(400, -1111, "Precision is over the maximum defined for this asset.");
    }

    public static ApiError invalidTimeInForce() {
        return new ApiError(400, -1115, "Invalid timeInForce.");
    }

    public static ApiError invalidOrderType() {
        return new ApiError(400, -1116, "Invalid orderType.");
    }

    public static ApiError invalidSide() {
        return new ApiError(400, -1117, "Invalid side.");
    }

    public static ApiError invalidInterval() {
        return new ApiError(400, -1120, "Invalid interval.");
    }

    public static ApiError timeRangeTooLong(int hours) {
        return new ApiError(400, -1127, "More than " + hours + " hours between startTime and endTime.");
    }

    public static ApiError invalidCombination() {
        return new ApiError(400, -1128, "Combination of optional parameters invalid.");
    }

    public static ApiError invalidDepthLimit(String limit) {
        return new ApiError(400, -4021, "'" + limit + "' is not valid depth limit.");
    }

    public static ApiError invalidSymbol() {
        return new ApiError(400, -1121, "Invalid symbol.");
    }

    public static ApiError invalidParameter(String param) {
        return new ApiError(400, -1130, "Data sent for parameter '" + param + "' is not valid.");
    }

    public static ApiError recvWindowTooLarge() {
        return new ApiError(400, -1131, "recvWindow must be less than 60000");
    }

    public static ApiError invalidNewOrderRespType() {
        return new ApiError(400, -1136, "Invalid newOrderRespType.");
    }

    // 20xx — API keys
    public static ApiError badApiKeyFormat() {
        return new ApiError(401, -2014, "API-key format invalid.");
    }

    public static ApiError rejectedApiKey() {
        return new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    public static ApiError invalidPositionSide() {
        return new ApiError(400, -4060, "Invalid position side.");
    }

    public static ApiError notFound(String method, String path) {
        return new ApiError(404, -5000, "Path " + path + ", Method " + method + " is invalid");
    }

    /** The one table from engine outcomes to Binance errors. */
    public static ApiError of(Reject reject) {
        return switch (reject) {
            case UNKNOWN_SYMBOL -> invalidSymbol();
            case UNKNOWN_ORDER_ON_CANCEL -> new ApiError(400, -2011, "Unknown order sent.");
            case NO_SUCH_ORDER -> new ApiError(400, -2013, "Order does not exist.");
            case DUPLICATE_CLIENT_ORDER_ID -> new ApiError(400, -4116, "ClientOrderId is duplicated.");
            case MAX_OPEN_ORDERS -> new ApiError(400, -2025, "Reach max open order limit.");
            case PRICE_LESS_THAN_ZERO -> new ApiError(400, -4001, "Price less than 0.");
            case PRICE_LESS_THAN_MIN_PRICE -> new ApiError(400, -4013, "Price less than min price.");
            case PRICE_GREATER_THAN_MAX_PRICE -> new ApiError(400, -4002, "Price greater than max price.");
            case PRICE_NOT_MULTIPLE_OF_TICK -> new ApiError(400, -4014, "Price not increased by tick size.");
            case QTY_LESS_THAN_ZERO -> new ApiError(400, -4003, "Quantity less than zero.");
            case QTY_LESS_THAN_MIN_QTY -> new ApiError(400, -4004, "Quantity less than min quantity.");
            case QTY_GREATER_THAN_MAX_QTY -> new ApiError(400, -4005, "Quantity greater than max quantity.");
            case QTY_NOT_MULTIPLE_OF_STEP -> new ApiError(400, -4023, "Qty not increased by step size.");
            case FOK_WOULD_NOT_FILL -> new ApiError(400, -5021, "Due to the order could not be filled immediately, the FOK order has been rejected.");
            case GTX_WOULD_TAKE -> new ApiError(400, -5022, "Due to the order could not be executed as maker, the Post Only order will be rejected.");
            case REDUCE_ONLY_REJECTED -> new ApiError(400, -2022, "ReduceOnly Order is rejected.");
            case POSITION_SIDE_MISMATCH -> new ApiError(400, -4061, "Order's position side does not match user's setting.");
            case UNKNOWN_ACCOUNT -> rejectedApiKey();
            case MODIFY_NOT_LIMIT -> new ApiError(400, -5025, "Only limit order is supported.");
            case MODIFY_SIDE_MISMATCH -> invalidParameter("side");
            case MODIFY_NOTHING_TO_CHANGE -> new ApiError(400, -5027, "No need to modify the order.");
            case MODIFY_LIMIT_REACHED -> new ApiError(400, -5026, "Exceed maximum modify order limit.");
            // engine ledger rejections (messages from spec-next §10); the account endpoints may refine the parameter names
            case MARGIN_INSUFFICIENT -> new ApiError(400, -2019, "Margin is insufficient.");
            case UNABLE_TO_FILL -> new ApiError(400, -2020, "Unable to fill.");
            case REDUCE_ONLY_IN_HEDGE_MODE -> new ApiError(400, -1106, "Parameter 'reduceonly' sent when not required.");
            case POSITION_MODE_UNCHANGED -> new ApiError(400, -4059, "No need to change position side.");
            case POSITION_MODE_OPEN_ORDERS -> new ApiError(400, -4067, "Position side cannot be changed if there exists open orders.");
            case POSITION_MODE_OPEN_POSITION -> new ApiError(400, -4068, "Position side cannot be changed if there exists position.");
            case LEVERAGE_NOT_VALID -> new ApiError(400, -4028, "Leverage is not valid");
            case MAX_POSITION_AT_LEVERAGE -> new ApiError(400, -2027, "Exceeded the maximum allowable position at current leverage.");
            case PRICE_ABOVE_MARK_CAP -> new ApiError(400, -4016, "Price is higher than mark price multiplier cap.");
            case PRICE_BELOW_MARK_FLOOR -> new ApiError(400, -4024, "Price is lower than mark price multiplier floor.");
            case ONLY_REDUCE_ONLY_ALLOWED -> new ApiError(400, -4415, "Only reduceOnly order is allowed, please try again later.");
            case USER_IN_LIQUIDATION -> new ApiError(400, -2023, "User in liquidation mode now.");
            case SYMBOL_CLOSED -> new ApiError(400, -4141, "Symbol is closed");
            case INVALID_VALUE -> new ApiError(400, -1130, "Data sent for parameter is not valid.");
            case PARAMS_COMBINATION_INVALID -> new ApiError(400, -1128, "Combination of optional parameters invalid.");
            case SYMBOL_OR_PAIR_REQUIRED -> new ApiError(400, -1102, "Param 'symbol' or 'pair' must be sent, but both were empty/null!");
            case TIME_WINDOW_OVER_24_HOURS -> new ApiError(400, -1127, "More than 24 hours between startTime and endTime.");
            case TIME_WINDOW_OVER_200_DAYS -> new ApiError(400, -4165, "Maximum time interval is 200 days");
            case START_TIME_AFTER_END_TIME -> new ApiError(400, -1023, "Start time is greater than end time.");
            case LIMIT_NOT_VALID -> new ApiError(400, -1130, "Data sent for parameter 'limit' is not valid.");
            case UNKNOWN_ASSET -> new ApiError(400, -1108, "Invalid asset.");
            case WOULD_IMMEDIATELY_TRIGGER -> new ApiError(400, -2021, "Order would immediately trigger.");
            case MAX_STOP_ORDERS -> new ApiError(400, -4045, "Reach max stop order limit.");
            case STOP_PRICE_LESS_THAN_ZERO -> new ApiError(400, -4006, "Stop price less than zero.");
            case STOP_PRICE_GREATER_THAN_MAX_PRICE -> new ApiError(400, -4007, "Stop price greater than max price.");
            case INVALID_ACTIVATION_PRICE -> new ApiError(400, -4135, "Invalid activation price");
        };
    }
}
