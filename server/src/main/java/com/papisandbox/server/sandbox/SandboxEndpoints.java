package com.papisandbox.server.sandbox;

import com.papisandbox.server.Endpoint;

import java.util.List;

/** Sandbox-only endpoints, under their own prefix {@code /sandbox/v1}, never mixed into Binance's paths. */
public final class SandboxEndpoints {
    private SandboxEndpoints() {
    }

    public static List<Endpoint<?>> all() {
        return List.of(new StateHashEndpoint());
    }
}
