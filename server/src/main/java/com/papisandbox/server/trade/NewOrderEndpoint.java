package com.papisandbox.server.trade;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.OrderView;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.TimeInForce;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** New CM Order — {@code POST /papi/v1/cm/order} (spec §6.2). */
final class NewOrderEndpoint implements Endpoint<NewOrderEndpoint.Request> {
    @Override
    public Route route() {
        return Route.post("/papi/v1/cm/order");
    }

    @Override
    public Security security() {
        return Security.TRADE;
    }

    private static final Pattern CLIENT_ORDER_ID = Pattern.compile(ApiError.CLIENT_ORDER_ID_RANGE);
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private static final Set<String> PARAMETERS = Set.of("symbol", "side", "positionSide", "type", "timeInForce",
            "quantity", "reduceOnly", "price", "priceMatch", "newClientOrderId", "newOrderRespType");

    enum RespType { ACK, RESULT }

    // The values spec §6.2 documents for each enum parameter, and no others.
    private static final Set<Side> SIDES = EnumSet.of(Side.BUY, Side.SELL);
    private static final Set<PositionSide> POSITION_SIDES = EnumSet.of(PositionSide.BOTH, PositionSide.LONG, PositionSide.SHORT);
    private static final Set<OrderType> TYPES = EnumSet.of(OrderType.LIMIT, OrderType.MARKET);
    private static final Set<TimeInForce> TIMES_IN_FORCE = EnumSet.of(TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTX);
    private static final Set<RespType> RESP_TYPES = EnumSet.of(RespType.ACK, RespType.RESULT);

    record Request(String symbol, Side side, OrderType type, PositionSide positionSide, TimeInForce timeInForce,
                   BigDecimal quantity, boolean reduceOnly, boolean reduceOnlySent, BigDecimal price, String clientOrderId, RespType respType) {
    }

    @Override
    public Set<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public boolean placesOrder() {
        return true;
    }

    @Override
    public Request parse(ParamReader p) {
        // Each parameter is checked at its place in the documented order, with the rules of its type.
        String symbol = p.requiredString("symbol");
        Side side = p.optionalEnum("side", SIDES, ApiError.invalidSide());
        if (side == null) throw new ApiException(ApiError.mandatoryParam("side"));
        PositionSide positionSide = p.optionalEnum("positionSide", POSITION_SIDES, ApiError.invalidPositionSide());
        OrderType type = p.optionalEnum("type", TYPES, ApiError.invalidOrderType());
        if (type == null) throw new ApiException(ApiError.mandatoryParam("type"));
        boolean limit = type == OrderType.LIMIT;
        TimeInForce timeInForce = p.optionalEnum("timeInForce", TIMES_IN_FORCE, ApiError.invalidTimeInForce());
        if (limit && timeInForce == null) throw new ApiException(ApiError.mandatoryParam("timeInForce"));
        BigDecimal quantity = p.optionalDecimal("quantity");
        if (quantity == null) throw new ApiException(ApiError.mandatoryParam("quantity"));
        boolean reduceOnly = p.optionalBoolean("reduceOnly");
        boolean reduceOnlySent = p.optionalString("reduceOnly") != null;
        BigDecimal price = p.optionalDecimal("price");
        String priceMatch = p.optionalString("priceMatch");
        if (limit && price == null && priceMatch == null) throw new ApiException(ApiError.mandatoryParam("price"));
        if (!limit && price != null) throw new ApiException(ApiError.paramNotRequired("price"));
        PriceMatch.refuse(price, priceMatch);
        String clientOrderId = p.optionalString("newClientOrderId");
        if (clientOrderId != null && !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw new ApiException(ApiError.illegalChars("newClientOrderId", ApiError.CLIENT_ORDER_ID_RANGE));
        }
        if (clientOrderId != null && reservedClientOrderId(clientOrderId)) throw new ApiException(ApiError.reservedClientOrderId());
        RespType respType = p.optionalEnum("newOrderRespType", RESP_TYPES, ApiError.invalidNewOrderRespType());
        return new Request(symbol, side, type, positionSide == null ? PositionSide.BOTH : positionSide,
                limit ? timeInForce : null, quantity, reduceOnly, reduceOnlySent, price,
                clientOrderId == null ? generateClientOrderId() : clientOrderId, respType == null ? RespType.ACK : respType);
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        Instrument instrument = ParamReader.instrument(instruments, r.symbol());
        long price = r.price() == null ? 0 : ParamReader.units(r.price(), instrument.pricePrecision());
        long quantity = ParamReader.units(r.quantity(), instrument.quantityPrecision());
        return new Command.PlaceOrder(accountId, r.symbol(), r.side(), r.type(), r.timeInForce(), r.positionSide(),
                r.reduceOnly(), r.reduceOnlySent(), price, quantity, r.clientOrderId());
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.OrderResult placed)) throw Endpoint.refused(result);
        return Json.write(g -> OrderJson.writeNew(g, r.respType() == RespType.RESULT ? placed.order() : placed.acknowledged()));
    }

    /** 22 random alphanumerics, like the ids Binance gives orders sent without one. */
    static String generateClientOrderId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        return new String(id);
    }

    /** The prefixes Binance gives its own orders (spec §8.1 `c`): a user's order cannot pass for a liquidation. */
    static boolean reservedClientOrderId(String clientOrderId) {
        return clientOrderId.startsWith(OrderView.LIQUIDATION_PREFIX) || clientOrderId.startsWith("adl_autoclose")
                || clientOrderId.startsWith("settlement_autoclose-");
    }
}
