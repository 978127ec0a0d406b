package com.papisandbox.server.account;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
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

/** {@code POST} and {@code GET /papi/v1/cm/positionSide/dual} (papi-cm-next §2.4). */
final class PositionModeEndpoints {
    private static final String PATH = "/papi/v1/cm/positionSide/dual";
    private static final byte[] SUCCESS = Json.write(g -> {
        g.writeStartObject();
        g.writeNumberField("code", 200);
        g.writeStringField("msg", "success");
        g.writeEndObject();
    });

    private PositionModeEndpoints() {
    }

    static final class Change extends DeclaredEndpoint<Boolean> {
        Change() {
            super(Route.post(PATH), Security.TRADE, Weight.of(1), "dualSidePosition");
        }

        @Override
        public Boolean parse(ParamReader p) {
            String value = p.requiredString("dualSidePosition");
            if (value.equals("true")) return true;
            if (value.equals("false")) return false;
            throw new ApiException(ApiError.invalidParameter("dualSidePosition"));
        }

        @Override
        public EngineRequest request(long accountId, Boolean dual, Map<String, Instrument> instruments) {
            return new Command.SetPositionMode(accountId, dual);
        }

        @Override
        public byte[] render(Boolean dual, Result result) {
            if (!(result instanceof Result.Done)) throw Endpoint.refused(result);
            return SUCCESS.clone();
        }
    }

    static final class Current extends DeclaredEndpoint<Void> {
        Current() {
            super(Route.get(PATH), Security.USER_DATA, Weight.of(30));
        }

        @Override
        public Void parse(ParamReader p) {
            return null;
        }

        @Override
        public EngineRequest request(long accountId, Void request, Map<String, Instrument> instruments) {
            return new Query.PositionMode(accountId);
        }

        @Override
        public byte[] render(Void request, Result result) {
            if (!(result instanceof Result.PositionMode mode)) throw Endpoint.refused(result);
            return Json.write(g -> {
                g.writeStartObject();
                g.writeBooleanField("dualSidePosition", mode.dualSidePosition());
                g.writeEndObject();
            });
        }
    }
}
