package com.papisandbox.server.admin;

import com.papisandbox.engine.Reject;
import com.papisandbox.engine.Result;

/** What the admin API says when the engine refuses one of its commands. */
final class AdminTasks {
    private AdminTasks() {
    }

    static AdminException refused(Result result) {
        if (!(result instanceof Result.Rejected rejected)) return new AdminException(500, "UNEXPECTED", "unexpected engine result " + result);
        Reject reason = rejected.reason();
        return switch (reason) {
            case UNKNOWN_ACCOUNT -> AdminException.notFound("UNKNOWN_ACCOUNT", "no such account");
            case UNKNOWN_SYMBOL -> AdminException.notFound("UNKNOWN_SYMBOL", "no contract of that symbol is trading");
            case UNKNOWN_ASSET -> AdminException.badRequest("not a margin asset of any contract");
            case MARGIN_INSUFFICIENT -> AdminException.conflict("MARGIN_INSUFFICIENT", "the account would be left short of margin");
            case INVALID_VALUE -> AdminException.badRequest("value out of range");
            default -> new AdminException(409, reason.name(), "the engine refused: " + reason.name());
        };
    }
}
