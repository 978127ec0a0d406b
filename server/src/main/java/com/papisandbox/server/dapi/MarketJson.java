package com.papisandbox.server.dapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.MarketView;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Market data as Binance renders it (spec §1, §5): prices padded to the symbol's pricePrecision
 * ("9638.0"), contracts as integers, coin amounts with 8 decimals, mark/index prices with 8 decimals.
 */
public final class MarketJson {
    private MarketJson() {
    }

    public static String price(Instrument instrument, long units) {
        return instrument.priceDecimal(units).toPlainString();
    }

    public static String qty(Instrument instrument, long units) {
        return instrument.quantityDecimal(units).stripTrailingZeros().toPlainString();
    }

    /** 10^-8 units with all 8 decimals ("0.01037883", "0.00000000"). */
    public static String eight(long units) {
        return BigDecimal.valueOf(units, MarketView.COIN_SCALE).toPlainString();
    }

    public static void levels(JsonGenerator g, String field, Instrument instrument, java.util.List<MarketView.Level> levels) throws IOException {
        g.writeArrayFieldStart(field);
        for (MarketView.Level l : levels) {
            g.writeStartArray();
            g.writeString(price(instrument, l.price()));
            g.writeString(qty(instrument, l.qty()));
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
