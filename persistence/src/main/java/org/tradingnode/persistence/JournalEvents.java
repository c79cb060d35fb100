package org.tradingnode.persistence;

/** Turns an event as Persistence Query delivers it from the journal into the domain event it holds. */
public final class JournalEvents {
  private JournalEvents() {}

  public static Object unwrap(Object journalEvent) {
    return journalEvent;
  }
}
