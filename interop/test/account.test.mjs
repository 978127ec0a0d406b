// Interop: the account methods of all three clients, unmodified, after a cross between the two accounts:
// ccxt's unified fetchBalance / fetchPositions / fetchMyTrades / fetchOrders / setLeverage, the official
// connector's account, balance, positions, leverage, trade list, force orders and ADL quantile, and the binance
// package's.
// B rests SELL 3 @ 40000, A buys 3 at market: A is long 3 @ 40000 (taker 0.0004 × 0.0075 = 0.000003 BTC).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ccxt from 'ccxt';
import { DerivativesTradingPortfolioMargin } from '@binance/derivatives-trading-portfolio-margin';
import { PortfolioClient } from 'binance';
import { SYMBOL, T, serverEnv, acquireServerLock } from '../lib/common.mjs';

const env = serverEnv();
const UNIFIED = 'BTC/USD:BTC';
const PRICE = 40000;

function ccxtClient({ apiKey, apiSecret }) {
  const ex = new ccxt.binance({
    apiKey,
    secret: apiSecret,
    timeout: 10000,
    enableRateLimit: false,
    // defaultSubType: ccxt 4.5.84's fetchPositions picks the bracket endpoint by subType before it looks
    // at the symbols, and defaults to linear (papi/v1/um/leverageBracket); a per-call {subType} would be
    // forwarded to the server as a parameter (docs/decisions.md "Clients").
    options: {
      portfolioMargin: true,
      defaultType: 'delivery',
      defaultSubType: 'inverse',
      fetchMarkets: { types: ['inverse'] },
      fetchCurrencies: false,
    },
  });
  for (const k of Object.keys(ex.urls.api)) ex.urls.api[k] = ex.urls.api[k].replace(/^https?:\/\/[^/]+/, env.baseUrl);
  return ex;
}

const official = new DerivativesTradingPortfolioMargin({
  configurationRestAPI: { apiKey: env.a.apiKey, apiSecret: env.a.apiSecret, basePath: env.baseUrl },
}).restAPI;
const pkg = new PortfolioClient({ api_key: env.a.apiKey, api_secret: env.a.apiSecret, baseUrl: env.baseUrl, disableTimeSync: true });
const A = ccxtClient(env.a);
const B = ccxtClient(env.b);
const data = async (p) => (await p).data();

/** A's BTCUSD_PERP position before this file traded (the sandbox is shared with the other files). */
let before0 = 0;

