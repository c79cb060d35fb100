package org.tradingnode.persistence;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One journal event as an auditor reads it, with its place in the entity's hash chain
 * ({@code previousHash} and {@code hash} are null for events stored before chaining).
 */
public record AuditEvent(
    String persistenceId, long sequenceNumber, long timestamp, String eventType, JsonNode payload,
    String previousHash, String hash) {}
