// Interop: ccxt's `binance` exchange (pinned in package.json), unmodified, configured exactly as
// /work/shared/spec/clients.md records (options block + every urls.api entry re-pointed at the
// sandbox). Implicit papi* methods send one request each (POST params in a form body, the rest in
// the query, timestamp first, recvWindow=10000); unified methods first loadMarkets, which with
// these options is only an unsigned GET /dapi/v1/exchangeInfo.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ccxt from 'ccxt';
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
const BASE = env.baseUrl;
const UNIFIED = 'BTC/USD:BTC';

function exchange({ apiKey, apiSecret }) {
  const ex = new ccxt.binance({
    apiKey,
    secret: apiSecret,
    timeout: 10000,
    enableRateLimit: false,
    options: {
      portfolioMargin: true, // route inverse orders to /papi/v1/cm/* (else /dapi/v1/*)
      defaultType: 'delivery', // = inverse (COIN-M)
      fetchMarkets: { types: ['inverse'] }, // loadMarkets -> only GET /dapi/v1/exchangeInfo
      fetchCurrencies: false, // no GET /sapi/v1/capital/config/getall
      adjustForTimeDifference: false, // (default) no GET /api/v3/time
    },
  });
  for (const k of Object.keys(ex.urls.api)) ex.urls.api[k] = ex.urls.api[k].replace(/^https?:\/\/[^/]+/, BASE);
  return ex;
}

const A = exchange(env.a);
const B = exchange(env.b);

const place = (ex, p) =>
  ex.papiPostCmOrder({ symbol: SYMBOL, type: 'LIMIT', timeInForce: 'GTC', quantity: 1, ...p });
const cancelAll = (ex) => ex.papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
const openOrders = (ex) => ex.papiGetCmOpenOrders({ symbol: SYMBOL });

/** The -2011 error exactly as ccxt surfaces it. */
function isOrderNotFound(err) {
  assert.ok(err instanceof ccxt.OrderNotFound, `expected ccxt.OrderNotFound, got ${err?.constructor?.name}: ${err?.message}`);
  assert.ok(
    err.message.includes(JSON.stringify(UNKNOWN_ORDER)),
    `message ${JSON.stringify(err.message)} lacks ${JSON.stringify(UNKNOWN_ORDER)}`,
  );
  return true;
}

// Prices used by this file, distinct from official-connector.test.mjs. Resting BUYs at 11000..,
// crosses at 25000 (100/25000 = 0.004 BTC per contract, exact in 8 decimals).
const PX = {
  place: 11000,
  query: 11001,
  cancel: 11002,
  clientId: 11003,
  cancelAll: [11004, 11005],
  cross: 25000,
  unified: 11010,
  unifiedClientId: 11011,
  unifiedCancelAll: [11012, 11013],
  modify: [11020, 11020.5],
  unifiedEdit: [11021, 11022.5],
};

