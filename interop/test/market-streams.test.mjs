// Interop: the COIN-M market streams (ws://HOST:PORT/ws/<stream>…, ws://HOST:PORT/stream?streams=…, SUBSCRIBE)
// through real, unmodified clients, against a sandbox of its own with the built-in market on (prices move every
// second; the trades are this file's market orders against the house ladder). What each client does, read from
// its source in node_modules:
//
// - ccxt 4.5.84 pro (ccxt.pro.binance, shipped in the ccxt package), markets of type 'delivery' (inverse): every
//   public watch* opens urls.api.ws.delivery + '/' + <n> (wss://dstream.binance.com/ws/0, /ws/1, … one socket per
//   subscription hash, n counted per exchange object; the sandbox, like Binance, takes the path's "stream" 0 and
//   keeps it silent) and sends {"method":"SUBSCRIBE","params":[…],"id":<1, 2, … per url>}. watchOrderBook:
//   <symbol>@depth@100ms, buffers the diffs, fetches GET /dapi/v1/depth?symbol=…&limit=1000 and runs Binance's
//   local-book procedure with U/u/pu (a gap in pu rejects the watch). watchTicker: <symbol>@miniTicker by
//   default (options.watchTickers.name), <symbol>@ticker with params {name:'ticker'}; for an inverse market
//   baseVolume is `q` (coin) and quoteVolume `v` × 100 (miniTicker) or `q` × `w` (ticker). watchTrades:
//   <symbol>@trade (params {name:'aggTrade'} for aggTrade). watchOHLCV: <symbol>@kline_<tf>, whose volume is `v`
//   (contracts), where REST fetchOHLCV reads the coin volume. watchMarkPrice: <symbol>@markPrice@1s.
//   Re-pointable through urls.api.ws.delivery; a ws:// url needs `await ex.loadHttpProxyAgent()` first.
// - binance 3.6.5 WebsocketClient (multiplex): subscribe(streamNames, 'coinm') opens getWsUrl('coinm') +
//   '/stream' (options.wsUrl when set, else wss://dstream.binance.com) and sends one SUBSCRIBE with all names
//   and a numeric id; events arrive as 'message' (the combined frame's data, plus wsKey, wsMarket and
//   streamName) and, with beautify, 'formattedMessage'; the SUBSCRIBE reply is a 'response' event. The
//   deprecated WebsocketClientV1 (exported too) opens one socket per stream on wsUrl + '/ws/<stream>'
//   (subscribeMarkPrice, subscribeAggregateTrades, subscribePartialBookDepths, …). Both re-point with wsUrl.
// - @binance/derivatives-trading-portfolio-margin 19.0.0 has no market-stream methods: its
//   WebsocketStreamsConnection offers userData(listenKey) and the generic connect({stream}) / subscribe(name, id)
//   / on('message') only (wsURL default wss://fstream.binance.com/pm, the PM user stream host). Those generic
//   calls do reach the sandbox's combined streams when wsURL is the sandbox's root (here subscribe() gets a
//   numeric id; without one it sends 32 hex digits, which needs the sandbox's string ids).
// - The sandbox starts a new stream's events at the SUBSCRIBE answer (or the connection), as Binance's
//   continuous streams do: ccxt fetches its depth snapshot right after the answer, and trades right after it
//   must reach the trade streams.
//
// Prices are checked against the REST views of the same moment: /dapi/v1/depth, /dapi/v1/trades,
// /dapi/v1/aggTrades, /dapi/v1/klines, /dapi/v1/ticker/24hr, /dapi/v1/ticker/bookTicker, /dapi/v1/premiumIndex.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import ccxt from 'ccxt';
import { WebsocketClient, WebsocketClientV1 } from 'binance';
import { DerivativesTradingPortfolioMargin, DerivativesTradingPortfolioMarginWebsocketStreams } from '@binance/derivatives-trading-portfolio-margin';
import { SYMBOL, PAIR, serverEnv, Inbox } from '../lib/common.mjs';

const env = serverEnv();
const WS = env.baseUrl.replace(/^http/, 'ws');
const UNIFIED = 'BTC/USD:BTC';
const T = 20_000;
/** A market order of this many contracts takes one or two of the house's levels (~500 contracts each). */
const QTY = 700;

// ---- REST, unsigned, as the sandbox answers it ----

