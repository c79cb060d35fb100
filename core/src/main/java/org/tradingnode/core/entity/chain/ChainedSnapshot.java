package org.tradingnode.core.entity.chain;

/**
 * A snapshot as the store keeps it: the entity's state and the chain hash of the last event the state
 * includes, so that an entity recovered from a snapshot goes on chaining where it left off.
 */
public record ChainedSnapshot(Object state, String headHash) {}