describe('account methods of ccxt, the official connector and the binance package', () => {
  let release;

  before(
    async () => {
      release = await acquireServerLock(env.baseUrl);
      await A.papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
      await B.papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
      const rows = await A.papiGetCmPositionRisk({ pair: 'BTCUSD' });
      before0 = Number(rows.find((r) => r.symbol === SYMBOL).positionAmt);
      await B.papiPostCmOrder({ symbol: SYMBOL, side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: 3, price: PRICE });
      await A.papiPostCmOrder({ symbol: SYMBOL, side: 'BUY', type: 'MARKET', quantity: 3 });
    },
    { timeout: 130_000 },
  );

  after(async () => {
    try {
      await A.papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
      await B.papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
    } finally {
      release?.();
    }
  });

  it('ccxt fetchBalance reads GET /papi/v1/balance: BTC total is the CM wallet', { timeout: T }, async () => {
    const balance = await A.fetchBalance();
    assert.ok(balance.BTC, `no BTC in ${JSON.stringify(balance.info)}`);
    assert.equal(typeof balance.BTC.total, 'number');
    assert.ok(balance.BTC.total > 9 && balance.BTC.total < 11, `BTC total ${balance.BTC.total}`);
    assert.ok(Array.isArray(balance.info));
  });

  it('ccxt fetchPositions loads the brackets, then lists the long with its contracts and entry price', { timeout: T }, async () => {
    const positions = await A.fetchPositions([UNIFIED]);
    const p = positions.find((x) => x.symbol === UNIFIED);
    assert.ok(p, `no ${UNIFIED} in ${JSON.stringify(positions.map((x) => x.info))}`);
    assert.equal(p.contracts, Math.abs(before0 + 3));
    assert.equal(p.side, before0 + 3 > 0 ? 'long' : 'short');
    assert.equal(p.contractSize, 100);
    assert.ok(p.entryPrice > 0);
    assert.equal(p.leverage, 20);
    assert.equal(typeof p.maintenanceMarginPercentage, 'number');
  });

  it('ccxt fetchMyTrades reads userTrades: the fill at 40000 with its taker fee', { timeout: T }, async () => {
    const trades = await A.fetchMyTrades(UNIFIED);
    const t = trades.at(-1);
    assert.equal(t.price, PRICE);
    assert.equal(t.amount, 3);
    assert.equal(t.side, 'buy');
    assert.equal(t.takerOrMaker, 'taker');
    assert.equal(t.fee.currency, 'BTC');
    assert.equal(t.fee.cost, 0.000003);
  });

  it('ccxt fetchOrders reads allOrders: the market order FILLED', { timeout: T }, async () => {
    const orders = await A.fetchOrders(UNIFIED);
    const last = orders.at(-1);
    assert.equal(last.status, 'closed');
    assert.equal(last.type, 'market');
    assert.equal(last.filled, 3);
    assert.equal(last.average, PRICE);
  });

  it('ccxt setLeverage posts cm/leverage', { timeout: T }, async () => {
    const r = await A.setLeverage(25, UNIFIED);
    assert.equal(Number(r.leverage), 25);
    await A.setLeverage(20, UNIFIED);
  });

  it('the official connector: account detail, balance, account information, positions, leverage, trade list', { timeout: 2 * T }, async () => {
    const detail = await data(official.getCmAccountDetail());
    assert.ok(detail.assets.some((x) => x.asset === 'BTC'));
    const row = detail.positions.find((x) => x.symbol === SYMBOL && x.positionSide === 'BOTH');
    assert.equal(row.positionAmt, String(before0 + 3));
    const balance = await data(official.accountBalance());
    assert.ok(Array.isArray(balance) && balance.some((x) => x.asset === 'BTC'));
    const one = await data(official.accountBalance({ asset: 'BTC' }));
    assert.equal(one.asset, 'BTC');
    assert.equal(one.crossMarginAsset, undefined);
    const info = await data(official.accountInformation());
    assert.equal(info.accountStatus, 'NORMAL');
    const risk = await data(official.queryCmPositionInformation({ pair: 'BTCUSD' }));
    assert.equal(risk.find((x) => x.symbol === SYMBOL).positionAmt, String(before0 + 3));
    const lev = await data(official.changeCmInitialLeverage({ symbol: SYMBOL, leverage: 20 }));
    assert.deepEqual(lev, { leverage: 20, maxQty: '50', symbol: SYMBOL });
    const trades = await data(official.cmAccountTradeList({ symbol: SYMBOL }));
    assert.equal(trades.at(-1).price, '40000');
    assert.equal(trades.at(-1).commission, '0.00000300');
    const mode = await data(official.getCmCurrentPositionMode());
    assert.deepEqual(mode, { dualSidePosition: false });
  });

  it('the official connector: force orders (none for a funded account) and the ADL quantile of the long', { timeout: T }, async () => {
    assert.deepEqual(await data(official.queryUsersCmForceOrders({ symbol: SYMBOL })), []);
    assert.deepEqual(await data(official.queryUsersCmForceOrders({ autoCloseType: 'ADL' })), []);
    const adl = await data(official.cmPositionAdlQuantileEstimation({ symbol: SYMBOL }));
    assert.equal(adl.length, 1);
    assert.equal(adl[0].symbol, SYMBOL);
    assert.deepEqual(Object.keys(adl[0].adlQuantile), ['LONG', 'SHORT', 'BOTH']);
    for (const q of Object.values(adl[0].adlQuantile)) assert.ok(Number.isInteger(q) && q >= 0 && q <= 4, `quantile ${q}`);
  });

  it('the binance package: getCMAccount, getBalance, getCMPosition, updateCMLeverage, getCMTrades', { timeout: 2 * T }, async () => {
    const detail = await pkg.getCMAccount();
    assert.ok(detail.positions.some((x) => x.symbol === SYMBOL));
    const balance = await pkg.getBalance();
    assert.ok(balance.some((x) => x.asset === 'BTC'));
    const positions = await pkg.getCMPosition({ pair: 'BTCUSD' });
    assert.equal(positions.find((x) => x.symbol === SYMBOL).positionAmt, String(before0 + 3));
    const lev = await pkg.updateCMLeverage({ symbol: SYMBOL, leverage: 20 });
    assert.equal(lev.leverage, 20);
    const trades = await pkg.getCMTrades({ symbol: SYMBOL });
    assert.equal(trades.at(-1).qty, '3');
    const income = await pkg.getCMIncomeHistory({ symbol: SYMBOL, incomeType: 'COMMISSION' });
    assert.ok(income.length >= 1 && income.every((x) => x.incomeType === 'COMMISSION'));
  });
});
