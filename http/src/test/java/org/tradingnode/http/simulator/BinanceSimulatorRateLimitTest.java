package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;

/** Request weights, 429 past the limit and the ban (418) for a client that keeps on. */
class BinanceSimulatorRateLimitTest {

  @Test
  void theWeightHeaderGrowsThenTheLimitAnswers429ThenHammeringIsBanned() throws Exception {
    try (SimulatorFixture venue = SimulatorFixture.start(
        s -> s.withRequestWeightLimit(5, 2, Duration.ofMinutes(2)))) {
      List<Long> weights = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        weights.add(venue.client.publicGet("/api/v3/time", BinanceQuery.empty()).usedWeight().getAsLong());
      }

      SimulatorClient.Answer throttled = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());
      SimulatorClient.Answer throttledAgain = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());
      SimulatorClient.Answer banned = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());
      venue.clock.advance(Duration.ofSeconds(30));
      SimulatorClient.Answer stillBanned = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());
      JsonNode state = venue.adminState();
      venue.clock.advance(Duration.ofMinutes(2));
      SimulatorClient.Answer afterBan = venue.client.publicGet("/api/v3/time", BinanceQuery.empty());

      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), weights);
      assertEquals(429, throttled.status());
      assertEquals(-1003, throttled.code());
      assertEquals(30, throttled.retryAfter().getAsLong());
      assertEquals(5, throttled.usedWeight().getAsLong());
      assertEquals(429, throttledAgain.status());
      assertEquals(418, banned.status());
      assertEquals(-1003, banned.code());
      assertEquals(120, banned.retryAfter().getAsLong());
      assertEquals(418, stillBanned.status());
      assertEquals(90, stillBanned.retryAfter().getAsLong());
      assertEquals(2, state.path("responses429").asInt());
      assertEquals(2, state.path("responses418").asInt());
      assertEquals(200, afterBan.status());
      assertEquals(1, afterBan.usedWeight().getAsLong());
    }
  }

  @Test
  void endpointsWeighWhatBinanceDocuments() throws Exception {
    try (SimulatorFixture venue = SimulatorFixture.start()) {
      List<Long> used = new ArrayList<>();
      used.add(venue.client.publicGet("/api/v3/time", BinanceQuery.empty()).usedWeight().getAsLong());
      used.add(venue.client.publicGet("/api/v3/exchangeInfo", BinanceQuery.empty()).usedWeight().getAsLong());
      used.add(venue.client.publicGet("/api/v3/depth", BinanceQuery.empty().with("symbol", "BTCUSDT")
          .with("limit", 500)).usedWeight().getAsLong());
      used.add(venue.client.signed("GET", "/api/v3/account", BinanceQuery.empty()).usedWeight().getAsLong());
      used.add(venue.client.signed("GET", "/api/v3/openOrders", BinanceQuery.empty()).usedWeight().getAsLong());
      used.add(venue.client.signed("GET", "/api/v3/openOrders", BinanceQuery.empty().with("symbol", "BTCUSDT"))
          .usedWeight().getAsLong());
      used.add(venue.client.signed("GET", "/api/v3/myTrades", BinanceQuery.empty().with("symbol", "BTCUSDT"))
          .usedWeight().getAsLong());

      List<Long> weights = new ArrayList<>();
      for (int i = 0; i < used.size(); i++) {
        weights.add(used.get(i) - (i == 0 ? 0 : used.get(i - 1)));
      }
      assertEquals(List.of(1L, 20L, 25L, 20L, 80L, 6L, 20L), weights);
    }
  }

  @Test
  void aRefusedRequestStillCarriesTheWeightHeader() throws Exception {
    try (SimulatorFixture venue = SimulatorFixture.start()) {
      SimulatorClient.Answer refused = venue.client.send("GET", "/api/v3/account", "", null);

      assertEquals(401, refused.status());
      assertEquals(20, refused.usedWeight().getAsLong());
    }
  }
}
