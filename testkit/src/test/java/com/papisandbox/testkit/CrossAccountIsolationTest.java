package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Account B can neither cancel, query nor see account A's orders (and the other way round). */
class CrossAccountIsolationTest extends TwoAccounts {
    CrossAccountIsolationTest(Sandbox sandbox) {
        super(sandbox);
    }

    @Test
    void bCannotCancelAsOrderByIdOrClientId() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "22000"), "newClientOrderId", "iso-cancel"));
        assertError(b.signed("DELETE", ORDER, byId(BTC, id)), -2011, UNKNOWN_ORDER);
        assertError(b.signed("DELETE", ORDER, byClientId(BTC, "iso-cancel")), -2011, UNKNOWN_ORDER);
        assertError(b.signed("DELETE", ORDER, with(byId(BTC, id), "origClientOrderId", "iso-cancel")), -2011, UNKNOWN_ORDER);
        // A's order is untouched
        Expected.limit(BTC, "BUY", "1", "22000").clientOrderId("iso-cancel").assertOpen(a.signed("GET", OPEN_ORDER, byId(BTC, id)));
    }

    @Test
    void bCannotQueryAsOrder() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "22001"), "newClientOrderId", "iso-query"));
        assertError(b.signed("GET", ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
        assertError(b.signed("GET", ORDER, byClientId(BTC, "iso-query")), -2013, NO_SUCH_ORDER);
        assertError(b.signed("GET", OPEN_ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
        assertError(b.signed("GET", OPEN_ORDER, byClientId(BTC, "iso-query")), -2013, NO_SUCH_ORDER);
    }

    @Test
    void bCannotQueryAsClosedOrder() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "22002"), "newClientOrderId", "iso-closed"));
        object(a.signed("DELETE", ORDER, byId(BTC, id)));
        assertError(b.signed("GET", ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
        assertError(b.signed("GET", ORDER, byClientId(BTC, "iso-closed")), -2013, NO_SUCH_ORDER);
    }

    @Test
    void openOrdersListsOnlyTheCallersOrders() {
        long mine = placeId(b, limit(BTC, "BUY", "1", "22003"));
        long theirs = placeId(a, limit(BTC, "BUY", "1", "22004"));
        long theirsEth = placeId(a, limit(ETH, "BUY", "1", "2200"));
        assertThat(ids(array(b.signed("GET", OPEN_ORDERS, params())))).containsExactly(mine);
        assertThat(ids(array(b.signed("GET", OPEN_ORDERS, params("symbol", BTC))))).containsExactly(mine);
        assertThat(b.signed("GET", OPEN_ORDERS, params("symbol", ETH)).body()).isEqualTo("[]");
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params())))).containsExactly(theirs, theirsEth);
    }

    @Test
    void cancelAllOfBLeavesAsOrdersOpen() {
        long theirs = placeId(a, limit(BTC, "BUY", "1", "22005"));
        placeId(b, limit(BTC, "BUY", "1", "22006"));
        assertThat(b.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC)).body()).isEqualTo(CANCEL_ALL_DONE);
        assertThat(b.signed("GET", OPEN_ORDERS, params()).body()).isEqualTo("[]");
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params())))).containsExactly(theirs);
    }

    @Test
    void aClientOrderIdOpenInAnotherAccountIsNotADuplicate() {
        placeId(a, with(limit(BTC, "BUY", "1", "22007"), "newClientOrderId", "iso-dup"));
        JsonObject inB = place(b, with(limit(BTC, "BUY", "1", "22008"), "newClientOrderId", "iso-dup"));
        assertThat(inB.getString("clientOrderId")).isEqualTo("iso-dup");
    }

    @Test
    void aCrossBetweenAccountsIsVisibleToEachOnlyAsItsOwnOrder() {
        long makerB = placeId(b, with(limit(BTC, "SELL", "3", "61200"), "newClientOrderId", "iso-maker"));
        long takerA = orderId(place(a, with(limit(BTC, "BUY", "1", "61200"), "newClientOrderId", "iso-taker",
                "newOrderRespType", "RESULT")));
        // each sees its own, not the counterparty's
        assertError(a.signed("GET", ORDER, byId(BTC, makerB)), -2013, NO_SUCH_ORDER);
        assertError(b.signed("GET", ORDER, byId(BTC, takerA)), -2013, NO_SUCH_ORDER);
        assertError(a.signed("DELETE", ORDER, byId(BTC, makerB)), -2011, UNKNOWN_ORDER);
        Expected.limit(BTC, "SELL", "3", "61200").clientOrderId("iso-maker").status("PARTIALLY_FILLED")
                .filled("1", "0.00163399", "61200.0").assertQueried(b.signed("GET", ORDER, byId(BTC, makerB)));
        Expected.limit(BTC, "SELL", "3", "61200").clientOrderId("iso-maker").status("CANCELED")
                .filled("1", "0.00163399", "61200.0").assertCanceled(b.signed("DELETE", ORDER, byClientId(BTC, "iso-maker")));
    }
}
