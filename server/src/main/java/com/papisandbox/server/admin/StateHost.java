package com.papisandbox.server.admin;

/**
 * What a reset or restore must redo around the engine, which only the running sandbox knows: stop the market
 * before the state is replaced; afterwards, the API keys of the new state's accounts, no stream connection or
 * listen key of the old one, the configured accounts again (reset) and the market restarted.
 */
public interface StateHost {
    /** Returns whatever {@link #after} needs to put things back. */
    Object before();

    void after(boolean reset, Object before);
}
