package org.tradingnode.persistence;

import com.fasterxml.jackson.databind.JsonNode;

/** One journal event as an auditor reads it. */
public record AuditEvent(
    String persistenceId, long sequenceNumber, long timestamp, String eventType, JsonNode payload) {}
