package com.papisandbox.server;

import com.papisandbox.engine.Instrument;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed reads of request parameters, each failing with Binance's error for that kind of value. */
public final class ParamReader {
    private static final Pattern LONG = Pattern.compile(ApiError.LONG_RANGE);
    private static final Pattern DECIMAL = Pattern.compile(ApiError.DECIMAL_RANGE);
    /** Beyond any filter bound, and far from overflow when multiplied. */
    private static final long HUGE_UNITS = Long.MAX_VALUE / 1024;

    private final RequestParams params;

    public ParamReader(RequestParams params) {
        this.params = params;
    }

    public String requiredString(String name) {
        String v = params.get(name);
        if (v == null) throw new ApiException(ApiError.mandatoryParam(name));
        return v;
    }

    public String optionalString(String name) {
        return params.get(name);
    }

    public long requiredLong(String name) {
        if (!params.has(name)) throw new ApiException(ApiError.mandatoryParam(name));
        return optionalLong(name, -1);
    }

    public long optionalLong(String name, long absent) {
        String v = params.get(name);
        if (v == null) return absent;
        if (!LONG.matcher(v).matches()) throw new ApiException(ApiError.illegalChars(name, ApiError.LONG_RANGE));
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiException(ApiError.illegalChars(name, ApiError.LONG_RANGE));
        }
    }

    public BigDecimal optionalDecimal(String name) {
        String v = params.get(name);
        if (v == null) return null;
        if (!DECIMAL.matcher(v).matches()) throw new ApiException(ApiError.illegalChars(name, ApiError.DECIMAL_RANGE));
        return new BigDecimal(v);
    }

    /**
     * The value among {@code allowed}, the values this endpoint documents for the parameter: an engine
     * constant the endpoint does not list (a new order type, say) is refused like any unknown value.
     */
    public <E extends Enum<E>> E optionalEnum(String name, Set<E> allowed, ApiError invalid) {
        String v = params.get(name);
        if (v == null) return null;
        for (E e : allowed) {
            if (e.name().equals(v)) return e;
        }
        throw new ApiException(invalid);
    }

    public boolean optionalBoolean(String name) {
        String v = params.get(name);
        if (v == null) return false;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new ApiException(ApiError.invalidParameter(name));
    }

    public static Instrument instrument(Map<String, Instrument> instruments, String symbol) {
        Instrument instrument = instruments.get(symbol);
        if (instrument == null) throw new ApiException(ApiError.invalidSymbol());
        return instrument;
    }

    /** A decimal in units of {@code 10^-precision}; finer than that is Binance's -1111. */
    public static long units(BigDecimal value, int precision) {
        BigDecimal scaled = value.movePointRight(precision);
        if (scaled.signum() != 0 && scaled.stripTrailingZeros().scale() > 0) throw new ApiException(ApiError.badPrecision());
        if (scaled.compareTo(BigDecimal.valueOf(HUGE_UNITS)) > 0) return HUGE_UNITS;
        return scaled.longValue();
    }
}
