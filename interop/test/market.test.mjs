// Interop: ccxt's unified market-data methods and a market order against the live market (this file runs
// against a sandbox with the built-in market on): fetchOrderBook (depth), fetchTicker (24hr ticker),
// createOrder market (filled by the house ladder), fetchTrades (aggTrades), fetchOHLCV (klines),
// fetchMyTrades (userTrades).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ccxt from 'ccxt';
import { T, serverEnv } from '../lib/common.mjs';

const env = serverEnv();
const UNIFIED = 'BTC/USD:BTC';

const ex = new ccxt.binance({
  apiKey: env.a.apiKey,
  secret: env.a.apiSecret,
  timeout: 10000,
  enableRateLimit: false,
  options: { portfolioMargin: true, defaultType: 'delivery', fetchMarkets: { types: ['inverse'] }, fetchCurrencies: false },
});
for (const k of Object.keys(ex.urls.api)) ex.urls.api[k] = ex.urls.api[k].replace(/^https?:\/\/[^/]+/, env.baseUrl);

describe('ccxt against the live market', () => {
  it('fetchOrderBook: both sides at least 20 levels deep, bids below asks', { timeout: T }, async () => {
    const book = await ex.fetchOrderBook(UNIFIED, 50);
    assert.ok(book.bids.length >= 20 && book.asks.length >= 20, `${book.bids.length} bids, ${book.asks.length} asks`);
    assert.ok(book.bids[0][0] < book.asks[0][0]);
    assert.equal(typeof book.nonce, 'number');
  });

  it('fetchTicker: bid, ask and mark-side numbers', { timeout: T }, async () => {
    const t = await ex.fetchTicker(UNIFIED);
    assert.equal(t.symbol, UNIFIED);
    assert.equal(typeof t.timestamp, 'number');
  });

  it('createOrder market BUY 1000 fills at once against the market, then fetchMyTrades sees the fills', { timeout: 2 * T }, async () => {
    const o = await ex.createOrder(UNIFIED, 'market', 'buy', 1000, undefined, { newOrderRespType: 'RESULT' });
    assert.equal(o.status, 'closed');
    assert.equal(o.filled, 1000);
    assert.ok(o.average > 0);
    const mine = await ex.fetchMyTrades(UNIFIED);
    assert.equal(mine.filter((x) => x.order === o.id).reduce((s, x) => s + x.amount, 0), 1000);
    const sell = await ex.createOrder(UNIFIED, 'market', 'sell', 1000, undefined, { reduceOnly: true, newOrderRespType: 'RESULT' });
    assert.equal(sell.status, 'closed');
  });

  it('fetchTrades (aggTrades) and fetchOHLCV (klines) show the market order', { timeout: T }, async () => {
    const trades = await ex.fetchTrades(UNIFIED);
    assert.ok(trades.length >= 1);
    assert.ok(trades.every((x) => x.price > 0 && x.amount > 0));
    const candles = await ex.fetchOHLCV(UNIFIED, '1m');
    assert.ok(candles.length >= 1);
    const [time, open, high, low, close, volume] = candles.at(-1);
    // for inverse contracts ccxt reads the coin volume (the kline's baseAssetVolume), not contracts
    assert.ok(time > 0 && high >= low && open > 0 && close > 0 && volume > 0, JSON.stringify(candles.at(-1)));
  });
});
