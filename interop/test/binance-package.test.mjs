// Interop: tiagosiebler's `binance` package (pinned in package.json), its PortfolioClient unmodified,
// configured exactly as /work/shared/spec/clients.md records:
//   new PortfolioClient({ api_key, api_secret, baseUrl, disableTimeSync: true }, { timeout })
// All params go in the query string; it always sends recvWindow=5000 and a generated
// `x-15PC4ZJy…` newClientOrderId; an error rejects with a plain object {code, message, body, …}.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PortfolioClient } from 'binance';
import {
  SYMBOL,
  CANCEL_ALL_MSG,
  UNKNOWN_ORDER,
  T,
  serverEnv,
  newClientId,
  isSafeOrderId,
  acquireServerLock,
  assertOrderBasics,
  btcCumBase,
} from '../lib/common.mjs';

const env = serverEnv();

function client({ apiKey, apiSecret }) {
  return new PortfolioClient({ api_key: apiKey, api_secret: apiSecret, baseUrl: env.baseUrl, disableTimeSync: true }, { timeout: 4000 });
}

const A = client(env.a);
const B = client(env.b);

const place = (c, p) => c.submitNewCMOrder({ symbol: SYMBOL, type: 'LIMIT', timeInForce: 'GTC', quantity: 1, ...p });
const cancelAll = (c) => c.cancelAllCMOrders({ symbol: SYMBOL });
const openOrders = (c) => c.getAllCMOpenOrders({ symbol: SYMBOL });

/** -2011 exactly as this package rejects: a plain object, not an Error. */
function isUnknownOrder(err) {
  assert.ok(!(err instanceof Error), `expected a plain object, got ${err?.name}: ${err?.message}`);
  assert.equal(err.code, UNKNOWN_ORDER.code);
  assert.equal(err.message, UNKNOWN_ORDER.msg);
  assert.deepEqual(err.body, UNKNOWN_ORDER);
  return true;
}

// Resting BUYs at 11000..11009, far below the crosses (21000..): no test trades against another's leftovers.
const PX = {
  place: 11000,
  query: 11001,
  cancel: 11002,
  clientId: 11003,
  cancelAll: [11004, 11005],
  cross: 21000,
};

describe('binance package PortfolioClient', () => {
  let release;

  before(
    async () => {
      release = await acquireServerLock(env.baseUrl);
      await cancelAll(A);
      await cancelAll(B);
    },
    { timeout: 130_000 },
  );

  after(async () => {
    try {
      await cancelAll(A);
      await cancelAll(B);
    } finally {
      release?.();
    }
  });

  it('places a LIMIT GTC BUY 1 @ 11000 with its generated x-15PC4ZJy client id', { timeout: T }, async () => {
    try {
      const o = await place(A, { side: 'BUY', price: PX.place });
      assertOrderBasics(assert, o, { side: 'BUY', price: '11000' });
      assert.equal(o.status, 'NEW');
      assert.equal(o.executedQty, '0');
      assert.equal(o.cumBase, '0');
      assert.match(o.clientOrderId, /^x-15PC4ZJy[A-Za-z0-9_-]{22}$/);
    } finally {
      await cancelAll(A);
    }
  });

  it('queries the order: getCMOrder NEW, getCMOpenOrder an object, getAllCMOpenOrders an array with it', { timeout: T }, async () => {
    try {
      const placed = await place(A, { side: 'BUY', price: PX.query });
      const q = await A.getCMOrder({ symbol: SYMBOL, orderId: placed.orderId });
      assertOrderBasics(assert, q, { side: 'BUY', price: '11001' });
      assert.equal(q.clientOrderId, placed.clientOrderId);
      assert.equal(q.status, 'NEW');
      assert.equal(typeof q.time, 'number');

      const oo = await A.getCMOpenOrder({ symbol: SYMBOL, orderId: placed.orderId });
      assert.ok(!Array.isArray(oo));
      assert.equal(oo.orderId, placed.orderId);

      const list = await openOrders(A);
      assert.ok(Array.isArray(list));
      assert.equal(list.filter((x) => x.orderId === placed.orderId).length, 1);
    } finally {
      await cancelAll(A);
    }
  });

  it('cancels by orderId (CANCELED, origQty last), a second cancel rejects with -2011', { timeout: T }, async () => {
    try {
      const placed = await place(A, { side: 'BUY', price: PX.cancel });
      const c = await A.cancelCMOrder({ symbol: SYMBOL, orderId: placed.orderId });
      assertOrderBasics(assert, c, { side: 'BUY', price: '11002' });
      assert.equal(c.status, 'CANCELED');
      assert.equal(Object.keys(c).at(-1), 'origQty');
      await assert.rejects(A.cancelCMOrder({ symbol: SYMBOL, orderId: placed.orderId }), isUnknownOrder);
      const q = await A.getCMOrder({ symbol: SYMBOL, orderId: placed.orderId });
      assert.equal(q.status, 'CANCELED');
    } finally {
      await cancelAll(A);
    }
  });

  it('places with newClientOrderId and cancels by origClientOrderId', { timeout: T }, async () => {
    try {
      const cid = newClientId('pkg');
      const placed = await place(A, { side: 'BUY', price: PX.clientId, newClientOrderId: cid });
      assert.equal(placed.clientOrderId, cid);
      const c = await A.cancelCMOrder({ symbol: SYMBOL, origClientOrderId: cid });
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.orderId, placed.orderId);
      await assert.rejects(A.cancelCMOrder({ symbol: SYMBOL, origClientOrderId: cid }), isUnknownOrder);
    } finally {
      await cancelAll(A);
    }
  });

  it('cancels all open orders on the symbol, then getAllCMOpenOrders is empty', { timeout: T }, async () => {
    const o1 = await place(A, { side: 'BUY', price: PX.cancelAll[0] });
    await place(A, { side: 'BUY', price: PX.cancelAll[1] });
    assert.equal((await openOrders(A)).length, 2);
    assert.deepEqual(await cancelAll(A), { code: 200, msg: CANCEL_ALL_MSG });
    assert.deepEqual(await openOrders(A), []);
    await assert.rejects(A.cancelCMOrder({ symbol: SYMBOL, orderId: o1.orderId }), isUnknownOrder);
  });

  it('crosses two accounts: taker FILLED, maker PARTIALLY_FILLED, maker cancel keeps executedQty', { timeout: 2 * T }, async () => {
    try {
      const maker = await place(B, { side: 'SELL', quantity: 2, price: PX.cross });
      assert.ok(isSafeOrderId(maker.orderId));
      const taker = await place(A, { side: 'BUY', quantity: 1, price: PX.cross, newOrderRespType: 'RESULT' });
      assert.equal(taker.status, 'FILLED');
      assert.equal(taker.cumBase, btcCumBase(1, PX.cross));
      const m = await B.getCMOrder({ symbol: SYMBOL, orderId: maker.orderId });
      assert.equal(m.status, 'PARTIALLY_FILLED');
      assert.equal(m.executedQty, '1');
      const c = await B.cancelCMOrder({ symbol: SYMBOL, orderId: maker.orderId });
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.executedQty, '1');
      assert.equal(c.cumBase, btcCumBase(1, PX.cross));
    } finally {
      await cancelAll(A);
      await cancelAll(B);
    }
  });
});
