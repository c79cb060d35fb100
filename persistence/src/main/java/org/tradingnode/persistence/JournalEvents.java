package org.tradingnode.persistence;

import org.tradingnode.core.entity.chain.ChainedEvent;

/** What readers of the journal see: the domain event inside its hash-chain record. */
public final class JournalEvents {
  private JournalEvents() {}

  /** The domain event of a journal entry as Persistence Query delivers it. */
  public static Object unwrap(Object journalEvent) {
    return journalEvent instanceof ChainedEvent chained ? chained.event() : journalEvent;
  }
}
