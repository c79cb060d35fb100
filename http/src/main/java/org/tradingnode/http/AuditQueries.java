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
import org.tradingnode.persistence.EntityAuditPage;

/**
 * The audit calls of the control API, checked and turned into journal reads: one entity's events by
 * sequence number and the verification of its hash chain, both by the id the listings show (in the
 * shape of its type's ids, {@link AuditedType}), and the events of every entity of a type by time range.
 * Every listing answers one page, {@code {"events", "next"}}, of {@link #DEFAULT_PAGE} events unless
 * {@code limit} asks for up to {@link #MAX_PAGE}: with an id, {@code next} is the sequence number to
 * pass as {@code from}; without one, an opaque cursor to pass as {@code after}; null after the last page.
 */
final class AuditQueries {
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;
  private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

  private final AuditReader audit;
  private final Clock clock;

  AuditQueries(AuditReader audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * With an id (or for the coordinator), a page of the entity's events from sequence number {@code from};
   * without one, a page of the type's events from {@code from} to {@code to} (instants; default the last 24 h).
   */
  CompletionStage<?> events(Map<String, String> params) {
    AuditedType type = AuditedType.named(params.get("type"));
    int limit = Validation.positiveInt(params.get("limit"), "limit", DEFAULT_PAGE, MAX_PAGE);
    String id = params.get("id");
    if (id == null && !type.isSingleton()) {
      return eventsOfType(type, params, limit);
    }
    return eventsOfEntity(type, type.entityId(id), params, limit);
  }

  /** Walks the entity's hash chain; 404 when it has no events. */
  CompletionStage<ChainVerification> verify(Map<String, String> params) {
    AuditedType type = AuditedType.named(params.get("type"));
    String entityId = type.entityId(params.get("id"));
    return audit.verify(type.journalType(), entityId).thenApply(result -> result.orElseThrow(() ->
        ApiError.notFound("no events for " + type.apiName() + " " + entityId)));
  }

  /**
   * One entity's events by sequence number. The parameters of a listing by time are refused rather than
   * ignored: a client passing a page's {@code next} as {@code after} would otherwise get the first page
   * again, forever.
   */
  private CompletionStage<EntityAuditPage> eventsOfEntity(AuditedType type, String entityId,
      Map<String, String> params, int limit) {
    if (params.containsKey("after")) {
      throw ApiError.badRequest("invalid_after", "after continues a listing of a type without id; "
          + "with an id, pass the page's next as from");
    }
    if (params.containsKey("to")) {
      throw ApiError.badRequest("invalid_to", "to ends a listing of a type by time, without id; "
          + "with an id, give the first sequence number as from");
    }
    long fromSequenceNr = Validation.positiveLong(params.get("from"), "from", 1);
    return audit.pageOf(type.journalType(), entityId, fromSequenceNr, limit).thenApply(page -> {
      if (page.events().isEmpty() && fromSequenceNr == 1) {
        throw ApiError.notFound("no events for " + type.apiName() + " " + entityId);
      }
      return page;
    });
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
