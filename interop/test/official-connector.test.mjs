// Interop: the official Binance connector @binance/derivatives-trading-portfolio-margin (pinned in
// package.json), unmodified, configured exactly as /work/shared/spec/clients.md records:
//   new DerivativesTradingPortfolioMargin({ configurationRestAPI: { apiKey, apiSecret, basePath } }).restAPI
// All its params go in the query string; it has a 1000 ms timeout and retries GET/DELETE on 5xx.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DerivativesTradingPortfolioMargin,
  BadRequestError,
} from '@binance/derivatives-trading-portfolio-margin';
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

function restApi({ apiKey, apiSecret }) {
  return new DerivativesTradingPortfolioMargin({
    configurationRestAPI: { apiKey, apiSecret, basePath: env.baseUrl },
  }).restAPI;
}

const A = restApi(env.a);
const B = restApi(env.b);

/** The connector's documented way to get the body: `await (await api.method(params)).data()`. */
async function call(api, method, params) {
  return (await api[method](params)).data();
}

const place = (api, p) =>
  call(api, 'newCmOrder', { symbol: SYMBOL, type: 'LIMIT', timeInForce: 'GTC', quantity: 1, ...p });
const cancelAll = (api) => call(api, 'cancelAllCmOpenOrders', { symbol: SYMBOL });
const openOrders = (api) => call(api, 'queryAllCurrentCmOpenOrders', { symbol: SYMBOL });

/** The -2011 error exactly as this connector surfaces an HTTP 400 {"code":-2011,...}. */
function isUnknownOrder(err) {
  assert.ok(err instanceof BadRequestError, `expected BadRequestError, got ${err?.name}: ${err?.message}`);
  assert.equal(err.name, 'BadRequestError');
  assert.equal(err.code, UNKNOWN_ORDER.code);
  assert.equal(err.message, UNKNOWN_ORDER.msg);
  return true;
}

// Prices used by this file (BTCUSD_PERP tick 0.1). Resting BUYs sit at 10000..10009, far below
// the crosses (20000..), so no test can trade against another test's leftovers.
const PX = {
  place: 10000,
  query: 10001,
  cancel: 10002,
  clientId: 10003,
  cancelAll: [10004, 10005],
  cross: 20000,
};

