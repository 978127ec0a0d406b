package com.papisandbox.server.stream;

import com.papisandbox.engine.KlineInterval;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A COIN-M market stream name (spec-next §6.3), lower-case as Binance spells them: {@code btcusd_perp@depth},
 * {@code btcusd_perp@depth5@100ms}, {@code btcusd_perp@bookTicker}, {@code btcusd@markPrice@1s}, … The symbol
 * (or pair) is kept upper-cased for the engine. {@link #parse} gives null for a name the sandbox does not
 * serve; such a subscription is accepted and stays silent, as Binance's futures streams do.
 */
record MarketStreamName(String name, Kind kind, String symbol, int levels, long periodMillis, KlineInterval interval) {
    enum Kind { DIFF_DEPTH, PARTIAL_DEPTH, BOOK_TICKER, AGG_TRADE, TRADE, MARK_PRICE, PAIR_MARK_PRICE, INDEX_PRICE, TICKER, MINI_TICKER, KLINE }

    MarketStreamName(String name, Kind kind, String symbol, int levels, long periodMillis) {
        this(name, kind, symbol, levels, periodMillis, null);
    }

    private static final Pattern DEPTH = Pattern.compile("depth(5|10|20)?(@100ms|@500ms)?");
    private static final Pattern MARK = Pattern.compile("markPrice(@1s)?");
    private static final Pattern INDEX = Pattern.compile("indexPrice(@1s)?");

    /** Real-time streams are looked at on every tick of the publisher. */
    static final long REAL_TIME = 50;

    static MarketStreamName parse(String name) {
        int at = name.indexOf('@');
        if (at <= 0 || !name.substring(0, at).equals(name.substring(0, at).toLowerCase(Locale.ROOT))) return null;
        String target = name.substring(0, at).toUpperCase(Locale.ROOT);
        String stream = name.substring(at + 1);
        boolean symbol = target.contains("_");
        Matcher m;
        if (symbol && (m = DEPTH.matcher(stream)).matches()) {
            long period = m.group(2) == null ? 250 : m.group(2).equals("@100ms") ? 100 : 500;
            if (m.group(1) == null) return new MarketStreamName(name, Kind.DIFF_DEPTH, target, 0, period);
            return new MarketStreamName(name, Kind.PARTIAL_DEPTH, target, Integer.parseInt(m.group(1)), period);
        }
        if ((m = MARK.matcher(stream)).matches()) {
            return new MarketStreamName(name, symbol ? Kind.MARK_PRICE : Kind.PAIR_MARK_PRICE, target, 0, m.group(1) == null ? 3000 : 1000);
        }
        if (!symbol && (m = INDEX.matcher(stream)).matches()) {
            return new MarketStreamName(name, Kind.INDEX_PRICE, target, 0, m.group(1) == null ? 3000 : 1000);
        }
        if (!symbol) return null;
        if (stream.startsWith("kline_")) {
            KlineInterval interval = KlineInterval.fromLabel(stream.substring(6));
            return interval == null ? null : new MarketStreamName(name, Kind.KLINE, target, 0, 250, interval);
        }
        return switch (stream) {
            case "bookTicker" -> new MarketStreamName(name, Kind.BOOK_TICKER, target, 0, REAL_TIME);
            case "aggTrade" -> new MarketStreamName(name, Kind.AGG_TRADE, target, 0, 100);
            case "trade" -> new MarketStreamName(name, Kind.TRADE, target, 0, REAL_TIME);
            case "ticker" -> new MarketStreamName(name, Kind.TICKER, target, 0, 500);
            case "miniTicker" -> new MarketStreamName(name, Kind.MINI_TICKER, target, 0, 500);
            default -> null;
        };
    }
}
