package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The success reply of every signed endpoint for resting (unfilled) orders: exact bytes, key order,
 * types, decimal rendering (spec §1.1, §6.1–6.7). Resting BUYs only, far below any crossing price.
 */
class OrderShapesTest extends TwoAccounts {
    OrderShapesTest(Sandbox sandbox) {
        super(sandbox);
    }

    @Test
    void newLimitOrderAckHasTheLiveKeyOrderAndTypes() {
        long before = System.currentTimeMillis();
        PapiClient.Response r = a.signed("POST", ORDER, limit(BTC, "BUY", "1", "20000"));
        JsonObject o = Expected.limit(BTC, "BUY", "1", "20000").assertNew(r);
        assertThat(number(o, "updateTime")).isBetween(before - 1000, System.currentTimeMillis() + 1000);
        assertThat(r.header("X-MBX-ORDER-COUNT-1M")).isNotNull().matches("[1-9][0-9]*");
        // raw bytes: numbers unquoted, booleans unquoted, decimals quoted
        assertThat(r.body()).startsWith("{\"symbol\":\"BTCUSD_PERP\",\"side\":\"BUY\",\"cumBase\":\"0\",\"executedQty\":\"0\",\"orderId\":" + orderId(o) + ",");
        assertThat(r.body()).contains(",\"avgPrice\":\"0.0\",\"origQty\":\"1\",");
        assertThat(r.body()).contains(",\"reduceOnly\":false,\"price\":\"20000\",\"timeInForce\":\"GTC\",\"status\":\"NEW\"}");
    }

    @Test
    void newLimitOrderResultOfARestingOrderIsNew() {
        PapiClient.Response r = a.signed("POST", ORDER, with(limit(BTC, "BUY", "3", "20001.5"),
                "newClientOrderId", "shape-result-1", "newOrderRespType", "RESULT"));
        Expected.limit(BTC, "BUY", "3", "20001.5").clientOrderId("shape-result-1").assertNew(r);
    }

    @Test
    void explicitAckEqualsDefault() {
        PapiClient.Response r = a.signed("POST", ORDER, with(limit(BTC, "BUY", "2", "20002"), "newOrderRespType", "ACK"));
        Expected.limit(BTC, "BUY", "2", "20002").assertNew(r);
    }

    @Test
    void sellSideAndExplicitBothPositionAndReduceOnlyFalse() {
        PapiClient.Response r = a.signed("POST", ORDER, with(limit(BTC, "SELL", "1", "250000"),
                "positionSide", "BOTH", "reduceOnly", "false"));
        Expected.limit(BTC, "SELL", "1", "250000").assertNew(r);
    }

    @Test
    void ethUsdPerpZeroAvgPriceHasTwoDecimalsExceptInOpenOrderQueries() {
        JsonObject placed = Expected.limit(ETH, "BUY", "4", "2000.5").assertNew(
                a.signed("POST", ORDER, limit(ETH, "BUY", "4", "2000.50")));
        assertThat(placed.getString("avgPrice")).isEqualTo("0.00");
        long id = orderId(placed);
        JsonObject queried = Expected.limit(ETH, "BUY", "4", "2000.5").assertQueried(a.signed("GET", ORDER, byId(ETH, id)));
        assertThat(queried.getString("avgPrice")).isEqualTo("0.00");
        JsonObject open = Expected.limit(ETH, "BUY", "4", "2000.5").assertOpen(a.signed("GET", OPEN_ORDER, byId(ETH, id)));
        assertThat(open.getString("avgPrice")).isEqualTo("0");
        JsonArray list = array(a.signed("GET", OPEN_ORDERS, params("symbol", ETH)));
        assertThat(list).hasSize(1);
        assertThat(list.getJsonObject(0).getString("avgPrice")).isEqualTo("0");
        JsonObject canceled = Expected.limit(ETH, "BUY", "4", "2000.5").status("CANCELED")
                .assertCanceled(a.signed("DELETE", ORDER, byId(ETH, id)));
        assertThat(canceled.getString("avgPrice")).isEqualTo("0.00");
    }

