package org.tradingnode.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One journal event as an auditor reads it, with its place in the entity's hash chain
 * ({@code previousHash} and {@code hash} are null for events stored before chaining). {@code entityId} is
 * the id the audit calls take for the entity ({@code persistenceId} without its type); {@code timestamp}
 * is when the journal stored the event, in ISO-8601 as every time of the control API, and
 * {@code timestampMs} the same instant in epoch milliseconds. The {@code payload} is the event as the
 * entity persisted it, its own fields as the domain keeps them.
 */
public record AuditEvent(
    String persistenceId, String entityId, long sequenceNumber, String timestamp, long timestampMs,
    String eventType, JsonNode payload, String previousHash, String hash) {

  /** The event of entity {@code persistenceId} ({@code type|id}) stored at {@code storedAtMs}. */
  static AuditEvent of(String persistenceId, long sequenceNumber, long storedAtMs, String eventType, JsonNode payload,
      String previousHash, String hash) {
    String entityId = persistenceId.substring(persistenceId.indexOf('|') + 1);
    return new AuditEvent(persistenceId, entityId, sequenceNumber, Instant.ofEpochMilli(storedAtMs).toString(),
        storedAtMs, eventType, payload, previousHash, hash);
  }
}
