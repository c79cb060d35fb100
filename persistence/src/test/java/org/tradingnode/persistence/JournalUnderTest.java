package org.tradingnode.persistence;

import com.typesafe.config.Config;

/**
 * A journal profile the audit tests run against: its node config, the read journal that reads it, and
 * a way to edit one stored event directly in the database as an attacker with database access would.
 */
interface JournalUnderTest {
  Config config();

  String readJournalPluginId();

  /** Replaces {@code original} with {@code replacement} (same length) in the stored bytes of one event. */
  void editStoredEvent(String persistenceId, long sequenceNumber, String original, String replacement)
      throws Exception;
}
