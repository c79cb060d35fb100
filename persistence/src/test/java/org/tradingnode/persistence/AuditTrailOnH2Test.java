package org.tradingnode.persistence;

import java.nio.file.Files;

/** The audit trail on the embedded profile: a real H2 file. */
class AuditTrailOnH2Test extends AuditTrailContract {
  @Override
  JournalUnderTest startJournal() throws Exception {
    return new H2Journal(Files.createTempDirectory("audit-h2"));
  }
}
