package org.tradingnode.persistence.cassandra;

/**
 * When Cassandra's commit log reaches the disk. {@link #BATCH} syncs before a write is acknowledged, so
 * acknowledged rows survive a SIGKILL of the node; {@link #PERIODIC} syncs every 10 s and is faster, and
 * loses nothing when the node is stopped with SIGTERM.
 */
public enum CommitlogSync {
  BATCH("commitlog_sync: batch"),
  PERIODIC("commitlog_sync: periodic\ncommitlog_sync_period: 10000ms");

  private final String yaml;

  CommitlogSync(String yaml) {
    this.yaml = yaml;
  }

  /** The lines of cassandra.yaml that select this mode. */
  String yaml() {
    return yaml;
  }

  /** {@code batch} or {@code periodic}, as on the command line. */
  public static CommitlogSync parse(String name) {
    for (CommitlogSync mode : values()) {
      if (mode.name().equalsIgnoreCase(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("commit log sync is batch or periodic, not " + name);
  }
}
