package com.papisandbox.server.trade;

import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.ParamReader;
/** The order a cancel or query names: by {@code orderId} (wins when both are sent) or client id. */
record OrderRef(String symbol, long orderId, String origClientOrderId) {
    static final String SYMBOL = "symbol";
    static final String ORDER_ID = "orderId";
    static final String ORIG_CLIENT_ORDER_ID = "origClientOrderId";

    static OrderRef parse(ParamReader p) {
        String symbol = p.requiredString(SYMBOL);
        long orderId = p.optionalLong(ORDER_ID, -1);
        String clientOrderId = p.optionalString(ORIG_CLIENT_ORDER_ID);
        if (orderId < 0 && clientOrderId == null) {
            throw new ApiException(ApiError.eitherParam(ORDER_ID, ORIG_CLIENT_ORDER_ID));
        }
        return new OrderRef(symbol, orderId, orderId >= 0 ? null : clientOrderId);
    }
}