describe('official connector @binance/derivatives-trading-portfolio-margin', () => {
  let release;

  before(
    async () => {
      release = await acquireServerLock(env.baseUrl);
      // Start from an empty book for both accounts (the data dir may be reused between runs).
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

  it('places a LIMIT GTC BUY 1 @ 10000 and gets a NEW order back', { timeout: T }, async () => {
    try {
      const o = await place(A, { side: 'BUY', price: PX.place });
      assertOrderBasics(assert, o, { side: 'BUY', price: '10000' });
      assert.equal(o.status, 'NEW');
      assert.equal(o.executedQty, '0');
      assert.equal(o.cumQty, '0');
      assert.equal(o.cumBase, '0');
      // The connector sends no newClientOrderId: the server must generate one.
      assert.ok(o.clientOrderId.length > 0);
    } finally {
      await cancelAll(A);
    }
  });

  it('queries the order: GET order NEW, GET openOrder an object, GET openOrders an array with it', { timeout: T }, async () => {
    try {
      const placed = await place(A, { side: 'BUY', price: PX.query });
      const id = placed.orderId;

      const q = await call(A, 'queryCmOrder', { symbol: SYMBOL, orderId: id });
      assertOrderBasics(assert, q, { side: 'BUY', price: '10001' });
      assert.equal(q.orderId, id);
      assert.equal(q.clientOrderId, placed.clientOrderId);
      assert.equal(q.status, 'NEW');
      assert.equal(q.executedQty, '0');
      assert.equal(q.origType, 'LIMIT');
      assert.equal(typeof q.time, 'number');

      const oo = await call(A, 'queryCurrentCmOpenOrder', { symbol: SYMBOL, orderId: id });
      assert.ok(!Array.isArray(oo), `openOrder must be an object, got ${JSON.stringify(oo)}`);
      assertOrderBasics(assert, oo, { side: 'BUY', price: '10001' });
      assert.equal(oo.orderId, id);
      assert.equal(oo.status, 'NEW');

      const list = await openOrders(A);
      assert.ok(Array.isArray(list), `openOrders must be an array, got ${JSON.stringify(list)}`);
      const mine = list.filter((x) => x.orderId === id);
      assert.equal(mine.length, 1);
      assert.equal(mine[0].status, 'NEW');
      assert.equal(mine[0].price, '10001');
    } finally {
      await cancelAll(A);
    }
  });

  it('cancels by orderId (CANCELED), a second cancel is -2011 Unknown order sent.', { timeout: T }, async () => {
    try {
      const placed = await place(A, { side: 'BUY', price: PX.cancel });
      const id = placed.orderId;

      const c = await call(A, 'cancelCmOrder', { symbol: SYMBOL, orderId: id });
      assertOrderBasics(assert, c, { side: 'BUY', price: '10002' });
      assert.equal(c.orderId, id);
      assert.equal(c.clientOrderId, placed.clientOrderId);
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.executedQty, '0');
      assert.equal(c.cumQty, '0');

      await assert.rejects(call(A, 'cancelCmOrder', { symbol: SYMBOL, orderId: id }), isUnknownOrder);

      // Still queryable after the cancel, no longer open.
      const q = await call(A, 'queryCmOrder', { symbol: SYMBOL, orderId: id });
      assert.equal(q.status, 'CANCELED');
      const list = await openOrders(A);
      assert.ok(!list.some((x) => x.orderId === id), 'cancelled order still listed in openOrders');
    } finally {
      await cancelAll(A);
    }
  });

  it('places with newClientOrderId and cancels by origClientOrderId', { timeout: T }, async () => {
    try {
      const cid = newClientId('off');
      const placed = await place(A, { side: 'BUY', price: PX.clientId, newClientOrderId: cid });
      assert.equal(placed.clientOrderId, cid);
      assert.equal(placed.status, 'NEW');

      const q = await call(A, 'queryCmOrder', { symbol: SYMBOL, origClientOrderId: cid });
      assert.equal(q.orderId, placed.orderId);
      assert.equal(q.status, 'NEW');

      const c = await call(A, 'cancelCmOrder', { symbol: SYMBOL, origClientOrderId: cid });
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.orderId, placed.orderId);
      assert.equal(c.clientOrderId, cid);

      await assert.rejects(call(A, 'cancelCmOrder', { symbol: SYMBOL, origClientOrderId: cid }), isUnknownOrder);
    } finally {
      await cancelAll(A);
    }
  });

  it('cancels all open orders on the symbol, then openOrders is empty', { timeout: T }, async () => {
    const [o1, o2] = [
      await place(A, { side: 'BUY', price: PX.cancelAll[0] }),
      await place(A, { side: 'BUY', price: PX.cancelAll[1] }),
    ];
    const listed = await openOrders(A);
    assert.deepEqual(
      listed.map((x) => x.orderId).sort((x, y) => x - y),
      [o1.orderId, o2.orderId].sort((x, y) => x - y),
    );

    const res = await cancelAll(A);
    assert.deepEqual(res, { code: 200, msg: CANCEL_ALL_MSG });
    assert.equal(typeof res.code, 'number');

    assert.deepEqual(await openOrders(A), []);
    await assert.rejects(call(A, 'cancelCmOrder', { symbol: SYMBOL, orderId: o1.orderId }), isUnknownOrder);

    // Cancel-all with nothing open answers the same way.
    assert.deepEqual(await cancelAll(A), { code: 200, msg: CANCEL_ALL_MSG });
  });

  it('crosses two accounts: taker FILLED, maker PARTIALLY_FILLED, maker cancel keeps executedQty', { timeout: 2 * T }, async () => {
    try {
      const maker = await place(B, { side: 'SELL', quantity: 2, price: PX.cross });
      assert.ok(isSafeOrderId(maker.orderId));
      assert.equal(maker.status, 'NEW');
      assert.equal(maker.origQty, '2');

      const taker = await place(A, { side: 'BUY', quantity: 1, price: PX.cross, newOrderRespType: 'RESULT' });
      assertOrderBasics(assert, taker, { side: 'BUY', price: '20000' });
      assert.equal(taker.status, 'FILLED');
      assert.equal(taker.executedQty, '1');
      assert.equal(taker.cumQty, '1');
      assert.equal(Number(taker.avgPrice), PX.cross);
      assert.equal(taker.cumBase, btcCumBase(1, PX.cross));

      const m = await call(B, 'queryCmOrder', { symbol: SYMBOL, orderId: maker.orderId });
      assert.equal(m.status, 'PARTIALLY_FILLED');
      assert.equal(m.executedQty, '1');
      assert.equal(m.origQty, '2');
      assert.equal(Number(m.avgPrice), PX.cross);

      const mOpen = await call(B, 'queryCurrentCmOpenOrder', { symbol: SYMBOL, orderId: maker.orderId });
      assert.equal(mOpen.status, 'PARTIALLY_FILLED');
      assert.equal(mOpen.executedQty, '1');

      const c = await call(B, 'cancelCmOrder', { symbol: SYMBOL, orderId: maker.orderId });
      assertOrderBasics(assert, c, { side: 'SELL', price: '20000', origQty: '2' });
      assert.equal(c.orderId, maker.orderId);
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.executedQty, '1');
      assert.equal(c.cumQty, '1');
      assert.equal(c.cumBase, btcCumBase(1, PX.cross));
      assert.equal(Number(c.avgPrice), PX.cross);

      // The filled taker order is not cancellable any more: -2011, not -2013.
      await assert.rejects(call(A, 'cancelCmOrder', { symbol: SYMBOL, orderId: taker.orderId }), isUnknownOrder);
      const t = await call(A, 'queryCmOrder', { symbol: SYMBOL, orderId: taker.orderId });
      assert.equal(t.status, 'FILLED');
      assert.equal(t.executedQty, '1');
    } finally {
      await cancelAll(A);
      await cancelAll(B);
    }
  });
});
