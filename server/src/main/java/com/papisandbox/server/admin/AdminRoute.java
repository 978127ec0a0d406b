package com.papisandbox.server.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One admin operation: method, path template ({@code {name}} matches one segment), the body fields it reads
 * ({@code raw}: the body is a document of its own, such as a scenario, read whole), and the call on
 * {@link SandboxAdmin} that answers it.
 */
record AdminRoute(String method, String template, Set<String> fields, String summary, Operation operation, boolean raw) {
    @FunctionalInterface
    interface Operation {
        Object apply(SandboxAdmin admin, AdminRequest request);
    }

    AdminRoute {
        fields = Set.copyOf(fields);
    }

    /** The path's parameters if it matches this route's template, else null. */
    Map<String, String> match(String path) {
        String[] want = template.split("/");
        String[] got = path.split("/", -1);
        if (want.length != got.length) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{")) {
                if (got[i].isEmpty()) return null;
                params.put(want[i].substring(1, want[i].length() - 1), URLDecoder.decode(got[i], StandardCharsets.UTF_8));
            } else if (!want[i].equals(got[i])) {
                return null;
            }
        }
        return params;
    }
}