async function rest(path, query) {
  const r = await fetch(`${env.baseUrl}${path}?${new URLSearchParams(query)}`);
  const body = await r.json();
  assert.equal(r.status, 200, JSON.stringify(body));
  return body;
}
const depth = (limit = 1000) => rest('/dapi/v1/depth', { symbol: SYMBOL, limit });
const premium = async () => (await rest('/dapi/v1/premiumIndex', { symbol: SYMBOL }))[0];
const ticker24h = async () => (await rest('/dapi/v1/ticker/24hr', { symbol: SYMBOL }))[0];
const lastTradeId = async () => (await rest('/dapi/v1/trades', { symbol: SYMBOL, limit: 1 })).at(-1)?.id ?? 0;
const levels = (side) => side.map(([p, q]) => [Number(p), Number(q)]);

// ---- trades: account A's market orders, alternately buying and selling so its position stays small ----

const trader = new ccxt.binance({
  apiKey: env.a.apiKey,
  secret: env.a.apiSecret,
  timeout: 10000,
  enableRateLimit: false,
  options: { portfolioMargin: true, defaultType: 'delivery', fetchMarkets: { types: ['inverse'] }, fetchCurrencies: false },
});
for (const k of Object.keys(trader.urls.api)) trader.urls.api[k] = trader.urls.api[k].replace(/^https?:\/\/[^/]+/, env.baseUrl);
let trades = 0;
async function trade() {
  const side = trades++ % 2 === 0 ? 'BUY' : 'SELL';
  const o = await trader.papiPostCmOrder({ symbol: SYMBOL, side, type: 'MARKET', quantity: QTY, newOrderRespType: 'RESULT' });
  assert.equal(o.status, 'FILLED');
  return o;
}

/** Within `pct` % of the mark price. */
function nearMark(price, markPrice, pct = 2) {
  assert.ok(Number.isFinite(price) && Math.abs(price - markPrice) <= (markPrice * pct) / 100, `${price} is not within ${pct} % of the mark ${markPrice}`);
}

