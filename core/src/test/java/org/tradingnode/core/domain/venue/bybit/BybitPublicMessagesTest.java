package org.tradingnode.core.domain.venue.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.Liquidation;
import org.tradingnode.core.domain.market.PositionSide;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.BookUpdate;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.CommandResponse;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Liquidations;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Malformed;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Pong;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.PublicTrades;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Unknown;
import org.tradingnode.core.testing.DocumentedBybitMessages;

class BybitPublicMessagesTest {
  /** The documented linear trade id 20f43950-d8dd-5b31-9112-a178eb6023af: 0x20f43950d8dd5b31 ^ 0x9112a178eb6023af. */
  private static final long DOCUMENTED_TRADE_ID = 0xb1e6982833bd789eL;

  @Test
  void documentedSnapshotBecomesASnapshotBookDeltaAtTheMatchingEngineTime() {
    BybitPublicMessage message = BybitPublicMessages.parse(DocumentedBybitMessages.orderBookSnapshot());

    assertEquals(new BookUpdate("orderbook.50.BTCUSDT",
        new BookDelta("BTCUSDT", 1672304484976L, 18521288, 18521288, true,
            List.of(new PriceLevel(16493.50, 0.006), new PriceLevel(16493.00, 0.100)),
            List.of(new PriceLevel(16611.00, 0.029), new PriceLevel(16612.00, 0.213))),
        7961638724L), message);
  }

  @Test
  void documentedDeltaKeepsEveryLevelIncludingTheRemovedOnes() {
    BookUpdate update = (BookUpdate) BybitPublicMessages.parse(DocumentedBybitMessages.orderBookDelta());

    assertEquals(new BookDelta("BTCUSDT", 1687940967464L, 177400507, 177400507, false,
        List.of(new PriceLevel(30247.20, 30.028), new PriceLevel(30245.40, 0.224), new PriceLevel(30242.10, 1.593),
            new PriceLevel(30240.30, 1.305), new PriceLevel(30240.00, 0)),
        List.of(new PriceLevel(30248.70, 0), new PriceLevel(30249.30, 0.892), new PriceLevel(30249.50, 1.778),
            new PriceLevel(30249.60, 0), new PriceLevel(30251.90, 2.947), new PriceLevel(30252.20, 0.659),
            new PriceLevel(30252.50, 4.591))), update.delta());
    assertEquals(177400507, update.updateId());
    assertEquals(66544703342L, update.crossSequence());
  }

  @Test
  void bookTimestampFallsBackToTsWhenThereIsNoCts() {
    String withoutCts = DocumentedBybitMessages.orderBookDelta().replaceAll(",\\s*\"cts\": \\d+", "");
    assertNotEquals(DocumentedBybitMessages.orderBookDelta(), withoutCts);

    BookUpdate update = (BookUpdate) BybitPublicMessages.parse(withoutCts);

    assertEquals(1687940967466L, update.delta().timestamp());
  }

  @Test
  void documentedTradeBecomesATradeWithTheTakersSide() {
    BybitPublicMessage message = BybitPublicMessages.parse(DocumentedBybitMessages.publicTrade());

    assertEquals(new PublicTrades("publicTrade.BTCUSDT",
        List.of(new Trade("BTCUSDT", 1672304486865L, DOCUMENTED_TRADE_ID, 16578.50, 0.001, Side.BUY))), message);
  }

  @Test
  void numericSpotTradeIdIsKeptAsTheNumber() {
    // a spot-style id, the shape of the documented spot execId 2100000000007764263 (docs/v5/market/recent-trade.mdx)
    String spotTrade = replace(DocumentedBybitMessages.publicTrade(), "\"20f43950-d8dd-5b31-9112-a178eb6023af\"",
        "\"2100000000007764263\"");

    PublicTrades trades = (PublicTrades) BybitPublicMessages.parse(spotTrade);

    assertEquals(2100000000007764263L, trades.trades().get(0).tradeId());
  }

  @Test
  void documentedLiquidationOfASellPositionIsALiquidatedShort() {
    BybitPublicMessage message = BybitPublicMessages.parse(DocumentedBybitMessages.allLiquidation());

    assertEquals(new Liquidations("allLiquidation.ROSEUSDT",
        List.of(new Liquidation("ROSEUSDT", 1739502302929L, PositionSide.SHORT, 0.04499, 20000, "bybit"))), message);
  }

  @Test
  void buyLiquidationIsALiquidatedLongAndDataMayBeASingleObject() {
    String single = DocumentedBybitMessages.allLiquidation().replaceAll("\"data\": \\[([^\\]]*)\\]", "\"data\": $1");
    String buy = replace(single, "\"S\": \"Sell\"", "\"S\": \"Buy\"");

    Liquidations liquidations = (Liquidations) BybitPublicMessages.parse(buy);

    assertEquals(List.of(new Liquidation("ROSEUSDT", 1739502302929L, PositionSide.LONG, 0.04499, 20000, "bybit")),
        liquidations.liquidations());
  }

