package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed order in which a signed request is checked: route → API key → parameter syntax → unread
 * parameters → the endpoint's parameters in documented order → timestamp/recvWindow → signature →
 * symbol → precision → engine. One test per error, then requests with two faults to pin the order.
 */
@ExtendWith(SandboxExtension.class)
class ValidationOrderTest {
    private final PapiClient a;

    ValidationOrderTest(Sandbox sandbox) {
        a = SandboxExtension.clientA(sandbox);
    }

    @AfterEach
    void nothingWasPlaced() {
        assertThat(openOrdersBody(a)).as("no test here may leave an order").isEqualTo("[]");
    }

    private static final Map<String, String> GOOD = limit(BTC, "BUY", "1", "24000");

    /** The query string of a good order with {@code extra} appended before timestamp, then signed. */
    private String signedGoodQuery(String extra) {
        return signQuery(a, PapiClient.encode(GOOD) + extra + "&timestamp=" + now());
    }

    private PapiClient.Response post(String rawQuery) {
        return a.raw("POST", ORDER, rawQuery, "", null);
    }

    private PapiClient.Response postSocket(String rawQuery) {
        return socket(a, "POST", ORDER, rawQuery, null, null);
    }

    // ================================================================ one fault each

    @Test
    void apiKeyMissing() {
        assertError(a.rawWithKey("POST", ORDER, signedGoodQuery(""), "", null, null), 401, -2014, BAD_KEY_FORMAT);
    }

    @Test
    void apiKeyBadFormat() {
        assertError(a.rawWithKey("POST", ORDER, signedGoodQuery(""), "", null, "not a key"), 401, -2014, BAD_KEY_FORMAT);
        assertError(a.rawWithKey("POST", ORDER, signedGoodQuery(""), "", null, "key;drop"), 401, -2014, BAD_KEY_FORMAT);
    }

    @Test
    void apiKeyUnknown() {
        assertError(a.rawWithKey("POST", ORDER, signedGoodQuery(""), "", null, "unknownKey42"), 401, -2015, REJECTED_KEY);
    }

    @Test
    void badPercentEncodingInAValue() {
        assertError(postSocket(signedGoodQuery("&newClientOrderId=ab%zz")), -1100, ILLEGAL_CHARS);
        assertError(postSocket(signedGoodQuery("&newClientOrderId=ab%4")), -1100, ILLEGAL_CHARS);
    }

    @Test
    void badPercentEncodingInAName() {
        assertError(postSocket(signedGoodQuery("&new%zzClientOrderId=ab")), -1100, ILLEGAL_CHARS);
    }

    @Test
    void badPercentEncodingInTheBody() {
        String body = signQuery(a, PapiClient.encode(GOOD) + "&newClientOrderId=%zz&timestamp=" + now());
        assertError(socket(a, "POST", ORDER, "", FORM, body), -1100, ILLEGAL_CHARS);
    }

    @Test
    void percentEncodedNonUtf8Bytes() {
        assertError(postSocket(signedGoodQuery("&newClientOrderId=%ff%fe")), -1100, ILLEGAL_CHARS);
        String body = signQuery(a, PapiClient.encode(GOOD) + "&newClientOrderId=%ff%fe&timestamp=" + now());
        assertError(socket(a, "POST", ORDER, "", FORM, body), -1100, ILLEGAL_CHARS);
    }

    @Test
    void sameNameTwiceInTheQuery() {
        assertError(post(signedGoodQuery("&symbol=BTCUSD_PERP")), -1101, DUPLICATE);
        assertError(post(signedGoodQuery("&quantity=2")), -1101, DUPLICATE);
        String q = PapiClient.encode(GOOD) + "&timestamp=" + now() + "&timestamp=" + now();
        assertError(post(signQuery(a, q)), -1101, DUPLICATE);
    }

    @Test
    void signatureTwiceInTheQuery() {
        String q = signedGoodQuery("");
        assertError(post(q + q.substring(q.indexOf("&signature="))), -1101, DUPLICATE);
    }

    @Test
    void sameNameTwiceInTheBody() {
        String body = signQuery(a, PapiClient.encode(GOOD) + "&price=24001&timestamp=" + now());
        assertError(a.raw("POST", ORDER, "", body, FORM), -1101, DUPLICATE);
    }

