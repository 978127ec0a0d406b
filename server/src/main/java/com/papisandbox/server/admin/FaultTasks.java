package com.papisandbox.server.admin;

import com.papisandbox.server.ApiError;
import com.papisandbox.server.fault.Fault;
import com.papisandbox.server.fault.FaultKind;
import com.papisandbox.server.fault.Faults;
import com.papisandbox.server.fault.KnownErrors;
import com.papisandbox.server.fault.LatencyPreset;
import com.papisandbox.server.stream.ListenKeys;
import com.papisandbox.server.stream.MarketStreams;
import com.papisandbox.server.stream.UserStreams;

import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/** The admin API's faults: arming and listing the edge's faults, and the streams' (drops, stalls, early expiry). */
final class FaultTasks {
    static final long MAX_STALL_MILLIS = 10 * 60_000L;

    private final Faults faults;
    private final UserStreams userStreams;
    private final MarketStreams marketStreams;
    private final ListenKeys listenKeys;
    private final EngineCalls engine;
    private final LongSupplier clock;

    FaultTasks(Faults faults, UserStreams userStreams, MarketStreams marketStreams, ListenKeys listenKeys, EngineCalls engine,
               LongSupplier clock) {
        this.faults = faults;
        this.userStreams = userStreams;
        this.marketStreams = marketStreams;
        this.listenKeys = listenKeys;
        this.engine = engine;
        this.clock = clock;
    }

    /** A fault spec checked and converted, ready to arm. */
    record Prepared(FaultKind kind, String target, int count, double probability, long latencyMillis, LatencyPreset preset, ApiError error) {
    }

    /** Checks a spec as arming it would, without arming it (a scenario checks every fault before applying any). */
    static Prepared prepare(SandboxAdmin.FaultSpec spec) {
        if (spec == null || spec.kind() == null) throw AdminException.badRequest("kind is required: one of " + List.of(FaultKind.values()));
        FaultKind kind = parse(FaultKind.class, spec.kind(), "kind");
        LatencyPreset preset = spec.latencyPreset() == null ? null : parse(LatencyPreset.class, spec.latencyPreset(), "latencyPreset");
        ApiError error = null;
        if (spec.code() != null) {
            ApiError known = KnownErrors.forCode(spec.code());
            String msg = spec.msg() != null ? spec.msg() : known == null ? null : known.msg();
            Integer status = spec.httpStatus() != null ? spec.httpStatus() : known == null ? null : known.httpStatus();
            if (msg == null || status == null) throw AdminException.badRequest("code " + spec.code() + " is not one the sandbox knows: send msg and httpStatus too");
            if (status < 400 || status > 599) throw AdminException.badRequest("httpStatus must be 400..599");
            error = new ApiError(status, spec.code(), msg);
        } else if (spec.msg() != null || spec.httpStatus() != null) {
            throw AdminException.badRequest("msg and httpStatus go with code");
        }
        Prepared p = new Prepared(kind, spec.target(), spec.count() == null ? 0 : spec.count(), spec.probability() == null ? 1.0 : spec.probability(),
                spec.latencyMillis() == null ? 0 : spec.latencyMillis(), preset, error);
        try {
            new Fault(0, p.kind(), p.target(), p.count(), p.probability(), p.latencyMillis(), p.preset(), p.error());
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
        return p;
    }

    SandboxAdmin.FaultInfo add(SandboxAdmin.FaultSpec spec) {
        Prepared p = prepare(spec);
        return info(faults.add(p.kind(), p.target(), p.count(), p.probability(), p.latencyMillis(), p.preset(), p.error()));
    }

    SandboxAdmin.FaultsInfo list() {
        return new SandboxAdmin.FaultsInfo(faults.active().stream().map(FaultTasks::info).toList(),
                faults.injected().stream().map(i -> new SandboxAdmin.InjectionInfo(i.time(), i.faultId(), i.kind().name(), i.method(),
                        i.path(), i.delayMillis())).toList());
    }

    SandboxAdmin.FaultsInfo remove(long id) {
        if (!faults.remove(id)) throw AdminException.notFound("UNKNOWN_FAULT", "no armed fault has id " + id);
        return list();
    }

    SandboxAdmin.FaultsInfo clear() {
        faults.clear();
        return list();
    }

    SandboxAdmin.FaultsInfo seed(long seed) {
        faults.seed(seed);
        return list();
    }

    SandboxAdmin.StreamsInfo drop(String streams) {
        String which = which(streams);
        if (!which.equals("market")) userStreams.dropAll("dropped by a fault");
        if (!which.equals("user")) marketStreams.dropAll("dropped by a fault");
        return streams(0);
    }

    SandboxAdmin.StreamsInfo stall(String streams, long millis) {
        if (millis < 1 || millis > MAX_STALL_MILLIS) throw AdminException.badRequest("millis must be 1.." + MAX_STALL_MILLIS);
        String which = which(streams);
        if (!which.equals("market")) userStreams.stall(millis);
        if (!which.equals("user")) marketStreams.stall(millis);
        return streams(0);
    }

    SandboxAdmin.StreamsInfo expire(String apiKey) {
        long accountId = -1;
        if (apiKey != null) {
            Long id = engine.read(e -> e.account(apiKey) == null ? null : e.account(apiKey).accountId());
            if (id == null) throw AdminException.notFound("UNKNOWN_ACCOUNT", "no account has the API key " + apiKey);
            accountId = id;
        }
        return streams(listenKeys.lapseNow(accountId, clock.getAsLong()));
    }

    private SandboxAdmin.StreamsInfo streams(int ended) {
        return new SandboxAdmin.StreamsInfo(userStreams.connectionCount(), marketStreams.connectionCount(), ended);
    }

    private static String which(String streams) {
        String which = streams == null ? "all" : streams.toLowerCase(Locale.ROOT);
        if (!which.equals("user") && !which.equals("market") && !which.equals("all")) {
            throw AdminException.badRequest("streams must be user, market or all");
        }
        return which;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(name + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static SandboxAdmin.FaultInfo info(Fault f) {
        return new SandboxAdmin.FaultInfo(f.id(), f.kind().name(), f.target(), f.count(), f.probability(),
                f.kind() == FaultKind.LATENCY && f.latencyPreset() == null ? f.latencyMillis() : null,
                f.latencyPreset() == null ? null : f.latencyPreset().name(),
                f.error() == null ? null : f.error().code(), f.error() == null ? null : f.error().msg(),
                f.error() == null ? null : f.error().httpStatus());
    }
}
