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
 * Query User's CM Force Orders — {@code GET /papi/v1/cm/forceOrders} (spec §6.12): the account's liquidation
 * orders ({@code autoclose-…}), oldest first; weight 20 with a symbol, 50 without.
 */
final class ForceOrdersEndpoint extends DeclaredEndpoint<ForceOrdersEndpoint.Request> {
    private static final Set<String> PARAMETERS = Set.of("symbol", "autoCloseType", "startTime", "endTime", "limit");

    /** @param adl null when autoCloseType was not sent: both kinds */
    record Request(String symbol, Boolean adl, long startTime, long endTime, long limit) {
    }

    ForceOrdersEndpoint() {
        super(Route.get("/papi/v1/cm/forceOrders"), Security.USER_DATA, Weight.withOrWithout("symbol", 20, 50), PARAMETERS);
    }

    @Override
    public Request parse(ParamReader p) {
        String type = p.optionalString("autoCloseType");
        Boolean adl = null;
        if (type != null) {
            if (!type.equals("LIQUIDATION") && !type.equals("ADL")) throw new ApiException(ApiError.invalidParameter("autoCloseType"));
            adl = type.equals("ADL");
        }
        Request r = new Request(p.optionalString("symbol"), adl, p.optionalLong("startTime", -1), p.optionalLong("endTime", -1),
                p.optionalLong("limit", 50));
        if (r.limit() < 1 || r.limit() > 100) throw new ApiException(ApiError.invalidParameter("limit"));
        return r;
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        if (r.symbol() != null) ParamReader.instrument(instruments, r.symbol());
        return new Query.ForceOrders(accountId, r.symbol(), r.adl(), r.startTime(), r.endTime(), (int) r.limit());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.Orders orders)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartArray();
            for (OrderView o : orders.orders()) OrderJson.writeForceOrder(g, o);
            g.writeEndArray();
        });
    }
}
