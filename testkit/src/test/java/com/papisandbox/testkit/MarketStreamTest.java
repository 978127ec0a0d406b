package com.papisandbox.testkit;

import com.papisandbox.server.AccountSpec;
import com.papisandbox.server.Sandbox;
import com.papisandbox.server.SandboxConfig;
import com.papisandbox.server.market.MarketConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The COIN-M market streams over a real WebSocket: the control messages and their errors, the payload
 * shapes, and Binance's local order book procedure against a moving market, checked against REST depth.
 */
class MarketStreamTest {
    private static final long START = 1_800_000_000_000L;
    private static final Map<String, BigDecimal> FUNDS = Map.of("BTC", new BigDecimal("10"), "ETH", new BigDecimal("100"));

    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(START);
    private Sandbox sandbox;

    private Sandbox start(MarketConfig market) {
        sandbox = Sandbox.start(SandboxConfig.defaults(dir).withMarket(market).withClock(clock::get).withRateLimits(false)
                .withAccounts(List.of(new AccountSpec(SandboxExtension.KEY_A, SandboxExtension.SECRET_A, FUNDS),
                        new AccountSpec(SandboxExtension.KEY_B, SandboxExtension.SECRET_B, FUNDS))));
        return sandbox;
    }

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    private static String get(Sandbox sandbox, String path, String query) {
        PapiClient.Response r = new PapiClient(sandbox.baseUrl(), null, null).raw("GET", path, query, "", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void controlMessagesAnswerAsBinanceDoes() throws Exception {
        start(MarketConfig.off());
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/ws/btcusd_perp@aggTrade")) {
            paced(s, "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusd_perp@depth\",\"ethusd_perp@bookTicker\"],\"id\":1}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":null,\"id\":1}");
            paced(s, "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":[\"btcusd_perp@aggTrade\",\"btcusd_perp@depth\",\"ethusd_perp@bookTicker\"],\"id\":3}");
            paced(s, "{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusd_perp@depth\"],\"id\":312}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":null,\"id\":312}");
            paced(s, "{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":2}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":false,\"id\":2}");
            paced(s, "{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":null,\"id\":5}");
            paced(s, "{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":6}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":true,\"id\":6}");
            paced(s, "{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",1],\"id\":7}");
            assertThat(s.nextRaw()).isEqualTo("{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\",\"id\":7}");
            paced(s, "{\"method\":\"GET_PROPERTY\",\"params\":[\"colour\"],\"id\":8}");
            assertThat(s.nextRaw()).isEqualTo("{\"code\":0,\"msg\":\"Unknown property\",\"id\":8}");
            paced(s, "{\"method\":\"SUBSCRIBE\",\"params\":[],\"id\":-1}");
            assertThat(s.nextRaw()).isEqualTo("{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\",\"id\":null}");
            paced(s, "{\"method\":\"PUBLISH\",\"id\":9}");
            assertThat(s.nextRaw()).isEqualTo("{\"code\":2,\"msg\":\"Invalid request: unknown variant `PUBLISH`, expected one of "
                    + "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`\",\"id\":9}");
            paced(s, "{\"params\":[],\"id\":10}");
            assertThat(s.nextRaw()).isEqualTo("{\"code\":2,\"msg\":\"Invalid request: missing field `method`\",\"id\":10}");
            paced(s, "not json");
            assertThat(s.nextRaw()).isEqualTo("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}}");
            assertThat(s.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/ws")) {
            for (int i = 0; i < 11; i++) s.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
            assertThat(s.closed.get(5, TimeUnit.SECONDS)).as("more than 10 messages a second").isEqualTo(1008);
        }
    }

