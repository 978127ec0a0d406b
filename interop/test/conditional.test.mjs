// Interop: CM conditional (strategy) orders with the official connector
// @binance/derivatives-trading-portfolio-margin, unmodified: newCmConditionalOrder and the six other
// /papi/v1/cm/conditional/* methods. Its stops sit far above any price the sandbox quotes, so nothing
// triggers whatever the market does.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DerivativesTradingPortfolioMargin, BadRequestError } from '@binance/derivatives-trading-portfolio-margin';
import { SYMBOL, UNKNOWN_ORDER, T, serverEnv, newClientId, acquireServerLock } from '../lib/common.mjs';

const env = serverEnv();
const A = new DerivativesTradingPortfolioMargin({
  configurationRestAPI: { apiKey: env.a.apiKey, apiSecret: env.a.apiSecret, basePath: env.baseUrl },
}).restAPI;

async function call(method, params) {
  return (await A[method](params)).data();
}

const cancelAll = () => call('cancelAllCmOpenConditionalOrders', { symbol: SYMBOL });

describe('official connector: CM conditional orders', () => {
  let release;

  before(async () => {
    release = await acquireServerLock(env.baseUrl);
    await cancelAll();
  }, { timeout: 130_000 });

  after(async () => {
    try {
      await cancelAll();
    } finally {
      release?.();
    }
  });

  it('places a STOP_MARKET, finds it open, cancels it and finds it in the history', { timeout: T }, async () => {
    const id = newClientId('cond');
    const placed = await call('newCmConditionalOrder', {
      symbol: SYMBOL, side: 'BUY', strategyType: 'STOP_MARKET', quantity: 1, stopPrice: 4000000,
      workingType: 'MARK_PRICE', newClientStrategyId: id,
    });
    assert.equal(placed.newClientStrategyId, id);
    assert.equal(typeof placed.strategyId, 'number');
    assert.equal(placed.strategyStatus, 'NEW');
    assert.equal(placed.strategyType, 'STOP_MARKET');
    assert.equal(placed.stopPrice, '4000000');
    assert.equal(placed.workingType, 'MARK_PRICE');
    assert.equal(placed.priceProtect, false);

    const open = await call('queryCurrentCmOpenConditionalOrder', { symbol: SYMBOL, strategyId: placed.strategyId });
    assert.equal(open.strategyId, placed.strategyId);
    assert.equal(open.strategyStatus, 'NEW');
    const list = await call('queryAllCurrentCmOpenConditionalOrders', { symbol: SYMBOL });
    assert.deepEqual(list.map((s) => s.strategyId), [placed.strategyId]);

    const canceled = await call('cancelCmConditionalOrder', { symbol: SYMBOL, newClientStrategyId: id });
    assert.equal(canceled.strategyId, placed.strategyId);
    assert.equal(canceled.strategyStatus, 'CANCELED');
    await assert.rejects(call('cancelCmConditionalOrder', { symbol: SYMBOL, strategyId: placed.strategyId }), (err) => {
      assert.ok(err instanceof BadRequestError, `${err?.name}: ${err?.message}`);
      assert.equal(err.code, UNKNOWN_ORDER.code);
      assert.equal(err.message, UNKNOWN_ORDER.msg);
      return true;
    });

    const history = await call('queryCmConditionalOrderHistory', { symbol: SYMBOL, strategyId: placed.strategyId });
    assert.equal(history.strategyStatus, 'CANCELLED');
    assert.equal(history.orderId, 0);
    const all = await call('queryAllCmConditionalOrders', { symbol: SYMBOL, strategyId: placed.strategyId });
    assert.equal(all[0].strategyId, placed.strategyId);
  });

  it('places a TRAILING_STOP_MARKET with its activation price and rate, and cancels all', { timeout: T }, async () => {
    const placed = await call('newCmConditionalOrder', {
      symbol: SYMBOL, side: 'BUY', strategyType: 'TRAILING_STOP_MARKET', quantity: 1, activationPrice: 1000,
      callbackRate: 0.5, workingType: 'MARK_PRICE',
    });
    assert.equal(placed.activatePrice, '1000');
    assert.equal(placed.priceRate, '0.5');
    const done = await cancelAll();
    assert.deepEqual(done, { code: '200', msg: 'The operation of cancel all conditional open order is done.' });
    assert.deepEqual(await call('queryAllCurrentCmOpenConditionalOrders', { symbol: SYMBOL }), []);
  });
});
