package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Modify CM Order — {@code PUT /papi/v1/cm/order} (papi-cm-next §2.10): shapes, rules and every error. */
class ModifyOrderTest extends TwoAccounts {
    ModifyOrderTest(Sandbox sandbox) {
        super(sandbox);
    }

    static Map<String, String> modify(long orderId, String side, String quantity, String price) {
        return params("orderId", Long.toString(orderId), "symbol", BTC, "side", side, "quantity", quantity, "price", price);
    }

    @Test
    void aModifyAnswersTheDocsEighteenFieldsInDocOrder() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "21000"), "newClientOrderId", "mod-shape"));
        long before = System.currentTimeMillis();
        PapiClient.Response r = a.signed("PUT", ORDER, modify(id, "BUY", "2", "21000.5"));

        Expected amended = Expected.limit(BTC, "BUY", "2", "21000.5").clientOrderId("mod-shape");
        JsonObject o = amended.assertModified(r);
        assertThat(orderId(o)).isEqualTo(id);
        assertThat(number(o, "updateTime")).isBetween(before - 1000, System.currentTimeMillis() + 1000);
        assertThat(r.header("X-MBX-ORDER-COUNT-1M")).as("counts toward the ORDERS limit").isNotNull().matches("[1-9][0-9]*");
        assertThat(r.body()).startsWith("{\"orderId\":" + id + ",\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\",\"status\":\"NEW\","
                + "\"clientOrderId\":\"mod-shape\",\"price\":\"21000.5\",\"avgPrice\":\"0.0\",\"origQty\":\"2\",");
        assertThat(r.body()).endsWith(",\"reduceOnly\":false,\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"origType\":\"LIMIT\",\"updateTime\":"
                + number(o, "updateTime") + "}");
        amended.assertQueried(a.signed("GET", ORDER, byId(BTC, id)));
    }

    @Test
    void modifyIdIsEchoedAfterClientOrderIdOnlyWhenSent() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "21001"), "newClientOrderId", "mod-echo"));
        PapiClient.Response r = a.signed("PUT", ORDER, with(modify(id, "BUY", "1", "21002"), "modifyId", "77"));
        JsonObject o = object(r);
        assertThat(o.getValue("modifyId")).isEqualTo(77);
        assertThat(r.body()).contains("\"clientOrderId\":\"mod-echo\",\"modifyId\":77,\"price\":\"21002\",");
        assertThat(o.fieldNames()).hasSize(19);
        assertThat(object(a.signed("PUT", ORDER, modify(id, "BUY", "1", "21003"))).fieldNames()).doesNotContain("modifyId");
    }

    @Test
    void byClientOrderIdAndOrderIdWinsWhenBothAreSent() {
        long first = placeId(a, with(limit(BTC, "BUY", "1", "21004"), "newClientOrderId", "mod-first"));
        long second = placeId(a, with(limit(BTC, "BUY", "1", "21005"), "newClientOrderId", "mod-second"));
        JsonObject byClient = object(a.signed("PUT", ORDER, params("origClientOrderId", "mod-second", "symbol", BTC,
                "side", "BUY", "quantity", "3", "price", "21005")));
        assertThat(orderId(byClient)).isEqualTo(second);
        JsonObject both = object(a.signed("PUT", ORDER, params("orderId", Long.toString(first),
                "origClientOrderId", "mod-second", "symbol", BTC, "side", "BUY", "quantity", "4", "price", "21004")));
        assertThat(orderId(both)).isEqualTo(first);
        assertThat(both.getString("origQty")).isEqualTo("4");
    }

    @Test
    void paramsInTheBodyAsTheConnectorsSendThem() {
        long id = placeId(a, limit(BTC, "SELL", "1", "210000"));
        Expected.limit(BTC, "SELL", "5", "210000").assertModified(
                a.signed("PUT", ORDER, modify(id, "SELL", "5", "210000"), PapiClient.Placement.BODY));
    }

    @Test
    void aModifiedOrderLosesItsPlaceInTheQueue() {
        long first = placeId(a, limit(BTC, "BUY", "1", "22000"));
        long second = placeId(b, limit(BTC, "BUY", "1", "22000"));
        object(a.signed("PUT", ORDER, modify(first, "BUY", "2", "22000")));
        place(b, limit(BTC, "SELL", "1", "22000"));

        assertThat(object(b.signed("GET", ORDER, byId(BTC, second))).getString("status")).isEqualTo("FILLED");
        assertThat(object(a.signed("GET", ORDER, byId(BTC, first))).getString("executedQty")).isEqualTo("0");
    }

    @Test
    void aModifyThatCrossesTradesAtOnce() {
        long maker = placeId(b, limit(BTC, "SELL", "1", "30000"));
        long id = placeId(a, limit(BTC, "BUY", "3", "21006"));
        PapiClient.Response r = a.signed("PUT", ORDER, modify(id, "BUY", "3", "30000"));

        Expected.limit(BTC, "BUY", "3", "30000").status("PARTIALLY_FILLED").filled("1", "0.00333333", "30000.0")
                .assertModified(r);
        assertThat(object(b.signed("GET", ORDER, byId(BTC, maker))).getString("status")).isEqualTo("FILLED");
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params("symbol", BTC))))).containsExactly(id);
    }

    @Test
    void aPartlyFilledOrderAmendedToItsExecutedQuantityIsCanceled() {
        long id = placeId(a, limit(BTC, "SELL", "5", "31000"));
        place(b, limit(BTC, "BUY", "2", "31000"));
        PapiClient.Response r = a.signed("PUT", ORDER, modify(id, "SELL", "2", "31000"));

        Expected.limit(BTC, "SELL", "5", "31000").status("CANCELED").filled("2", "0.00645161", "31000.0").assertModified(r);
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
    }

    @Test
    void aPostOnlyOrderModifiedToCrossExpires() {
        placeId(b, limit(BTC, "SELL", "1", "32000"));
        long id = placeId(a, with(limit(BTC, "BUY", "1", "21007"), "timeInForce", "GTX"));
        PapiClient.Response r = a.signed("PUT", ORDER, modify(id, "BUY", "1", "32000"));

        Expected.limit(BTC, "BUY", "1", "21007").timeInForce("GTX").status("EXPIRED").assertModified(r);
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
    }

    // ---------------------------------------------------------------- parameters, in documented order

    @Test
    void parameterErrorsInDocumentedOrder() {
        Map<String, String> good = modify(123, "BUY", "1", "21000");
        assertError(a.signed("PUT", ORDER, without(good, "orderId")), -1102, EITHER_ID);
        assertError(a.signed("PUT", ORDER, with(without(good, "symbol"), "orderId", "x")), -1100, illegal("orderId", LONG_RANGE));
        assertError(a.signed("PUT", ORDER, without(good, "symbol")), -1102, mandatory("symbol"));
        assertError(a.signed("PUT", ORDER, without(good, "side")), -1102, mandatory("side"));
        assertError(a.signed("PUT", ORDER, with(good, "side", "buy")), -1117, "Invalid side.");
        assertError(a.signed("PUT", ORDER, without(good, "quantity", "price")), -1102, mandatory("quantity"));
        assertError(a.signed("PUT", ORDER, without(good, "price")), -1102, mandatory("price"));
        assertError(a.signed("PUT", ORDER, with(good, "priceMatch", "QUEUE")), -1106, "Parameter 'price' sent when not required.");
        assertError(a.signed("PUT", ORDER, with(without(good, "price"), "priceMatch", "OPPONENT")), -1130,
                "Data sent for parameter 'priceMatch' is not valid.");
        assertError(a.signed("PUT", ORDER, with(good, "modifyId", "-1")), -1100, illegal("modifyId", LONG_RANGE));
        assertError(a.signed("PUT", ORDER, with(good, "newClientOrderId", "x")), -1104, unread(7, 8));
        assertError(a.signed("PUT", ORDER, with(good, "symbol", "XRPUSD_PERP")), -1121, INVALID_SYMBOL);
        assertError(a.signed("PUT", ORDER, with(good, "price", "21000.05")), -1111, BAD_PRECISION);
        assertError(a.signed("PUT", ORDER, with(good, "quantity", "1.5")), -1111, BAD_PRECISION);
    }

    // ---------------------------------------------------------------- the engine's refusals

    @Test
    void anOrderThatIsNotOpenOrNotTheCallersDoesNotExist() {
        assertError(a.signed("PUT", ORDER, modify(999_999_999L, "BUY", "1", "21000")), -2013, NO_SUCH_ORDER);
        assertError(a.signed("PUT", ORDER, params("origClientOrderId", "never-sent", "symbol", BTC, "side", "BUY",
                "quantity", "1", "price", "21000")), -2013, NO_SUCH_ORDER);
        long canceled = placeId(a, limit(BTC, "BUY", "1", "21008"));
        object(a.signed("DELETE", ORDER, byId(BTC, canceled)));
        assertError(a.signed("PUT", ORDER, modify(canceled, "BUY", "2", "21008")), -2013, NO_SUCH_ORDER);
        long alices = placeId(a, limit(BTC, "BUY", "1", "21009"));
        assertError(b.signed("PUT", ORDER, modify(alices, "BUY", "2", "21009")), -2013, NO_SUCH_ORDER);
        assertError(a.signed("PUT", ORDER, with(modify(alices, "BUY", "2", "2100.9"), "symbol", ETH)), -2013, NO_SUCH_ORDER);
        long maker = placeId(b, limit(BTC, "SELL", "1", "33000"));
        place(a, limit(BTC, "BUY", "1", "33000"));
        assertError(b.signed("PUT", ORDER, modify(maker, "SELL", "2", "33000")), -2013, NO_SUCH_ORDER);
    }

    @Test
    void refusalsLeaveTheOrderAsItWas() {
        long id = placeId(a, limit(BTC, "BUY", "2", "21010"));
        assertError(a.signed("PUT", ORDER, modify(id, "SELL", "2", "21010")), -1130, "Data sent for parameter 'side' is not valid.");
        assertError(a.signed("PUT", ORDER, modify(id, "BUY", "2", "21010.0")), -5027, "No need to modify the order.");
        assertError(a.signed("PUT", ORDER, modify(id, "BUY", "2", "999.9")), -4013, "Price less than min price.");
        assertError(a.signed("PUT", ORDER, modify(id, "BUY", "2", "4520958.1")), -4002, "Price greater than max price.");
        assertError(a.signed("PUT", ORDER, modify(id, "BUY", "0", "21010")), -4003, "Quantity less than zero.");
        assertError(a.signed("PUT", ORDER, modify(id, "BUY", "1000001", "21010")), -4005, "Quantity greater than max quantity.");
        Expected.limit(BTC, "BUY", "2", "21010").assertQueried(a.signed("GET", ORDER, byId(BTC, id)));
        assertThat(array(a.signed("GET", ORDER_AMENDMENT, byId(BTC, id)))).isEmpty();
    }

    @Test
    void theTenThousandAndFirstModifyIsRefused() {
        long id = placeId(a, limit(BTC, "BUY", "1", "21011"));
        for (int i = 1; i <= 10_000; i++) {
            PapiClient.Response r = a.signed("PUT", ORDER, modify(id, "BUY", Integer.toString(1 + i % 2), "21011"));
            assertThat(r.status()).as("modify %d: %s", i, r.body()).isEqualTo(200);
        }
        assertError(a.signed("PUT", ORDER, modify(id, "BUY", "9", "21011")), -5026, "Exceed maximum modify order limit.");
        JsonArray newest = array(a.signed("GET", ORDER_AMENDMENT, with(byId(BTC, id), "limit", "1")));
        assertThat(newest.getJsonObject(0).getJsonObject("amendment").getValue("count")).isEqualTo(10_000);
    }
}
