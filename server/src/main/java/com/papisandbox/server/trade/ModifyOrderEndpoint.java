package com.papisandbox.server.trade;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Modify CM Order — {@code PUT /papi/v1/cm/order} (papi-cm-next §2.10, spec §6.3). */
final class ModifyOrderEndpoint extends DeclaredEndpoint<ModifyOrderEndpoint.Request> {
    private static final Set<String> PARAMETERS = Set.of(OrderRef.ORDER_ID, OrderRef.ORIG_CLIENT_ORDER_ID, OrderRef.SYMBOL,
            "side", "quantity", "price", "priceMatch", "modifyId");
    private static final Set<Side> SIDES = EnumSet.of(Side.BUY, Side.SELL);

    /** {@code orderId < 0}: by client order id; {@code modifyId < 0}: not sent. */
    record Request(long orderId, String origClientOrderId, String symbol, Side side, BigDecimal quantity,
                   BigDecimal price, long modifyId) {
    }

    /** "Request Weight(Order) 1": an amendment counts toward the ORDERS limit like a new order. */
    ModifyOrderEndpoint() {
        super(Route.put("/papi/v1/cm/order"), Security.TRADE, Weight.of(1), PARAMETERS);
    }

    @Override
    public boolean placesOrder() {
        return true;
    }

    @Override
    public Request parse(ParamReader p) {
        // In the documented order: orderId, origClientOrderId, symbol, side, quantity, price, priceMatch, modifyId.
        long orderId = p.optionalLong(OrderRef.ORDER_ID, -1);
        String clientOrderId = p.optionalString(OrderRef.ORIG_CLIENT_ORDER_ID);
        if (orderId < 0 && clientOrderId == null) {
            throw new ApiException(ApiError.eitherParam(OrderRef.ORDER_ID, OrderRef.ORIG_CLIENT_ORDER_ID));
        }
        String symbol = p.requiredString(OrderRef.SYMBOL);
        Side side = p.optionalEnum("side", SIDES, ApiError.invalidSide());
        if (side == null) throw new ApiException(ApiError.mandatoryParam("side"));
        BigDecimal quantity = p.optionalDecimal("quantity");
        if (quantity == null) throw new ApiException(ApiError.mandatoryParam("quantity"));
        BigDecimal price = p.optionalDecimal("price");
        String priceMatch = p.optionalString("priceMatch");
        if (price == null && priceMatch == null) throw new ApiException(ApiError.mandatoryParam("price"));
        PriceMatch.refuse(price, priceMatch);
        long modifyId = p.optionalLong("modifyId", -1);
        return new Request(orderId, orderId >= 0 ? null : clientOrderId, symbol, side, quantity, price, modifyId);
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        Instrument instrument = ParamReader.instrument(instruments, r.symbol());
        long price = ParamReader.units(r.price(), instrument.pricePrecision());
        long quantity = ParamReader.units(r.quantity(), instrument.quantityPrecision());
        return new Command.ModifyOrder(accountId, r.symbol(), r.orderId(), r.origClientOrderId(), r.side(), price, quantity);
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.OrderResult modified)) throw Endpoint.refused(result);
        return Json.write(g -> OrderJson.writeModified(g, modified.order(), r.modifyId()));
    }
}
