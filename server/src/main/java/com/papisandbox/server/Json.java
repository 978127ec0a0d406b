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

    public static byte[] error(ApiError error) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("code", error.code());
            g.writeStringField("msg", error.msg());
            g.writeEndObject();
        });
    }
}
