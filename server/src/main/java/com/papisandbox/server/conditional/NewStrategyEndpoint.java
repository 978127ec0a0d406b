package com.papisandbox.server.conditional;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Reject;
import com.papisandbox.engine.Result;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.StrategyType;
import com.papisandbox.engine.TimeInForce;
import com.papisandbox.engine.WorkingType;
import com.papisandbox.server.ApiError;
import com.papisandbox.server.ApiException;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.RandomText;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * New CM Conditional Order — {@code POST /papi/v1/cm/conditional/order} (spec §6.9). Each type takes only its own
 * prices: a price for STOP and TAKE_PROFIT, a stop price for all but the trailing stop, an activation price and a
 * callback rate for the trailing stop; one sent to a type that does not take it is -1106.
 */
final class NewStrategyEndpoint extends DeclaredEndpoint<NewStrategyEndpoint.Request> {
    static final String CLIENT_STRATEGY_ID_RANGE = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";
    private static final Pattern CLIENT_STRATEGY_ID = Pattern.compile(CLIENT_STRATEGY_ID_RANGE);
    private static final BigDecimal MIN_CALLBACK_RATE = new BigDecimal("0.1");
    private static final BigDecimal MAX_CALLBACK_RATE = new BigDecimal("5");

    // The values spec §6.9 documents for each enum parameter, and no others.
    private static final Set<Side> SIDES = EnumSet.of(Side.BUY, Side.SELL);
    private static final Set<PositionSide> POSITION_SIDES = EnumSet.of(PositionSide.BOTH, PositionSide.LONG, PositionSide.SHORT);
    private static final Set<StrategyType> TYPES = EnumSet.of(StrategyType.STOP, StrategyType.STOP_MARKET, StrategyType.TAKE_PROFIT,
            StrategyType.TAKE_PROFIT_MARKET, StrategyType.TRAILING_STOP_MARKET);
    private static final Set<TimeInForce> TIMES_IN_FORCE = EnumSet.of(TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTX);
    private static final Set<WorkingType> WORKING_TYPES = EnumSet.of(WorkingType.MARK_PRICE, WorkingType.CONTRACT_PRICE);

    record Request(String symbol, Side side, PositionSide positionSide, StrategyType type, TimeInForce timeInForce,
                   BigDecimal quantity, boolean reduceOnly, boolean reduceOnlySent, BigDecimal price, WorkingType workingType,
                   boolean priceProtect, String clientStrategyId, BigDecimal stopPrice, BigDecimal activationPrice,
                   int callbackRate) {
    }

    NewStrategyEndpoint() {
        super(Route.post("/papi/v1/cm/conditional/order"), Security.TRADE, Weight.of(1), Set.of("symbol", "side", "positionSide",
                "strategyType", "timeInForce", "quantity", "reduceOnly", "price", "workingType", "priceProtect",
                "newClientStrategyId", "stopPrice", "activationPrice", "callbackRate"));
    }

    @Override
    public boolean placesOrder() {
        return true;
    }

