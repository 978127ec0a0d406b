package com.papisandbox.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http refuses to build: raw non-ASCII bytes in the
 * request target or body, arbitrary header values, any method with any body. One request per connection.
 */
final class RawHttp {
    private RawHttp() {
    }

    /**
     * Sends {@code method target HTTP/1.1} with the given headers (Host, Connection: close and, when a body
     * is given and the headers frame none, Content-Length are added; the body is sent as given) and returns the reply as a {@link PapiClient.Response}.
     */
    static PapiClient.Response send(String baseUrl, String method, byte[] target, Map<String, String> headers, byte[] body) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write((method + " ").getBytes(StandardCharsets.US_ASCII));
            request.write(target);
            StringBuilder head = new StringBuilder(" HTTP/1.1\r\n");
            head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            boolean framed = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Transfer-Encoding")
                    || k.equalsIgnoreCase("Content-Length"));
            if (body != null && !framed) head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) request.write(body);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before reading a large body; the answer is still readable.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PapiClient.Response send(String baseUrl, String method, String target, Map<String, String> headers, byte[] body) {
        return send(baseUrl, method, target.getBytes(StandardCharsets.ISO_8859_1), headers, body);
    }

    /** Reads until EOF, or until a complete reply with a Content-Length has arrived. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                if (complete(all.toByteArray())) break;
            }
        } catch (SocketException e) {
            if (all.size() == 0) throw e;
        }
        return all.toByteArray();
    }

    private static boolean complete(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) return false;
        for (String line : text.substring(0, split).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return raw.length - split - 4 >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    private static PapiClient.Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) throw new IllegalStateException("no HTTP reply: " + text);
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        String body = new String(bodyBytes, StandardCharsets.UTF_8);
        String length = headers.get("content-length");
        if (length != null) {
            int n = Integer.parseInt(length);
            if (bodyBytes.length > n) body = new String(bodyBytes, 0, n, StandardCharsets.UTF_8);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new PapiClient.Response(status, body, headers);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < chunked.length()) {
            int eol = chunked.indexOf("\r\n", pos);
            if (eol < 0) break;
            int size = Integer.parseInt(chunked.substring(pos, eol).split(";")[0].trim(), 16);
            if (size == 0) break;
            out.append(chunked, eol + 2, eol + 2 + size);
            pos = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
