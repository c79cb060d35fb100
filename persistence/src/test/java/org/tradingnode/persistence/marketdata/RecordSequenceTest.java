package org.tradingnode.persistence.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordSequenceTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  @Test
  void numbersWithinOneMillisecondGrowByOne() {
    RecordSequence sequence = new RecordSequence(Clock.fixed(NOW, ZoneOffset.UTC));

    long first = sequence.next();
    long second = sequence.next();

    assertEquals(NOW.toEpochMilli() * 1_000_000, first);
    assertEquals(first + 1, second);
  }

  @Test
  void aRecorderStartedLaterNumbersAboveAnEarlierOne() {
    RecordSequence earlier = new RecordSequence(Clock.fixed(NOW, ZoneOffset.UTC));
    long lastOfEarlier = 0;
    for (int i = 0; i < 100_000; i++) {
      lastOfEarlier = earlier.next();
    }

    RecordSequence later = new RecordSequence(Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC));

    assertTrue(later.next() > lastOfEarlier);
  }

  @Test
  void aClockSteppingBackNeverMakesANumberSmaller() {
    Instant[] now = {NOW};
    RecordSequence sequence = new RecordSequence(new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    });
    long before = sequence.next();

    now[0] = NOW.minusSeconds(5);

    assertEquals(before + 1, sequence.next());
  }
}
