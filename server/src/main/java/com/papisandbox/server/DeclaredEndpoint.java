package com.papisandbox.server;

import java.util.Set;

/**
 * The declaration half of an endpoint (route, security, weight, parameters), held as data, so an endpoint
 * class says only how it parses, asks the engine and renders.
 */
public abstract class DeclaredEndpoint<R> implements Endpoint<R> {
    private final Route route;
    private final Security security;
    private final Weight weight;
    private final Set<String> parameters;

    protected DeclaredEndpoint(Route route, Security security, Weight weight, Set<String> parameters) {
        this.route = route;
        this.security = security;
        this.weight = weight;
        this.parameters = Set.copyOf(parameters);
    }

    protected DeclaredEndpoint(Route route, Security security, Weight weight, String... parameters) {
        this(route, security, weight, Set.of(parameters));
    }

    @Override
    public final Route route() {
        return route;
    }

    @Override
    public final Security security() {
        return security;
    }

    @Override
    public final Weight weight() {
        return weight;
    }

    @Override
    public final Set<String> parameters() {
        return parameters;
    }
}
