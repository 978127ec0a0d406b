// Interop: faults injected through the admin API, seen by the official connector, unmodified. It retries GET and
// DELETE on 5xx (three times, @binance/common's shouldRetryRequest): a cancel answered 503 "unknown" although it
// was carried out is retried, and the retry sees -2011, exactly what a bot must be ready for on Binance.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DerivativesTradingPortfolioMargin, BadRequestError, ServerError } from '@binance/derivatives-trading-portfolio-margin';
import { SYMBOL, UNKNOWN_ORDER, T, serverEnv, newClientId, acquireServerLock } from '../lib/common.mjs';

const env = serverEnv();
const token = process.env.PAPI_ADMIN_TOKEN;
const A = new DerivativesTradingPortfolioMargin({
  configurationRestAPI: { apiKey: env.a.apiKey, apiSecret: env.a.apiSecret, basePath: env.baseUrl },
}).restAPI;

async function admin(method, path, body) {
  const r = await fetch(`${env.baseUrl}/sandbox/v1${path}`, {
    method,
    headers: { 'X-Sandbox-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  assert.equal(r.status, 200, JSON.stringify(json));
  return json;
}

const call = async (method, params) => (await A[method](params)).data();

describe('faults seen by the official connector', () => {
  let release;
  before(async () => {
    assert.ok(token, 'PAPI_ADMIN_TOKEN is set');
    release = await acquireServerLock(env.baseUrl);
  });
  after(async () => {
    await admin('POST', '/faults/clear');
    await call('cancelAllCmOpenOrders', { symbol: SYMBOL });
    await release?.();
  });

  it('retries a cancel answered 503 although it was done, and the retry sees -2011', { timeout: T }, async () => {
    const clientId = newClientId('fault');
    const placed = await call('newCmOrder', { symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: 10010, newClientOrderId: clientId });
    await admin('POST', '/faults', { kind: 'UNKNOWN_EXECUTED', target: 'DELETE /papi/v1/cm/order', count: 1 });
    await assert.rejects(call('cancelCmOrder', { symbol: SYMBOL, orderId: placed.orderId }), (err) => {
      assert.ok(err instanceof BadRequestError, `expected BadRequestError, got ${err?.name}: ${err?.message}`);
      assert.equal(err.code, UNKNOWN_ORDER.code);
      assert.equal(err.message, UNKNOWN_ORDER.msg);
      return true;
    });
    const order = await call('queryCmOrder', { symbol: SYMBOL, orderId: placed.orderId });
    assert.equal(order.status, 'CANCELED');
    const faults = await admin('GET', '/faults');
    assert.deepEqual(faults.injected.map((i) => [i.kind, i.method, i.path]).slice(-1), [['UNKNOWN_EXECUTED', 'DELETE', '/papi/v1/cm/order']]);
  });

  it('does not retry a new order answered 503, which was placed all the same', { timeout: T }, async () => {
    const clientId = newClientId('fault');
    await admin('POST', '/faults', { kind: 'UNKNOWN_EXECUTED', target: 'POST /papi/v1/cm/order', count: 1 });
    await assert.rejects(
      call('newCmOrder', { symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: 10011, newClientOrderId: clientId }),
      (err) => {
        assert.ok(err instanceof ServerError, `expected ServerError, got ${err?.name}: ${err?.message}`);
        return true;
      },
    );
    const order = await call('queryCmOrder', { symbol: SYMBOL, origClientOrderId: clientId });
    assert.equal(order.status, 'NEW');
  });

  it('gets through a throttle with its cancels', { timeout: T }, async () => {
    const placed = await call('newCmOrder', { symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: 10012 });
    await admin('POST', '/faults', { kind: 'THROTTLED' });
    await assert.rejects(call('newCmOrder', { symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: 10013 }),
      (err) => err instanceof ServerError);
    const canceled = await call('cancelCmOrder', { symbol: SYMBOL, orderId: placed.orderId });
    assert.equal(canceled.status, 'CANCELED');
    await admin('POST', '/faults/clear');
  });
});
