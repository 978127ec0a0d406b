package com.papisandbox.server.admin;

import com.papisandbox.engine.Command;
import com.papisandbox.server.SandboxClock;
import com.papisandbox.server.market.MarketControl;

/**
 * The admin API's clock: freeze, advance, run. An advance lets everything due in the skipped time happen
 * before it returns: funding and deliveries (an engine tick), the market's move to the new time. Streams'
 * expiries and keepalives follow within their one-second sweep.
 */
final class ClockTasks {
    /** Ten years: far beyond any test, far below overflow. */
    static final long MAX_ADVANCE_MILLIS = 10L * 366 * 24 * 3_600_000;

    private final SandboxClock clock;
    private final EngineCalls engine;
    private final MarketControl market;

    ClockTasks(SandboxClock clock, EngineCalls engine, MarketControl market) {
        this.clock = clock;
        this.engine = engine;
        this.market = market;
    }

    SandboxAdmin.ClockInfo info() {
        return new SandboxAdmin.ClockInfo(clock.getAsLong(), clock.frozen());
    }

    SandboxAdmin.ClockInfo freeze() {
        clock.freeze();
        return info();
    }

    SandboxAdmin.ClockInfo run() {
        clock.run();
        return info();
    }

    SandboxAdmin.ClockInfo advance(long millis) {
        if (millis <= 0 || millis > MAX_ADVANCE_MILLIS) throw AdminException.badRequest("millis must be 1.." + MAX_ADVANCE_MILLIS);
        clock.advance(millis);
        engine.submit(new Command.Tick());
        market.catchUp();
        return info();
    }
}
