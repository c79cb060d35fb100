package org.tradingnode.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The load driver still drives a real node end to end; numbers are not judged here, only that they exist. */
class LoadDriverSmokeTest {

  @Test
  void ordersFlowThroughThePersistedPathAndAreCountedFromTheJournal() {
    PartResult result = new PartResult();

    OrderThroughput.run(2, 4, 1, Duration.ofSeconds(2), result);

    assertTrue(result.samples.get("orders_per_s").get(0) > 0, result.samples.toString());
    assertTrue(result.samples.get("events_per_order").get(0) >= 5, result.samples.toString());
    assertEquals(0.0, result.samples.get("orders_refused").get(0));
  }

  @Test
  void anEmergencyStopIsTimedUntilEveryRunnerStoppedAndEveryCancelWasSent() {
    PartResult result = new PartResult();

    EmergencyStop.run(2, 10, 2, result);

    assertEquals(1, result.samples.get("emergency_stop_ms_first").size());
    assertEquals(1, result.samples.get("emergency_stop_ms").size());
  }

  @Test
  void marketEventsReachEverySubscriberInOrder() {
    PartResult result = new PartResult();

    MarketThroughput.run(4, 2, 20, 1, Duration.ofSeconds(1), result);

    assertTrue(result.samples.get("market_events_per_s").get(0) > 0);
    assertEquals(0.0, result.samples.get("market_out_of_order_or_missing").get(0));
  }
}
