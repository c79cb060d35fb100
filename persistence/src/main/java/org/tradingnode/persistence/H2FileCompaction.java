package org.tradingnode.persistence;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SparseChunkRewrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContextExecutor;

/**
 * Keeps an embedded H2 file from growing with its own history. H2 writes every commit as a new chunk of
 * the file (copy on write) and reuses a chunk's space only once none of its pages is live any more. A
 * chunk that still holds a few live pages (the leaf an append filled up, an index page no later commit
 * touched) stays, mostly dead, until something copies those pages on: H2's background writer does that,
 * but it does not run with {@code WRITE_DELAY=0}, the setting that makes a commit durable before it is
 * acknowledged. Left alone, a demo node's journal file grew at about 165 KiB/s while its live data grew
 * at about 9 KiB/s.
 *
 * <p>This task does that step of the background writer itself ({@link SparseChunkRewrite}): every
 * {@code interval} it copies the live pages of the chunks that are less than {@code fill-rate-below}
 * percent live (up to {@code rewrite-per-run} of them) and commits, so that those chunks die and their
 * space is reused. Chunks younger than H2's retention time (45 s, kept for crash safety) are never touched,
 * and dense chunks are left as they are. The store is reached through H2's engine classes (there is no
 * SQL for this); the task holds one connection, which keeps the database open while it runs, and closes
 * it when the node shuts down, so that H2 closes the file and compacts it then.
 */
public final class H2FileCompaction {
  private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

  /**
   * When and how much to rewrite.
   *
   * @param interval time between two checks
   * @param fillRateBelow rewrite the chunks whose live share of their bytes is below this percentage
   * @param rewritePerRun live bytes copied at most per check, which bounds how long commits wait for it
   */
  public record Settings(Duration interval, int fillRateBelow, int rewritePerRun) {

    /** From a section with {@code interval}, {@code fill-rate-below} and {@code rewrite-per-run}. */
    public static Settings from(Config section) {
      return new Settings(section.getDuration("interval"), section.getInt("fill-rate-below"),
          (int) section.getBytes("rewrite-per-run").longValue());
    }
  }

  private final String name;
  private final Connection connection;
  private final MVStore store;
  private final Settings settings;
  private boolean closed;

  private H2FileCompaction(String name, Connection connection, MVStore store, Settings settings) {
    this.name = name;
    this.connection = connection;
    this.store = store;
    this.settings = settings;
  }

  /** Opens the database at {@code jdbcUrl} (an H2 file database in this JVM). */
  public static H2FileCompaction open(String name, String jdbcUrl, String user, String password, Settings settings) {
    try {
      Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
      SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
      return new H2FileCompaction(name, connection, session.getDatabase().getStore().getMvStore(), settings);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open " + jdbcUrl + " to compact it: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the database and checks it every interval on the blocking dispatcher; the checks stop and the
   * connection closes when the node shuts down, just before its actor system terminates.
   */
  public static void start(ActorSystem<?> system, String name, Config db, Settings settings) {
    H2FileCompaction compaction = open(name, db.getString("url"), db.getString("user"), db.getString("password"),
        settings);
    ExecutionContextExecutor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    Cancellable schedule = system.scheduler().scheduleWithFixedDelay(settings.interval(), settings.interval(),
        compaction::runOnce, blocking);
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "close-h2-compaction-" + name, () -> {
          schedule.cancel();
          return CompletableFuture.supplyAsync(() -> {
            compaction.close();
            return Done.getInstance();
          }, blocking);
        });
  }

  /** One check: rewrites the sparse chunks' live pages and commits them. True when it rewrote something. */
  public synchronized boolean runOnce() {
    if (closed || store.isClosed()) {
      return false;
    }
    try {
      if (SparseChunkRewrite.rewrite(store, settings.rewritePerRun(), settings.fillRateBelow())) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CHECKPOINT");
        }
        return true;
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (SQLException | RuntimeException e) {
      log.warn("{}: compaction failed, the file keeps its dead chunks until the next try: {}", name,
          e.toString());
      return false;
    }
  }

  /** Closes the connection; the database closes with its last one. */
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        connection.close();
      } catch (SQLException e) {
        log.warn("{}: closing the compaction's connection failed: {}", name, e.getMessage());
      }
    }
  }
}
