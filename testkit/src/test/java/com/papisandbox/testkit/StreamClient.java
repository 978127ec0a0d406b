package com.papisandbox.testkit;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A WebSocket client (the JDK's) that queues every text message, and notes pings and the close. */
final class StreamClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile int pings;
    /** False: the pong is never sent (the JDK sends it when onPing's stage completes). */
    volatile boolean answerPings = true;
    private final WebSocket socket;

    private StreamClient(String url) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).get(10, TimeUnit.SECONDS);
    }

    static StreamClient connect(String baseUrl, String path) throws Exception {
        return new StreamClient(baseUrl.replaceFirst("^http", "ws") + path);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings++;
        webSocket.request(1);
        return answerPings ? WebSocket.Listener.super.onPing(webSocket, message) : new CompletableFuture<Void>();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** The next message, or fails after 5 s. */
    JsonObject next() throws InterruptedException {
        String m = messages.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a stream message within 5 s").isNotNull();
        return new JsonObject(m);
    }

    String nextRaw() throws InterruptedException {
        String m = messages.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a stream message within 5 s").isNotNull();
        return m;
    }

    /** Every message that arrives within {@code millis}. */
    List<String> drain(long millis) throws InterruptedException {
        List<String> all = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        String m;
        while ((m = messages.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) != null) all.add(m);
        return all;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }
}
