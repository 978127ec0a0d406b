package com.papisandbox.server.trade;

import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;

import java.math.BigDecimal;

/**
 * {@code priceMatch} (spec §6.2, papi-cm-next §2.10) on New and Modify CM Order: documented, but matching
 * at a queue or opponent level is not modelled, so it is refused rather than ignored. Sent with
 * {@code price}: -1106 for price (the two exclude each other, papi-cm-next §10); alone: -1130.
 */
final class PriceMatch {
    private PriceMatch() {
    }

    static void refuse(BigDecimal price, String priceMatch) {
        if (priceMatch == null) return;
        if (price != null) throw new ApiException(ApiError.paramNotRequired("price"));
        throw new ApiException(ApiError.invalidParameter("priceMatch"));
    }
}