    @Test
    void undocumentedParameterCountsEverythingSent() {
        // symbol side type timeInForce quantity price stopPrice timestamp signature = 9 sent, 8 read
        assertError(post(signedGoodQuery("&stopPrice=25000")), -1104, unread(8, 9));
        // + workingType + recvWindow = 11 sent, 9 read
        assertError(post(signedGoodQuery("&stopPrice=25000&workingType=MARK_PRICE&recvWindow=5000")), -1104, unread(9, 11));
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "1", "foo", "bar")), -1104, unread(4, 5));
        assertError(a.signed("GET", OPEN_ORDERS, params("limit", "5")), -1104, unread(2, 3));
        assertError(a.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC, "orderId", "1")), -1104, unread(3, 4));
        assertError(a.signed("POST", ORDER, with(GOOD, "selfTradePreventionMode", "NONE", "goodTillDate", "1")), -1104, unread(8, 10));
    }

    @Test
    void mandatorySymbolMissing() {
        assertError(a.signed("POST", ORDER, without(GOOD, "symbol")), -1102, mandatory("symbol"));
        assertError(a.signed("POST", ORDER, with(GOOD, "symbol", "")), -1102, mandatory("symbol"));
    }

    @Test
    void mandatorySideAndTypeMissing() {
        assertError(a.signed("POST", ORDER, without(GOOD, "side")), -1102, mandatory("side"));
        assertError(a.signed("POST", ORDER, without(GOOD, "type")), -1102, mandatory("type"));
    }

    @Test
    void cancelWithNeitherId() {
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC)), -1102, EITHER_ID);
    }

    @Test
    void nonNumericOrderId() {
        assertError(a.signed("DELETE", ORDER, params("symbol", BTC, "orderId", "12x")), -1100, illegal("orderId", LONG_RANGE));
    }

    @Test
    void timestampMissing() {
        assertError(post(signQuery(a, PapiClient.encode(GOOD))), -1102, mandatory("timestamp"));
    }

    @Test
    void timestampNotANumber() {
        assertError(a.signed("POST", ORDER, with(GOOD, "timestamp", "yesterday")), -1100, illegal("timestamp", LONG_RANGE));
    }

    @Test
    void recvWindowTooLarge() {
        assertError(a.signed("POST", ORDER, with(GOOD, "recvWindow", "60001")), -1131, RECV_WINDOW_TOO_LARGE);
    }

    @Test
    void timestampStale() {
        assertError(a.signed("POST", ORDER, with(GOOD, "timestamp", Long.toString(System.currentTimeMillis() - 10_000))),
                -1021, OUTSIDE_WINDOW);
    }

    @Test
    void timestampAhead() {
        assertError(a.signed("POST", ORDER, with(GOOD, "timestamp", Long.toString(System.currentTimeMillis() + 2_000))),
                -1021, AHEAD);
    }

    @Test
    void staleButInsideALargerRecvWindowIsAccepted() {
        long id = placeId(a, with(GOOD, "recvWindow", "20000", "timestamp", Long.toString(System.currentTimeMillis() - 10_000)));
        object(a.signed("DELETE", ORDER, byId(BTC, id)));
    }

    @Test
    void signatureMissing() {
        assertError(post(PapiClient.encode(GOOD) + "&timestamp=" + now()), -1102, mandatory("signature"));
    }

    @Test
    void signatureEmptyIsMissing() {
        assertError(post(PapiClient.encode(GOOD) + "&timestamp=" + now() + "&signature="), -1102, mandatory("signature"));
    }

    @Test
    void signatureWrong() {
        String q = PapiClient.encode(GOOD) + "&timestamp=" + now();
        assertError(post(q + "&signature=" + a.hmac(q + "x")), -1022, BAD_SIGNATURE);
        assertError(post(q + "&signature=nothex"), -1022, BAD_SIGNATURE);
    }

    @Test
    void signatureHexIsCaseInsensitive() {
        String q = PapiClient.encode(GOOD) + "&timestamp=" + now();
        PapiClient.Response r = post(q + "&signature=" + a.hmac(q).toUpperCase(java.util.Locale.ROOT));
        long id = orderId(Expected.limit(BTC, "BUY", "1", "24000").assertNew(r));
        String c = "symbol=BTCUSD_PERP&orderId=" + id + "&timestamp=" + now();
        String mixed = a.hmac(c);
        mixed = mixed.substring(0, 32).toUpperCase(java.util.Locale.ROOT) + mixed.substring(32);
        object(a.raw("DELETE", ORDER, c + "&signature=" + mixed, "", null));
    }

    @Test
    void symbolUnknown() {
        assertError(a.signed("POST", ORDER, with(GOOD, "symbol", "BTCUSDT")), -1121, INVALID_SYMBOL);
    }

    @Test
    void tooManyDecimals() {
        assertError(a.signed("POST", ORDER, with(GOOD, "price", "24000.05")), -1111, BAD_PRECISION);
        assertError(a.signed("POST", ORDER, with(GOOD, "quantity", "1.5")), -1111, BAD_PRECISION);
        assertError(a.signed("POST", ORDER, limit(ETH, "BUY", "1", "2400.001")), -1111, BAD_PRECISION);
        assertError(a.signed("POST", ORDER, with(market(BTC, "BUY", "0.1"))), -1111, BAD_PRECISION);
    }

    @Test
    void engineRejectionComesLast() {
        assertError(a.signed("POST", ORDER, with(GOOD, "price", "999.9")), -4013, "Price less than min price.");
    }

    // ================================================================ two faults: the earlier check wins

    @Test
    void missingKeyBeatsBadPercentEncoding() {
        assertError(socket(a, null, "POST", ORDER, latin1("symbol=%zz&timestamp=1"), null, null), 401, -2014, BAD_KEY_FORMAT);
    }

    @Test
    void unknownKeyBeatsDuplicateParameter() {
        assertError(a.rawWithKey("POST", ORDER, signedGoodQuery("&side=SELL"), "", null, "unknownKey42"), 401, -2015, REJECTED_KEY);
    }

    @Test
    void badKeyFormatBeatsUnreadParameter() {
        assertError(a.rawWithKey("POST", ORDER, signedGoodQuery("&foo=1"), "", null, "bad key"), 401, -2014, BAD_KEY_FORMAT);
    }

    @Test
    void badPercentEncodingBeatsUnreadParameter() {
        assertError(postSocket(signedGoodQuery("&foo=%zz")), -1100, ILLEGAL_CHARS);
    }

    @Test
    void duplicateBeatsUnreadParameter() {
        assertError(post(signedGoodQuery("&foo=1&price=24001")), -1101, DUPLICATE);
    }

    @Test
    void unreadParameterBeatsMissingSymbolTimestampAndSignature() {
        // symbol (missing), side type timeInForce quantity price foo = 6 sent, 5 read
        assertError(post(PapiClient.encode(without(GOOD, "symbol")) + "&foo=1"), -1104, unread(5, 6));
    }

    @Test
    void unreadParameterBeatsStaleTimestampAndBadSignature() {
        String q = PapiClient.encode(GOOD) + "&foo=1&timestamp=1";
        assertError(post(q + "&signature=" + repeat('0', 64)), -1104, unread(8, 9));
    }

    @Test
    void missingSymbolBeatsMissingTimestamp() {
        assertError(post(PapiClient.encode(without(GOOD, "symbol"))), -1102, mandatory("symbol"));
    }

    @Test
    void missingSymbolBeatsInvalidSide() {
        assertError(a.signed("POST", ORDER, with(without(GOOD, "symbol"), "side", "HOLD")), -1102, mandatory("symbol"));
    }

    @Test
    void invalidSideBeatsInvalidType() {
        assertError(a.signed("POST", ORDER, with(GOOD, "side", "HOLD", "type", "STOP")), -1117, "Invalid side.");
    }

    @Test
    void invalidTypeBeatsInvalidTimeInForce() {
        assertError(a.signed("POST", ORDER, with(GOOD, "type", "STOP", "timeInForce", "GTD")), -1116, "Invalid orderType.");
    }

    @Test
    void invalidTimeInForceBeatsInvalidRespType() {
        assertError(a.signed("POST", ORDER, with(GOOD, "timeInForce", "GTD", "newOrderRespType", "FULL")), -1115, "Invalid timeInForce.");
    }

    @Test
    void invalidPositionSideAlone() {
        assertError(a.signed("POST", ORDER, with(GOOD, "positionSide", "MIDDLE")), -4060, "Invalid position side.");
    }

    @Test
    void invalidPositionSideBeatsInvalidTypeInDocumentedOrder() {
        assertError(a.signed("POST", ORDER, with(GOOD, "positionSide", "MIDDLE", "type", "STOP")), -4060, "Invalid position side.");
    }

    @Test
    void missingLimitPriceBeatsLaterInvalidClientOrderId() {
        assertError(a.signed("POST", ORDER, with(without(GOOD, "price"), "newClientOrderId", "bad id")), -1102, mandatory("price"));
    }

    @Test
    void missingLimitPriceAlone() {
        assertError(a.signed("POST", ORDER, without(GOOD, "price")), -1102, mandatory("price"));
    }

    @Test
    void invalidSideBeatsStaleTimestamp() {
        assertError(a.signed("POST", ORDER, with(GOOD, "side", "HOLD", "timestamp", "1")), -1117, "Invalid side.");
    }

    @Test
    void nonNumericOrderIdBeatsStaleTimestampAndBadSignature() {
        String q = "symbol=BTCUSD_PERP&orderId=abc&timestamp=1&signature=" + repeat('a', 64);
        assertError(a.raw("DELETE", ORDER, q, "", null), -1100, illegal("orderId", LONG_RANGE));
    }

    @Test
    void neitherIdBeatsMissingTimestamp() {
        assertError(a.raw("DELETE", ORDER, "symbol=BTCUSD_PERP", "", null), -1102, EITHER_ID);
    }

    @Test
    void endpointParameterBeatsRecvWindowTooLarge() {
        assertError(a.signed("POST", ORDER, with(GOOD, "type", "STOP", "recvWindow", "70000")), -1116, "Invalid orderType.");
    }

    @Test
    void missingTimestampBeatsMissingSignature() {
        assertError(post(PapiClient.encode(GOOD)), -1102, mandatory("timestamp"));
    }

    @Test
    void recvWindowTooLargeBeatsStaleTimestampAndBadSignature() {
        String q = PapiClient.encode(GOOD) + "&recvWindow=70000&timestamp=1&signature=" + repeat('0', 64);
        assertError(post(q), -1131, RECV_WINDOW_TOO_LARGE);
    }

    @Test
    void staleTimestampBeatsBadSignature() {
        assertError(post(PapiClient.encode(GOOD) + "&timestamp=1&signature=" + repeat('0', 64)), -1021, OUTSIDE_WINDOW);
    }

    @Test
    void staleTimestampBeatsMissingSignature() {
        assertError(post(PapiClient.encode(GOOD) + "&timestamp=1"), -1021, OUTSIDE_WINDOW);
    }

    @Test
    void aheadTimestampBeatsBadSignature() {
        long ahead = System.currentTimeMillis() + 60_000;
        assertError(post(PapiClient.encode(GOOD) + "&timestamp=" + ahead + "&signature=" + repeat('0', 64)), -1021, AHEAD);
    }

    @Test
    void missingSignatureBeatsUnknownSymbol() {
        assertError(post(PapiClient.encode(with(GOOD, "symbol", "BTCUSDT")) + "&timestamp=" + now()), -1102, mandatory("signature"));
    }

    @Test
    void badSignatureBeatsUnknownSymbol() {
        String q = PapiClient.encode(with(GOOD, "symbol", "BTCUSDT")) + "&timestamp=" + now();
        assertError(post(q + "&signature=" + repeat('0', 64)), -1022, BAD_SIGNATURE);
        assertError(a.raw("DELETE", ORDER, "symbol=NOPE&orderId=1&timestamp=" + now() + "&signature=" + repeat('0', 64), "", null),
                -1022, BAD_SIGNATURE);
    }

    @Test
    void unknownSymbolBeatsTooManyDecimals() {
        assertError(a.signed("POST", ORDER, with(GOOD, "symbol", "BTCUSDT", "price", "24000.055")), -1121, INVALID_SYMBOL);
    }

    @Test
    void unknownSymbolBeatsUnknownOrder() {
        assertError(a.signed("DELETE", ORDER, byId("BTCUSDT", 999_999_999L)), -1121, INVALID_SYMBOL);
        assertError(a.signed("GET", ORDER, byId("BTCUSDT", 999_999_999L)), -1121, INVALID_SYMBOL);
    }

    @Test
    void tooManyDecimalsBeatsPriceFilter() {
        assertError(a.signed("POST", ORDER, with(GOOD, "price", "999.95")), -1111, BAD_PRECISION);
    }

    @Test
    void tooManyDecimalsBeatsDuplicateClientOrderId() {
        long id = placeId(a, with(GOOD, "newClientOrderId", "dup-vs-precision"));
        try {
            assertError(a.signed("POST", ORDER, with(GOOD, "newClientOrderId", "dup-vs-precision", "quantity", "1.5")),
                    -1111, BAD_PRECISION);
        } finally {
            object(a.signed("DELETE", ORDER, byId(BTC, id)));
        }
    }
}
