package org.tradingnode.persistence;

/** The audit trail on the cassandra profile: a real Cassandra node. */
class AuditTrailOnCassandraTest extends AuditTrailContract {
  @Override
  JournalUnderTest startJournal() {
    return new CassandraJournal("audit");
  }
}
