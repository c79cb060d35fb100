package org.tradingnode.core.domain.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.AccountPosition;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.BookTicker;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.ControlAnswer;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.DepthUpdate;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.ExecutionReport;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.Malformed;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.ServerShutdown;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.StreamEnded;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.Trade;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent.Unknown;
import org.tradingnode.core.testing.SharedData;

/**
 * Decodes the documented examples of Binance's web-socket-streams.md and user-data-stream.md (read
 * from exchange_payloads/binance), and drops what does not match the documentation.
 */
class BinanceStreamCodecTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<JsonNode> MARKET = blocks("exchange_payloads/binance/binance_spot_ws_market_streams.json");
  private static final List<JsonNode> USER = blocks("exchange_payloads/binance/binance_spot_user_data_stream.json");

  private static List<JsonNode> blocks(String file) {
    try {
      JsonNode root = MAPPER.readTree(SharedData.file(file).toFile());
      List<JsonNode> out = new java.util.ArrayList<>();
      root.path("blocks").forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The documented example of a section whose parsed JSON has the given field value. */
  private static String example(List<JsonNode> blocks, String section, String path, String value) {
    return blocks.stream()
        .filter(b -> b.path("section").asText().contains(section))
        .map(b -> b.path("parsed"))
        .filter(p -> value == null || value.equals(p.at(path).asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no example for " + section)).toString();
  }

  @Test
  void tradeStreamExampleDecodesWithTheTakerSide() {
    Trade trade = assertInstanceOf(Trade.class,
        BinanceStreamCodec.decode(example(MARKET, "Trade Streams", "/e", "trade")));

    assertEquals(new Trade("BNBBTC", 12345, 0.001, 100, true, 1672515782136L), trade);
    assertEquals(Side.SELL, trade.aggressor(), "the buyer was the maker, so the taker sold");
  }

  @Test
  void bookTickerExampleDecodesWithoutAnEventType() {
    BookTicker ticker = assertInstanceOf(BookTicker.class,
        BinanceStreamCodec.decode(example(MARKET, "Individual Symbol Book Ticker", null, null)));

    assertEquals(new BookTicker("BNBUSDT", 400900217, 25.3519, 31.21, 25.3652, 40.66), ticker);
  }

  @Test
  void diffDepthExampleKeepsItsUpdateIds() {
    DepthUpdate update = assertInstanceOf(DepthUpdate.class,
        BinanceStreamCodec.decode(example(MARKET, "Diff. Depth Stream", "/e", "depthUpdate")));

    assertEquals(new BookDelta("BNBBTC", 1672515782136L, 157, 160, false,
        List.of(new PriceLevel(0.0024, 10)), List.of(new PriceLevel(0.0026, 100))), update.delta());
  }

  @Test
  void combinedStreamPayloadIsUnwrapped() {
    assertEquals(new ServerShutdown(1770123456789L),
        BinanceStreamCodec.decode(example(MARKET, "Server Shutdown", "/stream", "!serverShutdown")));
  }

  @Test
  void subscribeAnswerIsAControlAnswer() {
    String answer = MARKET.stream()
        .filter(b -> b.path("section").asText().endsWith("Subscribe to a stream") && b.path("parsed").has("result"))
        .findFirst().orElseThrow().path("parsed").toString();

    assertEquals(new ControlAnswer(1, true, 0, ""), BinanceStreamCodec.decode(answer));
  }

  @Test
  void aWebSocketApiErrorIsAControlAnswerWithTheErrorCode() {
    String answer = "{\"id\": 3, \"status\": 400, \"error\": {\"code\": -1022, "
        + "\"msg\": \"Signature for this request is not valid.\"}}";

    ControlAnswer decoded = assertInstanceOf(ControlAnswer.class, BinanceStreamCodec.decode(answer));

    assertEquals(3, decoded.id());
    assertEquals(false, decoded.ok());
    assertEquals(-1022, decoded.errorCode());
  }

  @Test
  void executionReportExampleDecodesFromTheWrappedUserStream() {
    ExecutionReport report = assertInstanceOf(ExecutionReport.class,
        BinanceStreamCodec.decode(example(USER, "Order Update", "/event/e", "executionReport")));

    assertEquals("mUvoqJxFIILMdfAW5iGSOW", report.orderClientId());
    assertEquals("NEW", report.executionType());
    assertEquals(4293153, report.orderId());
    assertEquals(Side.BUY, report.side());
    assertEquals(new BigDecimal("0.00000000"), report.lastQuantity());
  }

  @Test
  void accountPositionAndStreamEndDecode() {
    AccountPosition position = assertInstanceOf(AccountPosition.class,
        BinanceStreamCodec.decode(example(USER, "Account Update", "/event/e", "outboundAccountPosition")));
    assertEquals(new BigDecimal("10000.000000"), position.free().get("ETH"));

    assertEquals(new StreamEnded("eventStreamTerminated"),
        BinanceStreamCodec.decode(example(USER, "Event Stream Terminated", "/event/e", "eventStreamTerminated")));
    assertEquals(new Unknown("listStatus"),
        BinanceStreamCodec.decode(example(USER, "Order Reject Reason", "/event/e", "listStatus")));
  }

  @Test
  void framesThatDoNotMatchTheDocumentationAreMalformed() {
    String trade = example(MARKET, "Trade Streams", "/e", "trade");

    assertInstanceOf(Malformed.class, BinanceStreamCodec.decode(trade.substring(0, trade.length() / 2)));
    assertInstanceOf(Malformed.class, BinanceStreamCodec.decode(trade.replace("\"p\":\"0.001\"", "\"p\":true")));
    assertInstanceOf(Malformed.class, BinanceStreamCodec.decode(trade.replace("\"t\":12345", "\"t\":\"x\"")));
    assertInstanceOf(Malformed.class, BinanceStreamCodec.decode(trade.replace("\"s\":\"BNBBTC\",", "")));
    assertInstanceOf(Malformed.class, BinanceStreamCodec.decode("[1,2]"));
    assertInstanceOf(Malformed.class, BinanceStreamCodec.decode("{\"stream\":\"x\",\"data\":5}"));
    Malformed broken = assertInstanceOf(Malformed.class, BinanceStreamCodec.decode(
        example(MARKET, "Diff. Depth Stream", "/e", "depthUpdate").replace("[\"0.0024\",\"10\"]", "[\"0.0024\"]")));
    assertTrue(broken.reason().contains("'b'"), broken.reason());
  }
}
