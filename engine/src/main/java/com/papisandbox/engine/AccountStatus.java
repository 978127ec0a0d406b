package com.papisandbox.engine;

/** PM account status from uniMMR (spec-next §9.8 thresholds: 2.0 / 1.5 / 1.2 / 1.05 / 1.0). */
public enum AccountStatus {
    NORMAL, MARGIN_CALL, SUPPLY_MARGIN, REDUCE_ONLY, ACTIVE_LIQUIDATION, FORCE_LIQUIDATION, BANKRUPTED;

    /** @param uniMmr in rate units, −1 when there is no maintenance margin */
    static AccountStatus of(long uniMmr) {
        if (uniMmr < 0 || uniMmr > 200_000_000L) return NORMAL;
        if (uniMmr > 150_000_000L) return MARGIN_CALL;
        if (uniMmr > 120_000_000L) return SUPPLY_MARGIN;
        if (uniMmr > 105_000_000L) return REDUCE_ONLY;
        if (uniMmr > 100_000_000L) return ACTIVE_LIQUIDATION;
        return FORCE_LIQUIDATION;
    }

    /** Whether only orders that reduce a position are accepted. */
    boolean reduceOnly() {
        return this == REDUCE_ONLY;
    }

    boolean liquidating() {
        return this == ACTIVE_LIQUIDATION || this == FORCE_LIQUIDATION || this == BANKRUPTED;
    }
}
