package org.tradingnode.persistence.cassandra;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.cassandra.KeyspaceAndTableStatements;
import org.apache.pekko.persistence.cassandra.PluginSettings;

/**
 * The CQL that creates the journal's and the snapshot store's keyspaces and tables for the node's
 * configuration, as the journal plugin itself would create them. Operators who do not let the node
 * create its schema (CASSANDRA_AUTO_CREATE=off) run it from conf/cql/journal.cql.
 */
public final class JournalSchema {
  private static final String PLUGIN = "pekko.persistence.cassandra";

  private JournalSchema() {}

  /** Every statement, keyspaces first, each ending with a semicolon. */
  public static List<String> statements(ActorSystem<?> system) {
    var classic = Adapter.toClassic(system);
    var statements = new KeyspaceAndTableStatements(system, PLUGIN,
        PluginSettings.apply(classic, system.settings().config().getConfig(PLUGIN)));
    List<String> all = new ArrayList<>();
    all.add(statements.createJournalKeyspaceStatement());
    all.addAll(statements.getCreateJournalTablesStatements());
    all.add(statements.createSnapshotKeyspaceStatement());
    all.addAll(statements.getCreateSnapshotTablesStatements());
    return all.stream().map(s -> s.strip().endsWith(";") ? s.strip() : s.strip() + ";").toList();
  }
}
