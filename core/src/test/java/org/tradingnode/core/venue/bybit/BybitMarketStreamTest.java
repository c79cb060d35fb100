package org.tradingnode.core.venue.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.Liquidation;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.OrderBook;
import org.tradingnode.core.domain.market.PositionSide;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.BookUpdate;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessages;
import org.tradingnode.core.testing.DocumentedBybitMessages;
import org.tradingnode.core.testing.RecordedBybitBook;

/**
 * The stream against a real Pekko HTTP WebSocket server on 127.0.0.1 that speaks Bybit's documented
 * protocol and pushes the documented and recorded messages.
 */
class BybitMarketStreamTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String BOOK = "orderbook.50.BTCUSDT";
  private static final String TRADES = "publicTrade.BTCUSDT";
  private static final String LIQUIDATIONS = "allLiquidation.ROSEUSDT";
  private static final Trade DOCUMENTED_TRADE =
      new Trade("BTCUSDT", 1672304486865L, 0xb1e6982833bd789eL, 16578.50, 0.001, Side.BUY);
  private static final Liquidation DOCUMENTED_LIQUIDATION =
      new Liquidation("ROSEUSDT", 1739502302929L, PositionSide.SHORT, 0.04499, 20000, "bybit");

  private final TestProbe<MarketEvent> consumer = KIT.createTestProbe(MarketEvent.class);
  private final RecordedBybitBook recording = RecordedBybitBook.load();
  private LocalBybitServer server;
  private BybitMarketStream stream;

  @AfterEach
  void stopStreamAndServer() throws Exception {
    if (stream != null) {
      stream.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.stop();
    }
  }

  @AfterAll
  static void shutDown() {
    KIT.shutdownTestKit();
  }

  @Test
  void documentedMessagesArriveAsNormalizedEventsInTheirOrder() throws Exception {
    server = LocalBybitServer.start(KIT.system(), (topic, subscription) -> switch (topic) {
      case BOOK -> List.of(DocumentedBybitMessages.orderBookSnapshot());
      case TRADES -> List.of(DocumentedBybitMessages.publicTrade());
      case LIQUIDATIONS -> List.of(DocumentedBybitMessages.allLiquidation());
      default -> List.of();
    });

    stream = connect(List.of(BOOK, TRADES, LIQUIDATIONS));

    consumer.expectMessage(WAIT, new BookDelta("BTCUSDT", 1672304484976L, 18521288, 18521288, true,
        List.of(new PriceLevel(16493.50, 0.006), new PriceLevel(16493.00, 0.100)),
        List.of(new PriceLevel(16611.00, 0.029), new PriceLevel(16612.00, 0.213))));
    consumer.expectMessage(WAIT, DOCUMENTED_TRADE);
    consumer.expectMessage(WAIT, DOCUMENTED_LIQUIDATION);
    assertEquals(List.of("{\"op\":\"subscribe\",\"args\":[\"" + BOOK + "\",\"" + TRADES + "\",\"" + LIQUIDATIONS + "\"]}"),
        server.requests("subscribe"));
    BybitStreamStats stats = stream.stats();
    assertEquals(0, stats.malformed());
    assertEquals(0, stats.unknownTopics());
  }

  @Test
  void pingsGoOutPeriodicallyAndTheVenuesPongsAreNotDropped() throws Exception {
    server = LocalBybitServer.start(KIT.system(), (topic, subscription) -> List.of());

    stream = connect(List.of(TRADES));

    consumer.awaitAssert(WAIT, () -> {
      assertTrue(server.requests("ping").size() >= 3);
      assertTrue(stream.stats().messages() >= 3, "subscribe response and pongs");
      return null;
    });
    assertEquals("{\"op\":\"ping\"}", server.requests("ping").get(0));
    assertEquals(0, stream.stats().malformed());
    assertEquals(0, stream.stats().unknownTopics());
  }

  @Test
  void skippedUpdateIdMakesTheStreamResubscribeAndRebuildTheBookFromTheNewSnapshot() throws Exception {
    String book = RecordedBybitBook.TOPIC;
    String freshSnapshot = recording.snapshotFrameAfter(20);
    server = LocalBybitServer.start(KIT.system(), (topic, subscription) -> subscription == 1
        // frame 6 is never sent: frame 7 skips an update id, frames 8 and 9 follow it
        ? frames(0, 5, 7, 8, 9)
        : concat(List.of(freshSnapshot), frames(21, 49)));

    stream = connect(List.of(book));

    for (int i = 0; i <= 5; i++) {
      consumer.expectMessage(WAIT, recording.update(i).delta());
    }
    BookDelta snapshot = ((BookUpdate) BybitPublicMessages.parse(freshSnapshot)).delta();
    consumer.expectMessage(WAIT, snapshot);
    OrderBook rebuilt = new OrderBook();
    rebuilt.apply(snapshot);
    for (int i = 21; i <= 49; i++) {
      BookDelta delta = recording.update(i).delta();
      consumer.expectMessage(WAIT, delta);
      rebuilt.apply(delta);
    }
    OrderBook recorded = recording.bookThrough(49);
    assertEquals(recorded.bidLevels(Integer.MAX_VALUE), rebuilt.bidLevels(Integer.MAX_VALUE));
    assertEquals(recorded.askLevels(Integer.MAX_VALUE), rebuilt.askLevels(Integer.MAX_VALUE));
    assertEquals(2, server.subscriptions(book));
    assertEquals(List.of("{\"op\":\"unsubscribe\",\"args\":[\"" + book + "\"]}"), server.requests("unsubscribe"));
    assertEquals(1, server.acceptedConnections());
    BybitStreamStats stats = stream.stats();
    assertEquals(1, stats.gaps());
    assertEquals(1, stats.resyncs());
    assertEquals(0, stats.reconnects());
  }

  @Test
  void malformedAndUnknownFramesAreDroppedAndCountedAndTheStreamKeepsDelivering() throws Exception {
    String trade = DocumentedBybitMessages.publicTrade();
    server = LocalBybitServer.start(KIT.system(), (topic, subscription) -> topic.equals(TRADES)
        ? List.of(
            trade.substring(0, trade.length() / 2),
            DocumentedBybitMessages.spotTicker(),
            trade.replace("\"v\": \"0.001\"", "\"v\": 0.001"),
            trade.replace("\"T\": 1672304486865", "\"T\": \"1672304486865\""),
            trade)
        : List.of(DocumentedBybitMessages.allLiquidation()));

    stream = connect(List.of(TRADES, LIQUIDATIONS));

    consumer.expectMessage(WAIT, DOCUMENTED_TRADE);
    consumer.expectMessage(WAIT, DOCUMENTED_LIQUIDATION);
    BybitStreamStats stats = stream.stats();
    assertEquals(3, stats.malformed());
    assertEquals(1, stats.unknownTopics());
    assertEquals(0, stats.reconnects());
  }

  @Test
  void droppedConnectionIsReopenedAndEveryTopicSubscribedAgain() throws Exception {
    String book = RecordedBybitBook.TOPIC;
    server = LocalBybitServer.start(KIT.system(), (topic, subscription) -> topic.equals(book)
        ? frames(0, 3)
        : List.of(DocumentedBybitMessages.publicTrade()));
    stream = connect(List.of(book, TRADES));
    expectBookFramesThenTrade(0, 3);

    server.dropConnections();

    expectBookFramesThenTrade(0, 3);
    assertEquals(2, server.acceptedConnections());
    List<String> subscribes = server.requests("subscribe");
    assertEquals(2, subscribes.size());
    assertEquals(subscribes.get(0), subscribes.get(1));
    BybitStreamStats stats = stream.stats();
    assertEquals(1, stats.reconnects());
    assertEquals(0, stats.gaps());
  }

  private BybitMarketStream connect(List<String> topics) {
    BybitStreamSettings settings = new BybitStreamSettings(server.url(), topics, Duration.ofMillis(200),
        Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(500));
    return BybitMarketStream.start(KIT.system(), settings, consumer.ref()::tell);
  }

  private void expectBookFramesThenTrade(int first, int last) {
    for (int i = first; i <= last; i++) {
      consumer.expectMessage(WAIT, recording.update(i).delta());
    }
    consumer.expectMessage(WAIT, DOCUMENTED_TRADE);
  }

  /** Recorded frames {@code first..last}, then any single frames listed after them. */
  private List<String> frames(int first, int last, int... more) {
    List<String> frames = new ArrayList<>();
    IntStream.rangeClosed(first, last).forEach(i -> frames.add(recording.frame(i)));
    IntStream.of(more).forEach(i -> frames.add(recording.frame(i)));
    return frames;
  }

  private static List<String> concat(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all;
  }
}
