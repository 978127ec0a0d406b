package com.papisandbox.server;

/** Stops handling a request with a Binance error; carries no stack trace, it is a reply, not a fault. */
public final class ApiException extends RuntimeException {
    private final ApiError error;
    /** The {@code Retry-After} seconds of a 429 or 418, or 0 for none. */
    private final long retryAfterSeconds;

    public ApiException(ApiError error) {
        this(error, 0);
    }

    public ApiException(ApiError error, long retryAfterSeconds) {
        super(error.msg(), null, false, false);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiError error() {
        return error;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
