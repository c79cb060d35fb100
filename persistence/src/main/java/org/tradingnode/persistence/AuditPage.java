package org.tradingnode.persistence;

import java.util.List;

/** One page of events across entities in time order; {@code next} continues after it, null at the end. */
public record AuditPage(List<AuditEvent> events, String next) {}
