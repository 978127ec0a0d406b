package com.papisandbox.engine;

import static com.papisandbox.engine.OrderStatus.EXPIRED;
import static com.papisandbox.engine.OrderStatus.FILLED;
import static com.papisandbox.engine.OrderStatus.NEW;
import static com.papisandbox.engine.OrderStatus.PARTIALLY_FILLED;
import static com.papisandbox.engine.Side.BUY;
import static com.papisandbox.engine.Side.SELL;
import static com.papisandbox.engine.TestInstruments.BTC;
import static com.papisandbox.engine.TestInstruments.btc;
import static com.papisandbox.engine.TimeInForce.FOK;
import static com.papisandbox.engine.TimeInForce.GTC;
import static com.papisandbox.engine.TimeInForce.GTX;
import static com.papisandbox.engine.TimeInForce.IOC;
import static org.assertj.core.api.Assertions.assertThat;

import com.papisandbox.engine.Event.Accepted;
import com.papisandbox.engine.Event.Expired;
import com.papisandbox.engine.Event.Traded;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Placing orders: the whole ordered event list of each command, and the order states it leaves. */
class PlaceOrderTest {
    static final long O1 = Engine.FIRST_ORDER_ID;
    static final long O2 = O1 + 1;
    static final long O3 = O1 + 2;
    static final long O4 = O1 + 3;
    static final long O5 = O1 + 4;
    static final long O6 = O1 + 5;

    final EngineHarness h = new EngineHarness();
    long a;
    long b;
    long c;

    @BeforeEach
    void accounts() {
        a = h.openAccount("alice");
        b = h.openAccount("bob");
        c = h.openAccount("carol");
        h.drain();
    }

