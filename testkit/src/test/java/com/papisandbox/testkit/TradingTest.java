package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders that trade between accounts A and B: fills, partial fills, cancels that keep fills, ACK vs
 * RESULT, IOC/FOK/GTX, MARKET; cumBase and avgPrice rendering of filled orders (spec §1.1, §11).
 * The book is empty at the start of every test (everything is cancelled after each one).
 */
@ExtendWith(SandboxExtension.class)
class TradingTest {
    private final PapiClient a;
    private final PapiClient b;

    TradingTest(Sandbox sandbox) {
        a = SandboxExtension.clientA(sandbox);
        b = SandboxExtension.clientB(sandbox);
    }

    @BeforeEach
    @AfterEach
    void emptyBook() {
        cancelEverything(a);
        cancelEverything(b);
    }

    private static java.util.Map<String, String> result(java.util.Map<String, String> order) {
        return with(order, "newOrderRespType", "RESULT");
    }

    @Test
    void partialFillThenCancelOfTheRemainderKeepsTheFills() {
        JsonObject maker = Expected.limit(BTC, "SELL", "5", "60000").clientOrderId("maker-1")
                .assertNew(b.signed("POST", ORDER, with(result(limit(BTC, "SELL", "5", "60000")), "newClientOrderId", "maker-1")));
        long makerId = orderId(maker);

        Expected.limit(BTC, "BUY", "2", "60000").status("FILLED").filled("2", "0.00333333", "60000.0")
                .assertNew(a.signed("POST", ORDER, result(limit(BTC, "BUY", "2", "60000"))));

        Expected partial = Expected.limit(BTC, "SELL", "5", "60000").clientOrderId("maker-1")
                .status("PARTIALLY_FILLED").filled("2", "0.00333333", "60000.0");
        JsonObject queried = partial.assertQueried(b.signed("GET", ORDER, byId(BTC, makerId)));
        assertThat(number(queried, "updateTime")).isGreaterThanOrEqualTo(number(queried, "time"));
        PapiClient.Response open = b.signed("GET", OPEN_ORDER, byId(BTC, makerId));
        partial.assertOpen(open);
        assertThat(open.body()).contains("\"avgPrice\":\"60000.0\"");
        JsonArray list = array(b.signed("GET", OPEN_ORDERS, params("symbol", BTC)));
        assertThat(ids(list)).containsExactly(makerId);
        partial.assertOpenItem(list.getJsonObject(0));

        Expected canceled = partial.status("CANCELED");
        PapiClient.Response cancel = b.signed("DELETE", ORDER, byId(BTC, makerId));
        canceled.assertCanceled(cancel);
        assertThat(cancel.body()).startsWith("{\"avgPrice\":\"60000.0\",\"clientOrderId\":\"maker-1\",\"cumQty\":\"2\",\"cumBase\":\"0.00333333\",\"executedQty\":\"2\",");
        canceled.assertQueried(b.signed("GET", ORDER, byId(BTC, makerId)));
        canceled.assertQueried(b.signed("GET", ORDER, byClientId(BTC, "maker-1")));
        assertError(b.signed("GET", OPEN_ORDER, byId(BTC, makerId)), -2013, NO_SUCH_ORDER);
        assertError(b.signed("DELETE", ORDER, byId(BTC, makerId)), -2011, UNKNOWN_ORDER);
        assertThat(b.signed("GET", OPEN_ORDERS, params()).body()).isEqualTo("[]");
    }

    @Test
    void oneContractAt60000() {
        long maker = placeId(b, limit(BTC, "SELL", "1", "60000"));
        JsonObject taker = Expected.limit(BTC, "BUY", "1", "60000").status("FILLED").filled("1", "0.00166667", "60000.0")
                .assertNew(a.signed("POST", ORDER, result(limit(BTC, "BUY", "1", "60000"))));
        Expected.limit(BTC, "BUY", "1", "60000").status("FILLED").filled("1", "0.00166667", "60000.0")
                .assertQueried(a.signed("GET", ORDER, byId(BTC, orderId(taker))));
        Expected.limit(BTC, "SELL", "1", "60000").status("FILLED").filled("1", "0.00166667", "60000.0")
                .assertQueried(b.signed("GET", ORDER, byId(BTC, maker)));
    }

