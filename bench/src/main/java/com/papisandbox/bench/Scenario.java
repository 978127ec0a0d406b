package com.papisandbox.bench;

import java.util.Locale;

/** What one load-generator operation is. */
enum Scenario {
    /** GET /papi/v1/ping, unsigned: the floor of the HTTP stack. */
    PING(1),
    /** Signed DELETE of an order id that never exists: full edge + engine round trip, answered -2011. */
    CANCEL_UNKNOWN(1),
    /** Place a resting LIMIT GTC order, then cancel it by orderId on the same connection. */
    PLACE_CANCEL(2),
    /** Cancel one of the resting orders placed before the run. */
    CANCEL(1),
    /** 40% place, 40% cancel of an own open order, 15% query of an own order, 5% ping. */
    MIXED(1),
    /** Place a resting order and keep it (the pre-fill; closed loop until --prefill orders rest). */
    FILL(1);

    /** HTTP requests per operation. */
    final int requestsPerOp;

    Scenario(int requestsPerOp) {
        this.requestsPerOp = requestsPerOp;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Scenario byName(String name) {
        for (Scenario s : values()) {
            if (s.label().equals(name)) return s;
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "'");
    }
}
