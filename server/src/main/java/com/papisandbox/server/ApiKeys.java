package com.papisandbox.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** API key → account, readable from every event loop; filled from the engine's accounts. */
public final class ApiKeys {
    private static final Pattern KEY_FORMAT = Pattern.compile("^[A-Za-z0-9_\\-]{1,128}$");

    public record Entry(long accountId, Credential credential) {
    }

    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();

    public void put(String apiKey, long accountId, Credential credential) {
        byKey.put(apiKey, new Entry(accountId, credential));
    }

    /** The account of a request's {@code X-MBX-APIKEY} header, or the Binance error for it. */
    public Entry authenticate(String header) {
        if (header == null || !KEY_FORMAT.matcher(header).matches()) {
            throw new ApiException(ApiError.badApiKeyFormat());
        }
        Entry entry = byKey.get(header);
        if (entry == null) {
            throw new ApiException(ApiError.rejectedApiKey());
        }
        return entry;
    }

    /** Makes the keys exactly {@code keys} (after a reset or restore); keys in both never stop working. */
    public void replaceAll(Map<String, Entry> keys) {
        byKey.putAll(keys);
        byKey.keySet().retainAll(keys.keySet());
    }

    public int size() {
        return byKey.size();
    }
}
