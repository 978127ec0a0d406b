package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every way POST /papi/v1/cm/order refuses an order (parameters, filters, engine), and that it then leaves no trace. */
class NewOrderRejectionsTest extends TwoAccounts {
    private static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    private static final Map<String, String> GOOD = limit(BTC, "BUY", "1", "26000");

    NewOrderRejectionsTest(Sandbox sandbox) {
        super(sandbox);
    }

    private void rejected(Map<String, String> order, int code, String msg) {
        String before = openOrdersBody(a);
        assertError(a.signed("POST", ORDER, order), 400, code, msg);
        assertThat(openOrdersBody(a)).as("a rejected order leaves no open order").isEqualTo(before);
    }

    @Test
    void invalidSide() {
        rejected(with(GOOD, "side", "HOLD"), -1117, "Invalid side.");
        rejected(with(GOOD, "side", "buy"), -1117, "Invalid side.");
    }

    @Test
    void invalidType() {
        rejected(with(GOOD, "type", "STOP"), -1116, "Invalid orderType.");
        rejected(with(GOOD, "type", "TAKE_PROFIT_MARKET"), -1116, "Invalid orderType.");
        rejected(with(GOOD, "type", "limit"), -1116, "Invalid orderType.");
    }

    @Test
    void invalidTimeInForce() {
        rejected(with(GOOD, "timeInForce", "GTD"), -1115, "Invalid timeInForce.");
        rejected(with(GOOD, "timeInForce", "gtc"), -1115, "Invalid timeInForce.");
    }

    @Test
    void invalidNewOrderRespType() {
        rejected(with(GOOD, "newOrderRespType", "FULL"), -1136, "Invalid newOrderRespType.");
    }

    @Test
    void marketWithPrice() {
        rejected(with(market(BTC, "BUY", "1"), "price", "26000"), -1106, "Parameter 'price' sent when not required.");
    }

    @Test
    void limitWithoutPriceQuantityOrTimeInForce() {
        rejected(without(GOOD, "price"), -1102, mandatory("price"));
        rejected(without(GOOD, "quantity"), -1102, mandatory("quantity"));
        rejected(without(GOOD, "timeInForce"), -1102, mandatory("timeInForce"));
        rejected(with(GOOD, "price", ""), -1102, mandatory("price"));
    }

    @Test
    void marketWithoutQuantity() {
        rejected(without(market(BTC, "BUY", "1"), "quantity"), -1102, mandatory("quantity"));
    }

    @Test
    void positionSideLongOrShortInOneWayMode() {
        rejected(with(GOOD, "positionSide", "LONG"), -4061, "Order's position side does not match user's setting.");
        rejected(with(GOOD, "positionSide", "SHORT"), -4061, "Order's position side does not match user's setting.");
    }

    @Test
    void unknownPositionSide() {
        rejected(with(GOOD, "positionSide", "NONE"), -4060, "Invalid position side.");
    }

    @Test
    void priceMatchIsRefused() {
        rejected(with(without(GOOD, "price"), "priceMatch", "QUEUE"), -1130, "Data sent for parameter 'priceMatch' is not valid.");
    }

    @Test
    void priceWithPriceMatchIsPriceNotRequired() {
        rejected(with(GOOD, "priceMatch", "QUEUE"), -1106, "Parameter 'price' sent when not required.");
    }

    @Test
    void invalidClientOrderIds() {
        String msg = illegal("newClientOrderId", CLIENT_ID_RANGE);
        rejected(with(GOOD, "newClientOrderId", repeat('a', 33)), -1100, msg);
        rejected(with(GOOD, "newClientOrderId", "has space"), -1100, msg);
        rejected(with(GOOD, "newClientOrderId", "hash#"), -1100, msg);
        rejected(with(GOOD, "newClientOrderId", "caf\u00e9"), -1100, msg);
        rejected(with(GOOD, "newClientOrderId", "a+b"), -1100, msg);
    }

    @Test
    void duplicateOpenClientOrderId() {
        long first = placeId(a, with(GOOD, "newClientOrderId", "dup-1"));
        rejected(with(GOOD, "price", "26001", "newClientOrderId", "dup-1"), -4116, "ClientOrderId is duplicated.");
        assertThat(ids(array(a.signed("GET", OPEN_ORDERS, params())))).containsExactly(first);
    }

    @Test
    void priceBelowMinPrice() {
        rejected(with(GOOD, "price", "999.9"), -4013, "Price less than min price.");
        rejected(limit(ETH, "BUY", "1", "49.99"), -4013, "Price less than min price.");
    }

    @Test
    void priceAboveMaxPrice() {
        rejected(with(GOOD, "price", "4520958.1"), -4002, "Price greater than max price.");
        rejected(with(GOOD, "price", "99999999999999999999"), -4002, "Price greater than max price.");
    }

    @Test
    void priceZero() {
        rejected(with(GOOD, "price", "0"), -4001, "Price less than 0.");
    }

    @Test
    void quantityAboveMaxQty() {
        rejected(with(GOOD, "quantity", "1000001"), -4005, "Quantity greater than max quantity.");
        rejected(with(GOOD, "quantity", "99999999999999999999"), -4005, "Quantity greater than max quantity.");
        rejected(market(BTC, "BUY", "60001"), -4005, "Quantity greater than max quantity.");
    }

