package com.papisandbox.server.stream;

import com.papisandbox.engine.Engine;
import com.papisandbox.engine.Instrument;
import com.papisandbox.engine.MarketView;
import com.papisandbox.engine.Query;
import com.papisandbox.engine.Result;
import com.papisandbox.server.Json;
import com.papisandbox.server.dapi.MarketJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the market streams' payloads (spec-next §6.3) from the engine, on the engine thread, in a read that
 * completes once everything it saw is durable. Holds each stream's position (the last update id, aggregate
 * trade id, trade id or book-ticker update it sent), so every subscriber of a stream shares one sequence:
 * a diff-depth event's {@code pu} is the {@code u} of that stream's event before, whoever received it.
 */
final class MarketStreamPayloads {
    /** Per stream name: the last id it published (update id, agg id, trade id), or absent before its first look. */
    private final Map<String, Long> positions = new HashMap<>();
    /** Per stream name: the last payload, for streams that publish only when something changed. */
    private final Map<String, String> lastPayload = new HashMap<>();

    /** The payloads to publish now, oldest first; empty if there is nothing new. Engine thread. */
    List<String> payloads(Engine engine, MarketStreamName s, long now) {
        if (s.kind() == MarketStreamName.Kind.AGG_TRADE) return aggTrades(engine, s, now);
        if (s.kind() == MarketStreamName.Kind.TRADE) return trades(engine, s, now);
        if (s.kind() == MarketStreamName.Kind.KLINE) return klines(engine, s, now);
        String one = switch (s.kind()) {
            case DIFF_DEPTH -> diffDepth(engine, s, now);
            case PARTIAL_DEPTH -> partialDepth(engine, s, now);
            case BOOK_TICKER -> bookTicker(engine, s, now);
            case MARK_PRICE, PAIR_MARK_PRICE -> markPrice(engine, s, now);
            case INDEX_PRICE -> indexPrice(engine, s, now);
            case TICKER, MINI_TICKER -> ticker(engine, s, now);
            default -> null;
        };
        return one == null ? List.of() : List.of(one);
    }

    /**
     * Where a stream that has no position yet starts: the book's last update, the last aggregate trade, the last
     * trade, the book ticker now. Run when its first subscriber subscribes, before the answer goes out (the engine
     * takes reads in order), so every update, aggregate trade, trade or best-price change after the subscription
     * is in its events, as on Binance: a REST depth snapshot taken after the SUBSCRIBE answer is never older than
     * the stream's first event. Without it, the stream's first look (up to its period later) would be where it
     * starts.
     */
    void start(Engine engine, MarketStreamName s, long now) {
        if (positions.containsKey(s.name()) || lastPayload.containsKey(s.name())) return;
        switch (s.kind()) {
            case BOOK_TICKER -> bookTicker(engine, s, now); // records the book ticker it then reports changes of
            case DIFF_DEPTH -> startDiff(engine, s);
            case AGG_TRADE -> positions.put(s.name(), lastAggId(engine, s, now));
            case TRADE -> {
                if (engine.query(new Query.RecentTrades(s.symbol(), 1), now) instanceof Result.Trades r) {
                    positions.put(s.name(), r.trades().isEmpty() ? 0 : r.trades().get(r.trades().size() - 1).id());
                }
            }
            default -> { }
        }
    }

    /** A stream that left every subscription forgets its position. */
    void forget(String name) {
        positions.remove(name);
        lastPayload.remove(name);
    }

    /**
     * The payload if it differs from the stream's last one (compared without the event time, appended after);
     * a stream's first look only records where it starts, since the stream reports changes.
     */
    private String changed(MarketStreamName s, String payload, long now) {
        if (payload == null) return null;
        String last = lastPayload.put(s.name(), payload);
        return last == null || payload.equals(last) ? null : payload.substring(0, payload.length() - 1) + ",\"E\":" + now + "}";
    }

