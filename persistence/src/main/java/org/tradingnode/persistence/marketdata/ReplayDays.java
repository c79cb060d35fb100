package org.tradingnode.persistence.marketdata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The UTC days a replay of {@code [from, to)} reads, oldest first. */
final class ReplayDays {
  private ReplayDays() {}

  static List<LocalDate> between(Instant from, Instant to) {
    List<LocalDate> days = new ArrayList<>();
    if (!from.isBefore(to)) {
      return days;
    }
    LocalDate last = MarketRecord.dayOf(to.toEpochMilli() - 1);
    for (LocalDate day = MarketRecord.dayOf(from.toEpochMilli()); !day.isAfter(last); day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }
}