/** Polls until `actual()` deep-equals `expected()` (both may be async), then returns it; else fails with both. */
async function eventually(what, actual, expected, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const [a, e] = [await actual(), await expected()];
    try {
      assert.deepEqual(a, e);
      return a;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: no match within ${ms} ms: ${err.message}`);
    }
    await sleep(100);
  }
}

// ---- ccxt pro ----

const CCXT_OPTIONS = { defaultType: 'delivery', defaultSubType: 'inverse', fetchMarkets: { types: ['inverse'] }, fetchCurrencies: false };

/**
 * A fresh ccxt.pro.binance with the REST urls and urls.api.ws.delivery re-pointed; `sent` records every frame
 * its sockets send (url, message), `replies` the SUBSCRIBE answers it reads, `calls` its REST requests.
 */
async function ccxtPro() {
  const ex = new ccxt.pro.binance({ timeout: 10000, enableRateLimit: false, options: { ...CCXT_OPTIONS } });
  for (const k of Object.keys(ex.urls.api)) {
    if (typeof ex.urls.api[k] === 'string') ex.urls.api[k] = ex.urls.api[k].replace(/^https?:\/\/[^/]+/, env.baseUrl);
  }
  ex.urls.api.ws.delivery = `${WS}/ws`;
  const sent = [];
  const replies = new Inbox();
  const calls = [];
  const depthFrames = []; // U, u, pu of each diff event and ccxt's book nonce when it arrived
  const client = ex.client;
  ex.client = function (url) {
    const c = client.call(this, url);
    if (!c.recordedBySandboxTest) {
      c.recordedBySandboxTest = true;
      const send = c.send;
      c.send = function (message) {
        sent.push({ url, message });
        return send.call(this, message);
      };
    }
    return c;
  };
  const handleMessage = ex.handleMessage;
  ex.handleMessage = function (c, message) {
    if (message && !Array.isArray(message) && 'result' in message && 'id' in message) replies.push({ url: c.url, message });
    if (message?.e === 'depthUpdate') depthFrames.push({ U: message.U, u: message.u, pu: message.pu, nonce: this.orderbooks[UNIFIED]?.nonce });
    return handleMessage.call(this, c, message);
  };
  const fetch = ex.fetch;
  ex.fetch = function (url, method, headers, body) {
    calls.push(`${method} ${url.replace(env.baseUrl, '')}`);
    return fetch.call(this, url, method, headers, body);
  };
  await ex.loadHttpProxyAgent();
  await ex.loadMarkets();
  calls.length = 0;
  return { ex, sent, replies, calls, depthFrames };
}

/** The one SUBSCRIBE a fresh ccxt sends for its first watch, and the sandbox's answer. */
async function assertSubscribed({ ex, sent, replies }, params) {
  const url = `${WS}/ws/0`;
  const { message } = await replies.next('SUBSCRIBE reply', 5000);
  assert.deepEqual(message, { result: null, id: 1 });
  assert.deepEqual(sent, [{ url, message: { method: 'SUBSCRIBE', params, id: 1 } }]);
  assert.deepEqual(Object.keys(ex.clients), [url]);
}

describe('ccxt pro: watchOrderBook, watchTicker, watchTrades, watchOHLCV, watchMarkPrice (BTC/USD:BTC)', () => {
  it('watchOrderBook: <symbol>@depth@100ms on urls.api.ws.delivery/0, and its local book equals REST depth round after round', { timeout: 3 * T }, async () => {
    const pro = await ccxtPro();
    const { ex } = pro;
    // a trade as soon as ccxt has its snapshot, a few ms after the SUBSCRIBE answer, before the stream's first
    // event: the stream must carry it (its events start at the answer), else ccxt's first diff leaves a gap
    // after the snapshot (ChecksumError)
    let racing;
    const fetchSnapshot = ex.fetch;
    ex.fetch = function (url, ...rest) {
      const response = fetchSnapshot.call(this, url, ...rest);
      if (url.includes('/dapi/v1/depth') && racing === undefined) racing = response.then(() => trade());
      return response;
    };
    // ccxt's own loop of awaits, as an application runs it: a pu gap would reject it (ChecksumError)
    let failure;
    let updates = 0;
    let watching = true;
    const loop = (async () => {
      while (watching) {
        try {
          await ex.watchOrderBook(UNIFIED);
          updates++;
        } catch (e) {
          if (watching) failure = e;
          return;
        }
      }
    })();
    try {
      await assertSubscribed(pro, ['btcusd_perp@depth@100ms']);
      await eventually('the snapshot request', () => pro.calls, () => [`GET /dapi/v1/depth?symbol=${SYMBOL}&limit=1000`]);
      await racing;

      // rounds until 4 matches over at least 2.5 s, so that the market's requotes (every second: the ladder
      // moves, levels vanish and appear) went through ccxt's procedure as well as the trades
      const matched = [];
      const start = Date.now();
      for (let round = 0; matched.length < 4 || Date.now() - start < 2500; round++) {
        assert.ok(round < 60, `only ${matched.length} of 60 rounds matched REST depth`);
        await trade(); // levels are taken and shrink
        await sleep(150);
        const snap = await depth();
        // wait until ccxt's book has applied the diff that ends at the snapshot's update id
        const deadline = Date.now() + 3000;
        let book;
        while (Date.now() < deadline) {
          book = ex.orderbooks[UNIFIED];
          if (book?.nonce >= snap.lastUpdateId) break;
          await sleep(2);
        }
        assert.equal(failure, undefined, `ccxt's watchOrderBook failed: ${failure}; the last diffs: ${JSON.stringify(pro.depthFrames.slice(-10))}`);
        assert.ok(book?.nonce >= snap.lastUpdateId, `ccxt's book stayed at ${book?.nonce}, REST is at ${snap.lastUpdateId}`);
        if (book.nonce !== snap.lastUpdateId) continue; // the market moved in between: the next round compares
        assert.equal(book.symbol, UNIFIED);
        assert.deepEqual(Array.from(book.bids, ([p, q]) => [p, q]), levels(snap.bids));
        assert.deepEqual(Array.from(book.asks, ([p, q]) => [p, q]), levels(snap.asks));
        matched.push(snap);
      }
      assert.ok(new Set(matched.map((s) => s.lastUpdateId)).size === matched.length, 'every match is of a later book');
      assert.ok(matched.some((s, i) => i > 0 && JSON.stringify(s.bids) !== JSON.stringify(matched[0].bids)), 'the book changed between the matches');
      const { markPrice } = await premium();
      nearMark(matched.at(-1).bids[0][0] * 1, Number(markPrice));
      assert.ok(updates >= 4, `${updates} updates`);
      // the one REST snapshot: every later state came from the stream
      assert.deepEqual(pro.calls, [`GET /dapi/v1/depth?symbol=${SYMBOL}&limit=1000`]);
      assert.equal(pro.sent.length, 1);
    } finally {
      watching = false;
      await ex.close();
      await loop;
    }
  });

  it('watchTicker: <symbol>@miniTicker by default, <symbol>@ticker with {name: "ticker"}: the REST 24hr ticker after the trades', { timeout: 2 * T }, async () => {
    await trade();
    await trade();
    const pro = await ccxtPro();
    const { ex } = pro;
    try {
      const first = await ex.watchTicker(UNIFIED);
      await assertSubscribed(pro, ['btcusd_perp@miniTicker']);
      assert.equal(first.symbol, UNIFIED);
      assert.equal(first.info.e, '24hrMiniTicker');
      assert.equal(first.info.s, SYMBOL);
      await trade();
      // inverse: baseVolume is the coin volume (q), quoteVolume the contracts × 100 USD
      const mini = await eventually('miniTicker', async () => {
        const t = await ex.watchTicker(UNIFIED);
        return { last: t.last, open: t.open, high: t.high, low: t.low, baseVolume: t.baseVolume, quoteVolume: t.quoteVolume };
      }, async () => {
        const r = await ticker24h();
        return { last: Number(r.lastPrice), open: Number(r.openPrice), high: Number(r.highPrice), low: Number(r.lowPrice), baseVolume: Number(r.baseVolume), quoteVolume: Number(r.volume) * 100 };
      });
      assert.ok(mini.baseVolume > 0 && mini.quoteVolume >= 3 * QTY * 100, JSON.stringify(mini));
      nearMark(mini.last, Number((await premium()).markPrice));

      assert.deepEqual(pro.sent, [{ url: `${WS}/ws/0`, message: { method: 'SUBSCRIBE', params: ['btcusd_perp@miniTicker'], id: 1 } }]);

      // the full ticker on an exchange object of its own (ccxt gives both streams one message hash)
      const other = await ccxtPro();
      try {
        const full = await eventually('ticker', async () => {
          const t = await other.ex.watchTicker(UNIFIED, { name: 'ticker' });
          return { e: t.info.e, last: t.last, vwap: t.vwap, change: t.change, percentage: t.percentage, baseVolume: t.baseVolume, open: t.open, high: t.high, low: t.low };
        }, async () => {
          const r = await ticker24h();
          return { e: '24hrTicker', last: Number(r.lastPrice), vwap: Number(r.weightedAvgPrice), change: Number(r.priceChange), percentage: Number(r.priceChangePercent), baseVolume: Number(r.baseVolume), open: Number(r.openPrice), high: Number(r.highPrice), low: Number(r.lowPrice) };
        });
        await assertSubscribed(other, ['btcusd_perp@ticker']);
        nearMark(full.vwap, Number((await premium()).markPrice));
      } finally {
        await other.ex.close();
      }
    } finally {
      await ex.close();
    }
  });

  it('watchTrades: <symbol>@trade gives exactly the trades REST /dapi/v1/trades lists for a market order', { timeout: T }, async () => {
    const pro = await ccxtPro();
    const { ex } = pro;
    try {
      const pending = ex.watchTrades(UNIFIED);
      await assertSubscribed(pro, ['btcusd_perp@trade']);
      const before = await lastTradeId();
      const o = await trade();
      await pending;
      // every trade of the order, in ccxt's trade cache (watchTrades hands on only what arrived since the last call)
      const got = await eventually('the trades', () => Array.from(ex.trades[UNIFIED], (t) => ({ id: t.id, symbol: t.symbol, price: t.price, amount: t.amount, side: t.side, timestamp: t.timestamp })), async () => {
        const list = (await rest('/dapi/v1/trades', { symbol: SYMBOL, limit: 100 })).filter((t) => t.id > before);
        return list.map((t) => ({ id: String(t.id), symbol: UNIFIED, price: Number(t.price), amount: Number(t.qty), side: t.isBuyerMaker ? 'sell' : 'buy', timestamp: t.time }));
      });
      assert.ok(got.length >= 1);
      // the taker's side and size: A's market order, filled at the prices the stream shows
      assert.ok(got.every((t) => t.side === o.side.toLowerCase()));
      assert.equal(got.reduce((s, t) => s + t.amount, 0), QTY);
      const { markPrice } = await premium();
      for (const t of got) nearMark(t.price, Number(markPrice));
    } finally {
      await ex.close();
    }
  });

  it('watchOHLCV: <symbol>@kline_1m; the last candle equals REST /dapi/v1/klines (volume in contracts)', { timeout: T }, async () => {
    await trade(); // a bar to start from
    const pro = await ccxtPro();
    const { ex } = pro;
    try {
      const first = await ex.watchOHLCV(UNIFIED, '1m');
      await assertSubscribed(pro, ['btcusd_perp@kline_1m']);
      assert.ok(first.length >= 1);
      await trade();
      // the stream sends a bar when it changed: read ccxt's candle cache, which each event updates
      const candle = await eventually('the last 1m candle', () => ex.ohlcvs[UNIFIED]['1m'].at(-1), async () => {
        const [k] = await rest('/dapi/v1/klines', { symbol: SYMBOL, interval: '1m', limit: 1 });
        return [k[0], Number(k[1]), Number(k[2]), Number(k[3]), Number(k[4]), Number(k[5])];
      });
      const [, open, high, low, close, volume] = candle;
      assert.ok(high >= Math.max(open, close) && low <= Math.min(open, close) && volume >= QTY, JSON.stringify(candle));
      nearMark(close, Number((await premium()).markPrice));
    } finally {
      await ex.close();
    }
  });

  it('watchMarkPrice: <symbol>@markPrice@1s, the mark and index of /dapi/v1/premiumIndex', { timeout: T }, async () => {
    const pro = await ccxtPro();
    const { ex } = pro;
    try {
      const t = await ex.watchMarkPrice(UNIFIED);
      await assertSubscribed(pro, ['btcusd_perp@markPrice@1s']);
      assert.equal(t.symbol, UNIFIED);
      assert.equal(t.info.e, 'markPriceUpdate');
      // one tick of the market moves the mark by a few hundredths of a percent at most
      const p = await premium();
      nearMark(t.markPrice, Number(p.markPrice), 0.2);
      nearMark(t.indexPrice, Number(p.indexPrice), 0.2);
      assert.equal(t.info.r, p.lastFundingRate);
      assert.equal(t.info.T, p.nextFundingTime);
      const next = await ex.watchMarkPrice(UNIFIED);
      assert.ok(next.timestamp - t.timestamp >= 900 && next.timestamp - t.timestamp <= 1500, `${next.timestamp - t.timestamp} ms between two @1s updates`);
    } finally {
      await ex.close();
    }
  });
});

