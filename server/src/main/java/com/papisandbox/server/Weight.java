package com.papisandbox.server;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An endpoint's IP request weight, as data, so the rate limiter, the README table and the test against
 * the spec's catalogue all read the same declaration. {@link #describe()} uses the spec's wording.
 */
public sealed interface Weight {
    int of(RequestParams params);

    String describe();

    static Weight of(int weight) {
        return new Fixed(weight);
    }

    /** One weight when {@code param} is sent, another when it is not ("1 with symbol; 40 without"). */
    static Weight withOrWithout(String param, int with, int without) {
        return new WithOrWithout(param, with, without);
    }

    /** One weight with symbol, another with pair instead ("20 with symbol; 40 with pair"). */
    static Weight symbolOrPair(int withSymbol, int withPair) {
        return new SymbolOrPair(withSymbol, withPair);
    }

    /**
     * Weight by the {@code limit} parameter: {@code upTo[i]} is the highest limit that weighs
     * {@code weights[i]}; a limit above the last bound (or absent with a default above it) weighs the last.
     */
    static Weight byLimit(int defaultLimit, int[] upTo, int[] weights) {
        if (upTo.length != weights.length) throw new IllegalArgumentException("bounds and weights differ in length");
        return new ByLimit(defaultLimit, upTo.clone(), weights.clone());
    }

    record Fixed(int weight) implements Weight {
        @Override
        public int of(RequestParams params) {
            return weight;
        }

        @Override
        public String describe() {
            return Integer.toString(weight);
        }
    }

    record WithOrWithout(String param, int with, int without) implements Weight {
        @Override
        public int of(RequestParams params) {
            return params.has(param) ? with : without;
        }

        @Override
        public String describe() {
            return with + " with " + param + "; " + without + " without";
        }
    }

    record SymbolOrPair(int withSymbol, int withPair) implements Weight {
        @Override
        public int of(RequestParams params) {
            return params.has("symbol") ? withSymbol : withPair;
        }

        @Override
        public String describe() {
            return withSymbol + " with symbol; " + withPair + " with pair";
        }
    }

    record ByLimit(int defaultLimit, int[] upTo, int[] weights) implements Weight {
        @Override
        public int of(RequestParams params) {
            long limit = defaultLimit;
            String sent = params.get("limit");
            if (sent != null) {
                try {
                    limit = Long.parseLong(sent);
                } catch (NumberFormatException e) {
                    // a malformed limit is refused by the endpoint; weigh it as the default meanwhile
                }
            }
            for (int i = 0; i < upTo.length; i++) {
                if (limit <= upTo[i]) return weights[i];
            }
            return weights[weights.length - 1];
        }

        @Override
        public String describe() {
            StringBuilder out = new StringBuilder();
            int from = 1;
            for (int i = 0; i < upTo.length; i++) {
                if (i > 0) out.append("; ");
                boolean last = i == upTo.length - 1;
                out.append(weights[i]).append(" for limit ").append(from)
                        .append(last && upTo[i] == Integer.MAX_VALUE ? "+" : "-" + upTo[i]);
                from = upTo[i] + 1;
            }
            return out.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByLimit b && b.defaultLimit == defaultLimit
                    && Arrays.equals(b.upTo, upTo) && Arrays.equals(b.weights, weights);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(upTo) + Arrays.hashCode(weights) + defaultLimit;
        }

        @Override
        public String toString() {
            return Arrays.stream(weights).mapToObj(Integer::toString).collect(Collectors.joining("/", "ByLimit[", "]"));
        }
    }
}
