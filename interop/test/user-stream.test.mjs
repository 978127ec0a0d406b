// Interop: the PM user data stream (POST|PUT|DELETE /papi/v1/listenKey, ws://HOST:PORT/pm/ws/<listenKey>)
// through the three clients, unmodified. What each one does, read from its source in node_modules:
//
// - binance 3.6.5 WebsocketClient.subscribePortfolioMarginUserDataStream(): POST /papi/v1/listenKey
//   through its own PortfolioClient (built from `restOptions`), then connects to
//   getWsUrl(wsKey) + '/pm/ws/' + listenKey, where getWsUrl is `options.wsUrl` when set (else
//   wss://fstream.binance.com); keepalive PUT /papi/v1/listenKey every 50 minutes (fixed);
//   listenKeyExpired respawns the stream with a fresh key. Fully re-pointable: wsUrl + restOptions.baseUrl.
// - ccxt 4.5.84 pro (ccxt.pro.binance, shipped in the ccxt package) with portfolioMargin: watchOrders /
//   watchMyTrades / watchBalance / watchPositions authenticate with POST /papi/v1/listenKey (no params)
//   and open urls.api.ws.papi + '/' + listenKey (wss://fstream.binance.com/pm/ws/<key> by default);
//   keepalive PUT /papi/v1/listenKey (no params) every options.listenKeyRefreshRate (20 min by default).
//   Re-pointable through urls.api.ws.papi; a ws:// url needs `await ex.loadHttpProxyAgent()` first
//   (else NotSupported "to use proxy with non-ssl ws:// urls"). It has no handler for
//   ACCOUNT_CONFIG_UPDATE: the frame reaches handleMessage and is dropped.
// - @binance/derivatives-trading-portfolio-margin 19.0.0: restAPI.startUserDataStream /
//   keepaliveUserDataStream / closeUserDataStream (POST/PUT/DELETE /papi/v1/listenKey, unsigned).
//   Its websocketStreams (configurationWebsocketStreams.wsURL, default wss://fstream.binance.com/pm)
//   speak the combined-stream protocol: connect() opens wsURL + '/stream?streams=', userData(listenKey)
//   sends {"method":"SUBSCRIBE","params":[listenKey],"id":<32 hex>} and hands on only frames wrapped as
//   {"stream":listenKey,"data":event}. The sandbox serves that combined form on /pm/stream as well as
//   /pm/ws/<listenKey>: one test reads the events on a plain `ws` WebSocket on /pm/ws/<key>, another
//   through the connector's own websocketStreams.userData().
//
// Every client places a LIMIT BUY 1 (resting, 12000..12002) and cancels it, and changes the leverage of
// BTCUSD_PERP and sets it back: the stream must carry ORDER_TRADE_UPDATE NEW and CANCELED with the order's
// symbol, orderId and clientOrderId, and ACCOUNT_CONFIG_UPDATE with the new leverage, in that order and
// nothing else. ccxt's account watchers also see a fill: B sells 1 at market into A's BUY 1 @ 50000.
//
// `ws` is the WebSocket package the lockfile installs for @binance/common and binance (not a direct
// dependency of this module).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import ccxt from 'ccxt';
import { DerivativesTradingPortfolioMargin, BadRequestError } from '@binance/derivatives-trading-portfolio-margin';
import { PortfolioClient, WebsocketClient } from 'binance';
import { SYMBOL, T, serverEnv, acquireServerLock, newClientId, isSafeOrderId, Inbox } from '../lib/common.mjs';

const env = serverEnv();
const WS = env.baseUrl.replace(/^http/, 'ws');
const UNIFIED = 'BTC/USD:BTC';
const KEY = /^[A-Za-z0-9]{64}$/;
const PX = { official: 12000, pkg: 12001, ccxt: 12002, fill: 50000 };

// ---- the clients, configured as the other interop files configure them ----

const official = new DerivativesTradingPortfolioMargin({
  configurationRestAPI: { apiKey: env.a.apiKey, apiSecret: env.a.apiSecret, basePath: env.baseUrl },
}).restAPI;
const data = async (p) => (await p).data();

const pkg = new PortfolioClient({ api_key: env.a.apiKey, api_secret: env.a.apiSecret, baseUrl: env.baseUrl, disableTimeSync: true });