// ---- the binance package ----

describe('binance package: WebsocketClient.subscribe(names, "coinm") on wsUrl + /stream', () => {
  const logged = [];
  const logger = { trace: () => {}, info: () => {}, error: (...a) => logged.push(a) };
  const client = new WebsocketClient({ wsUrl: WS, beautify: true }, logger);
  const STREAMS = [
    'btcusd_perp@depth@100ms',
    'btcusd_perp@depth5@100ms',
    'btcusd_perp@bookTicker',
    'btcusd_perp@aggTrade',
    'btcusd_perp@markPrice@1s',
    'btcusd@markPrice@1s',
    'btcusd@indexPrice@1s',
    'btcusd_perp@kline_1m',
  ];
  /** Raw events by stream name, in arrival order; formatted ones likewise. */
  const raw = {};
  const formatted = {};
  const opened = new Inbox();
  const responses = new Inbox();
  client.on('open', (e) => opened.push(e));
  client.on('response', (e) => responses.push(e));
  client.on('message', (m) => {
    const name = Array.isArray(m) ? m[0].streamName : m.streamName;
    (raw[name] ??= []).push(m);
  });
  client.on('formattedMessage', (m) => {
    const name = Array.isArray(m) ? m[0].streamName : m.streamName;
    (formatted[name] ??= []).push(m);
  });
  const waitFor = async (what, test, ms = 5000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = test();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
      await sleep(20);
    }
  };

  after(() => client.closeAll(false));

  it('one socket on wsUrl + /stream, one SUBSCRIBE with every name, answered {result: null, id}', { timeout: T }, async () => {
    await client.subscribe(STREAMS, 'coinm');
    const open = await opened.next('open');
    assert.equal(open.wsKey, 'coinm');
    assert.equal(open.wsUrl, `${WS}/stream`);
    const r = await responses.next('SUBSCRIBE response');
    assert.equal(r.wsKey, 'coinm');
    assert.equal(r.result, null);
    assert.deepEqual(r.request, { method: 'SUBSCRIBE', params: STREAMS, id: r.id });
    assert.ok(Number.isSafeInteger(r.id));
    await opened.quiet(0);
  });

  it('diff depth: every event follows the one before (pu = previous u), and a local book kept from REST + diffs equals REST depth', { timeout: 2 * T }, async () => {
    const name = 'btcusd_perp@depth@100ms';
    await waitFor('diff depth event', () => raw[name]?.length >= 1);
    const snap = await depth();
    const book = { bids: new Map(snap.bids.map(([p, q]) => [p, q])), asks: new Map(snap.asks.map(([p, q]) => [p, q])) };
    let at = snap.lastUpdateId;
    let applied = 0;
    let matches = 0;
    let previous;
    let next = 0; // the first event not looked at yet
    const start = Date.now();
    for (let round = 0; matches < 3 || Date.now() - start < 2500; round++) {
      assert.ok(round < 60, `only ${matches} of 60 rounds matched REST depth`);
      if (round % 2 === 0) await trade();
      const target = await depth();
      await waitFor(`diff reaching ${target.lastUpdateId}`, () => raw[name].at(-1).u >= target.lastUpdateId, 3000);
      for (const e of raw[name].slice(next)) {
        next++;
        assert.equal(e.e, 'depthUpdate');
        assert.equal(e.s, SYMBOL);
        assert.equal(e.ps, PAIR);
        assert.ok(e.U <= e.u && e.pu < e.U, `U ${e.U} u ${e.u} pu ${e.pu}`);
        if (previous !== undefined) assert.equal(e.pu, previous, 'pu is the u of the event before');
        previous = e.u;
        if (e.u < at) continue; // before the snapshot
        if (applied === 0) assert.ok(e.U <= at + 1 && e.u >= at, `the first event applied spans the snapshot's ${at}: ${e.U}..${e.u}`);
        for (const [p, q] of e.b) q === '0' ? book.bids.delete(p) : book.bids.set(p, q);
        for (const [p, q] of e.a) q === '0' ? book.asks.delete(p) : book.asks.set(p, q);
        at = e.u;
        applied++;
      }
      if (at !== target.lastUpdateId) continue;
      const side = (m, dir) => [...m].sort((x, y) => dir * (Number(x[0]) - Number(y[0])));
      assert.deepEqual(side(book.bids, -1), target.bids);
      assert.deepEqual(side(book.asks, 1), target.asks);
      matches++;
    }
    // the beautified form of the same event: U, u and pu under the package's names
    const f = formatted[name].at(-1);
    assert.equal(f.eventType, 'depthUpdate');
    assert.equal(f.symbol, SYMBOL);
    assert.ok(f.firstUpdateId <= f.lastUpdateId && f.finalUpdateId < f.firstUpdateId, JSON.stringify(f).slice(0, 200));
  });

  it('depth5@100ms and bookTicker: at the same update id as REST, the top 5 levels and the best bid / ask', { timeout: T }, async () => {
    const top = await eventually('depth5 at REST\'s update id', async () => {
      const e = raw['btcusd_perp@depth5@100ms']?.at(-1);
      return e && { u: e.u, bids: e.b, asks: e.a };
    }, async () => {
      const d = await depth(5);
      return { u: d.lastUpdateId, bids: d.bids, asks: d.asks };
    });
    assert.equal(top.bids.length, 5);
    for (const e of raw['btcusd_perp@depth5@100ms']) {
      assert.equal(e.s, SYMBOL);
      assert.ok(e.U <= e.u, `depth5 event with U ${e.U} > u ${e.u}`);
    }
    const best = await eventually('bookTicker at REST\'s update id', async () => {
      const e = raw['btcusd_perp@bookTicker']?.at(-1);
      return e && { u: e.u, s: e.s, ps: e.ps, b: e.b, B: e.B, a: e.a, A: e.A, T: e.T };
    }, async () => {
      const [t] = await rest('/dapi/v1/ticker/bookTicker', { symbol: SYMBOL });
      return { u: t.lastUpdateId, s: t.symbol, ps: t.pair, b: t.bidPrice, B: t.bidQty, a: t.askPrice, A: t.askQty, T: t.time };
    });
    assert.ok(Number(best.b) < Number(best.a));
    nearMark(Number(best.b), Number((await premium()).markPrice));
    const f = formatted['btcusd_perp@bookTicker'].at(-1);
    assert.equal(f.eventType, 'bookTicker');
    assert.equal(typeof f.bidPrice, 'number');
  });

  it('aggTrade: a market order arrives as the aggregate trades REST /dapi/v1/aggTrades lists', { timeout: T }, async () => {
    const name = 'btcusd_perp@aggTrade';
    raw[name] = [];
    const [lastAgg] = await rest('/dapi/v1/aggTrades', { symbol: SYMBOL, limit: 1 });
    const o = await trade();
    const expected = (await rest('/dapi/v1/aggTrades', { symbol: SYMBOL, fromId: (lastAgg?.a ?? 0) + 1 }));
    assert.ok(expected.length >= 1);
    await waitFor('aggTrade events', () => raw[name].length >= expected.length);
    assert.deepEqual(
      raw[name].map((e) => ({ a: e.a, p: e.p, q: e.q, f: e.f, l: e.l, T: e.T, m: e.m, s: e.s })),
      expected.map((t) => ({ ...t, s: SYMBOL })),
    );
    assert.equal(raw[name].reduce((s, e) => s + Number(e.q), 0), QTY);
    assert.ok(raw[name].every((e) => e.m === (o.side === 'SELL')), 'the taker is A');
    const { markPrice } = await premium();
    for (const e of raw[name]) nearMark(Number(e.p), Number(markPrice));
    const f = formatted[name].at(-1);
    assert.equal(f.eventType, 'aggTrade');
    assert.equal(f.price, Number(raw[name].at(-1).p));
  });

  it('markPrice@1s (symbol and pair) and indexPrice@1s: the prices of /dapi/v1/premiumIndex', { timeout: T }, async () => {
    await waitFor('pair mark price', () => raw['btcusd@markPrice@1s']?.length >= 1 && raw['btcusd@indexPrice@1s']?.length >= 1);
    const rows = await rest('/dapi/v1/premiumIndex', { pair: PAIR });
    const mark = raw['btcusd_perp@markPrice@1s'].at(-1);
    const p = rows.find((r) => r.symbol === SYMBOL);
    assert.equal(mark.e, 'markPriceUpdate');
    assert.equal(mark.s, SYMBOL);
    nearMark(Number(mark.p), Number(p.markPrice), 0.2);
    nearMark(Number(mark.i), Number(p.indexPrice), 0.2);
    assert.equal(mark.r, p.lastFundingRate);
    assert.equal(mark.T, p.nextFundingTime);
    // the pair's stream: one array with every contract of the pair, as premiumIndex?pair= lists them
    const arr = raw['btcusd@markPrice@1s'].at(-1);
    assert.ok(Array.isArray(arr));
    assert.deepEqual(arr.map((m) => m.s), rows.map((r) => r.symbol));
    arr.forEach((m, i) => {
      assert.equal(m.e, 'markPriceUpdate');
      nearMark(Number(m.p), Number(rows[i].markPrice), 0.2);
      assert.equal(m.r, rows[i].lastFundingRate);
    });
    const index = raw['btcusd@indexPrice@1s'].at(-1);
    assert.equal(index.e, 'indexPriceUpdate');
    assert.equal(index.i, PAIR);
    nearMark(Number(index.p), Number(p.indexPrice), 0.2);
    const f = formatted['btcusd_perp@markPrice@1s'].at(-1);
    assert.equal(f.eventType, 'markPriceUpdate');
    assert.equal(f.markPrice, Number(mark.p));
  });

  it('kline_1m: the current bar equals REST /dapi/v1/klines after a trade', { timeout: T }, async () => {
    await trade();
    const k = await eventually('kline', async () => {
      const e = raw['btcusd_perp@kline_1m']?.at(-1)?.k;
      return e && [e.t, e.o, e.h, e.l, e.c, e.v, e.T, e.q, e.n, e.V, e.Q];
    }, async () => (await rest('/dapi/v1/klines', { symbol: SYMBOL, interval: '1m', limit: 1 }))[0].slice(0, 11));
    nearMark(Number(k[4]), Number((await premium()).markPrice));
    const e = raw['btcusd_perp@kline_1m'].at(-1);
    assert.equal(e.e, 'kline');
    assert.equal(e.s, SYMBOL);
    assert.equal(e.k.s, SYMBOL);
    assert.equal(e.k.i, '1m');
    assert.equal(e.k.x, false);
    assert.deepEqual(logged, []);
  });
});

