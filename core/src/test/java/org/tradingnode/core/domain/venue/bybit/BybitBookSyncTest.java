package org.tradingnode.core.domain.venue.bybit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.OrderBook;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.venue.bybit.BybitBookSync.Applied;
import org.tradingnode.core.domain.venue.bybit.BybitBookSync.AwaitingSnapshot;
import org.tradingnode.core.domain.venue.bybit.BybitBookSync.GapDetected;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.BookUpdate;
import org.tradingnode.core.testing.DocumentedBybitMessages;
import org.tradingnode.core.testing.RecordedBybitBook;

class BybitBookSyncTest {
  private static final String TOPIC = RecordedBybitBook.TOPIC;
  private final RecordedBybitBook recording = RecordedBybitBook.load();

  @Test
  void recordedSnapshotAndDeltasAreAllAppliedInOrder() {
    BybitBookSync sync = new BybitBookSync(TOPIC);

    for (int i = 0; i < recording.size(); i++) {
      BookUpdate update = recording.update(i);
      assertEquals(new Applied(update.delta()), sync.apply(update), "frame " + i);
    }

    assertTrue(sync.inSync());
    assertEquals(0, sync.gaps());
    assertEquals(49, recording.size() - 1);
    assertEquals(20254869L + 49, sync.book().lastUpdateId());
    assertSameLevels(recording.bookThrough(49), sync.book());
    assertFalse(sync.book().isCrossed());
  }

  @Test
  void snapshotStartsTheBookWithItsLevels() {
    BybitBookSync sync = new BybitBookSync(TOPIC);

    sync.apply(recording.update(0));

    // first levels of the recorded snapshot
    assertEquals(new PriceLevel(1.9531, 6203), sync.book().bestBid());
    assertEquals(20254869L, sync.book().lastUpdateId());
  }

  @Test
  void deltaBeforeAnySnapshotIsIgnored() {
    BybitBookSync sync = new BybitBookSync(TOPIC);

    assertSame(AwaitingSnapshot.INSTANCE, sync.apply(recording.update(1)));
    assertFalse(sync.inSync());
    assertEquals(0, sync.gaps());
  }

  @Test
  void skippedUpdateIdIsAGapThatDiscardsTheBookUntilTheNextSnapshot() {
    BybitBookSync sync = new BybitBookSync(TOPIC);
    for (int i = 0; i <= 5; i++) {
      sync.apply(recording.update(i));
    }

    assertEquals(new GapDetected(20254875L, 20254876L), sync.apply(recording.update(7)));
    assertNull(sync.book());
    assertEquals(1, sync.gaps());
    assertSame(AwaitingSnapshot.INSTANCE, sync.apply(recording.update(8)));

    sync.apply(update(recording.snapshotFrameAfter(20)));
    for (int i = 21; i < recording.size(); i++) {
      assertEquals(new Applied(recording.update(i).delta()), sync.apply(recording.update(i)), "frame " + i);
    }
    assertSameLevels(recording.bookThrough(recording.size() - 1), sync.book());
    assertEquals(1, sync.gaps());
  }

  @Test
  void repeatedUpdateIdIsAGapToo() {
    BybitBookSync sync = new BybitBookSync(TOPIC);
    sync.apply(recording.update(0));
    sync.apply(recording.update(1));

    assertEquals(new GapDetected(20254871L, 20254870L), sync.apply(recording.update(1)));
  }

  @Test
  void documentedSnapshotAndDeltaAreNotConsecutiveSoTheDeltaIsAGap() {
    String topic = "orderbook.50.BTCUSDT";
    BybitBookSync sync = new BybitBookSync(topic);

    sync.apply(update(DocumentedBybitMessages.orderBookSnapshot()));

    assertEquals(new GapDetected(18521289L, 177400507L), sync.apply(update(DocumentedBybitMessages.orderBookDelta())));
  }

  @Test
  void updateIdOneResetsTheBookLikeASnapshotAfterAServiceRestart() {
    BybitBookSync sync = new BybitBookSync(TOPIC);
    for (int i = 0; i <= 5; i++) {
      sync.apply(recording.update(i));
    }
    List<PriceLevel> bids = List.of(new PriceLevel(1.95, 100));
    List<PriceLevel> asks = List.of(new PriceLevel(1.96, 200));
    BookDelta restart = new BookDelta("XRPUSDT", 1733011300000L, 1, 1, false, bids, asks);

    BybitBookSync.Outcome outcome = sync.apply(new BookUpdate(TOPIC, restart, 130020300000L));

    assertEquals(new Applied(new BookDelta("XRPUSDT", 1733011300000L, 1, 1, true, bids, asks)), outcome);
    assertEquals(bids, sync.book().bidLevels(10));
    assertEquals(asks, sync.book().askLevels(10));
    BookDelta next = new BookDelta("XRPUSDT", 1733011300100L, 2, 2, false, List.of(new PriceLevel(1.95, 0)), List.of());
    assertEquals(new Applied(next), sync.apply(new BookUpdate(TOPIC, next, 130020300001L)));
    assertNull(sync.book().bestBid());
  }

  @Test
  void resetForgetsTheBook() {
    BybitBookSync sync = new BybitBookSync(TOPIC);
    sync.apply(recording.update(0));

    sync.reset();

    assertSame(AwaitingSnapshot.INSTANCE, sync.apply(recording.update(1)));
  }

  @Test
  void updateOfAnotherTopicIsRefused() {
    BybitBookSync sync = new BybitBookSync("orderbook.50.XRPUSDT");

    assertThrows(IllegalArgumentException.class, () -> sync.apply(recording.update(0)));
    assertThrows(IllegalArgumentException.class, () -> new BybitBookSync("publicTrade.XRPUSDT"));
  }

  private static BookUpdate update(String frame) {
    return (BookUpdate) BybitPublicMessages.parse(frame);
  }

  private static void assertSameLevels(OrderBook expected, OrderBook actual) {
    assertEquals(expected.bidLevels(Integer.MAX_VALUE), actual.bidLevels(Integer.MAX_VALUE));
    assertEquals(expected.askLevels(Integer.MAX_VALUE), actual.askLevels(Integer.MAX_VALUE));
    assertEquals(expected.lastUpdateId(), actual.lastUpdateId());
  }
}
