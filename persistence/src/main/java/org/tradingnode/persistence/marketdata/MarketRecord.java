package org.tradingnode.persistence.marketdata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.tradingnode.core.domain.market.MarketEvent;

/**
 * One normalized market event as the recorder takes it: the event and the venue it came from. The
 * symbol is the event's own. Venue and symbol name directories and partitions, so both are limited
 * to letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter or digit.
 */
public record MarketRecord(String venue, MarketEvent event) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public MarketRecord {
    requireName("venue", venue);
    requireName("symbol", event.symbol());
  }

  public String symbol() {
    return event.symbol();
  }

  /** The UTC day of the event time: the file or partition the record belongs to. */
  public LocalDate day() {
    return dayOf(event.timestamp());
  }

  static LocalDate dayOf(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  static void requireName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " '" + name + "' is not usable as a recording name");
    }
  }
}
