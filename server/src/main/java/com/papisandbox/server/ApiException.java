package com.papisandbox.server;

/** Stops handling a request with a Binance error; carries no stack trace, it is a reply, not a fault. */
public final class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.msg(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
