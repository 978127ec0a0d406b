package com.papisandbox.server.fault;

import com.papisandbox.engine.Reject;
import com.papisandbox.server.ApiError;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every Binance error the sandbox itself can send, by code, with its message and HTTP status: what an ERROR fault
 * answers when given only a code. Read from {@link ApiError}'s table (its fixed-text errors and every engine
 * rejection), so it never falls behind it.
 */
public final class KnownErrors {
    private static final Map<Integer, ApiError> BY_CODE = load();

    private KnownErrors() {
    }

    public static ApiError forCode(int code) {
        return BY_CODE.get(code);
    }

    private static Map<Integer, ApiError> load() {
        Map<Integer, ApiError> byCode = new TreeMap<>();
        for (Reject r : Reject.values()) byCode.putIfAbsent(ApiError.of(r).code(), ApiError.of(r));
        for (Method m : ApiError.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 0
                    || m.getReturnType() != ApiError.class) continue;
            try {
                ApiError e = (ApiError) m.invoke(null);
                byCode.putIfAbsent(e.code(), e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return byCode;
    }
}
