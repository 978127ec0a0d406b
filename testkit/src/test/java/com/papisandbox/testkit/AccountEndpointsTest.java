package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import org.junit.jupiter.api.Test;

import static com.papisandbox.testkit.E2E.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The PAPI account surface through signed HTTP: shapes, key order and errors. */
class AccountEndpointsTest extends TwoAccounts {
    private final Sandbox sandbox;

    AccountEndpointsTest(Sandbox sandbox) {
        super(sandbox);
        this.sandbox = sandbox;
    }

    @Test
    void rateLimitOrderIsTheOrdersLimitTheSandboxEnforces() {
        PapiClient.Response r = a.signed("GET", "/papi/v1/rateLimit/order", params());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200}]");
        assertWeightHeader(r);
    }

    @Test
    void rateLimitOrderIsSigned() {
        PapiClient.Response unsigned = new PapiClient(sandbox.baseUrl(), null, "x").raw("GET", "/papi/v1/rateLimit/order", "", "", null);
        assertThat(unsigned.status()).isEqualTo(401);
        assertError(a.signed("GET", "/papi/v1/rateLimit/order", params("symbol", "BTCUSD_PERP")), -1104, unread(2, 3));
    }
}
