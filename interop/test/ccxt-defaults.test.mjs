// Interop: ccxt's `binance` exchange (pinned in package.json) with its DEFAULT options: only every
// urls.api entry re-pointed at the sandbox. loadMarkets then calls, besides GET /dapi/v1/exchangeInfo,
// the other hosts' routes (sapi coin list and margin pairs, spot and USD-M exchangeInfo) that the
// sandbox answers as Binance would for a Portfolio Margin account trading COIN-M only.
// Unified order methods take `portfolioMargin: true` per call (clients.md) to reach /papi/v1/cm/*.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ccxt from 'ccxt';
import { SYMBOL, T, serverEnv, isSafeOrderId, acquireServerLock } from '../lib/common.mjs';

const env = serverEnv();
const BASE = env.baseUrl;
const UNIFIED = 'BTC/USD:BTC';
const PM = { portfolioMargin: true };
const PX = 11020;

/** ccxt exactly as constructed by default, plus a log of the requests it sends (method and path). */
function defaultExchange({ apiKey, apiSecret }) {
  const ex = new ccxt.binance({ apiKey, secret: apiSecret });
  for (const k of Object.keys(ex.urls.api)) ex.urls.api[k] = ex.urls.api[k].replace(/^https?:\/\/[^/]+/, BASE);
  ex.sent = [];
  const fetch = ex.fetch.bind(ex);
  ex.fetch = (url, method, headers, body) => {
    ex.sent.push(`${method} ${new URL(url).pathname}`);
    return fetch(url, method, headers, body);
  };
  return ex;
}

describe('ccxt binance with default options (only urls re-pointed)', () => {
  let release;
  const U = defaultExchange(env.a);

  before(
    async () => {
      release = await acquireServerLock(BASE);
      await U.papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
    },
    { timeout: 130_000 },
  );

  after(async () => {
    try {
      await U.papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
    } finally {
      release?.();
    }
  });

  it('loadMarkets calls the other hosts and maps BTCUSD_PERP to an inverse swap with contractSize 100', { timeout: T }, async () => {
    U.sent.length = 0;
    const markets = await U.loadMarkets();
    assert.deepEqual([...U.sent].sort(), [
      'GET /api/v3/exchangeInfo',
      'GET /dapi/v1/exchangeInfo',
      'GET /fapi/v1/exchangeInfo',
      'GET /sapi/v1/capital/config/getall',
      'GET /sapi/v1/margin/allPairs',
      'GET /sapi/v1/margin/allPairs',
      'GET /sapi/v1/margin/isolated/allPairs',
    ]);
    const m = markets[UNIFIED];
    assert.ok(m, `market ${UNIFIED} missing; got ${Object.keys(markets).join(', ')}`);
    assert.equal(m.id, SYMBOL);
    assert.equal(m.inverse, true);
    assert.equal(m.swap, true);
    assert.equal(m.contractSize, 100);
    assert.equal(m.settle, 'BTC');
    assert.ok(Object.values(markets).every((x) => x.inverse), 'only COIN-M markets are listed');

    for (const code of ['BTC', 'ETH', 'USDT']) {
      const c = U.currencies[code];
      assert.ok(c, `currency ${code} missing; got ${Object.keys(U.currencies).join(', ')}`);
      assert.equal(c.type, 'crypto');
      assert.equal(c.active, true);
      assert.equal(typeof c.info.free, 'string');
    }
    assert.equal(U.currencies.BTC.networks.BTC.id, 'BTC');
    assert.equal(U.currencies.BTC.networks.BTC.precision, 1e-8);
    assert.deepEqual(U.options.crossMarginPairsData, []);
    assert.deepEqual(U.options.isolatedMarginPairsData, []);
  });

  it('unified createOrder / cancelOrder round trip on /papi/v1/cm/order', { timeout: T }, async () => {
    await U.loadMarkets();
    U.sent.length = 0;
    const o = await U.createOrder(UNIFIED, 'limit', 'buy', 1, PX, PM);
    assert.equal(typeof o.id, 'string');
    assert.ok(isSafeOrderId(Number(o.id)));
    assert.equal(o.status, 'open');
    assert.equal(o.symbol, UNIFIED);
    assert.equal(o.price, PX);
    assert.equal(o.amount, 1);
    assert.match(o.clientOrderId, /^x-xcKtGhcu/);

    const c = await U.cancelOrder(o.id, UNIFIED, PM);
    assert.equal(c.id, o.id);
    assert.equal(c.status, 'canceled');
    assert.equal(c.clientOrderId, o.clientOrderId);
    assert.deepEqual(U.sent, ['POST /papi/v1/cm/order', 'DELETE /papi/v1/cm/order']);
  });
});