const CCXT_OPTIONS = {
  portfolioMargin: true,
  defaultType: 'delivery',
  defaultSubType: 'inverse',
  fetchMarkets: { types: ['inverse'] },
  fetchCurrencies: false,
};

function ccxtRest({ apiKey, apiSecret }) {
  const ex = new ccxt.binance({ apiKey, secret: apiSecret, timeout: 10000, enableRateLimit: false, options: CCXT_OPTIONS });
  for (const k of Object.keys(ex.urls.api)) ex.urls.api[k] = ex.urls.api[k].replace(/^https?:\/\/[^/]+/, env.baseUrl);
  return ex;
}

/**
 * ccxt.pro.binance: the REST urls re-pointed as in the other files (urls.api also holds the `ws` dict
 * now), and urls.api.ws.papi. listenKeyRefreshRate 1500 ms so the keepalive is seen in the test (and the
 * process is not held 20 minutes by its timer); watchPositions.fetchPositionsSnapshot false because
 * the snapshot every watch* spawns is fetchPositions({portfolioMargin: true}), which ccxt 4.5.84 forwards
 * as a parameter to GET /papi/v1/cm/leverageBracket, and the sandbox refuses it (-1104).
 */
function ccxtPro({ apiKey, apiSecret }) {
  const ex = new ccxt.pro.binance({
    apiKey,
    secret: apiSecret,
    timeout: 10000,
    enableRateLimit: false,
    options: { ...CCXT_OPTIONS, listenKeyRefreshRate: 1500, watchPositions: { fetchPositionsSnapshot: false } },
  });
  for (const k of Object.keys(ex.urls.api)) {
    if (typeof ex.urls.api[k] === 'string') ex.urls.api[k] = ex.urls.api[k].replace(/^https?:\/\/[^/]+/, env.baseUrl);
  }
  ex.urls.api.ws.papi = `${WS}/pm/ws`;
  return ex;
}

/** A's BTCUSD_PERP leverage before this file changed it (restored after each client). */
let leverage0;

/** No resting order of either account (other files leave none, but a leftover would trade with A's bid). */
async function cancelAll() {
  await data(official.cancelAllCmOpenOrders({ symbol: SYMBOL }));
  await ccxtRest(env.b).papiDeleteCmAllOpenOrders({ symbol: SYMBOL });
}

/** ACCOUNT_CONFIG_UPDATE of a leverage change, exactly as the sandbox renders it (doc key order). */
function assertConfigUpdate(m, lev) {
  assert.deepEqual(Object.keys(m), ['e', 'fs', 'E', 'T', 'ac']);
  assert.equal(m.e, 'ACCOUNT_CONFIG_UPDATE');
  assert.equal(m.fs, 'CM');
  assert.ok(Number.isSafeInteger(m.E) && m.E === m.T, `E ${m.E} T ${m.T}`);
  assert.deepEqual(m.ac, { s: SYMBOL, l: lev });
}

/** ORDER_TRADE_UPDATE of A's resting LIMIT BUY 1 @ price, raw; b is A's open bid notional after the event. */
function assertOrderUpdate(m, { x, X, orderId, clientOrderId, price, updateTime, b }) {
  assert.equal(m.e, 'ORDER_TRADE_UPDATE');
  assert.equal(m.fs, 'CM');
  assert.equal(m.T, updateTime);
  const o = m.o;
  assert.equal(o.s, SYMBOL);
  assert.equal(o.i, orderId);
  assert.equal(o.c, clientOrderId);
  assert.equal(o.x, x);
  assert.equal(o.X, X);
  assert.equal(o.S, 'BUY');
  assert.equal(o.o, 'LIMIT');
  assert.equal(o.f, 'GTC');
  assert.equal(o.q, '1');
  assert.equal(o.p, String(price));
  assert.equal(o.z, '0');
  assert.equal(o.T, updateTime);
  assert.equal(o.b, b);
  assert.equal(o.a, '0');
}

