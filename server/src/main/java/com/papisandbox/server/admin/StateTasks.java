package com.papisandbox.server.admin;

import com.papisandbox.engine.Command;
import com.papisandbox.engine.EngineSnapshot;
import com.papisandbox.engine.Result;
import com.papisandbox.journal.Journal;
import com.papisandbox.journal.JournalException;
import com.papisandbox.journal.SavedState;
import com.papisandbox.server.SandboxClock;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reset and named snapshots. A save keeps the whole engine state in the store under its SHA-256; a reset or a
 * restore is one journaled {@link Command.ReplaceState}, so a restart, or a replay of the whole journal, reaches
 * the same state.
 */
final class StateTasks {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final EngineCalls engine;
    private final Journal journal;
    private final SandboxClock clock;
    private final StateHost host;

    StateTasks(EngineCalls engine, Journal journal, SandboxClock clock, StateHost host) {
        this.engine = engine;
        this.journal = journal;
        this.clock = clock;
        this.host = host;
    }

    SandboxAdmin.SavedStateInfo save(String name) {
        checkName(name);
        byte[] state = engine.read(EngineSnapshot::write);
        String hash = sha256(state);
        try {
            journal.saveState(name, hash, clock.getAsLong(), state);
        } catch (JournalException e) {
            throw new AdminException(503, "STORE_UNAVAILABLE", e.getMessage());
        }
        return find(name);
    }

    List<SandboxAdmin.SavedStateInfo> list() {
        return journal.savedStates().stream().map(StateTasks::info).toList();
    }

    SandboxAdmin.StateHash restore(String name) {
        checkName(name);
        return replace(new Command.ReplaceState(find(name).stateHash()), false);
    }

    SandboxAdmin.StateHash reset() {
        return replace(new Command.ReplaceState(""), true);
    }

    private SandboxAdmin.StateHash replace(Command.ReplaceState command, boolean reset) {
        Object before = host.before();
        Result result;
        try {
            result = engine.submit(command);
        } finally {
            host.after(reset, before);
        }
        if (result instanceof Result.Rejected) throw AdminTasks.refused(result);
        return engine.read(e -> new SandboxAdmin.StateHash(EngineSnapshot.stateHash(e), e.orderCount()));
    }

    private SandboxAdmin.SavedStateInfo find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> AdminException.notFound("UNKNOWN_SNAPSHOT", "no snapshot is named " + name));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) throw AdminException.badRequest("name must be 1-64 of A-Z a-z 0-9 _ . -");
    }

    private static SandboxAdmin.SavedStateInfo info(SavedState s) {
        return new SandboxAdmin.SavedStateInfo(s.name(), s.hash(), s.timestamp(), s.bytes());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