    @Test
    void oneContractAt32521_4GivesTheLiveDapiCumBase() {
        long maker = placeId(a, limit(BTC, "BUY", "1", "32521.4"));
        Expected.limit(BTC, "SELL", "1", "32521.4").status("FILLED").filled("1", "0.00307490", "32521.4")
                .assertNew(b.signed("POST", ORDER, result(limit(BTC, "SELL", "1", "32521.4"))));
        Expected.limit(BTC, "BUY", "1", "32521.4").status("FILLED").filled("1", "0.00307490", "32521.4")
                .assertQueried(a.signed("GET", ORDER, byId(BTC, maker)));
    }

    @Test
    void ethUsdPerpFillRendersTwoDecimalAvgPrice() {
        long maker = placeId(b, limit(ETH, "SELL", "1", "4522.14"));
        Expected.limit(ETH, "BUY", "1", "4522.14").status("FILLED").filled("1", "0.00221134", "4522.14")
                .assertNew(a.signed("POST", ORDER, result(limit(ETH, "BUY", "1", "4522.14"))));
        Expected.limit(ETH, "SELL", "1", "4522.14").status("FILLED").filled("1", "0.00221134", "4522.14")
                .assertQueried(b.signed("GET", ORDER, byId(ETH, maker)));
    }

    @Test
    void takerSweepsTwoLevelsAtTheMakersPricesWithHarmonicAvgPrice() {
        placeId(b, limit(BTC, "SELL", "1", "50000"));
        placeId(b, limit(BTC, "SELL", "1", "50001"));
        // 100/50000 + 100/50001 = 0.0039999600008 ; 200 / that = 50000.499995
        Expected.limit(BTC, "BUY", "2", "50005").status("FILLED").filled("2", "0.00399996", "50000.5")
                .assertNew(a.signed("POST", ORDER, result(limit(BTC, "BUY", "2", "50005"))));
    }

    @Test
    void takerTradesAtTheMakerPrice() {
        placeId(a, limit(BTC, "BUY", "1", "45000"));
        Expected.limit(BTC, "SELL", "1", "44000").status("FILLED").filled("1", "0.00222222", "45000.0")
                .assertNew(b.signed("POST", ORDER, result(limit(BTC, "SELL", "1", "44000"))));
    }

