package com.papisandbox.server.account;

import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Set;

/** The declaration half of an account endpoint (route, security, weight, parameters), held as data. */
abstract class AccountEndpoint<R> implements Endpoint<R> {
    private final Route route;
    private final Security security;
    private final Weight weight;
    private final Set<String> parameters;

    AccountEndpoint(Route route, Security security, Weight weight, String... parameters) {
        this.route = route;
        this.security = security;
        this.weight = weight;
        this.parameters = Set.of(parameters);
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
