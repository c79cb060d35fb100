package org.tradingnode.core.entity.chain;

import org.tradingnode.core.domain.audit.HashChain;

/**
 * An event as the journal stores it: the domain event, its serialized bytes and how they were made,
 * the hash of the entity's previous event and this event's own chain hash. Written by
 * {@link ChainingEventAdapter}, serialized by {@link ChainSerializer}.
 */
public record ChainedEvent(
    String previousHash, String hash, Object event, int serializerId, String manifest, byte[] payload) {

  /** Whether the stored hashes match the stored bytes, given the hash the previous event carried. */
  public boolean verifiesAfter(String expectedPreviousHash) {
    return previousHash.equals(expectedPreviousHash)
        && hash.equals(HashChain.next(previousHash, manifest, payload));
  }
}
