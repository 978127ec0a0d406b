package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of spec §10 (Cancel CM Order error matrix) and the matching query errors, plus the
 * lookup rules of §13 (orderId wins, account and symbol scoped). The 429 row is in {@link FixedClockTest}.
 */
class CancelErrorMatrixTest extends TwoAccounts {
    CancelErrorMatrixTest(Sandbox sandbox) {
        super(sandbox);
    }

    // ---------------------------------------------------------------- -2011

    @Test
    void unknownOrderIdIsUnknownOrderSent() {
        assertError(a.signed("DELETE", ORDER, byId(BTC, 999_999_999L)), 400, -2011, UNKNOWN_ORDER);
        assertError(a.signed("DELETE", ORDER, byId(BTC, 0)), 400, -2011, UNKNOWN_ORDER);
    }

    @Test
    void unknownOrigClientOrderIdIsUnknownOrderSent() {
        assertError(a.signed("DELETE", ORDER, byClientId(BTC, "never-sent")), 400, -2011, UNKNOWN_ORDER);
    }

    @Test
    void alreadyCanceledOrderIsUnknownOrderSent() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "23000"), "newClientOrderId", "twice"));
        object(a.signed("DELETE", ORDER, byId(BTC, id)));
        assertError(a.signed("DELETE", ORDER, byId(BTC, id)), -2011, UNKNOWN_ORDER);
        assertError(a.signed("DELETE", ORDER, byClientId(BTC, "twice")), -2011, UNKNOWN_ORDER);
    }

    @Test
    void filledOrderIsUnknownOrderSent() {
        long maker = placeId(b, limit(BTC, "SELL", "1", "67000"));
        long taker = orderId(place(a, limit(BTC, "BUY", "1", "67000")));
        assertError(a.signed("DELETE", ORDER, byId(BTC, taker)), -2011, UNKNOWN_ORDER);
        assertError(b.signed("DELETE", ORDER, byId(BTC, maker)), -2011, UNKNOWN_ORDER);
    }

    @Test
    void expiredIocRemainderIsUnknownOrderSent() {
        placeId(b, limit(BTC, "SELL", "1", "67500"));
        long ioc = orderId(place(a, with(limit(BTC, "BUY", "3", "67500"), "timeInForce", "IOC")));
        assertError(a.signed("DELETE", ORDER, byId(BTC, ioc)), -2011, UNKNOWN_ORDER);
        long unfilledIoc = orderId(place(a, with(limit(BTC, "BUY", "3", "23001"), "timeInForce", "IOC")));
        assertError(a.signed("DELETE", ORDER, byId(BTC, unfilledIoc)), -2011, UNKNOWN_ORDER);
    }

    @Test
    void orderOfAnotherSymbolIsUnknownOrderSent() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "23002"), "newClientOrderId", "wrong-symbol"));
        assertError(a.signed("DELETE", ORDER, byId(ETH, id)), -2011, UNKNOWN_ORDER);
        assertError(a.signed("DELETE", ORDER, byId(BTC_Q, id)), -2011, UNKNOWN_ORDER);
        assertError(a.signed("DELETE", ORDER, byClientId(ETH, "wrong-symbol")), -2011, UNKNOWN_ORDER);
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params())))).containsExactly(id);
    }

    @Test
    void orderOfAnotherAccountIsUnknownOrderSent() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "23003"), "newClientOrderId", "not-yours"));
        assertError(b.signed("DELETE", ORDER, byId(BTC, id)), -2011, UNKNOWN_ORDER);
        assertError(b.signed("DELETE", ORDER, byClientId(BTC, "not-yours")), -2011, UNKNOWN_ORDER);
    }

    // ---------------------------------------------------------------- ids

    @Test
    void orderIdWinsOverOrigClientOrderId() {
        long first = placeId(a, with(limit(BTC, "BUY", "1", "23010"), "newClientOrderId", "first"));
        long second = placeId(a, with(limit(BTC, "BUY", "1", "23011"), "newClientOrderId", "second"));
        JsonObject canceled = Expected.limit(BTC, "BUY", "1", "23010").clientOrderId("first").status("CANCELED")
                .assertCanceled(a.signed("DELETE", ORDER, with(byId(BTC, first), "origClientOrderId", "second")));
        assertThat(orderId(canceled)).isEqualTo(first);
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params())))).containsExactly(second);
    }

    @Test
    void unknownOrderIdWithAKnownOrigClientOrderIdIsUnknownOrderSent() {
        long open = placeId(a, with(limit(BTC, "BUY", "1", "23012"), "newClientOrderId", "known"));
        assertError(a.signed("DELETE", ORDER, with(byId(BTC, 999_999_998L), "origClientOrderId", "known")), -2011, UNKNOWN_ORDER);
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params())))).containsExactly(open);
    }

    @Test
    void orderIdWinsOnQueriesToo() {
        long first = placeId(a, with(limit(BTC, "BUY", "1", "23013"), "newClientOrderId", "q-first"));
        placeId(a, with(limit(BTC, "BUY", "1", "23014"), "newClientOrderId", "q-second"));
        assertThat(orderId(object(a.signed("GET", ORDER, with(byId(BTC, first), "origClientOrderId", "q-second"))))).isEqualTo(first);
        assertThat(orderId(object(a.signed("GET", OPEN_ORDER, with(byId(BTC, first), "origClientOrderId", "q-second"))))).isEqualTo(first);
        assertError(a.signed("GET", ORDER, with(byId(BTC, 999_999_997L), "origClientOrderId", "q-second")), -2013, NO_SUCH_ORDER);
    }

    @Test
    void neitherIdIsMandatoryParamEitherOr() {
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC)), -1102, EITHER_ID);
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "", "origClientOrderId", "")), -1102, EITHER_ID);
        assertError(a.signed("GET", ORDER, params("symbol", BTC)), -1102, EITHER_ID);
        assertError(a.signed("GET", OPEN_ORDER, params("symbol", BTC)), -1102, EITHER_ID);
    }

    @Test
    void nonNumericOrderIdIsIllegalCharacters() {
        for (String bad : new String[]{"abc", "12a", "-5", "1.0", "1e5", " 1", "123456789012345678901", "0x10"}) {
            assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", bad)), -1100, illegal("orderId", LONG_RANGE));
        }
        assertError(a.signed("GET", ORDER, params("symbol", BTC, "orderId", "abc")), -1100, illegal("orderId", LONG_RANGE));
        assertError(a.signed("GET", OPEN_ORDER, params("symbol", BTC, "orderId", "abc")), -1100, illegal("orderId", LONG_RANGE));
    }

    @Test
    void twentyDigitOrderIdBeyondLongIsIllegalCharactersNot500() {
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "99999999999999999999")), -1100, illegal("orderId", LONG_RANGE));
    }

    // ---------------------------------------------------------------- symbol

    @Test
    void missingOrEmptySymbolIsMandatory() {
        assertError(a.signed("DELETE", ORDER, params("orderId", "1")), -1102, mandatory("symbol"));
        assertError(a.signed("DELETE", ORDER, params("symbol", "", "orderId", "1")), -1102, mandatory("symbol"));
        assertError(a.signed("GET", ORDER, params("orderId", "1")), -1102, mandatory("symbol"));
        assertError(a.signed("GET", OPEN_ORDER, params("orderId", "1")), -1102, mandatory("symbol"));
        assertError(a.signed("DELETE", ALL_OPEN_ORDERS, params()), -1102, mandatory("symbol"));
    }

    @Test
    void unknownSymbolIsInvalidSymbol() {
        for (String symbol : new String[]{"BTCUSDT", "btcusd_perp", "BTCUSD_PERP ", "XRPUSD_PERP"}) {
            assertError(a.signed("DELETE", ORDER, params("symbol", symbol, "orderId", "1")), -1121, INVALID_SYMBOL);
        }
        assertError(a.signed("GET", ORDER, params("symbol", "BTCUSDT", "orderId", "1")), -1121, INVALID_SYMBOL);
        assertError(a.signed("GET", OPEN_ORDER, params("symbol", "BTCUSDT", "orderId", "1")), -1121, INVALID_SYMBOL);
        assertError(a.signed("GET", OPEN_ORDERS, params("symbol", "BTCUSDT")), -1121, INVALID_SYMBOL);
        assertError(a.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", "BTCUSDT")), -1121, INVALID_SYMBOL);
    }

    // ---------------------------------------------------------------- envelope rows

    @Test
    void missingTimestampIsMandatory() {
        String q = "symbol=BTCUSD_PERP&orderId=1";
        assertError(a.raw("DELETE", ORDER, signQuery(a, q), "", null), -1102, mandatory("timestamp"));
    }

    @Test
    void staleTimestampIsOutsideTheRecvWindow() {
        long stale = System.currentTimeMillis() - 6000;
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "1", "timestamp", Long.toString(stale))),
                -1021, OUTSIDE_WINDOW);
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "1", "recvWindow", "1000",
                "timestamp", Long.toString(System.currentTimeMillis() - 3000))), -1021, OUTSIDE_WINDOW);
    }

    @Test
    void timestampInTheFutureIsAhead() {
        long ahead = System.currentTimeMillis() + 5000;
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "1", "timestamp", Long.toString(ahead))),
                -1021, AHEAD);
    }

    @Test
    void badSignatureIsInvalidSignature() {
        String q = "symbol=BTCUSD_PERP&orderId=1&timestamp=" + now();
        String good = a.hmac(q);
        String flipped = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);
        assertError(a.raw("DELETE", ORDER, q + "&signature=" + flipped, "", null), -1022, BAD_SIGNATURE);
        assertError(a.raw("DELETE", ORDER, q + "&signature=" + good.substring(1), "", null), -1022, BAD_SIGNATURE);
        assertError(a.raw("DELETE", ORDER, q + "&signature=zz" + good.substring(2), "", null), -1022, BAD_SIGNATURE);
        // signed with B's secret
        assertError(a.raw("DELETE", ORDER, q + "&signature=" + b.hmac(q), "", null), -1022, BAD_SIGNATURE);
    }

    @Test
    void unknownKeyIsRejectedWith401() {
        String q = signQuery(a, "symbol=BTCUSD_PERP&orderId=1&timestamp=" + now());
        assertError(a.rawWithKey("DELETE", ORDER, q, "", null, "noSuchKey0123456789"), 401, -2015, REJECTED_KEY);
        assertError(a.rawWithKey("DELETE", ORDER, q, "", null, "testkeya"), 401, -2015, REJECTED_KEY);
    }

    @Test
    void missingOrMalformedKeyIsFormatInvalidWith401() {
        String q = signQuery(a, "symbol=BTCUSD_PERP&orderId=1&timestamp=" + now());
        assertError(a.rawWithKey("DELETE", ORDER, q, "", null, null), 401, -2014, BAD_KEY_FORMAT);
        assertError(a.rawWithKey("DELETE", ORDER, q, "", null, ""), 401, -2014, BAD_KEY_FORMAT);
        assertError(a.rawWithKey("DELETE", ORDER, q, "", null, "bad key!"), 401, -2014, BAD_KEY_FORMAT);
    }

    @Test
    void recvWindowAboveSixtySecondsIsRejected() {
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "1", "recvWindow", "60001")),
                -1131, RECV_WINDOW_TOO_LARGE);
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "1", "recvWindow", "9999999")),
                -1131, RECV_WINDOW_TOO_LARGE);
    }

    @Test
    void recvWindowOfExactlySixtySecondsIsAccepted() {
        long id = placeId(a, limit(BTC, "BUY", "1", "23020"));
        object(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", Long.toString(id), "recvWindow", "60000",
                "timestamp", Long.toString(System.currentTimeMillis() - 30_000))));
    }

    // ---------------------------------------------------------------- query-side errors

    @Test
    void queryOfUnknownOrderIsOrderDoesNotExist() {
        assertError(a.signed("GET", ORDER, byId(BTC, 999_999_999L)), 400, -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", ORDER, byClientId(BTC, "never-sent")), 400, -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC, 999_999_999L)), 400, -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", OPEN_ORDER, byClientId(BTC, "never-sent")), 400, -2013, NO_SUCH_ORDER);
    }

    @Test
    void queryOfAnOrderUnderAnotherSymbolIsOrderDoesNotExist() {
        long id = placeId(a, limit(BTC, "BUY", "1", "23021"));
        assertError(a.signed("GET", ORDER, byId(ETH, id)), -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC_Q, id)), -2013, NO_SUCH_ORDER);
    }

    @Test
    void openOrderOfAClosedOrderIsOrderDoesNotExist() {
        long id = placeId(a, with(limit(BTC, "BUY", "1", "23022"), "newClientOrderId", "closed-open"));
        object(a.signed("DELETE", ORDER, byId(BTC, id)));
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
        assertError(a.signed("GET", OPEN_ORDER, byClientId(BTC, "closed-open")), -2013, NO_SUCH_ORDER);
        // but GET order still shows it
        Expected.limit(BTC, "BUY", "1", "23022").clientOrderId("closed-open").status("CANCELED")
                .assertQueried(a.signed("GET", ORDER, byClientId(BTC, "closed-open")));
    }

    @Test
    void cancelByParametersInAFormBody() {
        long id = placeId(a, limit(BTC, "BUY", "1", "23030"));
        PapiClient.Response r = a.signed("DELETE", ORDER, byId(BTC, id), PapiClient.Placement.BODY);
        Expected.limit(BTC, "BUY", "1", "23030").status("CANCELED").assertCanceled(r);
    }
}
