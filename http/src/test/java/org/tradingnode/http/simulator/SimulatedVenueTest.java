package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

/** The venue without its server: market steps drive the matching engine of every account. */
class SimulatedVenueTest {
  private static final int MAX_STEPS = 20_000;

  @Test
  void aRestingLimitOrderFillsAsMakerWhenTheMarketComesToIt() throws Exception {
    List<String> userEvents = new ArrayList<>();
    SimulatorSettings settings = SimulatorSettings.defaults();
    SimulatedVenue venue = new SimulatedVenue(settings, new StreamPublisher() {
      @Override
      public void publish(String stream, String payload) {
      }

      @Override
      public void publishUserData(String account, String payload) {
        if (account.equals("demo")) {
          userEvents.add(payload);
        }
      }
    });
    long now = 1_000_000L;
    venue.step(now);
    Instrument btc = settings.instruments().get(0).instrument();
    BigDecimal bid = venue.depth("BTCUSDT", 1).bids().get(0).price();

    venue.place("demo", new NewOrder(btc, Side.BUY, OrderType.LIMIT, new BigDecimal("0.00100"), bid,
        Optional.of("resting-1"), NewOrder.ResponseType.FULL), now);
    OrderRecord order = venue.query("demo", "BTCUSDT", Optional.empty(), Optional.of("resting-1"));
    for (int step = 0; step < MAX_STEPS && order.status() != OrderRecord.Status.FILLED; step++) {
      now += 100;
      venue.step(now);
      order = venue.query("demo", "BTCUSDT", Optional.empty(), Optional.of("resting-1"));
    }

    assertEquals(OrderRecord.Status.FILLED, order.status());
    List<AccountTrade> trades = venue.trades("demo", "BTCUSDT", Optional.of(order.orderId()), Optional.empty(),
        Optional.empty(), Optional.empty(), 10);
    assertTrue(trades.stream().allMatch(AccountTrade::maker));
    assertTrue(trades.stream().allMatch(t -> t.price().compareTo(bid) == 0));
    JsonNode fill = SimulatorClient.JSON.readTree(userEvents.stream()
        .filter(e -> e.contains("\"x\":\"TRADE\"")).reduce((first, last) -> last).orElseThrow());
    assertEquals("FILLED", fill.path("X").asText());
    assertTrue(fill.path("m").asBoolean());
  }
}
