package org.tradingnode.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.PersistentRepr$;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.persistence.jdbc.query.dao.DefaultReadJournalDao;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.scaladsl.Source;
import scala.Tuple3;
import scala.concurrent.ExecutionContext;
import scala.util.Failure;
import scala.util.Success;
import scala.util.Try;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The embedded journal's read journal, with a tag query that H2 answers from the journal's ordering
 * index: the events after the offset, each kept if the tag table holds its tag. The library's query
 * joins the tag table first, and H2 then scans every row of the tag (the whole history) on every poll of
 * every projection, so each poll cost grew with the journal. Everything else is the library's. It reads
 * the tables of {@code schema/h2-journal.sql}.
 */
public final class IndexedTagReadJournalDao extends DefaultReadJournalDao {
  static final String EVENTS_BY_TAG = """
      SELECT j."ordering", j."deleted", j."persistence_id", j."sequence_number", j."writer", j."write_timestamp",
             j."adapter_manifest", j."event_payload", j."event_ser_id", j."event_ser_manifest",
             j."meta_payload", j."meta_ser_id", j."meta_ser_manifest"
      FROM PUBLIC."event_journal" j
      WHERE j."ordering" > ? AND j."ordering" <= ? AND j."deleted" = FALSE
        AND EXISTS (SELECT 1 FROM PUBLIC."event_tag" t WHERE t."event_id" = j."ordering" AND t."tag" = ?)
      ORDER BY j."ordering"
      LIMIT ?""";

  private final JdbcBackend.JdbcDatabaseDef database;
  private final Serialization serialization;
  private final Executor blocking;

  /** Made by the read journal plugin with the arguments it gives every DAO. */
  public IndexedTagReadJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile,
      ReadJournalConfig readJournalConfig, Serialization serialization, ExecutionContext ec, Materializer mat) {
    super(db, profile, readJournalConfig, serialization, ec, mat);
    this.database = db;
    this.serialization = serialization;
    this.blocking = mat.system().dispatchers().lookup("pekko.actor.default-blocking-io-dispatcher");
  }

  @Override
  public Source<Try<Tuple3<PersistentRepr, scala.collection.immutable.Set<String>, Object>>, NotUsed> eventsByTag(
      String tag, long offset, long maxOffset, long max) {
    return org.apache.pekko.stream.javadsl.Source
        .completionStage(CompletableFuture.supplyAsync(() -> query(tag, offset, maxOffset, max), blocking))
        .mapConcat(rows -> rows)
        .asScala();
  }

  private List<Try<Tuple3<PersistentRepr, scala.collection.immutable.Set<String>, Object>>> query(String tag,
      long offset, long maxOffset, long max) {
    List<Try<Tuple3<PersistentRepr, scala.collection.immutable.Set<String>, Object>>> rows = new ArrayList<>();
    try (Connection connection = database.source().createConnection();
        PreparedStatement statement = connection.prepareStatement(EVENTS_BY_TAG)) {
      statement.setLong(1, offset);
      statement.setLong(2, maxOffset);
      statement.setString(3, tag);
      statement.setLong(4, Math.min(max, Integer.MAX_VALUE));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(row(result));
        }
      }
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
    return rows;
  }

  /** The event as the library's own query would give it: payload, metadata, timestamp and ordering. */
  private Try<Tuple3<PersistentRepr, scala.collection.immutable.Set<String>, Object>> row(ResultSet result)
      throws SQLException {
    long ordering = result.getLong("ordering");
    Try<Object> payload = serialization.deserialize(result.getBytes("event_payload"), result.getInt("event_ser_id"),
        result.getString("event_ser_manifest"));
    if (payload.isFailure()) {
      return new Failure<>(payload.failed().get());
    }
    PersistentRepr repr = PersistentRepr$.MODULE$.apply(payload.get(), result.getLong("sequence_number"),
        result.getString("persistence_id"), result.getString("adapter_manifest"), result.getBoolean("deleted"), null,
        result.getString("writer"));
    byte[] meta = result.getBytes("meta_payload");
    int metaSerId = result.getInt("meta_ser_id");
    if (meta != null && !result.wasNull()) {
      String metaManifest = result.getString("meta_ser_manifest");
      Try<Object> metadata = serialization.deserialize(meta, metaSerId, metaManifest == null ? "" : metaManifest);
      if (metadata.isFailure()) {
        return new Failure<>(metadata.failed().get());
      }
      repr = repr.withMetadata(metadata.get());
    }
    return new Success<>(new Tuple3<>(repr.withTimestamp(result.getLong("write_timestamp")),
        scala.collection.immutable.Set$.MODULE$.<String>empty(), ordering));
  }
}
