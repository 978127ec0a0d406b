package com.papisandbox.engine;

import java.util.List;

/** The trade tapes and funding histories of every book, by the book's index; fed by the engine. */
final class MarketData {
    private final MarketTape[] tapes;
    private final FundingHistory[] fundings;

    MarketData(List<Instrument> instrumentsByIndex) {
        tapes = new MarketTape[instrumentsByIndex.size()];
        for (int i = 0; i < tapes.length; i++) tapes[i] = new MarketTape(instrumentsByIndex.get(i));
        fundings = new FundingHistory[tapes.length];
        for (int i = 0; i < fundings.length; i++) fundings[i] = new FundingHistory();
    }

    /** A perpetual's funding settled at {@code time}, at {@code rate} and valued at {@code markE8}. */
    void onFunding(int instrument, long time, long rate, long markE8) {
        fundings[instrument].record(time, rate, markE8);
    }

    /** A new contract in slot {@code i}: an empty tape and no fundings. */
    void relist(int i, Instrument instrument) {
        tapes[i] = new MarketTape(instrument);
        fundings[i] = new FundingHistory();
    }

    FundingHistory fundings(OrderBook book) {
        return fundings[book.index];
    }

    /** One fill between a maker and a taker order; allocation-free once the tape's rings are full. */
    void onTrade(OrderBook book, long tradeId, long price, long qty, boolean buyerMaker, long takerOrderId, long time) {
        tapes[book.index].onTrade(tradeId, price, qty, buyerMaker, takerOrderId, time);
    }

    MarketTape tape(OrderBook book) {
        return tapes[book.index];
    }

    /** Per book in index order: its update id and time, then its tape and its funding history. */
    void write(SnapshotBuffer.Out out, List<OrderBook> books) {
        out.writeInt(books.size());
        for (OrderBook book : books) {
            out.writeString(book.instrument().symbol());
            out.writeLong(book.updateId());
            out.writeLong(book.updateTime());
            tapes[book.index].write(out);
            fundings[book.index].write(out);
        }
    }

    void read(SnapshotBuffer.In in, Engine engine) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            OrderBook book = engine.book(in.readString());
            if (book == null) throw new IllegalArgumentException("snapshot market data names an unknown instrument");
            book.restoreUpdate(in.readLong(), in.readLong());
            tapes[book.index].read(in);
            fundings[book.index].read(in);
        }
    }
}