    private String diffDepth(Engine engine, MarketStreamName s, long now) {
        Long since = positions.get(s.name());
        if (since == null) {
            startDiff(engine, s);
            return null;
        }
        if (!(engine.query(new Query.DepthChanges(s.symbol(), since), now) instanceof Result.DepthChanges r)) return null;
        MarketView.DepthChanges c = r.changes();
        if (c == null) {
            // the change log no longer reaches back: restart the stream, as a client restarts on a gap in pu
            startDiff(engine, s);
            return null;
        }
        if (c.lastUpdateId() == since) return null;
        positions.put(s.name(), c.lastUpdateId());
        return depthUpdate(c.instrument(), now, c.transactionTime(), c.firstUpdateId(), c.lastUpdateId(), c.previousUpdateId(), c.bids(), c.asks());
    }

    /** A diff stream starts at the book as it is (its first event covers the updates after now), followed from now. */
    private void startDiff(Engine engine, MarketStreamName s) {
        var book = engine.book(s.symbol());
        if (book == null) return;
        book.follow();
        positions.put(s.name(), book.updateId());
    }

    private String partialDepth(Engine engine, MarketStreamName s, long now) {
        if (!(engine.query(new Query.Depth(s.symbol(), s.levels()), now) instanceof Result.Depth r)) return null;
        MarketView.Depth d = r.depth();
        Long previous = positions.get(s.name());
        long u = d.lastUpdateId();
        if (previous != null && previous == u) return null;
        // U..u are the updates since the stream's last event, pu that event's u; a stream's first event covers
        // the book's last update (update ids are consecutive: pu is the one before it), so U <= u always
        long first = previous == null ? u : previous + 1;
        long pu = previous == null ? u - 1 : previous;
        positions.put(s.name(), u);
        return depthUpdate(d.instrument(), now, d.transactionTime(), first, u, pu, d.bids(), d.asks());
    }

