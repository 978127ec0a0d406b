package com.papisandbox.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Streams JSON with Jackson's generator, so field order is exactly the order written. */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    public static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Error bodies are few and repeat (a bot hammering -2011): render each once. Bounded, since
     *  some messages carry request text (an unknown path). */
    private static final java.util.concurrent.ConcurrentMap<ApiError, byte[]> ERROR_BODIES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_ERRORS = 512;

    public static byte[] error(ApiError error) {
        byte[] cached = ERROR_BODIES.get(error);
        if (cached != null) return cached;
        byte[] body = renderError(error);
        if (ERROR_BODIES.size() < MAX_CACHED_ERRORS) ERROR_BODIES.putIfAbsent(error, body);
        return body;
    }

    private static byte[] renderError(ApiError error) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("code", error.code());
            g.writeStringField("msg", error.msg());
            g.writeEndObject();
        });
    }
}
