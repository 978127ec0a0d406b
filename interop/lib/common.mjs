// Shared helpers for the interop tests. Nothing in here talks to the server: each test file
// configures its own real client exactly as /work/shared/spec/clients.md records it.
import { createHash, randomBytes } from 'node:crypto';
import { openSync, closeSync, writeSync, readFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const SYMBOL = 'BTCUSD_PERP';
export const PAIR = 'BTCUSD';
export const CANCEL_ALL_MSG = 'The operation of cancel all open order is done.';
export const UNKNOWN_ORDER = { code: -2011, msg: 'Unknown order sent.' };
/** Per-test timeout (ms). The official connector alone may spend ~1 s per retried GET/DELETE. */
export const T = 5000;

function required(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(`environment variable ${name} is not set (see interop/README.md)`);
  }
  return v;
}

/** Server and the two funded HMAC accounts, from the environment. */
export function serverEnv() {
  return {
    baseUrl: required('PAPI_BASE_URL').replace(/\/+$/, ''),
    a: { apiKey: required('PAPI_KEY_A'), apiSecret: required('PAPI_SECRET_A') },
    b: { apiKey: required('PAPI_KEY_B'), apiSecret: required('PAPI_SECRET_B') },
  };
}

/**
 * A fresh client order id matching ^[\.A-Z\:/a-z0-9_-]{1,32}$ (also the range for which the
 * official connector's signing and URL encoding agree, see clients.md).
 */
export function newClientId(prefix) {
  const id = `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  if (!/^[.A-Z:/a-z0-9_-]{1,32}$/.test(id)) throw new Error(`bad client id ${id}`);
  return id;
}

/** orderId must be a JSON number that JSON.parse keeps exact (below 2^53). */
export function isSafeOrderId(id) {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

/**
 * Test files share the server and both accounts (cancel-all wipes every resting order of an
 * account on the symbol, and a cross takes the best opposite price), so files must not run at the
 * same time. `node --test` runs files in parallel on machines with more than two cores; this
 * cross-process lock (one per base URL) serialises them whatever the concurrency.
 */
export async function acquireServerLock(baseUrl, { waitMs = 120_000 } = {}) {
  const name = createHash('sha256').update(baseUrl).digest('hex').slice(0, 16);
  const path = join(tmpdir(), `papi-sandbox-interop-${name}.lock`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    // Break the lock of a holder that died without releasing it.
    try {
      const holder = Number(readFileSync(path, 'utf8'));
      if (holder > 0 && !processAlive(holder)) unlinkSync(path);
    } catch {
      // raced with the holder's release; retry
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${path}`);
    await sleep(50);
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Assertions on the PAPI CM order fields shared by place / query / openOrder / cancel. */
export function assertOrderBasics(assert, o, { side, price, origQty = '1', type = 'LIMIT' }) {
  assert.equal(typeof o, 'object');
  assert.ok(o !== null && !Array.isArray(o), `expected an order object, got ${JSON.stringify(o)}`);
  assert.ok(isSafeOrderId(o.orderId), `orderId ${o.orderId} (${typeof o.orderId}) is not a safe number`);
  assert.equal(o.symbol, SYMBOL);
  assert.equal(o.pair, PAIR);
  assert.equal(o.side, side);
  assert.equal(o.type, type);
  assert.equal(o.origQty, origQty);
  assert.equal(o.price, price);
  assert.equal(typeof o.clientOrderId, 'string');
  assert.match(o.clientOrderId, /^[.A-Z:/a-z0-9_-]{1,32}$/);
  assert.equal(o.reduceOnly, false);
  assert.equal(o.positionSide, 'BOTH');
  assert.equal(o.timeInForce, 'GTC');
  assert.equal(typeof o.updateTime, 'number');
}

/** 100 USD contracts: cumBase = qty * 100 / price, 8 decimals kept (papi-cm.md §11). */
export function btcCumBase(qty, price) {
  return ((qty * 100) / price).toFixed(8);
}

/**
 * The messages a stream client hands to its callback, in arrival order. `next()` takes the oldest one not
 * taken yet (waiting up to `ms` for it), so a test asserts the exact sequence of events; `quiet()` asserts
 * that nothing else arrives.
 */
export class Inbox {
  constructor() {
    this.items = [];
    this.waiter = undefined;
  }

  push(message) {
    this.items.push(message);
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w();
    }
  }

  async next(what, ms = 3000) {
    const deadline = Date.now() + ms;
    while (this.items.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${ms} ms`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.items.shift();
  }

  async quiet(ms = 300) {
    await sleep(ms);
    if (this.items.length > 0) throw new Error(`unexpected messages: ${JSON.stringify(this.items)}`);
  }
}