    private static String depthUpdate(Instrument in, long now, long transactionTime, long first, long last, long previous,
                                       List<MarketView.Level> bids, List<MarketView.Level> asks) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("e", "depthUpdate");
            g.writeNumberField("E", now);
            g.writeNumberField("T", transactionTime);
            g.writeStringField("s", in.symbol());
            g.writeStringField("ps", in.pair());
            g.writeNumberField("U", first);
            g.writeNumberField("u", last);
            g.writeNumberField("pu", previous);
            MarketJson.levels(g, "b", in, bids);
            MarketJson.levels(g, "a", in, asks);
            g.writeEndObject();
        });
    }

    private String bookTicker(Engine engine, MarketStreamName s, long now) {
        if (!(engine.query(new Query.BookTicker(s.symbol(), null), now) instanceof Result.BookTickers r) || r.tickers().isEmpty()) return null;
        MarketView.BookTicker t = r.tickers().get(0);
        Instrument in = t.instrument();
        // the live key order (spec-next §6.3), E last: it is added once the book ticker is known to have changed
        return changed(s, json(g -> {
            g.writeStartObject();
            g.writeNumberField("u", t.lastUpdateId());
            g.writeStringField("e", "bookTicker");
            g.writeStringField("s", in.symbol());
            g.writeStringField("ps", in.pair());
            g.writeStringField("b", MarketJson.price(in, t.bidPrice()));
            g.writeStringField("B", MarketJson.qty(in, t.bidQty()));
            g.writeStringField("a", MarketJson.price(in, t.askPrice()));
            g.writeStringField("A", MarketJson.qty(in, t.askQty()));
            g.writeNumberField("T", t.time());
            g.writeEndObject();
        }), now);
    }

    private List<String> aggTrades(Engine engine, MarketStreamName s, long now) {
        Long last = positions.get(s.name());
        if (last == null) {
            positions.put(s.name(), lastAggId(engine, s, now));
            return List.of();
        }
        if (!(engine.query(new Query.AggTrades(s.symbol(), last + 1, -1, -1, 1000), now) instanceof Result.AggTrades r)
                || r.aggTrades().isEmpty()) return List.of();
        Instrument in = engine.instruments().get(s.symbol());
        List<String> events = new ArrayList<>();
        for (MarketView.AggTrade t : r.aggTrades()) {
            events.add(json(g -> {
                g.writeStartObject();
                g.writeStringField("e", "aggTrade");
                g.writeNumberField("E", now);
                g.writeNumberField("a", t.aggId());
                g.writeStringField("s", in.symbol());
                g.writeStringField("p", MarketJson.price(in, t.price()));
                g.writeStringField("q", MarketJson.qty(in, t.qty()));
                g.writeNumberField("f", t.firstTradeId());
                g.writeNumberField("l", t.lastTradeId());
                g.writeNumberField("T", t.time());
                g.writeBooleanField("m", t.buyerMaker());
                g.writeEndObject();
            }));
            last = t.aggId();
        }
        positions.put(s.name(), last);
        return events;
    }

    private static long lastAggId(Engine engine, MarketStreamName s, long now) {
        if (engine.query(new Query.AggTrades(s.symbol(), -1, -1, -1, 1), now) instanceof Result.AggTrades r && !r.aggTrades().isEmpty()) {
            return r.aggTrades().get(0).aggId();
        }
        return 0;
    }

    private List<String> trades(Engine engine, MarketStreamName s, long now) {
        if (!(engine.query(new Query.RecentTrades(s.symbol(), 1000), now) instanceof Result.Trades r)) return List.of();
        Long last = positions.get(s.name());
        long newest = r.trades().isEmpty() ? 0 : r.trades().get(r.trades().size() - 1).id();
        positions.put(s.name(), Math.max(newest, last == null ? 0 : last));
        if (last == null) return List.of();
        Instrument in = engine.instruments().get(s.symbol());
        List<String> events = new ArrayList<>();
        for (MarketView.Trade t : r.trades()) {
            if (t.id() <= last) continue;
            events.add(json(g -> {
                g.writeStartObject();
                g.writeStringField("e", "trade");
                g.writeNumberField("E", now);
                g.writeNumberField("T", t.time());
                g.writeStringField("s", in.symbol());
                g.writeNumberField("t", t.id());
                g.writeStringField("p", MarketJson.price(in, t.price()));
                g.writeStringField("q", MarketJson.qty(in, t.qty()));
                g.writeStringField("X", "MARKET");
                g.writeBooleanField("m", t.buyerMaker());
                g.writeEndObject();
            }));
        }
        return events;
    }

    private static String markPrice(Engine engine, MarketStreamName s, long now) {
        boolean pair = s.kind() == MarketStreamName.Kind.PAIR_MARK_PRICE;
        Result result = engine.query(new Query.PremiumIndex(pair ? null : s.symbol(), pair ? s.symbol() : null), now);
        if (!(result instanceof Result.PremiumIndexes r) || r.indexes().isEmpty()) return null;
        return json(g -> {
            if (pair) g.writeStartArray();
            for (MarketView.PremiumIndex p : r.indexes()) {
                g.writeStartObject();
                g.writeStringField("e", "markPriceUpdate");
                g.writeNumberField("E", now);
                g.writeStringField("s", p.instrument().symbol());
                g.writeStringField("p", MarketJson.eight(p.markPrice()));
                g.writeStringField("P", MarketJson.eight(p.estimatedSettlePrice()));
                g.writeStringField("i", MarketJson.eight(p.indexPrice()));
                g.writeStringField("r", p.perpetual() ? MarketJson.eight(p.lastFundingRate()) : "");
                g.writeNumberField("T", p.nextFundingTime());
                g.writeEndObject();
            }
            if (pair) g.writeEndArray();
        });
    }

    private static String indexPrice(Engine engine, MarketStreamName s, long now) {
        if (!(engine.query(new Query.PremiumIndex(null, s.symbol()), now) instanceof Result.PremiumIndexes r) || r.indexes().isEmpty()) return null;
        long index = r.indexes().get(0).indexPrice();
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("e", "indexPriceUpdate");
            g.writeNumberField("E", now);
            g.writeStringField("i", s.symbol());
            g.writeStringField("p", MarketJson.eight(index));
            g.writeEndObject();
        });
    }

    /**
     * The current bar when it changed; when a new bar opened, the one before first, once more, closed
     * ({@code x} true), as Binance ends every bar.
     */
    private List<String> klines(Engine engine, MarketStreamName s, long now) {
        if (!(engine.query(new Query.Klines(s.symbol(), s.interval(), -1, -1, 2), now) instanceof Result.Klines r) || r.klines().isEmpty()) {
            return List.of();
        }
        Instrument in = engine.instruments().get(s.symbol());
        MarketView.Kline current = r.klines().get(r.klines().size() - 1);
        Long lastOpen = positions.put(s.name(), current.openTime());
        List<String> events = new ArrayList<>(2);
        if (lastOpen != null && lastOpen != current.openTime() && r.klines().size() == 2) {
            MarketView.Kline closed = r.klines().get(0);
            if (closed.openTime() == lastOpen) events.add(kline(in, s, closed, true, now));
            lastPayload.remove(s.name());
        }
        String body = kline(in, s, current, current.closeTime() < now, 0);
        String last = lastPayload.put(s.name(), body);
        if (!body.equals(last)) events.add(kline(in, s, current, current.closeTime() < now, now));
        return events;
    }

    private static String kline(Instrument in, MarketStreamName s, MarketView.Kline k, boolean closed, long now) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("e", "kline");
            g.writeNumberField("E", now);
            g.writeStringField("s", in.symbol());
            g.writeObjectFieldStart("k");
            g.writeNumberField("t", k.openTime());
            g.writeNumberField("T", k.closeTime());
            g.writeStringField("s", in.symbol());
            g.writeStringField("i", s.interval().label());
            g.writeNumberField("f", k.firstTradeId());
            g.writeNumberField("L", k.lastTradeId());
            g.writeStringField("o", MarketJson.price(in, k.open()));
            g.writeStringField("c", MarketJson.price(in, k.close()));
            g.writeStringField("h", MarketJson.price(in, k.high()));
            g.writeStringField("l", MarketJson.price(in, k.low()));
            g.writeStringField("v", MarketJson.qty(in, k.volume()));
            g.writeNumberField("n", k.trades());
            g.writeBooleanField("x", closed);
            g.writeStringField("q", MarketJson.eight(k.baseVolume()));
            g.writeStringField("V", MarketJson.qty(in, k.takerBuyVolume()));
            g.writeStringField("Q", MarketJson.eight(k.takerBuyBaseVolume()));
            g.writeStringField("B", "0");
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static String ticker(Engine engine, MarketStreamName s, long now) {
        if (!(engine.query(new Query.Ticker24h(s.symbol(), null), now) instanceof Result.Tickers24h r) || r.tickers().isEmpty()) return null;
        MarketView.Ticker24h t = r.tickers().get(0);
        Instrument in = t.instrument();
        boolean mini = s.kind() == MarketStreamName.Kind.MINI_TICKER;
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("e", mini ? "24hrMiniTicker" : "24hrTicker");
            g.writeNumberField("E", now);
            g.writeStringField("s", in.symbol());
            if (mini) {
                g.writeStringField("ps", in.pair());
                g.writeStringField("c", MarketJson.price(in, t.lastPrice()));
                g.writeStringField("o", MarketJson.price(in, t.openPrice()));
                g.writeStringField("h", MarketJson.price(in, t.highPrice()));
                g.writeStringField("l", MarketJson.price(in, t.lowPrice()));
                g.writeStringField("v", MarketJson.qty(in, t.volume()));
                g.writeStringField("q", MarketJson.eight(t.baseVolume()));
            } else {
                g.writeStringField("p", MarketJson.price(in, t.priceChange()));
                g.writeStringField("P", BigDecimal.valueOf(t.priceChangePercent(), 3).toPlainString());
                g.writeStringField("w", MarketJson.eight(t.weightedAvgPrice()));
                g.writeStringField("c", MarketJson.price(in, t.lastPrice()));
                g.writeStringField("Q", MarketJson.qty(in, t.lastQty()));
                g.writeStringField("o", MarketJson.price(in, t.openPrice()));
                g.writeStringField("h", MarketJson.price(in, t.highPrice()));
                g.writeStringField("l", MarketJson.price(in, t.lowPrice()));
                g.writeStringField("v", MarketJson.qty(in, t.volume()));
                g.writeStringField("q", MarketJson.eight(t.baseVolume()));
                g.writeNumberField("O", t.openTime());
                g.writeNumberField("C", t.closeTime());
                g.writeNumberField("F", t.firstId());
                g.writeNumberField("L", t.lastId());
                g.writeNumberField("n", t.count());
                g.writeStringField("ps", in.pair());
            }
            g.writeEndObject();
        });
    }

    private static String json(Json.Writer w) {
        return new String(Json.write(w), StandardCharsets.UTF_8);
    }
}
