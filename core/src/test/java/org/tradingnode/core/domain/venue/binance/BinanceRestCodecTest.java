package org.tradingnode.core.domain.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.venue.binance.BinanceRest.ApiError;
import org.tradingnode.core.domain.venue.binance.BinanceRest.OrderState;
import org.tradingnode.core.testing.SharedData;

/** Decodes the documented examples of Binance's rest-api.md (exchange_payloads/binance) and maps them to reports. */
class BinanceRestCodecTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNode BLOCKS = read();
  private static final Instrument BTCUSDT = new Instrument("binance", "BTCUSDT", "BTC", "USDT",
      new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));

  private static JsonNode read() {
    try {
      return MAPPER.readTree(SharedData.file("exchange_payloads/binance/binance_spot_rest_api_examples.json").toFile())
          .path("blocks");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode example(String section, String mustHave) {
    for (JsonNode block : BLOCKS) {
      if (block.path("section").asText().endsWith(section) && block.path("parsed").toString().contains(mustHave)) {
        return block.path("parsed");
      }
    }
    throw new AssertionError("no example " + section);
  }

  @Test
  void fullOrderAnswerBecomesOneAcceptanceCarryingEachFill() {
    OrderState order = BinanceRestCodec.order(example("New order (TRADE)", "\"fills\":[{").toString());

    List<VenueReport> reports = BinanceReports.of(order, List.of(), BTCUSDT);

    assertEquals(1, reports.size());
    VenueReport.Accepted accepted = (VenueReport.Accepted) reports.get(0);
    assertEquals("28", accepted.venueOrderId());
    assertEquals(5, accepted.fills().size());
    assertEquals(new Fill("BTCUSDT-56", "6gCrw2kRUAF9CvJDGP16IP", "BTCUSDT", Side.SELL,
        new BigDecimal("4000.00000000"), new BigDecimal("1.00000000"), new BigDecimal("4.00000000"), false,
        1507725176595L), accepted.fills().get(0));
  }

  @Test
  void cancelAnswerNamesTheCancelledOrderAndEndsIt() {
    OrderState order = BinanceRestCodec.order(example("Cancel order (TRADE)", "origClientOrderId").toString());

    assertEquals("CANCELED", order.status());
    assertEquals(new VenueReport.Canceled(order.clientOrderId(), 1684804350068L),
        BinanceReports.of(order, List.of(), BTCUSDT).get(1));
  }

  @Test
  void queriedOrderTakesItsFillsFromTheAccountTrades() {
    OrderState order = BinanceRestCodec.order(example("Query order (USER_DATA)", "myOrder1").toString());
    var trades = BinanceRestCodec.trades(example("Account trade list (USER_DATA)", "28457").toString());
    OrderState traded = new OrderState(order.symbol(), 100234, order.clientOrderId(), Side.BUY, "LIMIT", "FILLED",
        order.price(), order.originalQuantity(), order.originalQuantity(), order.time(), List.of());

    List<VenueReport> reports = BinanceReports.of(traded, trades, BTCUSDT);

    assertEquals(1, reports.size());
    Fill fill = ((VenueReport.Accepted) reports.get(0)).fills().get(0);
    assertEquals("BTCUSDT-28457", fill.fillId());
    assertEquals(BigDecimal.ZERO, fill.fee(), "the fee was charged in BNB, not in the quote asset");
  }

  @Test
  void accountDepthTimeAndErrorsDecode() {
    assertEquals(new BigDecimal("4723846.89208129"),
        BinanceRestCodec.account(example("Account information (USER_DATA)", "balances").toString()).free().get("BTC"));
    var depth = BinanceRestCodec.depth("BNBBTC", example("Order book", "lastUpdateId").toString(), 7).book();
    assertEquals(1027024, depth.lastUpdateId());
    assertEquals(List.of(new PriceLevel(4.0, 431.0)), depth.bids());
    assertEquals(1499827319559L, BinanceRestCodec.serverTime("{\"serverTime\":1499827319559}"));
    assertEquals(new ApiError(-1121, "Invalid symbol."),
        BinanceRestCodec.error(example("Error Codes", "-1121").toString()).orElseThrow());
    assertTrue(BinanceRestCodec.error("<html>bad gateway</html>").isEmpty());
  }

  @Test
  void exchangeInfoSymbolTakesItsTickLotAndNotionalFromTheFilters() {
    ObjectNode info = example("Exchange information", "ETHBTC").deepCopy();
    ArrayNode filters = ((ObjectNode) info.path("symbols").get(0)).putArray("filters");
    filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", "0.00000100").put("tickSize", "0.00000100");
    filters.addObject().put("filterType", "LOT_SIZE").put("minQty", "0.001").put("stepSize", "0.001");
    filters.addObject().put("filterType", "NOTIONAL").put("minNotional", "0.0001");

    var rules = BinanceRestCodec.symbols(info.toString()).get(0);

    assertEquals("ETHBTC", rules.symbol());
    assertEquals(new BigDecimal("0.00000100"), rules.tickSize());
    assertEquals(new BigDecimal("0.0001"), rules.minNotional());
  }

  @Test
  void refusalsMapToReasonsAndBrokenBodiesAreErrors() {
    assertEquals(VenueRejectReason.INSUFFICIENT_BALANCE, BinanceReports.refused("c", new ApiError(-2010,
        "Account has insufficient balance for requested action."), 1).reason());
    assertEquals(VenueRejectReason.INVALID_LOT, BinanceReports.refused("c", new ApiError(-1013,
        "Filter failure: LOT_SIZE"), 1).reason());
    assertThrows(IllegalArgumentException.class, () -> BinanceRestCodec.order("{\"symbol\":\"BTCUSDT\""));
    assertThrows(IllegalArgumentException.class, () -> BinanceRestCodec.order("{\"symbol\":1}"));
  }
}