describe('binance package: the deprecated WebsocketClientV1, one socket per stream on wsUrl + /ws/<stream>', () => {
  it('subscribeMarkPrice and subscribePartialBookDepths for coinm', { timeout: T }, async () => {
    const logged = [];
    const v1 = new WebsocketClientV1({ wsUrl: WS, beautify: true }, { trace: () => {}, info: () => {}, error: (...a) => logged.push(a) });
    const marks = new Inbox();
    const books = new Inbox();
    v1.on('message', (m) => (m.e === 'markPriceUpdate' ? marks : books).push(m));
    try {
      const ws = v1.subscribeMarkPrice(SYMBOL, 'coinm', 1000);
      assert.equal(ws.url, `${WS}/ws/btcusd_perp@markPrice@1s`);
      const book = v1.subscribePartialBookDepths(SYMBOL, 10, 100, 'coinm');
      assert.equal(book.url, `${WS}/ws/btcusd_perp@depth10@100ms`);
      const m = await marks.next('markPriceUpdate');
      assert.equal(m.s, SYMBOL);
      nearMark(Number(m.p), Number((await premium()).markPrice), 0.2);
      const d = await books.next('depth10');
      assert.equal(d.e, 'depthUpdate');
      assert.equal(d.s, SYMBOL);
      assert.equal(d.b.length, 10);
      assert.equal(d.a.length, 10);
      assert.ok(Number(d.b[0][0]) < Number(d.a[0][0]));
      assert.deepEqual(logged, []);
    } finally {
      v1.closeAll(false);
    }
  });
});