  @Test
  void documentedSubscribeAndAuthResponsesAreCommandResponses() {
    assertEquals(new CommandResponse("subscribe", true, ""),
        BybitPublicMessages.parse(DocumentedBybitMessages.linearSubscribeSuccess()));
    assertEquals(new CommandResponse("subscribe", true, "subscribe"),
        BybitPublicMessages.parse(DocumentedBybitMessages.spotSubscribeSuccess()));
    assertEquals(new CommandResponse("command", true, ""),
        BybitPublicMessages.parse(DocumentedBybitMessages.optionSubscribeResponse()));
    assertEquals(new CommandResponse("auth", true, ""),
        BybitPublicMessages.parse(DocumentedBybitMessages.authSuccess()));
  }

  @Test
  void refusedSubscribeIsAnUnsuccessfulCommandResponse() {
    // the refusal Bybit sends for a topic the connection already has (sieblyio/bybit-api issue 477)
    String refusal = "{\"success\":false,\"ret_msg\":\"error:already subscribed,topic:orderbook.50.BTCUSDT\","
        + "\"conn_id\":\"c1\",\"op\":\"subscribe\"}";

    assertEquals(new CommandResponse("subscribe", false, "error:already subscribed,topic:orderbook.50.BTCUSDT"),
        BybitPublicMessages.parse(refusal));
  }

  @Test
  void everyDocumentedPongIsAPong() {
    for (String pong : List.of(DocumentedBybitMessages.spotPong(), DocumentedBybitMessages.linearPong(),
        DocumentedBybitMessages.optionPong(), DocumentedBybitMessages.privatePong())) {
      assertSame(Pong.INSTANCE, BybitPublicMessages.parse(pong), pong);
    }
  }

  @Test
  void topicsTheNodeDoesNotReadAreUnknown() {
    assertEquals(new Unknown("tickers.BTCUSDT"), BybitPublicMessages.parse(DocumentedBybitMessages.spotTicker()));
    assertEquals(new Unknown("orderbook.rpi.BTCUSDT"),
        BybitPublicMessages.parse(DocumentedBybitMessages.rpiOrderBookDelta()));
    assertEquals(new Unknown("order.create"), BybitPublicMessages.parse("{\"op\":\"order.create\"}"));
  }

  @Test
  void truncatedOrNonObjectFramesAreMalformed() {
    String trade = DocumentedBybitMessages.publicTrade();

    assertMalformed(trade.substring(0, trade.length() / 2));
    assertMalformed("");
    assertMalformed("[1, 2]");
    assertMalformed("\"pong\"");
    assertMalformed(trade + " {}");
    assertMalformed("{\"success\": true}");
  }

  @Test
  void fieldsOfTheWrongTypeMakeTheWholeFrameMalformed() {
    String trade = DocumentedBybitMessages.publicTrade();
    String delta = DocumentedBybitMessages.orderBookDelta();
    String liquidation = DocumentedBybitMessages.allLiquidation();

    assertMalformed(replace(trade, "\"v\": \"0.001\"", "\"v\": 0.001"));
    assertMalformed(replace(trade, "\"T\": 1672304486865", "\"T\": \"1672304486865\""));
    assertMalformed(replace(trade, "\"S\": \"Buy\"", "\"S\": \"Long\""));
    assertMalformed(replace(trade, "\"i\": \"20f43950-d8dd-5b31-9112-a178eb6023af\"", "\"i\": \"trade-7\""));
    assertMalformed(replace(delta, "\"u\": 177400507", "\"u\": \"177400507\""));
    assertMalformed(replace(delta, "\"30247.20\"", "\"30,247.20\""));
    assertMalformed(replace(delta, "\"type\": \"delta\"", "\"type\": \"partial\""));
    assertMalformed(replace(delta, "\"s\": \"BTCUSDT\"", "\"s\": \"ETHUSDT\""));
    assertMalformed(delta.replaceFirst("\"30252.50\",\\s*\"4.591\"", "\"30252.50\""));
    assertMalformed(replace(liquidation, "\"p\": \"0.04499\"", "\"p\": null"));
    assertMalformed(replace(liquidation, "\"data\": [", "\"data\": [7, "));
    assertMalformed(replace(DocumentedBybitMessages.linearSubscribeSuccess(), "\"success\": true", "\"success\": 1"));
  }

  private static void assertMalformed(String frame) {
    assertInstanceOf(Malformed.class, BybitPublicMessages.parse(frame), frame);
  }

  /** Replaces a documented fragment, failing if the fragment is not in the message. */
  private static String replace(String message, String fragment, String replacement) {
    if (!message.contains(fragment)) {
      throw new IllegalArgumentException(fragment + " is not in " + message);
    }
    return message.replace(fragment, replacement);
  }
}
