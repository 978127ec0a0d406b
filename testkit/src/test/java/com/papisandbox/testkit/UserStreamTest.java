package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PM user data stream over a real WebSocket: listen keys, the exact event sequences of a fill and a
 * cancel, isolation between accounts, and key expiry on the sandbox clock. The market is off: every price
 * is the test's own.
 */
class UserStreamTest {
    private static final long START = 1_800_000_000_000L;
    private static final String LISTEN_KEY = "/papi/v1/listenKey";
    /** A small per-connection bound, so a stalled consumer overflows it quickly. */
    private static final int STREAM_BUFFER = 64 * 1024;
    /** Account A's alias: 16 letters, stable per account (the first account opened is id 1). */
    private static final String ALIAS_A = com.papisandbox.server.stream.UserStreams.deriveAlias(1);

    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(START);
    private Sandbox sandbox;
    private PapiClient a;
    private PapiClient b;

    @BeforeEach
    void start() {
        Map<String, BigDecimal> funds = Map.of("BTC", new BigDecimal("10"));
        sandbox = Sandbox.start(SandboxConfig.defaults(dir).withMarket(MarketConfig.off()).withClock(clock::get)
                .withRateLimits(false).withStreamBufferBytes(STREAM_BUFFER).withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, funds),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, funds))));
        a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        b = SandboxExtension.clientB(sandbox).withClock(clock::get);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String listenKey(PapiClient client) {
        PapiClient.Response r = client.rawWithKey("POST", LISTEN_KEY, null, null, null, client.apiKey());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("listenKey");
    }

    private StreamClient stream(String key) throws Exception {
        StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key);
        long deadline = System.currentTimeMillis() + 5_000;
        // the upgrade completes before the server has registered the connection
        while (sandbox.userStreams().connectionCount() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(10);
        return s;
    }

    @Test
    void listenKeysAreOnePerAccountExtendedByPostAndPutAndEndedByDelete() {
        String key = listenKey(a);
        assertThat(key).matches("[A-Za-z0-9]{64}");
        assertThat(listenKey(a)).as("POST returns the active key").isEqualTo(key);
        assertThat(listenKey(b)).isNotEqualTo(key);
        assertThat(a.rawWithKey("PUT", LISTEN_KEY, null, null, null, a.apiKey()).body()).isEqualTo("{}");
        // a stray listenKey parameter is ignored; a signed call is accepted as it is
        assertThat(a.rawWithKey("PUT", LISTEN_KEY, "listenKey=" + key, null, null, a.apiKey()).body()).isEqualTo("{}");
        assertThat(a.signed("PUT", LISTEN_KEY, params()).body()).isEqualTo("{}");
        assertThat(a.rawWithKey("DELETE", LISTEN_KEY, null, null, null, a.apiKey()).body()).isEqualTo("{}");
        assertError(a.rawWithKey("PUT", LISTEN_KEY, null, null, null, a.apiKey()), -1125, "This listenKey does not exist.");
        assertError(a.rawWithKey("DELETE", LISTEN_KEY, null, null, null, a.apiKey()), -1125, "This listenKey does not exist.");
        assertThat(listenKey(a)).as("a new key after DELETE").isNotEqualTo(key);
        assertThat(a.rawWithKey("POST", LISTEN_KEY, null, null, null, null).status()).isEqualTo(401);
    }

    @Test
    void aRestingOrderFilledInTwoStepsAndACancelGiveTheirExactEventSequences() throws Exception {
        try (StreamClient sa = stream(listenKey(a)); StreamClient sb = stream(listenKey(b))) {
            place(a, with(limit(BTC, "SELL", "3", "50000"), "newClientOrderId", "ask1"));
            place(b, with(market(BTC, "BUY", "1"), "newClientOrderId", "buy1"));
            place(b, with(market(BTC, "BUY", "2"), "newClientOrderId", "buy2"));
            JsonObject resting = place(a, with(limit(BTC, "BUY", "2", "40000"), "newClientOrderId", "bid1"));
            PapiClient.Response canceled = a.signed("DELETE", ORDER, byId(BTC, orderId(resting)));
            a.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC, "leverage", "10"));

            String head = "{\"e\":\"ORDER_TRADE_UPDATE\",\"T\":" + START + ",\"E\":" + START + ",\"i\":\"" + ALIAS_A + "\",\"fs\":\"CM\",";
            // the maker: NEW (its ask notional 3 × 100 / 50000 = 0.006 BTC on the book), two fills, each with its ACCOUNT_UPDATE
            assertThat(sa.nextRaw()).isEqualTo(head + "\"o\":{\"s\":\"BTCUSD_PERP\",\"c\":\"ask1\",\"S\":\"SELL\",\"o\":\"LIMIT\","
                    + "\"f\":\"GTC\",\"q\":\"3\",\"p\":\"50000\",\"ap\":\"0\",\"sp\":\"0\",\"x\":\"NEW\",\"X\":\"NEW\",\"i\":100000000,"
                    + "\"l\":\"0\",\"z\":\"0\",\"L\":\"0\",\"n\":\"0\",\"N\":\"BTC\",\"T\":" + START + ",\"t\":0,\"b\":\"0\",\"a\":\"0.006\","
                    + "\"m\":false,\"R\":false,\"ps\":\"BOTH\",\"rp\":\"0\",\"V\":\"EXPIRE_NONE\",\"pm\":\"PM_NONE\",\"gtd\":0}}");
            // maker fee 0.015 % of 1 × 100 / 50000 = 0.0000003 BTC
            assertThat(sa.nextRaw()).isEqualTo(head + "\"o\":{\"s\":\"BTCUSD_PERP\",\"c\":\"ask1\",\"S\":\"SELL\",\"o\":\"LIMIT\","
                    + "\"f\":\"GTC\",\"q\":\"3\",\"p\":\"50000\",\"ap\":\"50000.0\",\"sp\":\"0\",\"x\":\"TRADE\",\"X\":\"PARTIALLY_FILLED\","
                    + "\"i\":100000000,\"l\":\"1\",\"z\":\"1\",\"L\":\"50000\",\"n\":\"0.00000030\",\"N\":\"BTC\",\"T\":" + START + ",\"t\":1,"
                    + "\"b\":\"0\",\"a\":\"0.004\",\"m\":true,\"R\":false,\"ps\":\"BOTH\",\"rp\":\"0\",\"V\":\"EXPIRE_NONE\",\"pm\":\"PM_NONE\",\"gtd\":0}}");
            assertThat(sa.nextRaw()).isEqualTo("{\"e\":\"ACCOUNT_UPDATE\",\"T\":" + START + ",\"E\":" + START + ",\"i\":\"" + ALIAS_A
                    + "\",\"fs\":\"CM\",\"a\":{\"B\":[{\"a\":\"BTC\",\"wb\":\"9.99999970\",\"cw\":\"9.99999970\",\"bc\":\"0\"}],"
                    + "\"P\":[{\"s\":\"BTCUSD_PERP\",\"pa\":\"-1\",\"ep\":\"50000.00000000\",\"cr\":\"0\",\"up\":\"0\",\"ps\":\"BOTH\","
                    + "\"bep\":49992.50000000}],\"m\":\"ORDER\"}}");
            JsonObject filled = sa.next().getJsonObject("o");
            assertThat(List.of(filled.getString("x"), filled.getString("X"), filled.getString("l"), filled.getString("z"),
                    filled.getString("n"), filled.getString("a"))).containsExactly("TRADE", "FILLED", "2", "3", "0.00000060", "0");
            assertThat(filled.getLong("t")).isEqualTo(2);
            JsonObject update = sa.next().getJsonObject("a");
            assertThat(update.getJsonArray("P").getJsonObject(0).getString("pa")).isEqualTo("-3");
            assertThat(update.getJsonArray("B").getJsonObject(0).getString("wb")).isEqualTo("9.99999910");

            // place → cancel: NEW then CANCELED, no ACCOUNT_UPDATE; the REST reply and the event agree
            JsonObject bidNew = sa.next().getJsonObject("o");
            assertThat(List.of(bidNew.getString("x"), bidNew.getString("b"))).containsExactly("NEW", "0.005");
            JsonObject cancel = sa.next().getJsonObject("o");
            JsonObject reply = object(canceled);
            assertThat(cancel.getString("x")).isEqualTo("CANCELED");
            assertThat(cancel.getLong("i")).isEqualTo(reply.getLong("orderId"));
            assertThat(cancel.getString("c")).isEqualTo(reply.getString("clientOrderId"));
            assertThat(cancel.getString("X")).isEqualTo(reply.getString("status"));
            assertThat(cancel.getString("p")).isEqualTo(reply.getString("price"));
            assertThat(cancel.getString("q")).isEqualTo(reply.getString("origQty"));
            assertThat(cancel.getString("z")).isEqualTo(reply.getString("executedQty"));
            assertThat(cancel.getString("S")).isEqualTo(reply.getString("side"));
            assertThat(cancel.getString("o")).isEqualTo(reply.getString("type"));
            assertThat(cancel.getString("f")).isEqualTo(reply.getString("timeInForce"));
            assertThat(cancel.getString("ps")).isEqualTo(reply.getString("positionSide"));
            assertThat(cancel.getBoolean("R")).isEqualTo(reply.getBoolean("reduceOnly"));
            assertThat(cancel.getLong("T")).isEqualTo(reply.getLong("updateTime"));
            assertThat(cancel.getString("b")).isEqualTo("0");

            // a leverage change: ACCOUNT_CONFIG_UPDATE, doc key order, leverage a number
            assertThat(sa.nextRaw()).isEqualTo("{\"e\":\"ACCOUNT_CONFIG_UPDATE\",\"fs\":\"CM\",\"E\":" + START + ",\"T\":" + START
                    + ",\"ac\":{\"s\":\"BTCUSD_PERP\",\"l\":10}}");
            assertThat(sa.drain(300)).as("nothing else for A").isEmpty();

            // the taker sees only its own orders: NEW, TRADE/FILLED, ACCOUNT_UPDATE, twice (taker fee 0.04 %)
            List<JsonObject> taker = List.of(sb.next(), sb.next(), sb.next(), sb.next(), sb.next(), sb.next());
            assertThat(taker).extracting(m -> m.getString("e") + " " + (m.containsKey("o") ? m.getJsonObject("o").getString("c") + " "
                    + m.getJsonObject("o").getString("x") + " " + m.getJsonObject("o").getString("X") : m.getJsonObject("a").getString("m")))
                    .containsExactly("ORDER_TRADE_UPDATE buy1 NEW NEW", "ORDER_TRADE_UPDATE buy1 TRADE FILLED", "ACCOUNT_UPDATE ORDER",
                            "ORDER_TRADE_UPDATE buy2 NEW NEW", "ORDER_TRADE_UPDATE buy2 TRADE FILLED", "ACCOUNT_UPDATE ORDER");
            assertThat(taker.get(1).getJsonObject("o").getString("n")).isEqualTo("0.00000080");
            assertThat(taker.get(1).getJsonObject("o").getBoolean("m")).isFalse();
            assertThat(taker.get(0).getString("i")).isNotEqualTo(ALIAS_A).matches("[A-Za-z]{16}");
            assertThat(sb.drain(300)).as("nothing of A's reaches B").isEmpty();
        }
    }

    @Test
    void aKeyLapsesAfterSixtyMinutesUnlessKeptAliveAndThenSaysSoAndCloses() throws Exception {
        String key = listenKey(a);
        try (StreamClient s = stream(key)) {
            clock.addAndGet(59 * 60_000L);
            assertThat(a.rawWithKey("PUT", LISTEN_KEY, null, null, null, a.apiKey()).body()).isEqualTo("{}");
            clock.addAndGet(59 * 60_000L);
            // 118 minutes after creation, 59 after the keepalive: still alive, and its events still flow
            place(a, limit(BTC, "BUY", "1", "40000"));
            assertThat(s.next().getJsonObject("o").getString("x")).isEqualTo("NEW");
            // Binance's rule: a ping when 3 minutes passed since the last (the sweep runs once a real second)
            long deadline = System.currentTimeMillis() + 5_000;
            while (s.pings == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(s.pings).isPositive();

            clock.addAndGet(2 * 60_000L);
            assertThat(s.nextRaw()).isEqualTo("{\"e\":\"listenKeyExpired\",\"E\":" + clock.get() + "}");
            assertThat(s.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        }
        assertError(a.rawWithKey("PUT", LISTEN_KEY, null, null, null, a.apiKey()), -1125, "This listenKey does not exist.");
        // a lapsed key connects and is closed at once, without an event
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key)) {
            assertThat(s.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(s.drain(100)).isEmpty();
        }
    }

    @Test
    void aReconnectWithTheSameKeyWorksAndDeleteClosesTheStream() throws Exception {
        String key = listenKey(a);
        try (StreamClient first = stream(key)) {
            place(a, limit(BTC, "BUY", "1", "40000"));
            assertThat(first.next().getJsonObject("o").getString("x")).isEqualTo("NEW");
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (sandbox.userStreams().connectionCount() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(10);
        try (StreamClient again = stream(key); StreamClient second = StreamClient.connect(sandbox.baseUrl(), "/pm/ws/" + key)) {
            while (sandbox.userStreams().connectionCount() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(10);
            place(a, limit(BTC, "BUY", "1", "40001"));
            assertThat(again.next().getJsonObject("o").getString("p")).isEqualTo("40001");
            assertThat(second.next().getJsonObject("o").getString("p")).as("every connection on the key").isEqualTo("40001");
            assertThat(a.rawWithKey("DELETE", LISTEN_KEY, null, null, null, a.apiKey()).body()).isEqualTo("{}");
            assertThat(again.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(second.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void aConnectionThatStopsAnsweringPingsIsDroppedAfterTenMinutes() throws Exception {
        // a raw socket that completes the upgrade and then never reads nor answers (the JDK client always pongs)
        try (java.net.Socket silent = rawUpgrade(listenKey(a)); StreamClient alive = stream(listenKey(b))) {
            waitForConnections(2);
            clock.addAndGet(3 * 60_000L);
            long deadline = System.currentTimeMillis() + 5_000;
            while (alive.pings == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(alive.pings).isPositive();
            clock.addAndGet(10 * 60_000L + 1);
            waitForConnections(1);
            assertThat(sandbox.userStreams().connectionCount()).as("the silent one is dropped").isEqualTo(1);
            // the connection that answered is kept, and still streams
            place(b, limit(BTC, "BUY", "1", "40000"));
            assertThat(alive.next().getJsonObject("o").getString("x")).isEqualTo("NEW");
        }
    }

    @Test
    void aStalledConsumerIsDisconnectedWhileTheOtherKeepsReceivingEverything() throws Exception {
        String key = listenKey(a);
        try (java.net.Socket stalled = rawUpgrade(key); StreamClient reader = stream(key)) {
            waitForConnections(2);
            int pairs = 0;
            long started = System.currentTimeMillis();
            // each pair streams two ~620-byte events: the stalled socket's 64 KiB of unsent frames (beyond the
            // kernel's buffers) fill in a few hundred
            while (sandbox.userStreams().connectionCount() == 2 && pairs < 20_000) {
                long id = placeId(a, limit(BTC, "BUY", "1", "40000"));
                a.signed("DELETE", ORDER, byId(BTC, id));
                pairs++;
            }
            System.out.println("stalled consumer dropped after " + pairs + " pairs, " + (System.currentTimeMillis() - started) + " ms");
            assertThat(sandbox.userStreams().connectionCount()).isEqualTo(1);
            List<String> received = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (received.size() < 2 * pairs && System.currentTimeMillis() < deadline) received.addAll(reader.drain(200));
            assertThat(received).as("the reading consumer got every event, in order").hasSize(2 * pairs);
            assertThat(new JsonObject(received.get(received.size() - 1)).getJsonObject("o").getString("x")).isEqualTo("CANCELED");
        }
    }

    private void waitForConnections(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (sandbox.userStreams().connectionCount() != n && System.currentTimeMillis() < deadline) Thread.sleep(20);
    }

    /** An RFC 6455 upgrade by hand; the status line is checked, and the socket is then left alone. */
    private java.net.Socket rawUpgrade(String key) throws Exception {
        java.net.URI base = java.net.URI.create(sandbox.baseUrl());
        java.net.Socket socket = new java.net.Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        socket.getOutputStream().write(("GET /pm/ws/" + key + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] head = new byte[12];
        int read = 0;
        while (read < head.length) read += socket.getInputStream().read(head, read, head.length - read);
        assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
        return socket;
    }

    @Test
    void riskLevelChangeWhenUniMmrFallsIntoAWorseLevel() throws Exception {
        // A: 0.001 BTC on a 10-contract long at 50x; B trades lower and lower, which moves A's valuation down
        try (Sandbox small = Sandbox.start(SandboxConfig.defaults(dir.resolve("risk")).withMarket(MarketConfig.off()).withClock(clock::get)
                .withRateLimits(false).withAccounts(List.of(
                        new AccountSpec("riskKeyA", "riskSecretA", Map.of("BTC", new BigDecimal("0.001"))),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, Map.of("BTC", new BigDecimal("10"))))))) {
            PapiClient poor = new PapiClient(small.baseUrl(), "riskKeyA", "riskSecretA").withClock(clock::get);
            PapiClient rich = SandboxExtension.clientB(small).withClock(clock::get);
            poor.signed("POST", "/papi/v1/cm/leverage", params("symbol", BTC, "leverage", "50"));
            place(rich, limit(BTC, "SELL", "10", "50000"));
            place(poor, market(BTC, "BUY", "10"));
            String key = new JsonObject(poor.rawWithKey("POST", LISTEN_KEY, null, null, null, "riskKeyA").body()).getString("listenKey");
            try (StreamClient s = StreamClient.connect(small.baseUrl(), "/pm/ws/" + key)) {
                long deadline = System.currentTimeMillis() + 5_000;
                while (small.userStreams().connectionCount() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(10);
                JsonObject account = null;
                for (int price = 49_900; price >= 47_000; price -= 100) {
                    // B trades with itself at the price: the last trade is the valuation with the market off
                    place(rich, limit(BTC, "SELL", "1", Integer.toString(price)));
                    place(rich, market(BTC, "BUY", "1"));
                    account = object(poor.signed("GET", "/papi/v1/account", params()));
                    if (!account.getString("accountStatus").equals("NORMAL")) break;
                }
                assertThat(account.getString("accountStatus")).isIn("MARGIN_CALL", "SUPPLY_MARGIN");
                JsonObject risk = null;
                for (String m : s.drain(1_000)) if (m.contains("riskLevelChange")) risk = new JsonObject(m);
                assertThat(risk).as("a riskLevelChange").isNotNull();
                assertThat(new java.util.ArrayList<>(risk.fieldNames())).containsExactly("e", "E", "u", "s", "eq", "ae", "m");
                assertThat(risk.getString("s")).isEqualTo("MARGIN_CALL");
                assertThat(risk.getString("u")).isEqualTo(account.getString("uniMMR"));
                assertThat(risk.getString("eq")).isEqualTo(account.getString("accountEquity"));
                assertThat(risk.getString("m")).isEqualTo(account.getString("accountMaintMargin"));
                // the same level again is no news
                place(rich, limit(BTC, "SELL", "1", "47000"));
                place(rich, market(BTC, "BUY", "1"));
                assertThat(s.drain(500)).noneMatch(m -> m.contains("riskLevelChange") && m.contains("MARGIN_CALL"));
            }
        }
    }

    @Test
    void expiryAmendmentAndFundingReachTheStream() throws Exception {
        try (StreamClient sa = stream(listenKey(a)); StreamClient sb = stream(listenKey(b))) {
            place(a, limit(BTC, "SELL", "1", "50000"));
            // an IOC that finds too little: one fill, then the rest expires
            place(b, with(limit(BTC, "BUY", "3", "50000"), "timeInForce", "IOC"));
            long resting = placeId(a, limit(BTC, "BUY", "1", "40000"));
            assertThat(a.signed("PUT", ORDER, params("orderId", String.valueOf(resting), "symbol", BTC, "side", "BUY",
                    "quantity", "2", "price", "40001")).status()).isEqualTo(200);
            List<String> bEvents = List.of(sb.next().getJsonObject("o").getString("x"), sb.next().getJsonObject("o").getString("x"),
                    sb.next().getString("e"));
            JsonObject expired = sb.next().getJsonObject("o");
            assertThat(bEvents).containsExactly("NEW", "TRADE", "ACCOUNT_UPDATE");
            assertThat(List.of(expired.getString("x"), expired.getString("X"), expired.getString("z"), expired.getString("f")))
                    .containsExactly("EXPIRED", "EXPIRED", "1", "IOC");
            for (int k = 0; k < 4; k++) sa.next(); // the ask's NEW, TRADE, ACCOUNT_UPDATE; the bid's NEW
            JsonObject amended = sa.next().getJsonObject("o");
            assertThat(List.of(amended.getString("x"), amended.getString("X"), amended.getString("q"), amended.getString("p")))
                    .containsExactly("AMENDMENT", "NEW", "2", "40001");

            // 08:00 UTC passes: each side's funding as ACCOUNT_UPDATE FUNDING_FEE, wallet only, bc the amount
            // (the keys kept alive every half hour on the way, as a bot does, or they would lapse)
            long funding = START + 8 * 3_600_000L - START % (8 * 3_600_000L);
            while (clock.get() < funding - 30 * 60_000L) {
                clock.addAndGet(30 * 60_000L);
                assertThat(a.rawWithKey("PUT", LISTEN_KEY, null, null, null, a.apiKey()).body()).isEqualTo("{}");
                assertThat(b.rawWithKey("PUT", LISTEN_KEY, null, null, null, b.apiKey()).body()).isEqualTo("{}");
            }
            clock.set(funding + 1);
            JsonObject longFunding = sb.next();
            assertThat(longFunding.getString("e")).isEqualTo("ACCOUNT_UPDATE");
            JsonObject fee = longFunding.getJsonObject("a");
            assertThat(fee.getString("m")).isEqualTo("FUNDING_FEE");
            assertThat(fee.getJsonArray("P")).isEmpty();
            // 1 contract × 100 / 50000 × 0.0001 = 0.0000002 BTC, paid by the long
            assertThat(fee.getJsonArray("B").getJsonObject(0).getString("bc")).isEqualTo("-0.00000020");
            assertThat(sa.next().getJsonObject("a").getJsonArray("B").getJsonObject(0).getString("bc")).isEqualTo("0.00000020");
        }
    }

    @Test
    void theCombinedFormSubscribesListenKeysAndWrapsTheirEvents() throws Exception {
        String keyA = listenKey(a);
        String keyB = listenKey(b);
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/pm/stream?streams=" + keyA)) {
            waitForConnections(1);
            // a string id, as Binance's own connectors send, comes back as it was sent
            s.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + keyB + "\"],\"id\":\"0123456789abcdef0123456789abcdef\"}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":null,\"id\":\"0123456789abcdef0123456789abcdef\"}");
            s.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
            assertThat(new JsonObject(s.nextRaw()).getJsonArray("result")).containsExactlyInAnyOrder(keyA, keyB);
            long idA = placeId(a, limit(BTC, "BUY", "1", "40000"));
            JsonObject wrapped = s.next();
            assertThat(new java.util.ArrayList<>(wrapped.fieldNames())).containsExactly("stream", "data");
            assertThat(wrapped.getString("stream")).isEqualTo(keyA);
            assertThat(wrapped.getJsonObject("data").getJsonObject("o").getLong("i")).isEqualTo(idA);
            long idB = placeId(b, limit(BTC, "BUY", "1", "40000"));
            JsonObject fromB = s.next();
            assertThat(fromB.getString("stream")).isEqualTo(keyB);
            assertThat(fromB.getJsonObject("data").getJsonObject("o").getLong("i")).isEqualTo(idB);
            s.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"" + keyA + "\"],\"id\":3}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":null,\"id\":3}");
            place(a, limit(BTC, "BUY", "1", "40001"));
            place(b, limit(BTC, "BUY", "1", "40001"));
            JsonObject only = s.next();
            assertThat(only.getString("stream")).isEqualTo(keyB);
            assertThat(s.drain(300)).as("A's events no longer come").isEmpty();
        }
    }

    @Test
    void otherWebSocketPathsAreNotFound() {
        for (String path : List.of("/pm/ws/", "/ws/", "/nowhere")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamClient.connect(sandbox.baseUrl(), path)).as(path)
                    .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class).hasStackTraceContaining("404");
        }
    }
}