// ---- the official connector ----

describe('official connector: no market-stream methods; its generic stream calls on the sandbox', () => {
  it('WebsocketStreamsConnection has userData() and the generic calls only', () => {
    const { WebsocketStreamsConnection } = DerivativesTradingPortfolioMarginWebsocketStreams;
    assert.deepEqual(Object.getOwnPropertyNames(WebsocketStreamsConnection.prototype).sort(),
      ['constructor', 'disconnect', 'isConnected', 'isSubscribed', 'off', 'on', 'pingServer', 'subscribe', 'unsubscribe', 'userData']);
  });

  it('connect({stream}) opens wsURL + /stream?streams=…, subscribe(name, numeric id) adds one; frames wrapped {stream, data}', { timeout: T }, async () => {
    const streams = new DerivativesTradingPortfolioMargin({ configurationWebsocketStreams: { wsURL: WS } }).websocketStreams;
    const conn = await streams.connect({ stream: ['btcusd_perp@bookTicker'] });
    const frames = new Inbox();
    conn.on('message', (text) => frames.push(JSON.parse(text)));
    try {
      await trade(); // the best price changes: bookTicker reports changes
      const first = await frames.next('bookTicker frame');
      assert.deepEqual(Object.keys(first), ['stream', 'data']);
      assert.equal(first.stream, 'btcusd_perp@bookTicker');
      assert.equal(first.data.e, 'bookTicker');
      assert.equal(first.data.s, SYMBOL);
      conn.subscribe('btcusd_perp@aggTrade', 7);
      let reply;
      while (!reply) {
        const f = await frames.next('SUBSCRIBE reply');
        if (!('stream' in f)) reply = f;
      }
      assert.deepEqual(reply, { result: null, id: 7 });
      assert.ok(conn.isSubscribed('btcusd_perp@aggTrade'));
      await trade();
      let agg;
      while (!agg) {
        const f = await frames.next('aggTrade frame');
        if (f.stream === 'btcusd_perp@aggTrade') agg = f.data;
      }
      assert.equal(agg.e, 'aggTrade');
      assert.equal(agg.s, SYMBOL);
      nearMark(Number(agg.p), Number((await premium()).markPrice));
    } finally {
      await conn.disconnect();
    }
  });
});