describe('ccxt binance (implicit papi* methods)', () => {
  let release;

  before(
    async () => {
      release = await acquireServerLock(BASE);
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

  it('places a LIMIT GTC BUY 1 @ 11000 and gets a NEW order back', { timeout: T }, async () => {
    try {
      const o = await place(A, { side: 'BUY', price: PX.place });
      assertOrderBasics(assert, o, { side: 'BUY', price: '11000' });
      assert.equal(o.status, 'NEW');
      assert.equal(o.executedQty, '0');
      assert.equal(o.cumQty, '0');
      assert.equal(o.cumBase, '0');
      assert.ok(o.clientOrderId.length > 0, 'server must generate a clientOrderId');
    } finally {
      await cancelAll(A);
    }
  });

  it('queries the order: GET order NEW, GET openOrder an object, GET openOrders an array with it', { timeout: T }, async () => {
    try {
      const placed = await place(A, { side: 'BUY', price: PX.query });
      const id = placed.orderId;

      const q = await A.papiGetCmOrder({ symbol: SYMBOL, orderId: id });
      assertOrderBasics(assert, q, { side: 'BUY', price: '11001' });
      assert.equal(q.orderId, id);
      assert.equal(q.clientOrderId, placed.clientOrderId);
      assert.equal(q.status, 'NEW');
      assert.equal(q.executedQty, '0');
      assert.equal(q.origType, 'LIMIT');
      assert.equal(typeof q.time, 'number');

      const oo = await A.papiGetCmOpenOrder({ symbol: SYMBOL, orderId: id });
      assert.ok(!Array.isArray(oo), `openOrder must be an object, got ${JSON.stringify(oo)}`);
      assertOrderBasics(assert, oo, { side: 'BUY', price: '11001' });
      assert.equal(oo.orderId, id);
      assert.equal(oo.status, 'NEW');

      const list = await openOrders(A);
      assert.ok(Array.isArray(list), `openOrders must be an array, got ${JSON.stringify(list)}`);
      const mine = list.filter((x) => x.orderId === id);
      assert.equal(mine.length, 1);
      assert.equal(mine[0].status, 'NEW');
      assert.equal(mine[0].price, '11001');
    } finally {
      await cancelAll(A);
    }
  });

  it('cancels by orderId (CANCELED), a second cancel throws OrderNotFound -2011', { timeout: T }, async () => {
    try {
      const placed = await place(A, { side: 'BUY', price: PX.cancel });
      const id = placed.orderId;

      const c = await A.papiDeleteCmOrder({ symbol: SYMBOL, orderId: id });
      assertOrderBasics(assert, c, { side: 'BUY', price: '11002' });
      assert.equal(c.orderId, id);
      assert.equal(c.clientOrderId, placed.clientOrderId);
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.executedQty, '0');
      assert.equal(c.cumQty, '0');

      await assert.rejects(A.papiDeleteCmOrder({ symbol: SYMBOL, orderId: id }), isOrderNotFound);

      const q = await A.papiGetCmOrder({ symbol: SYMBOL, orderId: id });
      assert.equal(q.status, 'CANCELED');
      const list = await openOrders(A);
      assert.ok(!list.some((x) => x.orderId === id), 'cancelled order still listed in openOrders');
    } finally {
      await cancelAll(A);
    }
  });

  it('places with newClientOrderId and cancels by origClientOrderId', { timeout: T }, async () => {
    try {
      const cid = newClientId('ccxt');
      const placed = await place(A, { side: 'BUY', price: PX.clientId, newClientOrderId: cid });
      assert.equal(placed.clientOrderId, cid);
      assert.equal(placed.status, 'NEW');

      const q = await A.papiGetCmOrder({ symbol: SYMBOL, origClientOrderId: cid });
      assert.equal(q.orderId, placed.orderId);
      assert.equal(q.status, 'NEW');

      const c = await A.papiDeleteCmOrder({ symbol: SYMBOL, origClientOrderId: cid });
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.orderId, placed.orderId);
      assert.equal(c.clientOrderId, cid);

      await assert.rejects(A.papiDeleteCmOrder({ symbol: SYMBOL, origClientOrderId: cid }), isOrderNotFound);
    } finally {
      await cancelAll(A);
    }
  });

  it('modifies with papiPutCmOrder (form body) and reads it back with papiGetCmOrderAmendment', { timeout: T }, async () => {
    try {
      const placed = await place(A, { side: 'BUY', price: PX.modify[0] });
      const m = await A.papiPutCmOrder({ symbol: SYMBOL, orderId: placed.orderId, side: 'BUY', quantity: 2, price: PX.modify[1] });
      assert.deepEqual(Object.keys(m), ['orderId', 'symbol', 'pair', 'status', 'clientOrderId', 'price', 'avgPrice',
        'origQty', 'executedQty', 'cumQty', 'cumBase', 'timeInForce', 'type', 'reduceOnly', 'side', 'positionSide',
        'origType', 'updateTime']);
      assert.equal(m.orderId, placed.orderId);
      assert.equal(m.status, 'NEW');
      assert.equal(m.price, '11020.5');
      assert.equal(m.origQty, '2');

      const rows = await A.papiGetCmOrderAmendment({ symbol: SYMBOL, orderId: placed.orderId });
      assert.equal(rows.length, 1);
      assert.equal(rows[0].orderId, placed.orderId);
      assert.equal(typeof rows[0].amendmentId, 'number');
      assert.deepEqual(rows[0].amendment, {
        price: { before: '11020', after: '11020.5' },
        origQty: { before: '1', after: '2' },
        count: 1,
      });
    } finally {
      await cancelAll(A);
    }
  });

  it('cancels all open orders on the symbol, then openOrders is empty', { timeout: T }, async () => {
    const o1 = await place(A, { side: 'BUY', price: PX.cancelAll[0] });
    const o2 = await place(A, { side: 'BUY', price: PX.cancelAll[1] });
    const listed = await openOrders(A);
    assert.deepEqual(
      listed.map((x) => x.orderId).sort((x, y) => x - y),
      [o1.orderId, o2.orderId].sort((x, y) => x - y),
    );

    const res = await cancelAll(A);
    assert.deepEqual(res, { code: 200, msg: CANCEL_ALL_MSG });

    assert.deepEqual(await openOrders(A), []);
    await assert.rejects(A.papiDeleteCmOrder({ symbol: SYMBOL, orderId: o2.orderId }), isOrderNotFound);
    assert.deepEqual(await cancelAll(A), { code: 200, msg: CANCEL_ALL_MSG });
  });

  it('crosses two accounts: taker FILLED, maker PARTIALLY_FILLED, maker cancel keeps executedQty', { timeout: 2 * T }, async () => {
    try {
      const maker = await place(B, { side: 'SELL', quantity: 2, price: PX.cross });
      assert.ok(isSafeOrderId(maker.orderId));
      assert.equal(maker.status, 'NEW');
      assert.equal(maker.origQty, '2');

      const taker = await place(A, { side: 'BUY', quantity: 1, price: PX.cross, newOrderRespType: 'RESULT' });
      assertOrderBasics(assert, taker, { side: 'BUY', price: '25000' });
      assert.equal(taker.status, 'FILLED');
      assert.equal(taker.executedQty, '1');
      assert.equal(taker.cumQty, '1');
      assert.equal(Number(taker.avgPrice), PX.cross);
      assert.equal(taker.cumBase, btcCumBase(1, PX.cross));

      const m = await B.papiGetCmOrder({ symbol: SYMBOL, orderId: maker.orderId });
      assert.equal(m.status, 'PARTIALLY_FILLED');
      assert.equal(m.executedQty, '1');
      assert.equal(m.origQty, '2');
      assert.equal(Number(m.avgPrice), PX.cross);

      const mOpen = await B.papiGetCmOpenOrder({ symbol: SYMBOL, orderId: maker.orderId });
      assert.equal(mOpen.status, 'PARTIALLY_FILLED');
      assert.equal(mOpen.executedQty, '1');

      const c = await B.papiDeleteCmOrder({ symbol: SYMBOL, orderId: maker.orderId });
      assertOrderBasics(assert, c, { side: 'SELL', price: '25000', origQty: '2' });
      assert.equal(c.orderId, maker.orderId);
      assert.equal(c.status, 'CANCELED');
      assert.equal(c.executedQty, '1');
      assert.equal(c.cumQty, '1');
      assert.equal(c.cumBase, btcCumBase(1, PX.cross));
      assert.equal(Number(c.avgPrice), PX.cross);

      await assert.rejects(A.papiDeleteCmOrder({ symbol: SYMBOL, orderId: taker.orderId }), isOrderNotFound);
      const t = await A.papiGetCmOrder({ symbol: SYMBOL, orderId: taker.orderId });
      assert.equal(t.status, 'FILLED');
      assert.equal(t.executedQty, '1');
    } finally {
      await cancelAll(A);
      await cancelAll(B);
    }
  });
});

