package com.papisandbox.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.papisandbox.engine.Command;
import com.papisandbox.engine.OrderType;
import com.papisandbox.engine.PositionSide;
import com.papisandbox.engine.Side;
import com.papisandbox.engine.StrategyType;
import com.papisandbox.engine.WorkingType;
import com.papisandbox.engine.TimeInForce;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commands as compact JSON objects ({@code {"t":"place",...}}): readable with any SQL tool, and
 * tolerant of field order. Only state-changing commands are ever encoded.
 */
public final class CommandCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private CommandCodec() {
    }

    public static String encode(Command command) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (command instanceof Command.PlaceOrder c) {
                g.writeStringField("t", "place");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
                g.writeStringField("side", c.side().name());
                g.writeStringField("type", c.type().name());
                if (c.timeInForce() != null) g.writeStringField("tif", c.timeInForce().name());
                g.writeStringField("positionSide", c.positionSide().name());
                g.writeBooleanField("reduceOnly", c.reduceOnly());
                // only when it differs from reduceOnly, so entries written before the field existed read the same
                if (c.reduceOnlySent() != c.reduceOnly()) g.writeBooleanField("reduceOnlySent", true);
                g.writeNumberField("price", c.price());
                g.writeNumberField("qty", c.quantity());
                g.writeStringField("clientOrderId", c.clientOrderId());
            } else if (command instanceof Command.CancelOrder c) {
                g.writeStringField("t", "cancel");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
                g.writeNumberField("orderId", c.orderId());
                if (c.origClientOrderId() != null) g.writeStringField("clientOrderId", c.origClientOrderId());
            } else if (command instanceof Command.CancelAllOrders c) {
                g.writeStringField("t", "cancelAll");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
            } else if (command instanceof Command.ModifyOrder c) {
                g.writeStringField("t", "modify");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
                g.writeNumberField("orderId", c.orderId());
                if (c.origClientOrderId() != null) g.writeStringField("clientOrderId", c.origClientOrderId());
                g.writeStringField("side", c.side().name());
                g.writeNumberField("price", c.price());
                g.writeNumberField("qty", c.quantity());
            } else if (command instanceof Command.OpenAccount c) {
                g.writeStringField("t", "openAccount");
                g.writeStringField("apiKey", c.apiKey());
                g.writeStringField("credential", c.credential());
                g.writeObjectFieldStart("balances");
                for (Map.Entry<String, BigDecimal> e : new TreeMap<>(c.balances()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue().toPlainString());
                }
                g.writeEndObject();
            } else if (command instanceof Command.SetPrices c) {
                g.writeStringField("t", "setPrices");
                g.writeStringField("symbol", c.symbol());
                g.writeNumberField("mark", c.markPrice());
                g.writeNumberField("index", c.indexPrice());
            } else if (command instanceof Command.SetFundingRate c) {
                g.writeStringField("t", "setFundingRate");
                g.writeStringField("symbol", c.symbol());
                g.writeNumberField("rate", c.rate());
            } else if (command instanceof Command.SetLeverage c) {
                g.writeStringField("t", "setLeverage");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
                g.writeNumberField("leverage", c.leverage());
            } else if (command instanceof Command.SetPositionMode c) {
                g.writeStringField("t", "setPositionMode");
                g.writeNumberField("account", c.accountId());
                g.writeBooleanField("dual", c.dualSidePosition());
            } else if (command instanceof Command.SetCommissionRates c) {
                g.writeStringField("t", "setCommissionRates");
                g.writeNumberField("account", c.accountId());
                g.writeNumberField("maker", c.makerRate());
                g.writeNumberField("taker", c.takerRate());
            } else if (command instanceof Command.Transfer c) {
                g.writeStringField("t", "transfer");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("asset", c.asset());
                g.writeNumberField("amount", c.amount());
            } else if (command instanceof Command.Tick) {
                g.writeStringField("t", "tick");
            } else if (command instanceof Command.Print c) {
                g.writeStringField("t", "print");
                g.writeStringField("s", c.symbol());
                g.writeNumberField("p", c.price());
                g.writeNumberField("q", c.quantity());
            } else if (command instanceof Command.ReplaceState c) {
                g.writeStringField("t", "replaceState");
                g.writeStringField("state", c.stateHash());
            } else if (command instanceof Command.Requote c) {
                // One per tick per symbol: the shortest field names of the journal.
                g.writeStringField("t", "requote");
                g.writeStringField("s", c.symbol());
                g.writeNumberField("p", c.referencePrice());
            } else if (command instanceof Command.ConfigureHouse c) {
                g.writeStringField("t", "house");
                g.writeNumberField("account", c.houseAccountId());
                g.writeNumberField("levels", c.levels());
                g.writeNumberField("levelQty", c.levelQty());
                g.writeNumberField("spreadPpm", c.spreadPpm());
            } else if (command instanceof Command.PlaceStrategy c) {
                g.writeStringField("t", "placeStrategy");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
                g.writeStringField("side", c.side().name());
                g.writeStringField("positionSide", c.positionSide().name());
                g.writeStringField("strategyType", c.strategyType().name());
                g.writeStringField("tif", c.timeInForce().name());
                g.writeNumberField("qty", c.quantity());
                g.writeBooleanField("reduceOnly", c.reduceOnly());
                g.writeBooleanField("reduceOnlySent", c.reduceOnlySent());
                g.writeNumberField("price", c.price());
                g.writeStringField("workingType", c.workingType().name());
                g.writeBooleanField("priceProtect", c.priceProtect());
                g.writeStringField("clientStrategyId", c.clientStrategyId());
                g.writeNumberField("stopPrice", c.stopPrice());
                g.writeNumberField("activationPrice", c.activationPrice());
                g.writeNumberField("callbackRate", c.callbackRate());
            } else if (command instanceof Command.CancelStrategy c) {
                g.writeStringField("t", "cancelStrategy");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
                g.writeNumberField("strategyId", c.strategyId());
                if (c.clientStrategyId() != null) g.writeStringField("clientStrategyId", c.clientStrategyId());
            } else if (command instanceof Command.CancelAllStrategies c) {
                g.writeStringField("t", "cancelAllStrategies");
                g.writeNumberField("account", c.accountId());
                g.writeStringField("symbol", c.symbol());
            } else {
                throw new IllegalArgumentException("not a journaled command: " + command);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new JournalException("cannot encode " + command, e);
        }
        return out.toString();
    }

    public static Command decode(String text) {
        Map<String, String> fields = new HashMap<>();
        Map<String, BigDecimal> balances = new TreeMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new JournalException("journal entry is not an object: " + text);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String asset = p.currentName();
                        p.nextToken();
                        balances.put(asset, new BigDecimal(p.getText()));
                    }
                } else {
                    fields.put(name, p.getText());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof JournalException je) throw je;
            throw new JournalException("cannot decode journal entry: " + text, e);
        }
        String type = fields.get("t");
        if (type == null) throw new JournalException("journal entry without type: " + text);
        return switch (type) {
            case "place" -> new Command.PlaceOrder(
                    Long.parseLong(fields.get("account")), fields.get("symbol"), Side.valueOf(fields.get("side")),
                    OrderType.valueOf(fields.get("type")),
                    fields.containsKey("tif") ? TimeInForce.valueOf(fields.get("tif")) : null,
                    PositionSide.valueOf(fields.get("positionSide")), Boolean.parseBoolean(fields.get("reduceOnly")),
                    Boolean.parseBoolean(fields.get("reduceOnly")) || Boolean.parseBoolean(fields.get("reduceOnlySent")),
                    Long.parseLong(fields.get("price")), Long.parseLong(fields.get("qty")), fields.get("clientOrderId"));
            case "cancel" -> new Command.CancelOrder(Long.parseLong(fields.get("account")), fields.get("symbol"),
                    Long.parseLong(fields.get("orderId")), fields.get("clientOrderId"));
            case "cancelAll" -> new Command.CancelAllOrders(Long.parseLong(fields.get("account")), fields.get("symbol"));
            case "modify" -> new Command.ModifyOrder(Long.parseLong(fields.get("account")), fields.get("symbol"),
                    Long.parseLong(fields.get("orderId")), fields.get("clientOrderId"), Side.valueOf(fields.get("side")),
                    Long.parseLong(fields.get("price")), Long.parseLong(fields.get("qty")));
            case "requote" -> new Command.Requote(fields.get("s"), Long.parseLong(fields.get("p")));
            case "house" -> new Command.ConfigureHouse(Long.parseLong(fields.get("account")), Integer.parseInt(fields.get("levels")),
                    Long.parseLong(fields.get("levelQty")), Long.parseLong(fields.get("spreadPpm")));
            case "openAccount" -> new Command.OpenAccount(fields.get("apiKey"), fields.get("credential"), balances);
            case "setPrices" -> new Command.SetPrices(fields.get("symbol"), Long.parseLong(fields.get("mark")),
                    Long.parseLong(fields.get("index")));
            case "setFundingRate" -> new Command.SetFundingRate(fields.get("symbol"), Long.parseLong(fields.get("rate")));
            case "setLeverage" -> new Command.SetLeverage(Long.parseLong(fields.get("account")), fields.get("symbol"),
                    Integer.parseInt(fields.get("leverage")));
            case "setPositionMode" -> new Command.SetPositionMode(Long.parseLong(fields.get("account")),
                    Boolean.parseBoolean(fields.get("dual")));
            case "setCommissionRates" -> new Command.SetCommissionRates(Long.parseLong(fields.get("account")),
                    Long.parseLong(fields.get("maker")), Long.parseLong(fields.get("taker")));
            case "transfer" -> new Command.Transfer(Long.parseLong(fields.get("account")), fields.get("asset"),
                    Long.parseLong(fields.get("amount")));
            case "tick" -> new Command.Tick();
            case "print" -> new Command.Print(fields.get("s"), Long.parseLong(fields.get("p")), Long.parseLong(fields.get("q")));
            case "replaceState" -> new Command.ReplaceState(fields.get("state"));
            case "placeStrategy" -> new Command.PlaceStrategy(Long.parseLong(fields.get("account")), fields.get("symbol"),
                    Side.valueOf(fields.get("side")), PositionSide.valueOf(fields.get("positionSide")),
                    StrategyType.valueOf(fields.get("strategyType")), TimeInForce.valueOf(fields.get("tif")),
                    Long.parseLong(fields.get("qty")), Boolean.parseBoolean(fields.get("reduceOnly")),
                    Boolean.parseBoolean(fields.get("reduceOnlySent")), Long.parseLong(fields.get("price")),
                    WorkingType.valueOf(fields.get("workingType")), Boolean.parseBoolean(fields.get("priceProtect")),
                    fields.get("clientStrategyId"), Long.parseLong(fields.get("stopPrice")),
                    Long.parseLong(fields.get("activationPrice")), Integer.parseInt(fields.get("callbackRate")));
            case "cancelStrategy" -> new Command.CancelStrategy(Long.parseLong(fields.get("account")), fields.get("symbol"),
                    Long.parseLong(fields.get("strategyId")), fields.get("clientStrategyId"));
            case "cancelAllStrategies" -> new Command.CancelAllStrategies(Long.parseLong(fields.get("account")), fields.get("symbol"));
            default -> throw new JournalException("unknown journal entry type '" + type + "': " + text);
        };
    }
}
