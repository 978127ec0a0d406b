package com.papisandbox.engine;

/**
 * {@code floor(a × b / c)} for non-negative longs through a 128-bit product, without allocating: the
 * inverse-contract formulas multiply a contract notional by a power of ten before dividing by a price, and
 * that product outgrows 64 bits long before the quotient does.
 */
final class MulDiv {
    private MulDiv() {
    }

    /**
     * @throws ArithmeticException if an argument is negative, c is zero, or the quotient does not fit a long
     *         (callers keep positions and prices within bounds where it always does)
     */
    static long floor(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) throw new ArithmeticException("mulDiv needs a, b >= 0 and c > 0");
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && lo >= 0) return lo / c;
        if (Long.compareUnsigned(hi, c) >= 0 || hi < 0) throw new ArithmeticException("mulDiv quotient overflows");
        // Long division of the 128-bit (hi, lo) by c, one bit at a time: hi < c keeps the running remainder < c.
        long q = 0;
        long r = hi;
        for (int i = 63; i >= 0; i--) {
            boolean carry = r < 0;
            r = (r << 1) | ((lo >>> i) & 1);
            q <<= 1;
            if (carry || Long.compareUnsigned(r, c) >= 0) {
                r -= c;
                q |= 1;
            }
        }
        if (q < 0) throw new ArithmeticException("mulDiv quotient overflows");
        return q;
    }

    /** {@code floor(a × b / c)} for a signed {@code a}, rounded toward zero. */
    static long towardZero(long a, long b, long c) {
        return a < 0 ? -floor(-a, b, c) : floor(a, b, c);
    }

    /** {@link #towardZero}, but saturating at ±{@link Long#MAX_VALUE} instead of overflowing (USD valuations). */
    static long saturating(long a, long b, long c) {
        long magnitude = Math.abs(a);
        // the quotient reaches 2^63 only if the high half of the product reaches c / 2
        if (b != 0 && Long.compareUnsigned(Math.multiplyHigh(magnitude, b), c >>> 1) >= 0) return a < 0 ? -Long.MAX_VALUE : Long.MAX_VALUE;
        return towardZero(a, b, c);
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) return a < 0 ? -Long.MAX_VALUE : Long.MAX_VALUE;
        return r;
    }
}