    @Test
    void quantityZero() {
        rejected(with(GOOD, "quantity", "0"), -4003, "Quantity less than zero.");
    }

    @Test
    void maxQtyItselfPassesLotSizeAndMeetsTheLeverageCap() {
        // LOT_SIZE accepts 1,000,000 contracts; then the ledger refuses ~3,846 BTC of notional at 20x (maxQty 50 BTC)
        rejected(with(GOOD, "quantity", "1000000"), -2027, "Exceeded the maximum allowable position at current leverage.");
    }

    @Test
    void negativeAndMalformedNumbersAreIllegalCharacters() {
        rejected(with(GOOD, "price", "-26000"), -1100, illegal("price", DECIMAL_RANGE));
        rejected(with(GOOD, "quantity", "-1"), -1100, illegal("quantity", DECIMAL_RANGE));
        rejected(with(GOOD, "price", "1e5"), -1100, illegal("price", DECIMAL_RANGE));
        rejected(with(GOOD, "price", "NaN"), -1100, illegal("price", DECIMAL_RANGE));
        rejected(with(GOOD, "price", ".5"), -1100, illegal("price", DECIMAL_RANGE));
        rejected(with(GOOD, "price", "26000."), -1100, illegal("price", DECIMAL_RANGE));
        rejected(with(GOOD, "price", "1234567890123456789012345"), -1100, illegal("price", DECIMAL_RANGE));
        rejected(with(GOOD, "quantity", "123456789012345678901"), -1100, illegal("quantity", DECIMAL_RANGE));
        rejected(with(GOOD, "price", "26000.000000000000000000001"), -1100, illegal("price", DECIMAL_RANGE));
    }

    @Test
    void tooManyDecimals() {
        rejected(with(GOOD, "price", "26000.01"), -1111, BAD_PRECISION);
        rejected(with(GOOD, "quantity", "1.01"), -1111, BAD_PRECISION);
        rejected(limit(ETH, "BUY", "1", "2600.001"), -1111, BAD_PRECISION);
    }

    @Test
    void unknownSymbol() {
        rejected(with(GOOD, "symbol", "BTCUSDT"), -1121, INVALID_SYMBOL);
        rejected(with(GOOD, "symbol", "btcusd_perp"), -1121, INVALID_SYMBOL);
    }

    @Test
    void reduceOnlyWithoutAPositionIsRejected() {
        rejected(with(limit(ETH_Q, "BUY", "1", "2600"), "reduceOnly", "true"), -2022, "ReduceOnly Order is rejected.");
        rejected(with(limit(ETH_Q, "SELL", "1", "2600"), "reduceOnly", "true"), -2022, "ReduceOnly Order is rejected.");
    }

    @Test
    void reduceOnlyThatReducesIsAccepted() {
        String sym = ETH_NEXT_Q;
        placeId(b, limit(sym, "SELL", "2", "3000"));
        place(a, limit(sym, "BUY", "2", "3000")); // A is now long 2
        rejected(with(limit(sym, "SELL", "3", "3500"), "reduceOnly", "true"), -2022, "ReduceOnly Order is rejected.");
        rejected(with(limit(sym, "BUY", "1", "2500"), "reduceOnly", "true"), -2022, "ReduceOnly Order is rejected.");
        Expected.limit(sym, "SELL", "2", "3500").reduceOnly(true)
                .assertNew(a.signed("POST", ORDER, with(limit(sym, "SELL", "2", "3500"), "reduceOnly", "true")));
        // close the position again so the class leaves A flat
        placeId(b, limit(sym, "BUY", "2", "2900"));
        cancelEverything(a);
        place(a, limit(sym, "SELL", "2", "2900"));
    }

    @Test
    void maxNumOrdersPerSymbol() {
        String sym = BTC_NEXT_Q;
        for (int i = 0; i < 200; i++) {
            assertThat(a.signed("POST", ORDER, limit(sym, "BUY", "1", Integer.toString(20000 + i))).status()).isEqualTo(200);
        }
        rejected(limit(sym, "BUY", "1", "19000"), -2025, "Reach max open order limit.");
        // other symbols and other accounts are not affected
        placeId(a, limit(BTC, "BUY", "1", "26002"));
        placeId(b, limit(sym, "BUY", "1", "19000"));
        assertThat(a.signed("DELETE", ALL_OPEN_ORDERS, params("symbol", sym)).body()).isEqualTo(CANCEL_ALL_DONE);
        placeId(a, limit(sym, "BUY", "1", "19000"));
    }

    @Test
    void rejectedOrdersConsumeNoOrderId() {
        long first = placeId(a, with(GOOD, "price", "26010"));
        a.signed("POST", ORDER, with(GOOD, "price", "999.9"));
        a.signed("POST", ORDER, with(GOOD, "timeInForce", "FOK"));
        a.signed("POST", ORDER, with(GOOD, "positionSide", "LONG"));
        long second = placeId(a, with(GOOD, "price", "26011"));
        assertThat(second).isEqualTo(first + 1);
    }
}
