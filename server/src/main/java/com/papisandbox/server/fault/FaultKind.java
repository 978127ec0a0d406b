package com.papisandbox.server.fault;

/** What an injected fault does to a request it hits. */
public enum FaultKind {
    /** Answers after an added delay (fixed, or drawn from a preset shaped like Binance's latency tail). */
    LATENCY,
    /** Answers with a chosen Binance error; the request is not carried out. */
    ERROR,
    /** Carries the request out, then answers 503 "Unknown error, please check your request or try again later." */
    UNKNOWN_EXECUTED,
    /** Answers that same 503 without carrying the request out. */
    UNKNOWN_NOT_EXECUTED,
    /** 503 -1008 "Request throttled by system-level protection"; cancels and reduce-only orders are exempt. */
    THROTTLED,
    /** An HTML 502 Bad Gateway page from the proxy in front, instead of JSON; not carried out. */
    HTML_502,
    /** The connection closes without an answer; not carried out. */
    CLOSE_CONNECTION;

    /** True if the request still reaches the engine. */
    public boolean executes() {
        return this == LATENCY || this == UNKNOWN_EXECUTED;
    }
}
