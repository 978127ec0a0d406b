package com.papisandbox.server.stream;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code POST|PUT|DELETE /papi/v1/listenKey} (spec-next §4.1): USER_STREAM, the API key alone names the
 * account. PAPI takes no parameters; a {@code listenKey} sent anyway (as spot clients do) is read and
 * ignored, and a signed request's timestamp and signature are accepted unchecked, since Binance's own PM
 * connector sends none and a signature adds nothing to a key-only endpoint. Answered at the edge: keys are
 * not engine state.
 */
final class ListenKeyEndpoint extends DeclaredEndpoint<ListenKeyEndpoint.Call> {
    enum Action { START, KEEPALIVE, CLOSE }

    /** The outcome, filled in by {@link #request} for {@link #render}. */
    static final class Call {
        ListenKeys.Key key;
    }

    private final Action action;
    private final ListenKeys keys;
    private final UserStreams streams;
    private final LongSupplier clock;

    private ListenKeyEndpoint(Route route, Action action, ListenKeys keys, UserStreams streams, LongSupplier clock) {
        super(route, Security.USER_STREAM, Weight.of(1), Set.of("listenKey"));
        this.action = action;
        this.keys = keys;
        this.streams = streams;
        this.clock = clock;
    }

    static List<com.papisandbox.server.Endpoint<?>> all(ListenKeys keys, UserStreams streams, LongSupplier clock) {
        String path = "/papi/v1/listenKey";
        return List.of(new ListenKeyEndpoint(Route.post(path), Action.START, keys, streams, clock),
                new ListenKeyEndpoint(Route.put(path), Action.KEEPALIVE, keys, streams, clock),
                new ListenKeyEndpoint(Route.delete(path), Action.CLOSE, keys, streams, clock));
    }

    @Override
    public Call parse(ParamReader params) {
        params.optionalString("listenKey");
        return new Call();
    }

    @Override
    public EngineRequest request(long accountId, Call call, Map<String, Instrument> instruments) {
        long now = clock.getAsLong();
        call.key = switch (action) {
            case START -> keys.open(accountId, now);
            case KEEPALIVE -> keys.keepAlive(accountId, now);
            case CLOSE -> keys.close(accountId, now);
        };
        if (call.key == null) throw new ApiException(ApiError.listenKeyDoesNotExist());
        if (action == Action.CLOSE && streams != null) streams.keyClosed(call.key);
        return null;
    }

    @Override
    public byte[] render(Call call, Result result) {
        if (action != Action.START) return "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("listenKey", call.key.key());
            g.writeEndObject();
        });
    }
}
