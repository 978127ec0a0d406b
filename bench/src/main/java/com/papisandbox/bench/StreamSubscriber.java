package com.papisandbox.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JDK WebSocket client counting messages and their delay behind the event time E. All share one HttpClient
 * (one selector thread): 200 clients of their own would be 200 threads competing for the cores.
 */
final class StreamSubscriber implements WebSocket.Listener {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final AtomicLong messages = new AtomicLong();
    private final Histogram delays = new Histogram(3);
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    StreamSubscriber(String url) throws Exception {
        socket = CLIENT.newWebSocketBuilder()
                .buildAsync(URI.create(url.replaceFirst("^http", "ws")), this).get(10, TimeUnit.SECONDS);
    }

    void reset() {
        messages.set(0);
        synchronized (delays) {
            delays.reset();
        }
    }

    long messages() {
        return messages.get();
    }

    /** Adds this subscriber's delays since the last reset to {@code into}. */
    void addDelaysTo(Histogram into) {
        synchronized (delays) {
            into.add(delays);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.currentTimeMillis();
            long e = eventTime(partial);
            partial.setLength(0);
            messages.incrementAndGet();
            if (e > 0) {
                synchronized (delays) {
                    delays.recordValue(Math.max(0, now - e));
                }
            }
        }
        ws.request(1);
        return null;
    }

    void close() {
        socket.abort();
    }

    /**
     * The payload's {@code "E":} number, found without parsing the frame: what a subscriber spends is CPU the
     * machine's other work does not get (every payload of these streams has one {@code "E"}).
     */
    static long eventTime(CharSequence frame) {
        int at = frame.toString().indexOf("\"E\":");
        if (at < 0) return 0;
        long value = 0;
        for (int i = at + 4; i < frame.length() && Character.isDigit(frame.charAt(i)); i++) value = value * 10 + (frame.charAt(i) - '0');
        return value;
    }
}
