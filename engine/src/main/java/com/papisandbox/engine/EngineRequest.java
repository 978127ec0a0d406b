package com.papisandbox.engine;

/**
 * What the engine thread can be handed: a {@link Command}, which may change state and is journaled when
 * it does, or a {@link Query}, which only reads and is never journaled.
 */
public sealed interface EngineRequest permits Command, Query {
}