    @Test
    void tradesBookTickerAndPartialDepthStreamTheirPayloads() throws Exception {
        start(MarketConfig.off());
        PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        PapiClient b = SandboxExtension.clientB(sandbox).withClock(clock::get);
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(),
                "/stream?streams=btcusd_perp@aggTrade/btcusd_perp@trade/btcusd_perp@bookTicker/btcusd_perp@depth5@100ms")) {
            Thread.sleep(300); // the streams take their starting positions
            place(a, limit(BTC, "SELL", "3", "50000"));
            place(a, limit(BTC, "BUY", "2", "49000"));
            JsonObject fill = place(b, with(market(BTC, "BUY", "1"), "newOrderRespType", "RESULT"));
            Map<String, List<JsonObject>> byStream = new TreeMap<>();
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline && (byStream.get("btcusd_perp@aggTrade") == null
                    || lastOf(byStream, "btcusd_perp@bookTicker").getString("A").equals("3")
                    || !lastOf(byStream, "btcusd_perp@depth5@100ms").getJsonArray("a").getJsonArray(0).getString(1).equals("2"))) {
                for (String m : s.drain(100)) {
                    JsonObject o = new JsonObject(m);
                    byStream.computeIfAbsent(o.getString("stream"), k -> new ArrayList<>()).add(o.getJsonObject("data"));
                }
            }
            JsonObject agg = byStream.get("btcusd_perp@aggTrade").get(0);
            assertThat(new ArrayList<>(agg.fieldNames())).containsExactly("e", "E", "a", "s", "p", "q", "f", "l", "T", "m");
            assertThat(List.of(agg.getString("e"), agg.getString("s"), agg.getString("p"), agg.getString("q")))
                    .containsExactly("aggTrade", BTC, "50000.0", "1");
            assertThat(agg.getBoolean("m")).isFalse();
            assertThat(agg.getLong("T")).isEqualTo(fill.getLong("updateTime"));
            JsonObject trade = byStream.get("btcusd_perp@trade").get(0);
            assertThat(new ArrayList<>(trade.fieldNames())).containsExactly("e", "E", "T", "s", "t", "p", "q", "X", "m");
            assertThat(trade.getString("X")).isEqualTo("MARKET");
            assertThat(trade.getLong("t")).isEqualTo(agg.getLong("f"));
            JsonObject ticker = lastOf(byStream, "btcusd_perp@bookTicker");
            assertThat(new ArrayList<>(ticker.fieldNames())).containsExactly("u", "e", "s", "ps", "b", "B", "a", "A", "T", "E");
            assertThat(List.of(ticker.getString("b"), ticker.getString("B"), ticker.getString("a"), ticker.getString("A")))
                    .containsExactly("49000.0", "2", "50000.0", "2");
            JsonObject depth = lastOf(byStream, "btcusd_perp@depth5@100ms");
            JsonObject rest = new JsonObject(get(sandbox, "/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=5"));
            assertThat(depth.getJsonArray("b")).isEqualTo(rest.getJsonArray("bids"));
            assertThat(depth.getJsonArray("a")).isEqualTo(rest.getJsonArray("asks"));
            assertThat(depth.getLong("u")).isEqualTo(rest.getLong("lastUpdateId"));
            assertThat(new ArrayList<>(depth.fieldNames())).containsExactly("e", "E", "T", "s", "ps", "U", "u", "pu", "b", "a");
        }
    }

    /**
     * Binance's local-book procedure takes the REST snapshot after the SUBSCRIBE answer, so a stream must carry
     * every update after that answer: its position is taken when it is subscribed, not at its first look (up to
     * 250 ms later for {@code @depth}), and likewise every trade after the answer reaches an aggTrade stream and
     * every change of the best prices a bookTicker stream.
     */
    @Test
    void aStreamStartsWhenItIsSubscribedNotAtItsFirstLook() throws Exception {
        start(MarketConfig.off());
        PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        PapiClient b = SandboxExtension.clientB(sandbox).withClock(clock::get);
        // both clients warmed up, so that the market order below follows the answer by milliseconds
        place(a, limit(BTC, "SELL", "3", "50000"));
        place(b, limit(BTC, "BUY", "1", "10001"));
        get(sandbox, "/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=5");
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/ws")) {
            s.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusd_perp@depth\",\"btcusd_perp@aggTrade\",\"btcusd_perp@bookTicker\"],\"id\":1}");
            assertThat(s.nextRaw()).isEqualTo("{\"result\":null,\"id\":1}");
            // at once, well before the streams' first looks: one update of the book, one trade, one best-ask change
            place(b, market(BTC, "BUY", "1"));
            long snapshot = new JsonObject(get(sandbox, "/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=5")).getLong("lastUpdateId");
            List<JsonObject> depth = new ArrayList<>();
            List<JsonObject> aggs = new ArrayList<>();
            List<JsonObject> tickers = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 2_000;
            while (System.currentTimeMillis() < deadline && (depth.isEmpty() || aggs.isEmpty() || tickers.isEmpty())) {
                for (String m : s.drain(50)) {
                    JsonObject o = new JsonObject(m);
                    switch (o.getString("e")) {
                        case "aggTrade" -> aggs.add(o);
                        case "bookTicker" -> tickers.add(o);
                        default -> depth.add(o);
                    }
                }
            }
            assertThat(depth).as("the diff event of the fill").hasSize(1);
            JsonObject fill = depth.get(0);
            assertThat(List.of(fill.getLong("U"), fill.getLong("u"), fill.getLong("pu"))).containsExactly(snapshot, snapshot, snapshot - 1);
            assertThat(fill.getJsonArray("a")).isEqualTo(new JsonArray().add(new JsonArray().add("50000.0").add("2")));
            assertThat(fill.getJsonArray("b")).isEmpty();
            assertThat(aggs).as("the trade").hasSize(1);
            assertThat(List.of(aggs.get(0).getString("p"), aggs.get(0).getString("q"))).containsExactly("50000.0", "1");
            assertThat(tickers).as("the best ask's change").hasSize(1);
            JsonObject ticker = tickers.get(0);
            assertThat(List.of(ticker.getString("a"), ticker.getString("A"), ticker.getString("b"))).containsExactly("50000.0", "2", "10001.0");
        }
    }

    /**
     * A partial depth event's U..u are the updates since the stream's event before, pu that event's u (as the
     * diff stream's): the first event covers the book's last update, so that U <= u there too.
     */
    @Test
    void aPartialDepthStreamNumbersItsEventsLikeTheDiffStream() throws Exception {
        start(MarketConfig.off());
        PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        place(a, limit(BTC, "SELL", "3", "50000"));
        long u0 = new JsonObject(get(sandbox, "/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=5")).getLong("lastUpdateId");
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/ws/btcusd_perp@depth5@100ms")) {
            JsonObject first = s.next();
            assertThat(List.of(first.getLong("U"), first.getLong("u"), first.getLong("pu"))).containsExactly(u0, u0, u0 - 1);
            assertThat(first.getJsonArray("a").getJsonArray(0).getString(1)).isEqualTo("3");
            place(a, limit(BTC, "BUY", "2", "49000"));
            place(a, limit(BTC, "BUY", "1", "48000"));
            JsonObject rest = new JsonObject(get(sandbox, "/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=5"));
            long u1 = rest.getLong("lastUpdateId");
            assertThat(u1).isGreaterThan(u0);
            JsonObject next = s.next();
            while (next.getLong("u") < u1) {
                assertThat(next.getLong("U")).isLessThanOrEqualTo(next.getLong("u"));
                assertThat(next.getLong("pu")).isEqualTo(next.getLong("U") - 1);
                next = s.next();
            }
            assertThat(List.of(next.getLong("u"), next.getLong("pu") + 1)).containsExactly(u1, next.getLong("U"));
            assertThat(next.getLong("U")).isBetween(u0 + 1, u1);
            assertThat(next.getJsonArray("b")).isEqualTo(rest.getJsonArray("bids"));
        }
    }

    @Test
    void markIndexAndTickerStreamsFollowTheMarket() throws Exception {
        start(MarketConfig.off());
        PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        PapiClient b = SandboxExtension.clientB(sandbox).withClock(clock::get);
        place(a, limit(BTC, "SELL", "3", "50000"));
        place(b, market(BTC, "BUY", "2"));
        try (StreamClient raw = StreamClient.connect(sandbox.baseUrl(), "/ws/btcusd_perp@markPrice@1s/btcusd@markPrice@1s/btcusd@indexPrice@1s")) {
            List<JsonObject> objects = new ArrayList<>();
            JsonArray pair = null;
            long deadline = System.currentTimeMillis() + 5_000;
            while ((objects.size() < 2 || pair == null) && System.currentTimeMillis() < deadline) {
                for (String m : raw.drain(100)) {
                    if (m.startsWith("[")) pair = new JsonArray(m); else objects.add(new JsonObject(m));
                }
            }
            JsonObject mark = objects.stream().filter(o -> o.getString("e").equals("markPriceUpdate")).findFirst().orElseThrow();
            assertThat(new ArrayList<>(mark.fieldNames())).containsExactly("e", "E", "s", "p", "P", "i", "r", "T");
            assertThat(List.of(mark.getString("s"), mark.getString("p"), mark.getString("r")))
                    .containsExactly(BTC, "50000.00000000", "0.00010000");
            assertThat(mark.getLong("E")).isEqualTo(START);
            assertThat(pair).as("the pair's mark prices, one per symbol").hasSize(3);
            assertThat(pair.getJsonObject(1).getString("r")).as("a delivery contract has no funding rate").isEmpty();
            JsonObject index = objects.stream().filter(o -> o.getString("e").equals("indexPriceUpdate")).findFirst().orElseThrow();
            assertThat(new ArrayList<>(index.fieldNames())).containsExactly("e", "E", "i", "p");
            assertThat(index.getString("i")).isEqualTo("BTCUSD");
        }
        try (StreamClient klines = StreamClient.connect(sandbox.baseUrl(), "/ws/btcusd_perp@kline_1m")) {
            // the first event is the bar as it is (2 contracts); the next follows the new fill
            assertThat(klines.next().getJsonObject("k").getString("v")).isEqualTo("2");
            place(b, market(BTC, "BUY", "1"));
            JsonObject open = klines.next();
            assertThat(new ArrayList<>(open.fieldNames())).containsExactly("e", "E", "s", "k");
            JsonObject k = open.getJsonObject("k");
            assertThat(new ArrayList<>(k.fieldNames())).containsExactly("t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x",
                    "q", "V", "Q", "B");
            assertThat(List.of(k.getString("i"), k.getString("v"), k.getString("V"), k.getString("c")))
                    .containsExactly("1m", "3", "3", "50000.0");
            assertThat(k.getLong("n")).isEqualTo(2);
            assertThat(k.getBoolean("x")).isFalse();
            long barOpen = k.getLong("t");
            // the minute ends: the bar is sent once more, closed, then the next one opens
            clock.set(barOpen + 60_000);
            JsonObject closed = klines.next().getJsonObject("k");
            assertThat(closed.getLong("t")).isEqualTo(barOpen);
            assertThat(closed.getBoolean("x")).isTrue();
            JsonObject next = klines.next().getJsonObject("k");
            assertThat(next.getLong("t")).isEqualTo(barOpen + 60_000);
            assertThat(List.of(next.getString("v"), next.getString("o"))).containsExactly("0", "50000.0");
            assertThat(next.getLong("f")).isEqualTo(-1);
        }
        try (StreamClient mini = StreamClient.connect(sandbox.baseUrl(), "/ws/btcusd_perp@miniTicker")) {
            JsonObject t = mini.next();
            assertThat(new ArrayList<>(t.fieldNames())).containsExactly("e", "E", "s", "ps", "c", "o", "h", "l", "v", "q");
            // 3 contracts × 100 USD / 50000 = 0.006 BTC
            assertThat(List.of(t.getString("c"), t.getString("v"), t.getString("q"))).containsExactly("50000.0", "3", "0.00600000");
        }
    }

    @Test
    void aConnectionIsPingedAndClosedAfterTwentyFourHoursOfSandboxTime() throws Exception {
        start(MarketConfig.off());
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/ws/btcusd_perp@depth")) {
            clock.addAndGet(3 * 60_000L);
            long deadline = System.currentTimeMillis() + 5_000;
            while (s.pings == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(s.pings).as("a ping after 3 minutes").isPositive();
            clock.addAndGet(24 * 3_600_000L);
            assertThat(s.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    /** Binance allows 10 incoming messages a second: the test keeps under it. */
    private static void paced(StreamClient s, String message) throws InterruptedException {
        Thread.sleep(110);
        s.send(message);
    }

    private static JsonObject lastOf(Map<String, List<JsonObject>> byStream, String stream) {
        List<JsonObject> list = byStream.get(stream);
        return list == null ? new JsonObject().put("A", "3").put("a", new JsonArray().add(new JsonArray().add("0").add("3")))
                : list.get(list.size() - 1);
    }

    /**
     * Binance's procedure (spec-next §6.4): buffer the diff stream, fetch REST depth, drop events before its
     * lastUpdateId, apply the rest checking pu; whenever the market pauses, the local book equals REST depth.
     */
    @Test
    void aLocalBookKeptFromTheDiffStreamEqualsRestDepthWhileTheMarketMoves() throws Exception {
        start(MarketConfig.defaults().withTickMillis(0).withVolatility(0.5));
        PapiClient a = SandboxExtension.clientA(sandbox).withClock(clock::get);
        try (StreamClient s = StreamClient.connect(sandbox.baseUrl(), "/stream?streams=btcusd_perp@depth@100ms")) {
            Thread.sleep(200);
            moveMarket(a, 3);
            JsonObject snapshot = new JsonObject(get(sandbox, "/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=1000"));
            long lastUpdateId = snapshot.getLong("lastUpdateId");
            TreeMap<BigDecimal, String> bids = new TreeMap<>(Comparator.reverseOrder());
            TreeMap<BigDecimal, String> asks = new TreeMap<>();
            load(bids, snapshot.getJsonArray("bids"));
            load(asks, snapshot.getJsonArray("asks"));
            long previous = -1;
            int rounds = 0;
            for (int round = 0; round < 6; round++) {
                moveMarket(a, 2);
                JsonObject rest = new JsonObject(get(sandbox, "/dapi/v1/depth", "symbol=BTCUSD_PERP&limit=1000"));
                long target = rest.getLong("lastUpdateId");
                long u = previous;
                long deadline = System.currentTimeMillis() + 5_000;
                while (u < target && System.currentTimeMillis() < deadline) {
                    for (String m : s.drain(50)) {
                        JsonObject e = new JsonObject(m).getJsonObject("data");
                        if (e.getLong("u") < lastUpdateId) continue;
                        if (previous < 0) {
                            assertThat(e.getLong("U")).as("the first event spans the snapshot").isLessThanOrEqualTo(lastUpdateId);
                        } else {
                            assertThat(e.getLong("pu")).as("each event follows the one before").isEqualTo(previous);
                        }
                        apply(bids, e.getJsonArray("b"));
                        apply(asks, e.getJsonArray("a"));
                        previous = e.getLong("u");
                        u = previous;
                    }
                }
                assertThat(u).as("the stream reached the REST snapshot").isEqualTo(target);
                assertThat(levels(bids)).isEqualTo(rest.getJsonArray("bids"));
                assertThat(levels(asks)).isEqualTo(rest.getJsonArray("asks"));
                rounds++;
            }
            assertThat(rounds).isEqualTo(6);
        }
    }

    /** Moves the live market a few ticks and trades into it, so levels appear, change and vanish. */
    private void moveMarket(PapiClient a, int ticks) {
        for (int i = 0; i < ticks; i++) {
            clock.addAndGet(1_000);
            sandbox.market().orElseThrow().tick();
            place(a, market(BTC, i % 2 == 0 ? "BUY" : "SELL", "40"));
        }
    }

    private static void load(TreeMap<BigDecimal, String> side, JsonArray levels) {
        for (int i = 0; i < levels.size(); i++) side.put(new BigDecimal(levels.getJsonArray(i).getString(0)), levels.getJsonArray(i).getString(1));
    }

    private static void apply(TreeMap<BigDecimal, String> side, JsonArray levels) {
        for (int i = 0; i < levels.size(); i++) {
            BigDecimal price = new BigDecimal(levels.getJsonArray(i).getString(0));
            String qty = levels.getJsonArray(i).getString(1);
            if (qty.equals("0")) side.remove(price); else side.put(price, qty);
        }
    }

    private static JsonArray levels(TreeMap<BigDecimal, String> side) {
        JsonArray out = new JsonArray();
        side.forEach((p, q) -> out.add(new JsonArray().add(p.setScale(1).toPlainString()).add(q)));
        return out;
    }
}
