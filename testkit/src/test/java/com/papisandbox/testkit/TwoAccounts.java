package com.papisandbox.testkit;

import com.papisandbox.server.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the end-to-end tests that trade with the sandbox's two accounts; leaves no order resting. */
@ExtendWith(SandboxExtension.class)
abstract class TwoAccounts {
    protected final PapiClient a;
    protected final PapiClient b;

    TwoAccounts(Sandbox sandbox) {
        a = SandboxExtension.clientA(sandbox);
        b = SandboxExtension.clientB(sandbox);
    }

    @AfterEach
    void cancelEverythingLeft() {
        E2E.cancelEverything(a);
        E2E.cancelEverything(b);
    }
}
