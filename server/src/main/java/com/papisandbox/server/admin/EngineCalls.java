package com.papisandbox.server.admin;

import com.papisandbox.engine.Engine;
import com.papisandbox.engine.EngineRequest;
import com.papisandbox.engine.Result;
import com.papisandbox.server.EngineThread;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Waits for the engine on behalf of an admin operation, turning its failures into admin errors. */
final class EngineCalls {
    private static final long TIMEOUT_SECONDS = 30;
    private final EngineThread engine;

    EngineCalls(EngineThread engine) {
        this.engine = engine;
    }

    Result submit(EngineRequest request) {
        return await(engine.submit(request));
    }

    <T> T read(Function<Engine, T> reader) {
        return await(engine.read(reader));
    }

    static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        } catch (ExecutionException e) {
            throw unavailable(e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (TimeoutException e) {
            throw unavailable("the engine did not answer in " + TIMEOUT_SECONDS + " s");
        }
    }

    static AdminException unavailable(String why) {
        return new AdminException(503, "ENGINE_UNAVAILABLE", "the engine cannot take the operation: " + why);
    }
}
