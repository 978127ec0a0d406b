package com.papisandbox.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one request, from the raw query string and the raw form body, exactly as received.
 * Keeps the signed payload ({@code totalParams}: raw query without the signature, directly followed by
 * the raw body without the signature) so the signature is checked over the bytes the client signed,
 * never over a re-encoding. A name given in both places takes the query's value (spec §1).
 */
public final class RequestParams {
    private final Map<String, String> values;
    private final String signature;
    private final String signedPayload;

    private RequestParams(Map<String, String> values, String signature, String signedPayload) {
        this.values = values;
        this.signature = signature;
        this.signedPayload = signedPayload;
    }

    public static RequestParams parse(String rawQuery, String rawBody) {
        Source query = Source.parse(rawQuery == null ? "" : rawQuery);
        Source body = Source.parse(rawBody == null ? "" : rawBody);
        if (query.signature != null && body.signature != null) {
            throw new ApiException(ApiError.duplicateParameter());
        }
        Map<String, String> merged = query.values;
        if (!body.values.isEmpty()) {
            merged = new LinkedHashMap<>(body.values);
            merged.putAll(query.values);
        }
        String signature = query.signature != null ? query.signature : body.signature;
        return new RequestParams(merged, signature, query.unsigned + body.unsigned);
    }

    /** The decoded value, or null when absent or empty (Binance treats empty as not sent). */
    public String get(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    public Iterable<String> names() {
        return values.keySet();
    }

    /** Number of distinct parameters sent, the signature included. */
    public int count() {
        return values.size() + (signature != null ? 1 : 0);
    }

    public String signature() {
        return signature;
    }

    public String signedPayload() {
        return signedPayload;
    }

    /** One source of parameters: the query string or the body. */
    private static final class Source {
        final Map<String, String> values = new LinkedHashMap<>();
        String signature;
        String unsigned = "";

        static Source parse(String raw) {
            requirePrintableAscii(raw);
            Source source = new Source();
            source.unsigned = raw;
            if (raw.isEmpty()) return source;
            int start = 0;
            while (start <= raw.length()) {
                int end = raw.indexOf('&', start);
                if (end < 0) end = raw.length();
                if (end > start) {
                    String pair = raw.substring(start, end);
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    if (name.equals("signature")) {
                        if (source.signature != null) throw new ApiException(ApiError.duplicateParameter());
                        source.signature = value;
                        // Cut "signature=..." and one adjoining '&' out of the raw text, nothing else.
                        source.unsigned = start > 0
                                ? raw.substring(0, start - 1) + raw.substring(end)
                                : raw.substring(Math.min(end + 1, raw.length()));
                    } else if (source.values.putIfAbsent(name, value) != null) {
                        throw new ApiException(ApiError.duplicateParameter());
                    }
                }
                start = end + 1;
            }
            return source;
        }

        /** A query or form body is URL-encoded ASCII; raw bytes outside it are never a valid parameter. */
        private static void requirePrintableAscii(String raw) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c < 0x21 || c > 0x7e) throw new ApiException(ApiError.illegalChars());
            }
        }

        private static String decode(String s) {
            if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
            try {
                String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
                if (decoded.indexOf('\uFFFD') >= 0) throw new ApiException(ApiError.illegalChars());
                return decoded;
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiError.illegalChars());
            }
        }
    }
}
