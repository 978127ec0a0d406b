package com.papisandbox.server.account;

import com.papisandbox.server.Endpoint;

import java.util.List;

/** The PAPI account surface: CM account, positions, settings, income, and portfolio-level reads. */
public final class AccountEndpoints {
    private AccountEndpoints() {
    }

    public static List<Endpoint<?>> all() {
        return List.of(new CmAccountEndpoint(), new PositionRiskEndpoint(), new LeverageEndpoint(),
                new PositionModeEndpoints.Change(), new PositionModeEndpoints.Current(), new LeverageBracketEndpoint(),
                new CommissionRateEndpoint(), new IncomeEndpoint(), new BalanceEndpoint(), new PortfolioAccountEndpoint(),
                new RateLimitEndpoint());
    }
}
