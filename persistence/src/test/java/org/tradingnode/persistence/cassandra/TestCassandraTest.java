package org.tradingnode.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;

class TestCassandraTest {
  @Test
  void everyCallerGetsTheSameRunningNode() {
    LocalCassandra first = TestCassandra.shared();

    LocalCassandra second = TestCassandra.shared();

    assertSame(first, second);
    try (CqlSession session = CqlSessions.connect(second)) {
      assertEquals("datacenter1", session.execute("SELECT data_center FROM system.local").one().getString(0));
    }
  }

  @Test
  void keyspacePrefixesNeverRepeatWithinAJvm() {
    String first = TestCassandra.freshKeyspacePrefix("e2e");

    String second = TestCassandra.freshKeyspacePrefix("e2e");

    assertNotEquals(first, second);
  }

  @Test
  void aPurposeThatCannotNameAKeyspaceIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TestCassandra.freshKeyspacePrefix("End-To-End"));
  }
}