function openSocket(url) {
  const ws = new WebSocket(url);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('PM user data stream through the three clients', () => {
  let release;

  before(
    async () => {
      release = await acquireServerLock(env.baseUrl);
      await cancelAll();
      const rows = await data(official.queryCmPositionInformation({ pair: 'BTCUSD' }));
      leverage0 = Number(rows.find((r) => r.symbol === SYMBOL && r.positionSide === 'BOTH').leverage);
      assert.ok(leverage0 >= 1 && leverage0 <= 100, `leverage ${leverage0}`);
    },
    { timeout: 130_000 },
  );

  after(async () => {
    try {
      await cancelAll();
      await data(official.changeCmInitialLeverage({ symbol: SYMBOL, leverage: leverage0 }));
    } finally {
      release?.();
    }
  });

  describe('official connector: listen key by its restAPI, events on a plain WebSocket and on its own websocketStreams', () => {
    it('startUserDataStream returns the active key again, keepalive and close answer {}, then -1125', { timeout: 3 * T }, async () => {
      const { listenKey } = await data(official.startUserDataStream());
      assert.match(listenKey, KEY);
      assert.deepEqual(await data(official.startUserDataStream()), { listenKey });
      assert.deepEqual(await data(official.keepaliveUserDataStream()), {});
      assert.deepEqual(await data(official.closeUserDataStream()), {});
      await assert.rejects(official.keepaliveUserDataStream(), (err) => {
        assert.ok(err instanceof BadRequestError, `expected BadRequestError, got ${err?.name}: ${err?.message}`);
        assert.equal(err.code, -1125);
        assert.equal(err.message, 'This listenKey does not exist.');
        return true;
      });
      const fresh = await data(official.startUserDataStream());
      assert.match(fresh.listenKey, KEY);
      assert.notEqual(fresh.listenKey, listenKey);
    });

    it('leverage, place and cancel by the connector: CONFIG, NEW, CANCELED, CONFIG on /pm/ws/<key>', { timeout: 3 * T }, async () => {
      const { listenKey } = await data(official.startUserDataStream());
      const ws = await openSocket(`${WS}/pm/ws/${listenKey}`);
      const inbox = new Inbox();
      ws.on('message', (raw) => inbox.push(JSON.parse(raw.toString())));
      try {
        const lev = leverage0 === 21 ? 22 : 21;
        const changed = await data(official.changeCmInitialLeverage({ symbol: SYMBOL, leverage: lev }));
        assert.equal(changed.leverage, lev);
        assert.equal(changed.symbol, SYMBOL);
        assertConfigUpdate(await inbox.next('ACCOUNT_CONFIG_UPDATE'), lev);

        // 1 × 100 / 12000 BTC on the bid side while it rests (cut to 8 dp), nothing else
        const cid = newClientId('us-off');
        const placed = await data(official.newCmOrder({ symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: PX.official, newClientOrderId: cid }));
        assert.ok(isSafeOrderId(placed.orderId));
        assertOrderUpdate(await inbox.next('NEW'), { x: 'NEW', X: 'NEW', orderId: placed.orderId, clientOrderId: cid, price: PX.official, updateTime: placed.updateTime, b: '0.00833333' });

        const canceled = await data(official.cancelCmOrder({ symbol: SYMBOL, orderId: placed.orderId }));
        assert.equal(canceled.status, 'CANCELED');
        assertOrderUpdate(await inbox.next('CANCELED'), { x: 'CANCELED', X: 'CANCELED', orderId: placed.orderId, clientOrderId: cid, price: PX.official, updateTime: canceled.updateTime, b: '0' });

        await data(official.changeCmInitialLeverage({ symbol: SYMBOL, leverage: leverage0 }));
        assertConfigUpdate(await inbox.next('ACCOUNT_CONFIG_UPDATE'), leverage0);
        await inbox.quiet();
      } finally {
        ws.close();
      }
    });

    it('its own websocketStreams: connect() opens /pm/stream, userData(key) SUBSCRIBEs, events arrive unwrapped to the handler', { timeout: 3 * T }, async () => {
      const { listenKey } = await data(official.startUserDataStream());
      const streams = new DerivativesTradingPortfolioMargin({
        configurationWebsocketStreams: { wsURL: `${WS}/pm` },
      }).websocketStreams;
      const conn = await streams.connect();
      const inbox = new Inbox();
      try {
        conn.userData(listenKey).on('message', (d) => inbox.push(d));
        // userData() sends its SUBSCRIBE without waiting for the reply: give the sandbox a moment to take it
        await new Promise((resolve) => setTimeout(resolve, 500));
        const lev = leverage0 === 24 ? 25 : 24;
        await data(official.changeCmInitialLeverage({ symbol: SYMBOL, leverage: lev }));
        const config = await inbox.next('ACCOUNT_CONFIG_UPDATE');
        assertConfigUpdate(config, lev);
        const cid = newClientId('us-offws');
        const placed = await data(official.newCmOrder({ symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: PX.official, newClientOrderId: cid }));
        assertOrderUpdate(await inbox.next('NEW'), { x: 'NEW', X: 'NEW', orderId: placed.orderId, clientOrderId: cid, price: PX.official, updateTime: placed.updateTime, b: '0.00833333' });
        const canceled = await data(official.cancelCmOrder({ symbol: SYMBOL, orderId: placed.orderId }));
        assertOrderUpdate(await inbox.next('CANCELED'), { x: 'CANCELED', X: 'CANCELED', orderId: placed.orderId, clientOrderId: cid, price: PX.official, updateTime: canceled.updateTime, b: '0' });
        await data(official.changeCmInitialLeverage({ symbol: SYMBOL, leverage: leverage0 }));
        assertConfigUpdate(await inbox.next('ACCOUNT_CONFIG_UPDATE'), leverage0);
        await inbox.quiet();
      } finally {
        await conn.disconnect();
      }
    });
  });

  describe('binance package: WebsocketClient.subscribePortfolioMarginUserDataStream', () => {
    const logged = [];
    const logger = { trace: () => {}, info: () => {}, error: (...a) => logged.push(a) };
    const client = new WebsocketClient(
      { api_key: env.a.apiKey, api_secret: env.a.apiSecret, wsUrl: WS, beautify: true, restOptions: { baseUrl: env.baseUrl, disableTimeSync: true } },
      logger,
    );
    const inbox = new Inbox();
    const closed = new Inbox();
    client.on('formattedUserDataMessage', (m) => inbox.push(m));
    client.on('close', (e) => closed.push(e));
    let listenKey;

    after(() => {
      client.closeAll(true);
      // binance 3.6.5 keeps the 50-minute keepalive interval of a closed user data stream (it clears it
      // only on expiry or respawn), which would hold this process: its own teardown clears it
      if (listenKey) client.getUserDataStreamManager().teardownUserDataListenKey(listenKey);
    });

    it('creates the key through its PortfolioClient and connects to wsUrl + /pm/ws/<key>', { timeout: T }, async () => {
      const { wsKey, ws } = await client.subscribePortfolioMarginUserDataStream();
      // POST answers the account's active key again: the one the client connected with
      ({ listenKey } = await pkg.getPMUserDataListenKey());
      assert.match(listenKey, KEY);
      assert.equal(ws.url, `${WS}/pm/ws/${listenKey}`);
      assert.equal(wsKey, `portfoliom_userData__${listenKey}_portfolioMarginUserData`);
      assert.deepEqual(await pkg.keepAlivePMUserDataListenKey(), {});
    });

    it('leverage, place and cancel by its PortfolioClient: CONFIG, NEW, CANCELED, CONFIG as formattedUserDataMessage', { timeout: 3 * T }, async () => {
      const lev = leverage0 === 22 ? 23 : 22;
      assert.equal((await pkg.updateCMLeverage({ symbol: SYMBOL, leverage: lev })).leverage, lev);
      const config = await inbox.next('ACCOUNT_CONFIG_UPDATE');
      assert.equal(config.eventType, 'ACCOUNT_CONFIG_UPDATE');
      assert.equal(config.fs, 'CM');
      assert.equal(config.wsMarket, 'portfoliom');
      assert.deepEqual(config.assetConfiguration, { symbol: SYMBOL, leverage: lev });

      // no newClientOrderId: the package generates its x-15PC4ZJy… one, which the stream must echo
      const placed = await pkg.submitNewCMOrder({ symbol: SYMBOL, side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: 1, price: PX.pkg });
      assert.ok(isSafeOrderId(placed.orderId));
      assert.match(placed.clientOrderId, /^x-15PC4ZJy/);
      const expected = (executionType, time) => ({
        symbol: SYMBOL, clientOrderId: placed.clientOrderId, orderSide: 'BUY', orderType: 'LIMIT', timeInForce: 'GTC',
        originalQuantity: 1, originalPrice: PX.pkg, executionType, orderStatus: executionType, orderId: placed.orderId,
        lastFilledQuantity: 0, orderFilledAccumulatedQuantity: 0, orderTradeTime: time,
      });
      const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));
      const fresh = await inbox.next('NEW');
      assert.equal(fresh.eventType, 'ORDER_TRADE_UPDATE');
      assert.equal(fresh.fs, 'CM');
      assert.equal(fresh.transactionTime, placed.updateTime);
      const want = expected('NEW', placed.updateTime);
      assert.deepEqual(pick(fresh.order, Object.keys(want)), want);

      const canceled = await pkg.cancelCMOrder({ symbol: SYMBOL, orderId: placed.orderId });
      assert.equal(canceled.status, 'CANCELED');
      const gone = await inbox.next('CANCELED');
      assert.equal(gone.eventType, 'ORDER_TRADE_UPDATE');
      const wantGone = expected('CANCELED', canceled.updateTime);
      assert.deepEqual(pick(gone.order, Object.keys(wantGone)), wantGone);

      await pkg.updateCMLeverage({ symbol: SYMBOL, leverage: leverage0 });
      assert.deepEqual((await inbox.next('ACCOUNT_CONFIG_UPDATE')).assetConfiguration, { symbol: SYMBOL, leverage: leverage0 });
      await inbox.quiet();
      assert.deepEqual(logged, []);
    });

    it('unsubscribePortfolioMarginUserDataStream closes its socket and leaves the key active (no DELETE)', { timeout: T }, async () => {
      await client.unsubscribePortfolioMarginUserDataStream();
      const e = await closed.next('close');
      assert.equal(e.wsKey, `portfoliom_userData__${listenKey}_portfolioMarginUserData`);
      assert.deepEqual(await pkg.keepAlivePMUserDataListenKey(), {});
      assert.deepEqual(await pkg.getPMUserDataListenKey(), { listenKey });
      await closed.quiet();
      assert.deepEqual(logged, []);
    });
  });

  describe('ccxt pro: watchOrders, watchMyTrades, watchBalance, watchPositions (portfolioMargin, inverse)', () => {
    const A = ccxtPro(env.a);
    const B = ccxtRest(env.b);
    // every frame ccxt's socket hands to its handler: ccxt has no unified view of ACCOUNT_CONFIG_UPDATE
    const frames = new Inbox();
    const handleMessage = A.handleMessage;
    A.handleMessage = function (client, message) {
      if (message?.e === 'ACCOUNT_CONFIG_UPDATE') frames.push(message);
      return handleMessage.call(this, client, message);
    };
    // the REST calls ccxt makes for the user stream, as sent
    const streamCalls = [];
    const fetch = A.fetch;
    A.fetch = function (url, method, headers, body) {
      if (url.includes('/papi/v1/listenKey')) streamCalls.push(`${method} ${url.replace(env.baseUrl, '')} ${body ?? ''}`.trim());
      return fetch.call(this, url, method, headers, body);
    };
    let orders; // the pending watchOrders promise

    before(async () => {
      await A.loadHttpProxyAgent();
      await A.loadMarkets();
    });

    after(() => A.close());

    it('watchOrders: POST /papi/v1/listenKey, then urls.api.ws.papi + /<key>; setLeverage gives ACCOUNT_CONFIG_UPDATE on that socket', { timeout: 2 * T }, async () => {
      orders = A.watchOrders(UNIFIED);
      const deadline = Date.now() + T;
      while (A.options.delivery?.listenKey === undefined) {
        assert.ok(Date.now() < deadline, 'ccxt stored no listen key');
        await new Promise((r) => setTimeout(r, 10));
      }
      const listenKey = A.options.delivery.listenKey;
      assert.match(listenKey, KEY);
      assert.deepEqual(streamCalls, ['POST /papi/v1/listenKey']);
      const url = `${WS}/pm/ws/${listenKey}`;
      assert.deepEqual(Object.keys(A.clients).filter((u) => u.startsWith('ws')), [url]);
      await A.clients[url].connected;

      const lev = leverage0 === 23 ? 24 : 23;
      assert.equal(Number((await A.setLeverage(lev, UNIFIED)).leverage), lev);
      assertConfigUpdate(await frames.next('ACCOUNT_CONFIG_UPDATE'), lev);
      await A.setLeverage(leverage0, UNIFIED);
      assertConfigUpdate(await frames.next('ACCOUNT_CONFIG_UPDATE'), leverage0);
    });

    it('watchOrders: createOrder then cancelOrder arrive as the open, then canceled, order', { timeout: 2 * T }, async () => {
      const cid = newClientId('us-ccxt');
      const placed = await A.createOrder(UNIFIED, 'limit', 'buy', 1, PX.ccxt, { clientOrderId: cid });
      const order = (status) => ({
        id: placed.id, clientOrderId: cid, symbol: UNIFIED, type: 'limit', timeInForce: 'GTC', side: 'buy',
        price: PX.ccxt, amount: 1, filled: 0, remaining: 1, status, reduceOnly: false, // ccxt: remaining = amount - filled
      });
      const pick = (o, like) => Object.fromEntries(Object.keys(like).map((k) => [k, o[k]]));
      const fresh = await orders;
      assert.equal(fresh.length, 1);
      assert.deepEqual(pick(fresh[0], order('open')), order('open'));
      assert.equal(fresh[0].info.x, 'NEW');
      assert.equal(fresh[0].timestamp, placed.timestamp);

      const next = A.watchOrders(UNIFIED);
      const canceled = await A.cancelOrder(placed.id, UNIFIED);
      assert.equal(canceled.status, 'canceled');
      const gone = await next;
      assert.equal(gone.length, 1);
      assert.deepEqual(pick(gone[0], order('canceled')), order('canceled'));
      assert.equal(gone[0].info.x, 'CANCELED');
    });

    it('a fill (B sells 1 at market into A\'s BUY 1 @ 50000): watchMyTrades, watchBalance and watchPositions', { timeout: 2 * T }, async () => {
      const trades = A.watchMyTrades(UNIFIED);
      const balance = A.watchBalance();
      const positions = A.watchPositions([UNIFIED]);
      const resting = await A.createOrder(UNIFIED, 'limit', 'buy', 1, PX.fill);
      await B.papiPostCmOrder({ symbol: SYMBOL, side: 'SELL', type: 'MARKET', quantity: 1 });

      // the REST views after the fill, to compare with
      const rest = ccxtRest(env.a);
      const fill = (await rest.papiGetCmUserTrades({ symbol: SYMBOL })).at(-1);
      const wallet = (await rest.papiGetBalance({ asset: 'BTC' })).cmWalletBalance;
      const row = (await rest.papiGetCmPositionRisk({ pair: 'BTCUSD' })).find((r) => r.symbol === SYMBOL);

      const [t] = await trades;
      assert.equal(t.id, String(fill.id));
      assert.equal(t.order, resting.id);
      assert.equal(t.symbol, UNIFIED);
      assert.equal(t.side, 'buy');
      assert.equal(t.price, PX.fill);
      assert.equal(t.amount, 1);
      assert.equal(t.takerOrMaker, 'maker');
      // maker 0.015 % of 1 × 100 / 50000 BTC
      assert.deepEqual(t.fee, { cost: 0.0000003, currency: 'BTC' });
      assert.equal(fill.commission, '0.00000030');

      const b = await balance;
      assert.equal(b.BTC.total, Number(wallet));
      assert.equal(b.info.e, 'ACCOUNT_UPDATE');
      assert.equal(b.info.a.m, 'ORDER');

      const p = (await positions).find((x) => x.symbol === UNIFIED);
      assert.ok(p, 'no BTC/USD:BTC position');
      assert.equal(p.contracts, Math.abs(Number(row.positionAmt)));
      assert.equal(p.side, Number(row.positionAmt) > 0 ? 'long' : 'short');
      assert.equal(p.entryPrice, Number(row.entryPrice));
    });

    it('keeps the key alive with PUT /papi/v1/listenKey (no params) every listenKeyRefreshRate', { timeout: 2 * T }, async () => {
      const before = streamCalls.length;
      const deadline = Date.now() + 4000;
      while (streamCalls.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(streamCalls.slice(before, before + 1), ['PUT /papi/v1/listenKey']);
      assert.equal(streamCalls[0], 'POST /papi/v1/listenKey');
      assert.ok(streamCalls.slice(1).every((c) => c === 'PUT /papi/v1/listenKey'), JSON.stringify(streamCalls));
    });
  });
});
