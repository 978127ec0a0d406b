package com.papisandbox.engine;

/** Income kinds of {@code GET /papi/v1/cm/income}, Binance's spelling; codes are what snapshots store. */
public enum IncomeType {
    TRANSFER(1), WELCOME_BONUS(2), FUNDING_FEE(3), REALIZED_PNL(4), COMMISSION(5), INSURANCE_CLEAR(6), DELIVERED_SETTELMENT(7);

    public final int code;

    IncomeType(int code) {
        this.code = code;
    }

    static IncomeType ofCode(int code) {
        for (IncomeType t : values()) if (t.code == code) return t;
        throw new IllegalArgumentException("unknown income type code " + code);
    }
}
