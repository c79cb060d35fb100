package org.tradingnode.core.venue.binance;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.testing.ManualClock;

/**
 * The client's view of Binance's request weight: at the limit nothing goes out until the minute turns,
 * a late answer with an older, lower figure does not let requests out again, and after a 429 nothing goes
 * out until its Retry-After has passed.
 */
class BinanceRateGateTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2024-05-01T12:00:10Z").toEpochMilli());
  private final BinanceRateGate gate = new BinanceRateGate(clock, 120);

  @Test
  void atTheLimitOrdersWaitForTheNextMinute() {
    gate.usedWeight(120);
    assertNotNull(gate.holdBack(true));
    clock.advance(50_000);
    assertNull(gate.holdBack(true), "a new minute, a new count");
  }

  @Test
  void anOlderLowerFigureReadLateDoesNotReopenTheGate() {
    gate.usedWeight(120);
    gate.usedWeight(117);
    assertNotNull(gate.holdBack(true), "the answer reporting 117 left before the one reporting 120");
    clock.advance(50_000);
    gate.usedWeight(3);
    assertNull(gate.holdBack(true), "in the next minute the venue's count starts again");
  }

  @Test
  void pastTheReserveOnlyOrderTrafficGoesOut() {
    gate.usedWeight(110);
    assertNull(gate.holdBack(true));
    assertNotNull(gate.holdBack(false));
  }

  @Test
  void afterA429NothingGoesOutUntilRetryAfterHasPassed() {
    gate.usedWeight(10);
    gate.throttled(2);
    assertNotNull(gate.holdBack(true));
    clock.advance(1_999);
    assertNotNull(gate.holdBack(true));
    clock.advance(1);
    assertNull(gate.holdBack(true));
  }
}
