package org.tradingnode.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.persistence.AuditCursor;
import org.tradingnode.persistence.AuditPage;
import org.tradingnode.persistence.AuditReader;
import org.tradingnode.persistence.ChainVerification;

/**
 * The audit calls of the control API, checked and turned into journal reads: one entity's events by
 * sequence number and the verification of its hash chain, both by the id the listings show (in the
 * shape of its type's ids, {@link AuditedType}), and every entity of a type by time range (paged with
 * an opaque cursor).
 */
final class AuditQueries {
  private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

  private final AuditReader audit;
  private final Clock clock;

  AuditQueries(AuditReader audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * With an id (or for the coordinator), the entity's events from sequence number {@code from}; without
   * one, a page of the type's events from {@code from} to {@code to} (instants; default the last 24 h).
   */
  CompletionStage<?> events(Map<String, String> params) {
    AuditedType type = AuditedType.named(params.get("type"));
    int limit = Validation.positiveInt(params.get("limit"), "limit", 1000, 10_000);
    String id = params.get("id");
    if (id == null && !type.isSingleton()) {
      return eventsOfType(type, params, limit);
    }
    String entityId = type.entityId(id);
    long fromSequenceNr = Validation.positiveInt(params.get("from"), "from", 1, Integer.MAX_VALUE);
    return audit.eventsOf(type.journalType(), entityId, fromSequenceNr, limit).thenApply(events -> {
      if (events.isEmpty() && fromSequenceNr == 1) {
        throw ApiError.notFound("no events for " + type.apiName() + " " + entityId);
      }
      return events;
    });
  }

  /** Walks the entity's hash chain; 404 when it has no events. */
  CompletionStage<ChainVerification> verify(Map<String, String> params) {
    AuditedType type = AuditedType.named(params.get("type"));
    String entityId = type.entityId(params.get("id"));
    return audit.verify(type.journalType(), entityId).thenApply(result -> result.orElseThrow(() ->
        ApiError.notFound("no events for " + type.apiName() + " " + entityId)));
  }

  private CompletionStage<AuditPage> eventsOfType(AuditedType type, Map<String, String> params, int limit) {
    Instant to = params.containsKey("to") ? instant(params.get("to"), "to") : clock.instant();
    Instant from = params.containsKey("from") ? instant(params.get("from"), "from") : to.minus(DEFAULT_RANGE);
    if (from.isAfter(to)) {
      throw ApiError.badRequest("invalid_range", "from must not be after to");
    }
    AuditCursor after = null;
    if (params.get("after") != null) {
      try {
        after = AuditCursor.decode(params.get("after"), EventTags.SLICES);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("invalid_after", e.getMessage());
      }
    }
    return audit.eventsOfType(type.journalType(), from.toEpochMilli(), to.toEpochMilli(), after, limit);
  }

  private static Instant instant(String value, String name) {
    try {
      return value.chars().allMatch(Character::isDigit) && !value.isEmpty()
          ? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw ApiError.badRequest("invalid_" + name, name
          + " must be an instant such as 2026-11-21T10:00:00Z or epoch milliseconds");
    }
  }
}
