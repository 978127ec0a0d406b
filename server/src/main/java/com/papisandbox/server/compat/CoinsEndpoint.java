package com.papisandbox.server.compat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.DeclaredEndpoint;
import com.papisandbox.server.Endpoint;
import com.papisandbox.server.Json;
import com.papisandbox.server.ParamReader;
import com.papisandbox.server.Route;
import com.papisandbox.server.Security;
import com.papisandbox.server.Weight;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * All Coins' Information, {@code GET /sapi/v1/capital/config/getall} (USER_DATA, weight 10): the known
 * coins and every asset the account holds, in code order, {@code free} being the account's balance as the
 * engine holds it (the sandbox has one wallet, so nothing is locked, frozen or being withdrawn).
 */
final class CoinsEndpoint extends DeclaredEndpoint<Void> {
    private static final String ZERO = "0";

    CoinsEndpoint() {
        super(Route.get("/sapi/v1/capital/config/getall"), Security.USER_DATA, Weight.of(10), Set.of());
    }

    @Override
    public Void parse(ParamReader params) {
        return null;
    }

    @Override
    public EngineRequest request(long accountId, Void request, Map<String, Instrument> instruments) {
        return new Query.Balances(accountId);
    }

    @Override
    public byte[] render(Void request, Result result) {
        if (!(result instanceof Result.Balances balances)) throw Endpoint.refused(result);
        Set<String> codes = new TreeSet<>(Coin.KNOWN.keySet());
        codes.addAll(balances.byAsset().keySet());
        return Json.write(g -> {
            g.writeStartArray();
            for (String code : codes) {
                writeCoin(g, Coin.of(code), balances.byAsset().getOrDefault(code, BigDecimal.ZERO));
            }
            g.writeEndArray();
        });
    }

    private static void writeCoin(JsonGenerator g, Coin coin, BigDecimal free) throws IOException {
        boolean movable = !coin.networks().isEmpty();
        g.writeStartObject();
        g.writeStringField("coin", coin.coin());
        g.writeBooleanField("depositAllEnable", movable);
        g.writeBooleanField("withdrawAllEnable", movable);
        g.writeStringField("name", coin.name());
        g.writeStringField("free", amount(free));
        for (String none : new String[]{"locked", "freeze", "withdrawing", "ipoing", "ipoable", "storage"}) {
            g.writeStringField(none, ZERO);
        }
        g.writeBooleanField("isLegalMoney", false);
        g.writeBooleanField("trading", true);
        g.writeArrayFieldStart("networkList");
        boolean first = true;
        for (Coin.Network n : coin.networks()) {
            writeNetwork(g, coin.coin(), n, first);
            first = false;
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeNetwork(JsonGenerator g, String coin, Coin.Network n, boolean isDefault) throws IOException {
        g.writeStartObject();
        g.writeStringField("network", n.network());
        g.writeStringField("coin", coin);
        g.writeStringField("withdrawIntegerMultiple", n.withdrawIntegerMultiple());
        g.writeBooleanField("isDefault", isDefault);
        g.writeBooleanField("depositEnable", true);
        g.writeBooleanField("withdrawEnable", true);
        g.writeStringField("depositDesc", "");
        g.writeStringField("withdrawDesc", "");
        g.writeStringField("specialTips", "");
        g.writeStringField("specialWithdrawTips", "");
        g.writeStringField("name", n.name());
        g.writeBooleanField("resetAddressStatus", false);
        g.writeStringField("addressRegex", n.addressRegex());
        g.writeStringField("memoRegex", "");
        g.writeStringField("withdrawFee", n.withdrawFee());
        g.writeStringField("withdrawMin", n.withdrawMin());
        g.writeStringField("withdrawMax", n.withdrawMax());
        g.writeStringField("withdrawInternalMin", n.withdrawIntegerMultiple());
        g.writeStringField("depositDust", n.depositDust());
        g.writeNumberField("minConfirm", n.minConfirm());
        g.writeNumberField("unLockConfirm", n.unLockConfirm());
        g.writeBooleanField("sameAddress", false);
        g.writeBooleanField("withdrawTag", false);
        g.writeNumberField("estimatedArrivalTime", n.estimatedArrivalTime());
        g.writeBooleanField("busy", false);
        if (n.contractAddress() != null) {
            g.writeStringField("contractAddressUrl", n.contractAddressUrl());
            g.writeStringField("contractAddress", n.contractAddress());
        }
        g.writeEndObject();
    }

    /** Plain decimal without trailing zeros, as the live reply shows ("34941.1", "0"). */
    private static String amount(BigDecimal value) {
        return value.signum() == 0 ? ZERO : value.stripTrailingZeros().toPlainString();
    }
}