    @Test
    void limitGtcThatDoesNotCrossRestsWithOnlyAnAcceptedEvent() {
        long t = h.now;
        Result result = h.limit(a, BTC, BUY, GTC, btc("65000.0"), 3);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, BUY, 650_000, 3));

        OrderView order = EngineHarness.accepted(result);
        assertThat(EngineHarness.acknowledged(result)).isEqualTo(order);
        assertThat(order.orderId()).isEqualTo(O1);
        assertThat(order.status()).isEqualTo(NEW);
        assertThat(order.executedQty()).isZero();
        assertThat(order.cumBase()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(order.avgPrice()).isEqualTo(new BigDecimal("0.0"));
        assertThat(order.time()).isEqualTo(t);
        assertThat(order.updateTime()).isEqualTo(t);
        assertThat(order.price()).isEqualTo(650_000);
        assertThat(order.origQty()).isEqualTo(3);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.timeInForce()).isEqualTo(GTC);
        assertThat(order.positionSide()).isEqualTo(PositionSide.BOTH);

        OrderBook book = h.engine.book(BTC);
        assertThat(book.bestPrice(BUY)).hasValue(650_000);
        assertThat(book.bestPrice(SELL)).isEmpty();
        assertThat(book.restingCount()).isEqualTo(1);
        assertThat(h.openOrders(a, BTC, null)).containsExactly(order);
        assertThat(h.position(a, BTC)).isZero();
    }

    @Test
    void crossingOrdersOfTwoAccountsFillFullyAtTheMakersPrice() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        long t = h.now;
        Result result = h.limit(b, BTC, BUY, GTC, btc("65000.5"), 2);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_000, 2),
                new Accepted(O2, b, BTC, BUY,  650_005, 2),
                new Traded  (O1, 1, true,       650_000, 2, 0),
                new Traded  (O2, 1, false,      650_000, 2, 0));

        assertThat(EngineHarness.acknowledged(result).status()).isEqualTo(NEW);
        assertThat(EngineHarness.acknowledged(result).executedQty()).isZero();
        OrderView taker = EngineHarness.accepted(result);
        assertThat(taker.status()).isEqualTo(FILLED);
        assertThat(taker.executedQty()).isEqualTo(2);
        assertThat(taker.avgPrice()).isEqualTo(new BigDecimal("65000.0"));
        OrderView maker = h.order(a, BTC, O1);
        assertThat(maker.status()).isEqualTo(FILLED);
        assertThat(maker.executedQty()).isEqualTo(2);
        assertThat(maker.updateTime()).isEqualTo(t);
        assertThat(maker.cumBase()).isEqualTo(taker.cumBase());

        assertThat(h.engine.book(BTC).restingCount()).isZero();
        assertThat(h.openOrders(a, null, null)).isEmpty();
        assertThat(h.openOrders(b, null, null)).isEmpty();
        assertThat(h.position(a, BTC)).isEqualTo(-2);
        assertThat(h.position(b, BTC)).isEqualTo(2);
    }

    @Test
    void partialFillOfTheMakerLeavesItRestingPartiallyFilled() {
        h.gtc(a, SELL, btc("65000.0"), 5);
        OrderView taker = h.gtc(b, BUY, btc("65000.0"), 2);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_000, 5),
                new Accepted(O2, b, BTC, BUY,  650_000, 2),
                new Traded  (O1, 1, true,       650_000, 2, 3),
                new Traded  (O2, 1, false,      650_000, 2, 0));

        assertThat(taker.status()).isEqualTo(FILLED);
        OrderView maker = h.order(a, BTC, O1);
        assertThat(maker.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(maker.executedQty()).isEqualTo(2);
        assertThat(h.engine.book(BTC).orders(SELL)).extracting(Order::orderId, Order::remainingQty)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(O1, 3L));
        assertThat(h.openOrders(a, BTC, null)).containsExactly(maker);
    }

    @Test
    void partialFillOfTheTakerRestsItsRemainder() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        Result result = h.limit(b, BTC, BUY, GTC, btc("65010.0"), 5);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_000, 2),
                new Accepted(O2, b, BTC, BUY,  650_100, 5),
                new Traded  (O1, 1, true,       650_000, 2, 0),
                new Traded  (O2, 1, false,      650_000, 2, 3));

        OrderView taker = EngineHarness.accepted(result);
        assertThat(EngineHarness.acknowledged(result).status()).isEqualTo(NEW);
        assertThat(taker.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(taker.executedQty()).isEqualTo(2);
        assertThat(taker.avgPrice()).isEqualTo(new BigDecimal("65000.0"));
        OrderBook book = h.engine.book(BTC);
        assertThat(book.bestPrice(BUY)).hasValue(650_100);
        assertThat(book.bestPrice(SELL)).isEmpty();
        assertThat(h.openOrders(b, BTC, null)).containsExactly(taker);
    }

    @Test
    void makersAtTheSamePriceFillOldestFirst() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        h.gtc(c, SELL, btc("65000.0"), 2);
        h.gtc(b, BUY,  btc("65000.0"), 3);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_000, 2),
                new Accepted(O2, c, BTC, SELL, 650_000, 2),
                new Accepted(O3, b, BTC, BUY,  650_000, 3),
                new Traded  (O1, 1, true,       650_000, 2, 0),
                new Traded  (O3, 1, false,      650_000, 2, 1),
                new Traded  (O2, 2, true,       650_000, 1, 1),
                new Traded  (O3, 2, false,      650_000, 1, 0));
    }

    @Test
    void makersAtTheSamePriceFillOldestFirstOnTheBidSideToo() {
        h.gtc(a, BUY,  btc("64999.9"), 1);
        h.gtc(c, BUY,  btc("64999.9"), 1);
        h.gtc(b, SELL, btc("64999.9"), 1);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, BUY,  649_999, 1),
                new Accepted(O2, c, BTC, BUY,  649_999, 1),
                new Accepted(O3, b, BTC, SELL, 649_999, 1),
                new Traded  (O1, 1, true,       649_999, 1, 0),
                new Traded  (O3, 1, false,      649_999, 1, 0));
        assertThat(h.order(c, BTC, O2).status()).isEqualTo(NEW);
    }

    @Test
    void aBetterPriceFillsFirstRegardlessOfTime() {
        h.gtc(a, SELL, btc("65001.0"), 1);
        h.gtc(c, SELL, btc("65000.0"), 1);
        h.gtc(b, BUY,  btc("65001.0"), 2);
        h.gtc(a, BUY,  btc("64000.0"), 1);
        h.gtc(c, BUY,  btc("64500.0"), 1);
        h.gtc(b, SELL, btc("64000.0"), 2);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_010, 1),
                new Accepted(O2, c, BTC, SELL, 650_000, 1),
                new Accepted(O3, b, BTC, BUY,  650_010, 2),
                new Traded  (O2, 1, true,       650_000, 1, 0),
                new Traded  (O3, 1, false,      650_000, 1, 1),
                new Traded  (O1, 2, true,       650_010, 1, 0),
                new Traded  (O3, 2, false,      650_010, 1, 0),
                new Accepted(O4, a, BTC, BUY,  640_000, 1),
                new Accepted(O5, c, BTC, BUY,  645_000, 1),
                new Accepted(O6, b, BTC, SELL, 640_000, 2),
                new Traded  (O5, 3, true,       645_000, 1, 0),
                new Traded  (O6, 3, false,      645_000, 1, 1),
                new Traded  (O4, 4, true,       640_000, 1, 0),
                new Traded  (O6, 4, false,      640_000, 1, 0));
    }

    @Test
    void aTakerWalksSeveralLevelsAtEachMakersPrice() {
        h.gtc(a, SELL, btc("65002.0"), 3);
        h.gtc(a, SELL, btc("65000.0"), 1);
        h.gtc(c, SELL, btc("65001.0"), 2);
        h.drain();
        OrderView taker = h.gtc(b, BUY, btc("65002.0"), 5);

        assertThat(h.drain()).containsExactly(
                new Accepted(O4, b, BTC, BUY, 650_020, 5),
                new Traded  (O2, 1, true,      650_000, 1, 0),
                new Traded  (O4, 1, false,     650_000, 1, 4),
                new Traded  (O3, 2, true,      650_010, 2, 0),
                new Traded  (O4, 2, false,     650_010, 2, 2),
                new Traded  (O1, 3, true,      650_020, 2, 1),
                new Traded  (O4, 3, false,     650_020, 2, 0));

        assertThat(taker.status()).isEqualTo(FILLED);
        // each fill's base is cut to 13 decimals before summing, as Binance averages (spec-next §1)
        BigDecimal expectedBase = cut13(ContractMath.baseValue(h.engine.instruments().get(BTC), 1, 650_000))
                .add(cut13(ContractMath.baseValue(h.engine.instruments().get(BTC), 2, 650_010)))
                .add(cut13(ContractMath.baseValue(h.engine.instruments().get(BTC), 2, 650_020)));
        assertThat(taker.cumBase()).isEqualByComparingTo(expectedBase);
        assertThat(ContractMath.roundedBase(taker.cumBase())).isEqualTo(new BigDecimal("0.00769217"));
        // 500 / (100/65000 + 200/65001 + 200/65002) = 65001.19999... → 65001.2
        assertThat(taker.avgPrice()).isEqualTo(new BigDecimal("65001.2"));
        assertThat(h.engine.book(BTC).orders(SELL)).extracting(Order::orderId).containsExactly(O1);
        assertThat(h.order(a, BTC, O1).status()).isEqualTo(PARTIALLY_FILLED);
    }

    @Test
    void aTakerStopsAtItsLimitPriceAndRestsThere() {
        h.gtc(a, SELL, btc("65000.0"), 1);
        h.gtc(a, SELL, btc("65000.2"), 1);
        h.drain();
        OrderView taker = h.gtc(b, BUY, btc("65000.1"), 3);

        assertThat(h.drain()).containsExactly(
                new Accepted(O3, b, BTC, BUY, 650_001, 3),
                new Traded  (O1, 1, true,      650_000, 1, 0),
                new Traded  (O3, 1, false,     650_000, 1, 2));
        assertThat(taker.status()).isEqualTo(PARTIALLY_FILLED);
        assertThat(h.engine.book(BTC).bestPrice(BUY)).hasValue(650_001);
        assertThat(h.engine.book(BTC).bestPrice(SELL)).hasValue(650_002);
    }

    @Test
    void iocRemainderIsExpired() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        Result result = h.limit(b, BTC, BUY, IOC, btc("65000.0"), 5);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_000, 2),
                new Accepted(O2, b, BTC, BUY,  650_000, 5),
                new Traded  (O1, 1, true,       650_000, 2, 0),
                new Traded  (O2, 1, false,      650_000, 2, 3),
                new Expired (O2, 3));

        OrderView ioc = EngineHarness.accepted(result);
        assertThat(ioc.status()).isEqualTo(EXPIRED);
        assertThat(ioc.executedQty()).isEqualTo(2);
        assertThat(ioc.timeInForce()).isEqualTo(IOC);
        assertThat(h.engine.book(BTC).restingCount()).isZero();
        assertThat(h.openOrders(b, null, null)).isEmpty();
        assertThat(h.order(b, BTC, O2)).isEqualTo(ioc.copy());
    }

    @Test
    void iocThatDoesNotCrossExpiresWhole() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        OrderView ioc = EngineHarness.accepted(h.limit(b, BTC, BUY, IOC, btc("64999.9"), 5));

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_000, 2),
                new Accepted(O2, b, BTC, BUY,  649_999, 5),
                new Expired (O2, 5));
        assertThat(ioc.status()).isEqualTo(EXPIRED);
        assertThat(ioc.executedQty()).isZero();
    }

    @Test
    void fokThatCannotFillIsRejectedWithoutAnyEffect() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        h.gtc(c, SELL, btc("65000.1"), 2);
        h.gtc(c, SELL, btc("65000.2"), 9);
        h.drain();
        List<OrderView> before = h.allOrders();
        long nextId = h.engine.nextOrderId();

        // 4 contracts are offered at or below 65000.1, 5 are wanted
        assertThat(h.limit(b, BTC, BUY, FOK, btc("65000.1"), 5)).isEqualTo(new Result.Rejected(Reject.FOK_WOULD_NOT_FILL));
        // 2 at 65000.0
        assertThat(h.limit(b, BTC, BUY, FOK, btc("65000.0"), 3)).isEqualTo(new Result.Rejected(Reject.FOK_WOULD_NOT_FILL));
        // empty bid side
        assertThat(h.limit(b, BTC, SELL, FOK, btc("1000.0"), 1)).isEqualTo(new Result.Rejected(Reject.FOK_WOULD_NOT_FILL));

        assertThat(h.drain()).isEmpty();
        assertThat(h.engine.nextOrderId()).isEqualTo(nextId);
        assertThat(h.allOrders()).isEqualTo(before);
        assertThat(h.engine.book(BTC).orders(SELL)).extracting(Order::orderId).containsExactly(O1, O2, O3);
        assertThat(h.position(b, BTC)).isZero();

        // the next accepted order gets the id the rejected ones did not take
        assertThat(h.gtc(b, BUY, btc("60000.0"), 1).orderId()).isEqualTo(O4);
    }

    @Test
    void fokThatCanFillFillsCompletelyAcrossLevels() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        h.gtc(c, SELL, btc("65000.1"), 2);
        h.drain();
        OrderView fok = EngineHarness.accepted(h.limit(b, BTC, BUY, FOK, btc("65000.1"), 4));

        assertThat(h.drain()).containsExactly(
                new Accepted(O3, b, BTC, BUY, 650_001, 4),
                new Traded  (O1, 1, true,      650_000, 2, 0),
                new Traded  (O3, 1, false,     650_000, 2, 2),
                new Traded  (O2, 2, true,      650_001, 2, 0),
                new Traded  (O3, 2, false,     650_001, 2, 0));
        assertThat(fok.status()).isEqualTo(FILLED);
        assertThat(fok.timeInForce()).isEqualTo(FOK);
        assertThat(h.engine.book(BTC).restingCount()).isZero();
    }

    @Test
    void gtxThatWouldCrossIsRejectedWithoutAnyEffect() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        h.drain();
        long nextId = h.engine.nextOrderId();

        assertThat(h.limit(b, BTC, BUY, GTX, btc("65000.0"), 1)).isEqualTo(new Result.Rejected(Reject.GTX_WOULD_TAKE));
        assertThat(h.limit(b, BTC, BUY, GTX, btc("70000.0"), 1)).isEqualTo(new Result.Rejected(Reject.GTX_WOULD_TAKE));

        assertThat(h.drain()).isEmpty();
        assertThat(h.engine.nextOrderId()).isEqualTo(nextId);
        assertThat(h.order(a, BTC, O1).status()).isEqualTo(NEW);
        assertThat(h.order(a, BTC, O1).executedQty()).isZero();
    }

    @Test
    void gtxThatDoesNotCrossRests() {
        h.gtc(a, SELL, btc("65000.0"), 2);
        h.drain();
        Result result = h.limit(b, BTC, BUY, GTX, btc("64999.9"), 1);

        assertThat(h.drain()).containsExactly(
                new Accepted(O2, b, BTC, BUY, 649_999, 1));
        OrderView gtx = EngineHarness.accepted(result);
        assertThat(gtx.status()).isEqualTo(NEW);
        assertThat(gtx.timeInForce()).isEqualTo(GTX);
        assertThat(h.engine.book(BTC).bestPrice(BUY)).hasValue(649_999);
        assertThat(h.openOrders(b, BTC, null)).containsExactly(gtx);
    }

    @Test
    void gtxOnAnEmptyBookRests() {
        OrderView gtx = EngineHarness.accepted(h.limit(b, BTC, BUY, GTX, btc("65000.0"), 1));

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, b, BTC, BUY, 650_000, 1));
        assertThat(gtx.status()).isEqualTo(NEW);
        assertThat(h.engine.book(BTC).restingCount()).isEqualTo(1);
    }

    @Test
    void marketOrderFillsAcrossLevels() {
        h.gtc(a, SELL, btc("65000.0"), 1);
        h.gtc(c, SELL, btc("65010.0"), 2);
        h.drain();
        Result result = h.market(b, BTC, BUY, 2);

        assertThat(h.drain()).containsExactly(
                new Accepted(O3, b, BTC, BUY, 0, 2),
                new Traded  (O1, 1, true,  650_000, 1, 0),
                new Traded  (O3, 1, false, 650_000, 1, 1),
                new Traded  (O2, 2, true,  650_100, 1, 1),
                new Traded  (O3, 2, false, 650_100, 1, 0));

        OrderView market = EngineHarness.accepted(result);
        assertThat(market.type()).isEqualTo(OrderType.MARKET);
        assertThat(market.price()).isZero();
        assertThat(market.status()).isEqualTo(FILLED);
        // 200 / (100/65000 + 100/65010) = 65004.9996... → 65005.0
        assertThat(market.avgPrice()).isEqualTo(new BigDecimal("65005.0"));
        assertThat(h.position(b, BTC)).isEqualTo(2);
    }

    @Test
    void marketOrderRemainderIsExpired() {
        h.gtc(a, BUY, btc("65000.0"), 1);
        h.gtc(c, BUY, btc("64000.0"), 2);
        h.drain();
        OrderView market = EngineHarness.accepted(h.market(b, BTC, SELL, 5));

        assertThat(h.drain()).containsExactly(
                new Accepted(O3, b, BTC, SELL, 0, 5),
                new Traded  (O1, 1, true,  650_000, 1, 0),
                new Traded  (O3, 1, false, 650_000, 1, 4),
                new Traded  (O2, 2, true,  640_000, 2, 0),
                new Traded  (O3, 2, false, 640_000, 2, 2),
                new Expired (O3, 2));
        assertThat(market.status()).isEqualTo(EXPIRED);
        assertThat(market.executedQty()).isEqualTo(3);
        assertThat(h.engine.book(BTC).restingCount()).isZero();
        assertThat(h.position(b, BTC)).isEqualTo(-3);
    }

    @Test
    void marketOrderOnAnEmptyBookIsRefusedUnableToFill() {
        // Binance futures answer -2020 "Unable to fill." when a MARKET order finds nothing (docs/decisions.md);
        // no order is created and no id is used
        h.gtc(a, BUY, btc("64000.0"), 1);
        h.drain();

        assertThat(h.market(b, BTC, BUY, 3)).isEqualTo(new Result.Rejected(Reject.UNABLE_TO_FILL));
        assertThat(h.drainAll()).isEmpty();
        assertThat(h.engine.nextOrderId()).isEqualTo(O1 + 1);
    }

    @Test
    void marketOrderIgnoresAnyPriceItIsGiven() {
        h.gtc(a, SELL, btc("65000.0"), 1);
        h.drain();
        OrderView market = EngineHarness.accepted(
                h.place(b, BTC, BUY, OrderType.MARKET, null, btc("1.0"), 1, "m"));

        assertThat(h.drain()).containsExactly(
                new Accepted(O2, b, BTC, BUY, 0, 1),
                new Traded  (O1, 1, true,  650_000, 1, 0),
                new Traded  (O2, 1, false, 650_000, 1, 0));
        assertThat(market.price()).isZero();
    }

    @Test
    void anAccountMayTradeWithItself() {
        // PAPI CM has no self-trade prevention: the account is maker and taker; its position nets to zero
        h.gtc(a, SELL, btc("65000.0"), 2);
        h.gtc(a, BUY, btc("65000.0"), 2);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC, SELL, 650_000, 2),
                new Accepted(O2, a, BTC, BUY,  650_000, 2),
                new Traded  (O1, 1, true,       650_000, 2, 0),
                new Traded  (O2, 1, false,      650_000, 2, 0));
        assertThat(h.position(a, BTC)).isZero();
        assertThat(h.openOrders(a, null, null)).isEmpty();
    }

    @Test
    void booksOfDifferentSymbolsDoNotInteract() {
        h.gtc(a, BTC, SELL, btc("3000.0"), 1);
        OrderView eth = h.gtc(b, TestInstruments.ETH, BUY, TestInstruments.eth("3000.00"), 1);

        assertThat(h.drain()).containsExactly(
                new Accepted(O1, a, BTC,                 SELL, 30_000, 1),
                new Accepted(O2, b, TestInstruments.ETH, BUY,  300_000, 1));
        assertThat(eth.status()).isEqualTo(NEW);
    }

    private static BigDecimal cut13(BigDecimal base) {
        return base.setScale(13, java.math.RoundingMode.DOWN);
    }
}
