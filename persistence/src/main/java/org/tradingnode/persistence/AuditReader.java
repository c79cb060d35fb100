package org.tradingnode.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.TimeBasedUUID;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.core.entity.chain.ChainedEvent;

/**
 * Reads the journal for audits through Persistence Query, on the embedded (JDBC) and the Cassandra
 * read journal alike: the events of one entity in order, the events of every entity of a type in a
 * time range (the type's tag slices merged in time order, paged), the ids of all entities of a type,
 * and the verification of one entity's hash chain.
 */
public final class AuditReader {
  /** 100-ns intervals from the UUID epoch (1582-10-15) to the Unix epoch. */
  private static final long UUID_EPOCH_OFFSET_100NS = 0x01b21dd213814000L;

  private final ActorSystem<?> system;
  private final ReadJournal journal;
  private final ObjectMapper json;

  public AuditReader(ActorSystem<?> system, String readJournalPluginId) {
    this.system = system;
    this.journal = PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, readJournalPluginId);
    this.json = JacksonObjectMapperProvider.get(system).getOrCreate("jackson-json", Optional.empty());
  }

  /** The events of entity {@code type|id}, oldest first, at most {@code limit}. */
  public CompletionStage<List<AuditEvent>> eventsOf(String entityType, String entityId, long fromSequenceNr,
      int limit) {
    return ((CurrentEventsByPersistenceIdQuery) journal)
        .currentEventsByPersistenceId(persistenceId(entityType, entityId), fromSequenceNr, Long.MAX_VALUE)
        .take(limit)
        .map(this::toAudit)
        .runWith(Sink.seq(), system);
  }

  /**
   * A page of the events of entity {@code type|id} from {@code fromSequenceNr}, at most {@code limit}; its
   * {@code next} is the sequence number of the first event after the page, null when there is none.
   */
  public CompletionStage<EntityAuditPage> pageOf(String entityType, String entityId, long fromSequenceNr,
      int limit) {
    return eventsOf(entityType, entityId, fromSequenceNr, Math.addExact(limit, 1)).thenApply(events ->
        events.size() > limit ? new EntityAuditPage(events.subList(0, limit), events.get(limit).sequenceNumber())
            : new EntityAuditPage(events, null));
  }

  /**
   * The events of every entity of the type stored from {@code fromMillis} to {@code toMillis}
   * (inclusive), in time order, at most {@code limit}; {@code after} continues a listing where its
   * previous page ended.
   */
  public CompletionStage<AuditPage> eventsOfType(String entityType, long fromMillis, long toMillis,
      AuditCursor after, int limit) {
    List<Offset> start = new ArrayList<>();
    Source<SliceEvent, NotUsed> merged = null;
    for (int slice = 0; slice < EventTags.SLICES; slice++) {
      int sliceNr = slice;
      Offset offset = after == null ? startOffset(fromMillis) : after.offsets().get(slice);
      start.add(offset);
      Source<SliceEvent, NotUsed> events = ((CurrentEventsByTagQuery) journal)
          .currentEventsByTag(EventTags.sliceTag(entityType, slice), offset)
          .filter(envelope -> storedAt(envelope) >= fromMillis)
          .takeWhile(envelope -> storedAt(envelope) <= toMillis)
          .map(envelope -> new SliceEvent(sliceNr, envelope));
      merged = merged == null ? events : merged.mergeSorted(events,
          Comparator.comparingLong((SliceEvent e) -> storedAt(e.envelope())));
    }
    return merged.take(limit + 1L).runWith(Sink.seq(), system).thenApply(events -> {
      List<SliceEvent> page = events.subList(0, Math.min(limit, events.size()));
      List<Offset> reached = new ArrayList<>(start);
      page.forEach(e -> reached.set(e.slice(), e.envelope().offset()));
      String next = events.size() > limit ? new AuditCursor(reached).encode() : null;
      return new AuditPage(page.stream().map(e -> toAudit(e.envelope())).toList(), next);
    });
  }

  private record SliceEvent(int slice, EventEnvelope envelope) {}

  /** Walks the hash chain of entity {@code type|id}; empty when the entity has no events. */
  public CompletionStage<Optional<ChainVerification>> verify(String entityType, String entityId) {
    String persistenceId = persistenceId(entityType, entityId);
    ChainWalk walk = new ChainWalk(persistenceId);
    return ((CurrentEventsByPersistenceIdQuery) journal)
        .currentEventsByPersistenceId(persistenceId, 0L, Long.MAX_VALUE)
        .takeWhile(envelope -> walk.accept(envelope.sequenceNr(), envelope.event()))
        .runWith(Sink.ignore(), system)
        .handle((done, error) -> {
          if (error != null) {
            walk.unreadable(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
          }
          return walk.eventsSeen() == 0 ? Optional.<ChainVerification>empty() : Optional.of(walk.result());
        });
  }

  /** Ids (without the type prefix) of every entity of the type that has persisted something. */
  public CompletionStage<List<String>> entityIds(String entityType) {
    String prefix = entityType + "|";
    return ((CurrentPersistenceIdsQuery) journal).currentPersistenceIds()
        .filter(pid -> pid.startsWith(prefix))
        .map(pid -> pid.substring(prefix.length()))
        .runWith(Sink.seq(), system);
  }

  private Offset startOffset(long fromMillis) {
    return journal instanceof CassandraReadJournal cassandra ? cassandra.timeBasedUUIDFrom(fromMillis)
        : Offset.noOffset();
  }

  /**
   * When the journal stored the event, in epoch ms: on Cassandra the time of its time-based UUID,
   * the order tag queries deliver in (the envelope's own timestamp may differ by milliseconds).
   */
  private static long storedAt(EventEnvelope envelope) {
    if (envelope.offset() instanceof TimeBasedUUID time) {
      return (time.value().timestamp() - UUID_EPOCH_OFFSET_100NS) / 10_000;
    }
    return envelope.timestamp();
  }

  private static String persistenceId(String entityType, String entityId) {
    return entityType + "|" + entityId;
  }

  private AuditEvent toAudit(EventEnvelope envelope) {
    Object stored = envelope.event();
    Object event = JournalEvents.unwrap(stored);
    ChainedEvent chained = stored instanceof ChainedEvent c ? c : null;
    return AuditEvent.of(envelope.persistenceId(), envelope.sequenceNr(), storedAt(envelope),
        event.getClass().getSimpleName(), json.valueToTree(event),
        chained == null ? null : chained.previousHash(), chained == null ? null : chained.hash());
  }
}