    @Override
    public Request parse(ParamReader p) {
        // in the documented parameter order, each with the rules of its type
        String symbol = p.requiredString("symbol");
        Side side = p.optionalEnum("side", SIDES, ApiError.invalidSide());
        if (side == null) throw new ApiException(ApiError.mandatoryParam("side"));
        PositionSide positionSide = p.optionalEnum("positionSide", POSITION_SIDES, ApiError.invalidPositionSide());
        StrategyType type = p.optionalEnum("strategyType", TYPES, ApiError.invalidOrderType());
        if (type == null) throw new ApiException(ApiError.mandatoryParam("strategyType"));
        boolean limit = type == StrategyType.STOP || type == StrategyType.TAKE_PROFIT;
        TimeInForce timeInForce = p.optionalEnum("timeInForce", TIMES_IN_FORCE, ApiError.invalidTimeInForce());
        BigDecimal quantity = p.optionalDecimal("quantity");
        if (quantity == null) throw new ApiException(ApiError.mandatoryParam("quantity"));
        boolean reduceOnly = p.optionalBoolean("reduceOnly");
        boolean reduceOnlySent = p.optionalString("reduceOnly") != null;
        BigDecimal price = p.optionalDecimal("price");
        if (limit && price == null) throw new ApiException(ApiError.mandatoryParam("price"));
        if (!limit && price != null) throw new ApiException(ApiError.paramNotRequired("price"));
        WorkingType workingType = p.optionalEnum("workingType", WORKING_TYPES, ApiError.invalidParameter("workingType"));
        boolean priceProtect = p.optionalBoolean("priceProtect");
        String clientStrategyId = p.optionalString("newClientStrategyId");
        if (clientStrategyId != null && !CLIENT_STRATEGY_ID.matcher(clientStrategyId).matches()) {
            throw new ApiException(ApiError.illegalChars("newClientStrategyId", CLIENT_STRATEGY_ID_RANGE));
        }
        BigDecimal stopPrice = p.optionalDecimal("stopPrice");
        BigDecimal activationPrice = p.optionalDecimal("activationPrice");
        BigDecimal callbackRate = p.optionalDecimal("callbackRate");
        if (type.trailing()) {
            if (stopPrice != null) throw new ApiException(ApiError.paramNotRequired("stopPrice"));
            // 0 stands for "not sent" in the engine: a sent 0 is an invalid activation price
            if (activationPrice != null && activationPrice.signum() == 0) throw new ApiException(ApiError.of(Reject.INVALID_ACTIVATION_PRICE));
            if (callbackRate == null) throw new ApiException(ApiError.mandatoryParam("callbackRate"));
            if (callbackRate.compareTo(MIN_CALLBACK_RATE) < 0 || callbackRate.compareTo(MAX_CALLBACK_RATE) > 0
                    || callbackRate.stripTrailingZeros().scale() > 1) {
                throw new ApiException(ApiError.invalidParameter("callbackRate"));
            }
        } else {
            if (stopPrice == null) throw new ApiException(ApiError.mandatoryParam("stopPrice"));
            if (activationPrice != null) throw new ApiException(ApiError.paramNotRequired("activationPrice"));
            if (callbackRate != null) throw new ApiException(ApiError.paramNotRequired("callbackRate"));
        }
        return new Request(symbol, side, positionSide == null ? PositionSide.BOTH : positionSide, type,
                timeInForce == null ? TimeInForce.GTC : timeInForce, quantity, reduceOnly, reduceOnlySent, price,
                workingType == null ? WorkingType.CONTRACT_PRICE : workingType, priceProtect,
                clientStrategyId == null ? RandomText.alphanumeric(22) : clientStrategyId, stopPrice, activationPrice,
                callbackRate == null ? 0 : callbackRate.movePointRight(1).intValueExact());
    }

    @Override
    public EngineRequest request(long accountId, Request r, Map<String, Instrument> instruments) {
        Instrument in = ParamReader.instrument(instruments, r.symbol());
        int pp = in.pricePrecision();
        return new Command.PlaceStrategy(accountId, r.symbol(), r.side(), r.positionSide(), r.type(), r.timeInForce(),
                ParamReader.units(r.quantity(), in.quantityPrecision()), r.reduceOnly(), r.reduceOnlySent(), units(r.price(), pp),
                r.workingType(), r.priceProtect(), r.clientStrategyId(), units(r.stopPrice(), pp), units(r.activationPrice(), pp),
                r.callbackRate());
    }

    private static long units(BigDecimal price, int precision) {
        return price == null ? 0 : ParamReader.units(price, precision);
    }

    @Override
    public byte[] render(Request r, Result result) {
        if (!(result instanceof Result.StrategyResult placed)) throw Endpoint.refused(result);
        return Json.write(g -> StrategyJson.writeNew(g, placed.strategy()));
    }
}
