package com.papisandbox.server.dapi;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An unsigned endpoint without parameters that the edge answers alone, without the engine: ping, time,
 * exchangeInfo. The body is made when the request comes, so times are current.
 */
public final class EdgeEndpoint implements Endpoint<Void> {
    private final Route route;
    private final Weight weight;
    private final Supplier<byte[]> body;

    public EdgeEndpoint(Route route, Supplier<byte[]> body) {
        this(route, Weight.of(1), body);
    }

    public EdgeEndpoint(Route route, Weight weight, Supplier<byte[]> body) {
        this.route = route;
        this.weight = weight;
        this.body = body;
    }

    @Override
    public Route route() {
        return route;
    }

    @Override
    public Security security() {
        return Security.NONE;
    }

    @Override
    public Weight weight() {
        return weight;
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public Void parse(ParamReader params) {
        return null;
    }

    @Override
    public EngineRequest request(long accountId, Void request, Map<String, Instrument> instruments) {
        return null;
    }

    @Override
    public byte[] render(Void request, Result result) {
        return body.get();
    }
}
