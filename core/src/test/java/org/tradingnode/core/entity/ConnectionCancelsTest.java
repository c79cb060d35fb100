package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.mode.TradingMode;

/**
 * A connection's count of the cancels a halt sent includes those a strategy asked for because of the halt
 * before the connection applied the halt itself, and none sent before the halt was decided.
 */
class ConnectionCancelsTest {
  private static final long HALT_AT = 1_000_000L;

  private static int cancelsSent(ConnectionCancels cancels) {
    return cancels.inFlight("paper:demo", List::of).orElseThrow().cancelsSent();
  }

  @Test
  void cancelsSentForTheHaltBeforeTheConnectionAppliedItCount() {
    ConnectionCancels cancels = new ConnectionCancels();
    cancels.wentOut(1, HALT_AT - 500);
    cancels.wentOut(2, HALT_AT + 3);

    cancels.modeApplied(TradingMode.HALTED, HALT_AT);
    cancels.wentOut(1, HALT_AT + 10);

    assertEquals(3, cancelsSent(cancels), "two sent for the halt before it was applied here, one after");
  }

  @Test
  void withoutAHaltNothingIsAccounted() {
    ConnectionCancels cancels = new ConnectionCancels();
    cancels.wentOut(2, HALT_AT);
    assertTrue(cancels.inFlight("paper:demo", List::of).isEmpty());
    cancels.modeApplied(TradingMode.HALTED, HALT_AT + 1);
    assertEquals(0, cancelsSent(cancels), "sent before the halt was decided");
  }
}