describe('ccxt binance (unified methods, after loadMarkets -> GET /dapi/v1/exchangeInfo)', () => {
  let release;
  // A separate instance so that its (only) loadMarkets is observed here.
  const U = exchange(env.a);

  before(
    async () => {
      release = await acquireServerLock(BASE);
      await cancelAll(U);
    },
    { timeout: 130_000 },
  );

  after(async () => {
    try {
      await cancelAll(U);
    } finally {
      release?.();
    }
  });

  it('loadMarkets maps BTCUSD_PERP to an inverse swap BTC/USD:BTC with contractSize 100', { timeout: T }, async () => {
    const markets = await U.loadMarkets();
    const m = markets[UNIFIED];
    assert.ok(m, `market ${UNIFIED} missing; got ${Object.keys(markets).join(', ')}`);
    assert.equal(m.id, SYMBOL);
    assert.equal(m.inverse, true);
    assert.equal(m.linear, false);
    assert.equal(m.swap, true);
    assert.equal(m.contract, true);
    assert.equal(m.contractSize, 100);
    assert.equal(m.settle, 'BTC');
    assert.equal(m.active, true);
    assert.equal(m.precision.price, 0.1);
    assert.equal(m.precision.amount, 1);
    assert.equal(m.limits.amount.min, 1);
    assert.equal(m.limits.price.min, 1000);
  });

  it('createOrder / fetchOrder / fetchOpenOrders / cancelOrder / second cancelOrder -> OrderNotFound', { timeout: T }, async () => {
    try {
      const o = await U.createOrder(UNIFIED, 'limit', 'buy', 1, PX.unified);
      assert.equal(typeof o.id, 'string');
      assert.ok(isSafeOrderId(Number(o.id)));
      assert.equal(o.status, 'open');
      assert.equal(o.symbol, UNIFIED);
      assert.equal(o.type, 'limit');
      assert.equal(o.side, 'buy');
      assert.equal(o.price, PX.unified);
      assert.equal(o.amount, 1);
      assert.equal(o.filled, 0);
      assert.match(o.clientOrderId, /^x-xcKtGhcu/); // ccxt's broker id, 32 chars

      const f = await U.fetchOrder(o.id, UNIFIED);
      assert.equal(f.id, o.id);
      assert.equal(f.status, 'open');
      assert.equal(f.clientOrderId, o.clientOrderId);

      const open = await U.fetchOpenOrders(UNIFIED);
      assert.deepEqual(open.map((x) => x.id), [o.id]);

      const c = await U.cancelOrder(o.id, UNIFIED);
      assert.equal(c.id, o.id);
      assert.equal(c.status, 'canceled');

      await assert.rejects(U.cancelOrder(o.id, UNIFIED), isOrderNotFound);
      assert.deepEqual(await U.fetchOpenOrders(UNIFIED), []);
    } finally {
      await cancelAll(U);
    }
  });

  it('createOrder with clientOrderId, cancelOrder by clientOrderId', { timeout: T }, async () => {
    try {
      const cid = newClientId('ccxtu');
      const o = await U.createOrder(UNIFIED, 'limit', 'buy', 1, PX.unifiedClientId, { clientOrderId: cid });
      assert.equal(o.clientOrderId, cid);
      assert.equal(o.status, 'open');

      const c = await U.cancelOrder(undefined, UNIFIED, { clientOrderId: cid });
      assert.equal(c.id, o.id);
      assert.equal(c.clientOrderId, cid);
      assert.equal(c.status, 'canceled');
    } finally {
      await cancelAll(U);
    }
  });

  it('editOrder re-prices and resizes an open order through PUT /papi/v1/cm/order', { timeout: T }, async () => {
    try {
      const o = await U.createOrder(UNIFIED, 'limit', 'buy', 1, PX.unifiedEdit[0]);
      const e = await U.editOrder(o.id, UNIFIED, 'limit', 'buy', 3, PX.unifiedEdit[1]);
      assert.equal(e.id, o.id);
      assert.equal(e.clientOrderId, o.clientOrderId);
      assert.equal(e.status, 'open');
      assert.equal(e.price, PX.unifiedEdit[1]);
      assert.equal(e.amount, 3);
      assert.equal(e.filled, 0);

      const f = await U.fetchOrder(o.id, UNIFIED);
      assert.equal(f.price, PX.unifiedEdit[1]);
      assert.equal(f.amount, 3);

      // By client order id: ccxt 4.5.84 turns `clientOrderId` into origClientOrderId but also sends the
      // `clientOrderId` param itself (editContractOrder extends the request with the caller's params), which
      // is -1104 here; `origClientOrderId` in params is sent once.
      await assert.rejects(
        U.editOrder(undefined, UNIFIED, 'limit', 'buy', 2, PX.unifiedEdit[1], { clientOrderId: o.clientOrderId }),
        (err) => err instanceof ccxt.BadRequest && err.message.includes('-1104'),
      );
      const byCid = await U.editOrder(undefined, UNIFIED, 'limit', 'buy', 2, PX.unifiedEdit[1], { origClientOrderId: o.clientOrderId });
      assert.equal(byCid.id, o.id);
      assert.equal(byCid.amount, 2);
    } finally {
      await cancelAll(U);
    }
  });

  it('cancelAllOrders empties the book for the symbol', { timeout: T }, async () => {
    await U.createOrder(UNIFIED, 'limit', 'buy', 1, PX.unifiedCancelAll[0]);
    await U.createOrder(UNIFIED, 'limit', 'buy', 1, PX.unifiedCancelAll[1]);
    assert.equal((await U.fetchOpenOrders(UNIFIED)).length, 2);
    await U.cancelAllOrders(UNIFIED);
    assert.deepEqual(await U.fetchOpenOrders(UNIFIED), []);
  });
});
