package org.tradingnode.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads the journal for audits through Persistence Query: the events of one entity in order, and the
 * ids of all entities of a type. Works with any read journal that supports the current-queries.
 */
public final class AuditReader {
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
    String persistenceId = entityType + "|" + entityId;
    return ((CurrentEventsByPersistenceIdQuery) journal)
        .currentEventsByPersistenceId(persistenceId, fromSequenceNr, Long.MAX_VALUE)
        .take(limit)
        .map(this::toAudit)
        .runWith(Sink.seq(), system);
  }

  /** Ids (without the type prefix) of every entity of the type that has persisted something. */
  public CompletionStage<List<String>> entityIds(String entityType) {
    String prefix = entityType + "|";
    return ((CurrentPersistenceIdsQuery) journal).currentPersistenceIds()
        .filter(pid -> pid.startsWith(prefix))
        .map(pid -> pid.substring(prefix.length()))
        .runWith(Sink.seq(), system);
  }

  private AuditEvent toAudit(EventEnvelope envelope) {
    Object event = envelope.event();
    return new AuditEvent(envelope.persistenceId(), envelope.sequenceNr(), envelope.timestamp(),
        event.getClass().getSimpleName(), json.valueToTree(event));
  }
}
