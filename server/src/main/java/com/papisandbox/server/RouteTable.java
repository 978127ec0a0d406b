package com.papisandbox.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every endpoint the sandbox serves, by route. The edge dispatches from it, and the README's endpoint
 * table and the test against the spec's catalogue are made from it, so the three cannot drift apart.
 */
public final class RouteTable {
    private final List<Endpoint<?>> endpoints = new ArrayList<>();
    private final Map<String, Endpoint<?>> byRoute = new HashMap<>();

    @SafeVarargs
    public RouteTable(Collection<? extends Endpoint<?>>... groups) {
        for (Collection<? extends Endpoint<?>> group : groups) {
            for (Endpoint<?> endpoint : group) {
                if (byRoute.putIfAbsent(endpoint.route().key(), endpoint) != null) {
                    throw new IllegalArgumentException("two endpoints for " + endpoint.route().key());
                }
                endpoints.add(endpoint);
            }
        }
    }

    /** The endpoint for "METHOD /path", or null. */
    public Endpoint<?> find(String routeKey) {
        return byRoute.get(routeKey);
    }

    /** In declaration order. */
    public List<Endpoint<?>> endpoints() {
        return Collections.unmodifiableList(endpoints);
    }

    /** The README's endpoint table: one row per route, in declaration order. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| Method | Path | Weight | Security |\n|---|---|---|---|\n");
        for (Endpoint<?> e : endpoints) {
            out.append("| ").append(e.route().method()).append(" | `").append(e.route().path()).append("` | ")
                    .append(e.weight().describe()).append(e.placesOrder() ? " (+1 order)" : "").append(" | ")
                    .append(e.security()).append(" |\n");
        }
        return out.toString();
    }
}
