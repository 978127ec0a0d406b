package com.papisandbox.server.account;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Reject;
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

/** Change CM Initial Leverage — {@code POST /papi/v1/cm/leverage} (papi-cm-next §2.3). */
final class LeverageEndpoint extends DeclaredEndpoint<LeverageEndpoint.Request> {
    record Request(String symbol, long leverage) {
    }

    LeverageEndpoint() {
        super(Route.post("/papi/v1/cm/leverage"), Security.TRADE, Weight.of(1), "symbol", "leverage");
    }

    @Override
    public Request parse(ParamReader p) {
        return new Request(p.requiredString("symbol"), p.requiredLong("leverage"));
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        ParamReader.instrument(instruments, r.symbol());
        // 1..125 is the documented range; the engine checks the symbol's own bracket maximum.
        if (r.leverage() < 1 || r.leverage() > 125) throw new ApiException(notValid(r.leverage()));
        return new Command.SetLeverage(accountId, r.symbol(), (int) r.leverage());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (result instanceof Result.Rejected rejected && rejected.reason() == Reject.LEVERAGE_NOT_VALID) {
            throw new ApiException(notValid(r.leverage()));
        }
        if (!(result instanceof Result.LeverageSet set)) throw Endpoint.refused(result);
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("leverage", set.leverage());
            g.writeStringField("maxQty", Long.toString(set.maxQty()));
            g.writeStringField("symbol", set.symbol());
            g.writeEndObject();
        });
    }

    /** Binance's template names the value: "Leverage 150 is not valid". */
    private static ApiError notValid(long leverage) {
        return new ApiError(400, -4028, "Leverage " + leverage + " is not valid");
    }
}
