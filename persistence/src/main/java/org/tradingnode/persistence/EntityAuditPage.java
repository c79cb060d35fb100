package org.tradingnode.persistence;

import java.util.List;

/**
 * One page of one entity's events in sequence order; {@code next} is the sequence number the following
 * page starts at, null when no later event is stored (yet).
 */
public record EntityAuditPage(List<AuditEvent> events, Long next) {
  public EntityAuditPage {
    events = List.copyOf(events);
  }
}
