package org.tradingnode.persistence;

import org.tradingnode.core.domain.audit.HashChain;
import org.tradingnode.core.entity.chain.ChainedEvent;

/**
 * Walks one entity's journal in sequence order and checks its hash chain: each chained event must
 * name the previous chained event's hash and its own hash must match its stored bytes. Stops at the
 * first event that does not match.
 */
final class ChainWalk {
  private final String persistenceId;
  private String expectedPrevious = HashChain.GENESIS;
  private long verified;
  private long unchained;
  private long lastSequenceNumber;
  private Long firstMismatch;
  private String reason;

  ChainWalk(String persistenceId) {
    this.persistenceId = persistenceId;
  }

  /** Takes the next stored event; false once a mismatch was found. */
  boolean accept(long sequenceNumber, Object stored) {
    if (firstMismatch != null) {
      return false;
    }
    lastSequenceNumber = sequenceNumber;
    if (!(stored instanceof ChainedEvent chained)) {
      unchained++;
      return true;
    }
    if (!chained.previousHash().equals(expectedPrevious)) {
      return mismatch(sequenceNumber, "the previous hash it carries is not the hash of the event before it");
    }
    if (!chained.verifiesAfter(expectedPrevious)) {
      return mismatch(sequenceNumber, "its stored hash does not match its stored bytes");
    }
    expectedPrevious = chained.hash();
    verified++;
    return true;
  }

  /** The journal could not deliver the event after the last one read. */
  void unreadable(Throwable error) {
    if (firstMismatch == null) {
      mismatch(lastSequenceNumber + 1, "the stored event cannot be read: " + error.getMessage());
    }
  }

  long eventsSeen() {
    return verified + unchained + (firstMismatch == null ? 0 : 1);
  }

  ChainVerification result() {
    return new ChainVerification(persistenceId, firstMismatch == null, verified, unchained, firstMismatch, reason);
  }

  private boolean mismatch(long sequenceNumber, String why) {
    firstMismatch = sequenceNumber;
    reason = "event " + sequenceNumber + ": " + why;
    return false;
  }
}
