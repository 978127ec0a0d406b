package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Query CM Modify Order History — {@code GET /papi/v1/cm/orderAmendment} (papi-cm-next §2.11). */
class OrderAmendmentTest extends TwoAccounts {
    OrderAmendmentTest(Sandbox sandbox) {
        super(sandbox);
    }

    private long amend(long orderId, String quantity, String price) {
        JsonObject o = object(a.signed("PUT", ORDER, params("orderId", Long.toString(orderId), "symbol", BTC,
                "side", "BUY", "quantity", quantity, "price", price)));
        return number(o, "updateTime");
    }

    static String row(long amendmentId, long orderId, String clientOrderId, long time, String priceBefore,
                      String priceAfter, String qtyBefore, String qtyAfter, int count) {
        return new JsonObject().put("amendmentId", amendmentId).put("symbol", BTC).put("pair", "BTCUSD")
                .put("orderId", orderId).put("clientOrderId", clientOrderId).put("time", time)
                .put("amendment", new JsonObject()
                        .put("price", new JsonObject().put("before", priceBefore).put("after", priceAfter))
                        .put("origQty", new JsonObject().put("before", qtyBefore).put("after", qtyAfter))
                        .put("count", count))
                .encode();
    }

    @Test
    void theHistoryHasTheDocsShapeNewestFirst() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "24000"), "newClientOrderId", "hist-shape"));
        long t1 = amend(id, "1", "24000.5");
        long t2 = amend(id, "3", "24000.5");
        PapiClient.Response r = a.signed("GET", ORDER_AMENDMENT, byId(BTC, id));

        JsonArray rows = array(r);
        assertThat(rows).hasSize(2);
        long second = number(rows.getJsonObject(0), "amendmentId");
        long first = number(rows.getJsonObject(1), "amendmentId");
        assertThat(second).isGreaterThan(first);
        assertThat(r.body()).isEqualTo("[" + row(second, id, "hist-shape", t2, "24000.5", "24000.5", "1", "3", 2) + ","
                + row(first, id, "hist-shape", t1, "24000", "24000.5", "1", "1", 1) + "]");
        assertThat(r.header("X-MBX-ORDER-COUNT-1M")).as("a read does not count as an order").isNull();
        assertThat(a.signed("GET", ORDER_AMENDMENT, byClientId(BTC, "hist-shape")).body()).isEqualTo(r.body());
    }

    @Test
    void limitAndTheInclusiveTimeWindowSelectRows() throws InterruptedException {
        long id = placeId(a, limit(BTC, "BUY", "1", "24001"));
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            times.add(amend(id, Integer.toString(2 + i), "24001"));
            Thread.sleep(3); // distinct engine times
        }
        assertThat(counts(with(byId(BTC, id), "limit", "2"))).containsExactly(3, 2);
        assertThat(counts(with(byId(BTC, id), "startTime", Long.toString(times.get(1))))).containsExactly(3, 2);
        assertThat(counts(with(byId(BTC, id), "endTime", Long.toString(times.get(1))))).containsExactly(2, 1);
        assertThat(counts(with(byId(BTC, id), "startTime", Long.toString(times.get(1)),
                "endTime", Long.toString(times.get(1))))).containsExactly(2);
        assertThat(counts(with(byId(BTC, id), "startTime", Long.toString(times.get(2) + 1)))).isEmpty();
    }

    private List<Integer> counts(java.util.Map<String, String> query) {
        JsonArray rows = array(a.signed("GET", ORDER_AMENDMENT, query));
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) counts.add(rows.getJsonObject(i).getJsonObject("amendment").getInteger("count"));
        return counts;
    }

    @Test
    void anOrderNeverModifiedHasAnEmptyHistoryAndAClosedOneKeepsIt() {
        long id = placeId(a, limit(BTC, "BUY", "1", "24002"));
        assertThat(a.signed("GET", ORDER_AMENDMENT, byId(BTC, id)).body()).isEqualTo("[]");
        amend(id, "2", "24002");
        object(a.signed("DELETE", ORDER, byId(BTC, id)));
        assertThat(array(a.signed("GET", ORDER_AMENDMENT, byId(BTC, id)))).hasSize(1);
    }

    @Test
    void errors() {
        long id = placeId(a, limit(BTC, "BUY", "1", "24003"));
        assertError(a.signed("GET", ORDER_AMENDMENT, params("orderId", Long.toString(id))), -1102, mandatory("symbol"));
        assertError(a.signed("GET", ORDER_AMENDMENT, params("symbol", BTC)), -1102, EITHER_ID);
        assertError(a.signed("GET", ORDER_AMENDMENT, with(byId(BTC, id), "limit", "101")), -1130,
                "Data sent for parameter 'limit' is not valid.");
        assertError(a.signed("GET", ORDER_AMENDMENT, with(byId(BTC, id), "limit", "0")), -1130,
                "Data sent for parameter 'limit' is not valid.");
        assertError(a.signed("GET", ORDER_AMENDMENT, with(byId(BTC, id), "startTime", "yesterday")), -1100,
                illegal("startTime", LONG_RANGE));
        assertError(a.signed("GET", ORDER_AMENDMENT, with(byId(BTC, id), "side", "BUY")), -1104, unread(4, 5));
        assertError(a.signed("GET", ORDER_AMENDMENT, byId("XRPUSD_PERP", id)), -1121, INVALID_SYMBOL);
        assertError(a.signed("GET", ORDER_AMENDMENT, byId(BTC, 999_999_999L)), -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", ORDER_AMENDMENT, byClientId(BTC, "never-sent")), -2013, NO_SUCH_ORDER);
        assertError(b.signed("GET", ORDER_AMENDMENT, byId(BTC, id)), -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", ORDER_AMENDMENT, byId(ETH, id)), -2013, NO_SUCH_ORDER);
        assertThat(array(a.signed("GET", ORDER_AMENDMENT, with(byId(BTC, id), "limit", "100")))).isEmpty();
    }
}