    @Test
    void ackShowsTheOrderAsAcceptedEvenWhenItTraded() {
        placeId(b, limit(BTC, "SELL", "1", "62000"));
        JsonObject ack = Expected.limit(BTC, "BUY", "1", "62000")
                .assertNew(a.signed("POST", ORDER, limit(BTC, "BUY", "1", "62000")));
        assertThat(ack.getString("status")).isEqualTo("NEW");
        assertThat(ack.getString("executedQty")).isEqualTo("0");
        Expected.limit(BTC, "BUY", "1", "62000").status("FILLED").filled("1", "0.00161290", "62000.0")
                .clientOrderId(ack.getString("clientOrderId"))
                .assertQueried(a.signed("GET", ORDER, byId(BTC, orderId(ack))));
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC, orderId(ack))), -2013, NO_SUCH_ORDER);
    }

    @Test
    void marketOrderResultIsFilledWithPriceZero() {
        placeId(b, limit(BTC, "SELL", "3", "70000"));
        PapiClient.Response r = a.signed("POST", ORDER, result(market(BTC, "BUY", "3")));
        JsonObject o = Expected.market(BTC, "BUY", "3").status("FILLED").filled("3", "0.00428571", "70000.0").assertNew(r);
        assertThat(r.body()).contains("\"type\":\"MARKET\"").contains("\"price\":\"0\"");
        Expected.market(BTC, "BUY", "3").status("FILLED").filled("3", "0.00428571", "70000.0")
                .assertQueried(a.signed("GET", ORDER, byId(BTC, orderId(o))));
    }

    @Test
    void marketOrderAckShowsNew() {
        placeId(b, limit(BTC, "SELL", "1", "70500"));
        JsonObject o = Expected.market(BTC, "BUY", "1").assertNew(a.signed("POST", ORDER, market(BTC, "BUY", "1")));
        Expected.market(BTC, "BUY", "1").status("FILLED").filled("1", "0.00141844", "70500.0")
                .assertQueried(a.signed("GET", ORDER, byId(BTC, orderId(o))));
    }

    @Test
    void iocRemainderExpiresAndCannotBeCancelled() {
        long maker = placeId(b, limit(BTC, "SELL", "2", "61000"));
        PapiClient.Response r = a.signed("POST", ORDER, result(with(limit(BTC, "BUY", "5", "61000"),
                "timeInForce", "IOC", "newClientOrderId", "ioc-1")));
        Expected ioc = Expected.limit(BTC, "BUY", "5", "61000").timeInForce("IOC").clientOrderId("ioc-1")
                .status("EXPIRED").filled("2", "0.00327869", "61000.0");
        long id = orderId(ioc.assertNew(r));
        ioc.assertQueried(a.signed("GET", ORDER, byId(BTC, id)));
        assertError(a.signed("DELETE", ORDER, byId(BTC, id)), -2011, UNKNOWN_ORDER);
        assertError(a.signed("DELETE", ORDER, byClientId(BTC, "ioc-1")), -2011, UNKNOWN_ORDER);
        assertError(a.signed("GET", OPEN_ORDER, byId(BTC, id)), -2013, NO_SUCH_ORDER);
        assertThat(a.signed("GET", OPEN_ORDERS, params()).body()).isEqualTo("[]");
        Expected.limit(BTC, "SELL", "2", "61000").status("FILLED").filled("2", "0.00327869", "61000.0")
                .assertQueried(b.signed("GET", ORDER, byId(BTC, maker)));
    }

    @Test
    void iocWithoutLiquidityExpiresUnfilled() {
        Expected.limit(BTC, "BUY", "1", "61500").timeInForce("IOC").status("EXPIRED")
                .assertNew(a.signed("POST", ORDER, result(with(limit(BTC, "BUY", "1", "61500"), "timeInForce", "IOC"))));
    }

    @Test
    void fokThatCannotFillIsRejectedAndTouchesNothing() {
        long maker = placeId(b, limit(BTC, "SELL", "2", "63000"));
        assertError(a.signed("POST", ORDER, with(limit(BTC, "BUY", "3", "63000"), "timeInForce", "FOK")),
                -5021, "Due to the order could not be filled immediately, the FOK order has been rejected.");
        assertThat(a.signed("GET", OPEN_ORDERS, params()).body()).isEqualTo("[]");
        Expected.limit(BTC, "SELL", "2", "63000").assertOpen(b.signed("GET", OPEN_ORDER, byId(BTC, maker)));
    }

    @Test
    void fokThatCanFillIsFilled() {
        placeId(b, limit(BTC, "SELL", "2", "63500"));
        Expected.limit(BTC, "BUY", "2", "63500").timeInForce("FOK").status("FILLED").filled("2", "0.00314961", "63500.0")
                .assertNew(a.signed("POST", ORDER, result(with(limit(BTC, "BUY", "2", "63500"), "timeInForce", "FOK"))));
    }

    @Test
    void gtxThatWouldCrossIsRejectedAndTouchesNothing() {
        long maker = placeId(b, limit(BTC, "SELL", "1", "64000"));
        assertError(a.signed("POST", ORDER, with(limit(BTC, "BUY", "1", "64000"), "timeInForce", "GTX")),
                -5022, "Due to the order could not be executed as maker, the Post Only order will be rejected.");
        assertThat(a.signed("GET", OPEN_ORDERS, params()).body()).isEqualTo("[]");
        Expected.limit(BTC, "SELL", "1", "64000").assertOpen(b.signed("GET", OPEN_ORDER, byId(BTC, maker)));
    }

    @Test
    void gtxThatDoesNotCrossRests() {
        placeId(b, limit(BTC, "SELL", "1", "64500"));
        JsonObject o = Expected.limit(BTC, "BUY", "1", "64400").timeInForce("GTX")
                .assertNew(a.signed("POST", ORDER, result(with(limit(BTC, "BUY", "1", "64400"), "timeInForce", "GTX"))));
        Expected.limit(BTC, "BUY", "1", "64400").timeInForce("GTX")
                .assertOpen(a.signed("GET", OPEN_ORDER, byId(BTC, orderId(o))));
    }

    @Test
    void filledOrderCannotBeCancelled() {
        long maker = placeId(b, limit(BTC, "SELL", "1", "65000"));
        long taker = orderId(place(a, result(limit(BTC, "BUY", "1", "65000"))));
        assertError(a.signed("DELETE", ORDER, byId(BTC, taker)), -2011, UNKNOWN_ORDER);
        assertError(b.signed("DELETE", ORDER, byId(BTC, maker)), -2011, UNKNOWN_ORDER);
        assertError(b.signed("GET", OPEN_ORDER, byId(BTC, maker)), -2013, NO_SUCH_ORDER);
    }

    @Test
    void cancelAllKeepsFillsOfPartiallyFilledOrders() {
        long maker = placeId(b, limit(BTC, "SELL", "4", "66000"));
        place(a, limit(BTC, "BUY", "1", "66000"));
        PapiClient.Response r = b.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", BTC));
        assertThat(r.body()).isEqualTo(CANCEL_ALL_DONE);
        Expected.limit(BTC, "SELL", "4", "66000").status("CANCELED").filled("1", "0.00151515", "66000.0")
                .assertQueried(b.signed("GET", ORDER, byId(BTC, maker)));
    }

    @Test
    void fractionalPriceFill() {
        placeId(b, limit(BTC, "SELL", "3", "65000.1"));
        // 300 / 65000.1 = 0.004615377...
        Expected.limit(BTC, "BUY", "3", "65000.1").status("FILLED").filled("3", "0.00461538", "65000.1")
                .assertNew(a.signed("POST", ORDER, result(limit(BTC, "BUY", "3", "65000.1"))));
    }

    @Test
    void marketOrderOnAnEmptyBookIsUnableToFill() {
        // Binance futures refuse a MARKET order that finds nothing with -2020 (docs/decisions.md "Ledger")
        assertError(b.signed("POST", ORDER, result(market(BTC, "BUY", "1"))), 400, -2020, "Unable to fill.");
        assertError(b.signed("POST", ORDER, result(market(BTC, "SELL", "2"))), 400, -2020, "Unable to fill.");
    }

    @Test
    void marketOrderIgnoresTimeInForceAndShowsGtc() {
        placeId(b, limit(BTC, "SELL", "1", "71000"));
        Expected.market(BTC, "BUY", "1").status("FILLED").filled("1", "0.00140845", "71000.0")
                .assertNew(a.signed("POST", ORDER, result(with(market(BTC, "BUY", "1"), "timeInForce", "IOC"))));
    }

    @Test
    void marketSellTakesTheBestBidsFirst() {
        placeId(a, limit(BTC, "BUY", "1", "40000"));
        placeId(a, limit(BTC, "BUY", "1", "41000"));
        // 100/41000 + 100/40000 = 0.00493902439 ; 200 / that = 40493.827...
        Expected.market(BTC, "SELL", "2").status("FILLED").filled("2", "0.00493902", "40493.8")
                .assertNew(b.signed("POST", ORDER, result(market(BTC, "SELL", "2"))));
    }

    @Test
    void anAccountCrossingItselfTrades() {
        long maker = placeId(a, limit(BTC, "SELL", "1", "58000"));
        Expected.limit(BTC, "BUY", "1", "58000").status("FILLED").filled("1", "0.00172414", "58000.0")
                .assertNew(a.signed("POST", ORDER, result(limit(BTC, "BUY", "1", "58000"))));
        Expected.limit(BTC, "SELL", "1", "58000").status("FILLED").filled("1", "0.00172414", "58000.0")
                .assertQueried(a.signed("GET", ORDER, byId(BTC, maker)));
    }

    @Test
    void priceTimePriorityWithinALevel() {
        long first = placeId(b, limit(BTC, "SELL", "1", "57000"));
        long second = placeId(a, limit(BTC, "SELL", "1", "57000"));
        place(a, limit(BTC, "BUY", "1", "57000"));
        assertThat(object(b.signed("GET", ORDER, byId(BTC, first))).getString("status")).isEqualTo("FILLED");
        assertThat(object(a.signed("GET", ORDER, byId(BTC, second))).getString("status")).isEqualTo("NEW");
    }
}
