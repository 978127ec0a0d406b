package com.papisandbox.server;

import com.papisandbox.engine.Account;
import com.papisandbox.engine.Command;
import com.papisandbox.server.admin.AdminException;
import com.papisandbox.server.admin.StateHost;
import com.papisandbox.server.market.HouseAccount;
import com.papisandbox.server.market.MarketControl;
import com.papisandbox.server.stream.ListenKeys;
import com.papisandbox.server.stream.MarketStreams;
import com.papisandbox.server.stream.UserStreams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A reset or restore seen from the running sandbox: what stops before the state is replaced and what follows it. */
final class SandboxStateHost implements StateHost {
    private final EngineThread engine;
    private final ApiKeys apiKeys;
    private final ListenKeys listenKeys;
    private final UserStreams userStreams;
    private final MarketStreams marketStreams;
    private final MarketControl market;
    /** The accounts the sandbox was started with (or its demo account): what a reset opens again. */
    private final List<AccountSpec> startAccounts;

    SandboxStateHost(EngineThread engine, ApiKeys apiKeys, ListenKeys listenKeys, UserStreams userStreams,
                     MarketStreams marketStreams, MarketControl market, List<AccountSpec> startAccounts) {
        this.engine = engine;
        this.apiKeys = apiKeys;
        this.listenKeys = listenKeys;
        this.userStreams = userStreams;
        this.marketStreams = marketStreams;
        this.market = market;
        this.startAccounts = List.copyOf(startAccounts);
    }

    @Override
    public Object before() {
        return market.suspend();
    }

    @Override
    public void after(boolean reset, Object before) {
        try {
            if (reset) {
                for (AccountSpec spec : startAccounts) {
                    engine.submit(new Command.OpenAccount(spec.apiKey(), spec.credential(), spec.balances())).get(30, TimeUnit.SECONDS);
                }
            }
            Map<String, ApiKeys.Entry> keys = engine.read(e -> {
                Map<String, ApiKeys.Entry> all = new HashMap<>();
                for (Account account : e.accounts()) {
                    if (HouseAccount.reserved(account.apiKey())) continue;
                    all.put(account.apiKey(), new ApiKeys.Entry(account.accountId(), Credential.parse(account.credential())));
                }
                return all;
            }).get(30, TimeUnit.SECONDS);
            apiKeys.replaceAll(keys);
            listenKeys.clear();
            userStreams.dropAll("state replaced");
            marketStreams.dropAll("state replaced");
            market.restart(reset, (MarketControl.State) before);
        } catch (Exception e) {
            throw new AdminException(503, "ENGINE_UNAVAILABLE", "the state was replaced, but the sandbox could not follow: " + e);
        }
    }

}