    @Test
    void pricesAreUnpaddedAndQuantitiesIntegers() {
        Expected.limit(BTC, "BUY", "2", "20005.1").assertNew(a.signed("POST", ORDER, limit(BTC, "BUY", "2.0", "20005.10")));
        Expected.limit(BTC, "BUY", "5", "20006").assertNew(a.signed("POST", ORDER, limit(BTC, "BUY", "05", "20006.0")));
        Expected.limit(ETH, "BUY", "1", "2001").assertNew(a.signed("POST", ORDER, limit(ETH, "BUY", "1", "2001.00")));
        Expected.limit(ETH, "BUY", "1", "2001.3").assertNew(a.signed("POST", ORDER, limit(ETH, "BUY", "1", "2001.30")));
        Expected.limit(ETH, "BUY", "1", "2001.07").assertNew(a.signed("POST", ORDER, limit(ETH, "BUY", "1", "2001.07")));
    }

    @Test
    void queryOrderByIdAndByClientIdHasPositionSideLast() {
        PapiClient.Response placedReply = a.signed("POST", ORDER, with(limit(BTC, "BUY", "7", "20010.1"),
                "newClientOrderId", "q.by:client/id_1-X"));
        Expected e = Expected.limit(BTC, "BUY", "7", "20010.1").clientOrderId("q.by:client/id_1-X");
        JsonObject placed = e.assertNew(placedReply);
        long id = orderId(placed);

        JsonObject byId = e.assertQueried(a.signed("GET", ORDER, byId(BTC, id)));
        assertThat(number(byId, "time")).isEqualTo(number(placed, "updateTime"));
        assertThat(number(byId, "updateTime")).isEqualTo(number(placed, "updateTime"));
        PapiClient.Response byClient = a.signed("GET", ORDER, byClientId(BTC, "q.by:client/id_1-X"));
        e.assertQueried(byClient);
        assertThat(byClient.body()).isEqualTo(a.signed("GET", ORDER, byId(BTC, id)).body());
        assertThat(byClient.body()).endsWith(",\"positionSide\":\"BOTH\"}");
        assertThat(byClient.body()).contains("\"avgPrice\":\"0.0\"");
    }

    @Test
    void openOrderHasPositionSideBeforeOrigTypeAndZeroAvgPriceZero() {
        long id = placeId(a, with(limit(BTC, "BUY", "2", "20011"), "newClientOrderId", "open-1"));
        Expected e = Expected.limit(BTC, "BUY", "2", "20011").clientOrderId("open-1");
        PapiClient.Response r = a.signed("GET", OPEN_ORDER, byId(BTC, id));
        e.assertOpen(r);
        assertThat(r.body()).contains("\"avgPrice\":\"0\",")
                .contains(",\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"origType\":\"LIMIT\",\"time\":");
        assertThat(r.body()).startsWith("{\"orderId\":" + id + ",");
        e.assertOpen(a.signed("GET", OPEN_ORDER, byClientId(BTC, "open-1")));
    }

