package com.papisandbox.server.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.server.Json;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The admin API's JSON: records as objects in component order, decimals as plain strings (as Binance sends
 * prices and amounts), nulls left out.
 */
final class AdminJson {
    private AdminJson() {
    }

    static byte[] render(Object value) {
        return Json.write(g -> write(g, value));
    }

    static byte[] error(AdminException e) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("error", e.error());
            g.writeStringField("message", e.getMessage());
            g.writeEndObject();
        });
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof BigDecimal d) {
            g.writeString(d.toPlainString());
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Double d) {
            g.writeString(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (value instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (value instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object item : list) write(g, item);
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value.getClass().isRecord()) {
            g.writeStartObject();
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                Object field;
                try {
                    field = c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (field == null) continue;
                g.writeFieldName(c.getName());
                write(g, field);
            }
            g.writeEndObject();
        } else {
            g.writeString(value.toString());
        }
    }
}
