package com.papisandbox.server.stream;

import com.papisandbox.server.Endpoint;

import java.util.List;
import java.util.function.LongSupplier;

/** The REST side of the streams: the user data stream's listen keys. */
public final class StreamEndpoints {
    private StreamEndpoints() {
    }

    /** @param streams the live user streams, or null when none run (the route table alone, for its tests) */
    public static List<Endpoint<?>> all(ListenKeys keys, UserStreams streams, LongSupplier clock) {
        return ListenKeyEndpoint.all(keys, streams, clock);
    }
}
