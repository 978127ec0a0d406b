package com.papisandbox.server.trade;

import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.util.Map;
import java.util.Set;

/**
 * Query All CM Orders — {@code GET /papi/v1/cm/allOrders} (spec §6.8, papi-cm-next §2.8): items as Query CM
 * Order shows them (positionSide last); the 3-day rule for unfilled closed orders applies.
 */
final class AllOrdersEndpoint extends DeclaredEndpoint<AllOrdersEndpoint.Request> {
    private static final Set<String> PARAMETERS = Set.of("symbol", "pair", "orderId", "startTime", "endTime", "limit");

    record Request(String symbol, String pair, long orderId, long startTime, long endTime, long limit) {
    }

    AllOrdersEndpoint() {
        super(Route.get("/papi/v1/cm/allOrders"), Security.USER_DATA, Weight.symbolOrPair(20, 40), PARAMETERS);
    }

    @Override
    public Request parse(ParamReader p) {
        Request r = new Request(p.optionalString("symbol"), p.optionalString("pair"), p.optionalLong("orderId", -1),
                p.optionalLong("startTime", -1), p.optionalLong("endTime", -1), p.optionalLong("limit", 50));
        if (r.symbol() == null && r.pair() == null) throw new ApiException(ApiError.eitherParam("symbol", "pair"));
        if (r.limit() < 1 || r.limit() > 100) throw new ApiException(ApiError.invalidParameter("limit"));
        return r;
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        if (r.symbol() != null) ParamReader.instrument(instruments, r.symbol());
        return new Query.AllOrders(accountId, r.symbol(), r.symbol() == null ? r.pair() : null, r.orderId(),
                r.startTime(), r.endTime(), (int) r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Orders orders)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (OrderView o : orders.orders()) OrderJson.writeQueried(g, o);
            g.writeEndArray();
        });
    }
}