    @Test
    void openOrdersListsOldestFirstFilteredBySymbolOrPair() {
        long btc1 = placeId(a, limit(BTC, "BUY", "1", "20020"));
        long eth1 = placeId(a, limit(ETH, "BUY", "1", "2020"));
        long btcQ = placeId(a, limit(BTC_Q, "BUY", "1", "20021"));
        long btc2 = placeId(a, limit(BTC, "BUY", "2", "20022"));

        JsonArray all = array(a.signed("GET", OPEN_ORDERS, params()));
        assertThat(ids(all)).containsExactly(btc1, eth1, btcQ, btc2);
        for (int i = 0; i < all.size(); i++) {
            JsonObject item = all.getJsonObject(i);
            Expected.limit(item.getString("symbol"), "BUY", item.getString("origQty"), item.getString("price")).assertOpenItem(item);
        }
        JsonArray btc = array(a.signed("GET", OPEN_ORDERS, params("symbol", BTC)));
        assertThat(ids(btc)).containsExactly(btc1, btc2);
        Expected.limit(BTC, "BUY", "1", "20020").assertOpenItem(btc.getJsonObject(0));
        Expected.limit(BTC, "BUY", "2", "20022").assertOpenItem(btc.getJsonObject(1));
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params("symbol", ETH))))).containsExactly(eth1);
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params("pair", "BTCUSD"))))).containsExactly(btc1, btcQ, btc2);
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params("pair", "ETHUSD"))))).containsExactly(eth1);
        assertThat(a.signed("GET", OPEN_ORDERS, params("symbol", ETH_NEXT_Q)).body()).isEqualTo("[]");
    }

    @Test
    void openOrdersWithNothingOpenIsAnEmptyArray() {
        PapiClient.Response r = b.signed("GET", OPEN_ORDERS, params("symbol", BTC));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[]");
        assertThat(b.signed("GET", OPEN_ORDERS, params()).body()).isEqualTo("[]");
    }

    @Test
    void cancelReturnsTheDocumentedShapeThenTheOrderIsClosed() {
        long id = placeId(a, with(limit(BTC, "BUY", "3", "20030"), "newClientOrderId", "cancel-shape"));
        Expected e = Expected.limit(BTC, "BUY", "3", "20030").clientOrderId("cancel-shape");
        PapiClient.Response r = a.signed("DELETE", ORDER, byId(BTC, id));
        JsonObject canceled = e.status("CANCELED").assertCanceled(r);
        assertThat(r.body()).startsWith("{\"avgPrice\":\"0.0\",\"clientOrderId\":\"cancel-shape\",\"cumQty\":\"0\",\"cumBase\":\"0\",\"executedQty\":\"0\",\"orderId\":" + id + ",");
        assertThat(r.body()).endsWith(",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"updateTime\":" + number(canceled, "updateTime") + ",\"origQty\":\"3\"}");

        JsonObject queried = e.status("CANCELED").assertQueried(a.signed("GET", ORDER, byId(BTC, id)));
        assertThat(number(queried, "updateTime")).isEqualTo(number(canceled, "updateTime"));
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params("symbol", BTC))))).doesNotContain(id);
        assertError(a.signed("DELETE", ORDER, byId(BTC, id)), -2011, UNKNOWN_ORDER);
    }

    @Test
    void cancelByClientOrderId() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "20031"), "newClientOrderId", "cancel-by-client"));
        JsonObject canceled = Expected.limit(BTC, "BUY", "1", "20031").clientOrderId("cancel-by-client").status("CANCELED")
                .assertCanceled(a.signed("DELETE", ORDER, byClientId(BTC, "cancel-by-client")));
        assertThat(orderId(canceled)).isEqualTo(id);
    }

    @Test
    void cancelAllOpenOrdersCancelsOnlyThatSymbolOfThatAccount() {
        long btc1 = placeId(a, limit(BTC, "BUY", "1", "20040"));
        long btc2 = placeId(a, limit(BTC, "BUY", "1", "20041"));
        long eth = placeId(a, limit(ETH, "BUY", "1", "2040"));
        long other = placeId(b, limit(BTC, "BUY", "1", "20042"));

        PapiClient.Response r = a.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(CANCEL_ALL_DONE);
        assertWeightHeader(r);
        assertThat(new JsonObject(r.body()).getValue("code")).isInstanceOf(Integer.class).isEqualTo(200);

        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params())))).containsExactly(eth);
        assertThat(ids(array(b.signed("GET", OPEN_ORDERS, params())))).containsExactly(other);
        for (long id : new long[]{btc1, btc2}) {
            Expected.limit(BTC, "BUY", "1", id == btc1 ? "20040" : "20041").status("CANCELED")
                    .assertQueried(a.signed("GET", ORDER, byId(BTC, id)));
        }
    }

    @Test
    void cancelAllOpenOrdersWithNothingOpenGivesTheSameReply() {
        PapiClient.Response r = b.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", ETH));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(CANCEL_ALL_DONE);
        PapiClient.Response again = b.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", ETH));
        assertThat(again.body()).isEqualTo(CANCEL_ALL_DONE);
    }

    @Test
    void orderIdsAreSafeIntegersAndStrictlyIncreaseAcrossAccounts() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            PapiClient client = i % 2 == 0 ? a : b;
            PapiClient.Response r = client.signed("POST", ORDER, limit(i % 3 == 0 ? ETH : BTC, "BUY", "1", i % 3 == 0 ? "2050" : "20050"));
            JsonObject o = object(r);
            long id = orderId(o);
            assertThat(r.body()).contains("\"orderId\":" + id + ",");
            assertThat(id).isPositive().isLessThanOrEqualTo(MAX_SAFE_INTEGER);
            ids.add(id);
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void generatedClientOrderIdsAreValidAndDistinct() {
        JsonObject o1 = place(a, limit(BTC, "BUY", "1", "20060"));
        JsonObject o2 = place(a, limit(BTC, "BUY", "1", "20060"));
        assertThat(o1.getString("clientOrderId")).matches(CLIENT_ORDER_ID).isNotEqualTo(o2.getString("clientOrderId"));
        // the generated id finds the order
        Expected.limit(BTC, "BUY", "1", "20060").clientOrderId(o1.getString("clientOrderId"))
                .assertOpen(a.signed("GET", OPEN_ORDER, byClientId(BTC, o1.getString("clientOrderId"))));
    }

    @Test
    void clientOrderIdOf32LegalCharactersIsEchoed() {
        String id = "x-15PC4ZJyAbCdEfGhIjKlMnOpQr.:/_";
        assertThat(id).hasSize(32);
        Expected.limit(BTC, "BUY", "1", "20061").clientOrderId(id)
                .assertNew(a.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "20061"), "newClientOrderId", id)));
    }

    @Test
    void aClientOrderIdCanBeReusedOnceTheFirstOrderIsClosed() {
        long first = placeId(a, with(limit(BTC, "BUY", "1", "20070"), "newClientOrderId", "reuse-me"));
        Expected.limit(BTC, "BUY", "1", "20070").clientOrderId("reuse-me").status("CANCELED")
                .assertCanceled(a.signed("DELETE", ORDER, byId(BTC, first)));
        long second = placeId(a, with(limit(BTC, "BUY", "2", "20071"), "newClientOrderId", "reuse-me"));
        assertThat(second).isGreaterThan(first);
        JsonObject open = Expected.limit(BTC, "BUY", "2", "20071").clientOrderId("reuse-me")
                .assertOpen(a.signed("GET", OPEN_ORDER, byClientId(BTC, "reuse-me")));
        assertThat(orderId(open)).isEqualTo(second);
    }

    @Test
    void theSameClientOrderIdMayBeOpenInTwoAccounts() {
        long inA = placeId(a, with(limit(BTC, "BUY", "1", "20080"), "newClientOrderId", "shared-id"));
        long inB = placeId(b, with(limit(BTC, "BUY", "1", "20081"), "newClientOrderId", "shared-id"));
        assertThat(orderId(object(a.signed("GET", OPEN_ORDER, byClientId(BTC, "shared-id"))))).isEqualTo(inA);
        assertThat(orderId(object(b.signed("GET", OPEN_ORDER, byClientId(BTC, "shared-id"))))).isEqualTo(inB);
    }

    @Test
    void deliveryContractOrdersWork() {
        JsonObject o = Expected.limit(BTC_Q, "BUY", "1", "20090.5").assertNew(a.signed("POST", ORDER, limit(BTC_Q, "BUY", "1", "20090.5")));
        assertThat(o.getString("pair")).isEqualTo("BTCUSD");
        Expected.limit(BTC_Q, "BUY", "1", "20090.5").status("CANCELED")
                .assertCanceled(a.signed("DELETE", ORDER, byId(BTC_Q, orderId(o))));
    }
}
