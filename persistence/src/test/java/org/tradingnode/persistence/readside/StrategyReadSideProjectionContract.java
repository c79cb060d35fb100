package org.tradingnode.persistence.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tradingnode.persistence.readside.ReadSideSnapshot.canonical;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_1;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_2;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_3;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_5;
import static org.tradingnode.persistence.readside.TradingStory.BETA_FILL_1;

import com.typesafe.config.Config;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.persistence.query.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.core.entity.StrategyEntity;

/**
 * The projection against a real journal and a real store of one profile: what the strategies journal
 * shows up in the read side with the strategy's own numbers, a replay from an earlier offset counts
 * nothing twice, and events journaled while no node projects appear once a node projects again.
 */
abstract class StrategyReadSideProjectionContract {
  private static final List<String> STRATEGIES = List.of("alpha", "beta");

  private Config profile;

  /** The node config of the journal profile under test, on data (a directory, keyspaces) of this test only. */
  abstract Config freshProfile();

  @BeforeEach
  void prepareProfile() {
    profile = freshProfile();
  }

  @Test
  void eventsNotProjectedYetAreCountedAndAWaitForConsistencyEndsOnceTheReadSideHoldsThem() {
    try (TestNode node = TestNode.start(profile)) {
      node.journal("alpha", TradingStory.alphaOpening());
      ReadSideFreshness freshness = node.freshness();

      ReadSideFreshness.Lag behind = node.await(freshness.lag());
      ReadSideFreshness.Lag stillBehind = node.await(freshness.awaitCaughtUp(Duration.ofMillis(100)));
      ReadSideQueries readSide = node.startReadSide();
      ReadSideFreshness.Lag caughtUp = node.await(freshness.awaitCaughtUp(Duration.ofSeconds(60)));

      assertEquals(TradingStory.alphaOpening().size(), behind.pendingEvents());
      assertFalse(behind.caughtUp());
      assertEquals(behind.pendingEvents(), stillBehind.pendingEvents(), "nothing projects yet");
      assertEquals(ReadSideFreshness.Lag.NONE, caughtUp);
      assertEquals(Set.of("alpha-1", "alpha-2", "alpha-3", "alpha-4"),
          ReadSideSnapshot.of(node, readSide, STRATEGIES).orders().keySet(), "caught up means every order is there");
      assertEquals(ReadSideFreshness.Lag.NONE, node.await(freshness.lag()));
    }
  }

  @Test
  void journaledOrdersFillsAndPositionsAppearWithTheNumbersTheStrategyComputes() {
    try (TestNode node = TestNode.start(profile)) {
      ReadSideQueries readSide = node.startReadSide();

      node.journal("alpha", TradingStory.alphaOpening());
      node.journal("beta", TradingStory.betaShort());

      ReadSideSnapshot seen = node.eventually(() -> {
        ReadSideSnapshot now = ReadSideSnapshot.of(node, readSide, STRATEGIES);
        assertEquals(Set.of("alpha-1", "alpha-2", "alpha-3", "alpha-4", "beta-1"), now.orders().keySet());
        assertEquals(OrderStatus.CANCELED, now.order("alpha-4").status());
        assertEquals(OrderStatus.FILLED, now.order("beta-1").status());
        return now;
      });
      assertEquals(OrderStatus.FILLED, seen.order("alpha-1").status());
      assertEquals(new BigDecimal("0.01"), seen.order("alpha-1").filledQuantity());
      assertEquals(new BigDecimal("59994"), seen.order("alpha-1").averagePrice());
      assertEquals(new BigDecimal("0.6"), seen.order("alpha-1").fees());
      assertEquals("v-1", seen.order("alpha-1").venueOrderId());
      assertEquals(OrderStatus.REJECTED, seen.order("alpha-3").status());
      assertEquals("MAX_ORDER_NOTIONAL: too big", seen.order("alpha-3").reason());
      assertEquals(canonical(TradingStory.positionAfter("BTCUSDT", ALPHA_FILL_1, ALPHA_FILL_2, ALPHA_FILL_3)),
          seen.position("alpha", "BTCUSDT"));
      assertEquals(new BigDecimal("0.53"), seen.position("alpha", "BTCUSDT").realizedPnl());
      assertEquals(canonical(TradingStory.positionAfter("ETHUSDT", BETA_FILL_1)), seen.position("beta", "ETHUSDT"));
      assertEquals(Set.of("alpha-1/f-1", "alpha-1/f-2", "alpha-2/f-3", "beta-1/g-1"), seen.fills().keySet());
      assertEquals("other", seen.positions().get("beta/ETHUSDT").account());
      List<StrategyRow> strategies = node.eventually(() -> {
        List<StrategyRow> rows = readSide.strategies().toCompletableFuture().join();
        assertEquals(1, rows.size());
        assertEquals(TradingStory.countsAfter(TradingStory.alphaOpening()), rows.get(0).counts());
        return rows;
      });
      assertEquals("alpha", strategies.get(0).strategyId());
      assertEquals(List.of("BTCUSDT"), strategies.get(0).config().symbols());
    }
  }

  @Test
  void replayingEveryTagFromTheStartCountsNoFillTwice() {
    ReadSideSnapshot projectedOnce;
    List<Offset> offsetsOnce;
    try (TestNode node = TestNode.start(profile)) {
      ReadSideQueries readSide = node.startReadSide();
      node.journal("alpha", TradingStory.alphaOpening());
      node.journal("beta", TradingStory.betaShort());
      projectedOnce = node.eventually(() -> {
        ReadSideSnapshot now = ReadSideSnapshot.of(node, readSide, STRATEGIES);
        assertEquals(OrderStatus.CANCELED, now.order("alpha-4").status());
        assertEquals(OrderStatus.FILLED, now.order("beta-1").status());
        return now;
      });
      assertEquals(ReadSideFreshness.Lag.NONE,
          node.await(node.freshness().awaitCaughtUp(Duration.ofSeconds(60))), "every offset at the journal's end");
      offsetsOnce = offsets(node);
      assertEquals(2, offsetsOnce.stream().filter(o -> !o.equals(Offset.noOffset())).count(), offsetsOnce.toString());
    }

    try (TestNode node = TestNode.start(profile)) {
      for (String tag : tags()) {
        node.await(node.store().update(tag, Offset.noOffset(), rows -> { }));
      }
      ReadSideQueries readSide = node.startReadSide();

      node.eventually(() -> {
        assertEquals(offsetsOnce, offsets(node));
        return offsetsOnce;
      });
      assertEquals(projectedOnce, ReadSideSnapshot.of(node, readSide, STRATEGIES));
    }
  }

  @Test
  void eventsJournaledWhileNoNodeProjectsAppearOnceANodeProjectsFromTheStoredOffset() {
    try (TestNode node = TestNode.start(profile)) {
      ReadSideQueries readSide = node.startReadSide();
      node.journal("alpha", TradingStory.alphaOpening());
      node.eventually(() -> {
        assertEquals(OrderStatus.CANCELED, ReadSideSnapshot.of(node, readSide, STRATEGIES).order("alpha-4").status());
        assertNotEquals(Offset.noOffset(), node.await(node.store().offset(alphaTag())));
        return true;
      });
    }

    try (TestNode node = TestNode.start(profile)) {
      Offset storedBeforeStop = node.await(node.store().offset(alphaTag()));
      node.journal("alpha", TradingStory.alphaClosing());

      assertNull(ReadSideSnapshot.of(node, node.store(), STRATEGIES).order("alpha-5"));
      assertEquals(storedBeforeStop, node.await(node.store().offset(alphaTag())), "nothing projects on this node");
    }

    try (TestNode node = TestNode.start(profile)) {
      ReadSideQueries readSide = node.startReadSide();

      ReadSideSnapshot caughtUp = node.eventually(() -> {
        ReadSideSnapshot now = ReadSideSnapshot.of(node, readSide, STRATEGIES);
        assertEquals(OrderStatus.FILLED, now.order("alpha-5").status());
        return now;
      });
      assertEquals(canonical(TradingStory.positionAfter("BTCUSDT", ALPHA_FILL_1, ALPHA_FILL_2, ALPHA_FILL_3,
          ALPHA_FILL_5)), caughtUp.position("alpha", "BTCUSDT"));
      assertEquals(0, caughtUp.position("alpha", "BTCUSDT").quantity().signum());
      assertEquals(new BigDecimal("1.56"), caughtUp.position("alpha", "BTCUSDT").realizedPnl());
      assertEquals(4, caughtUp.fills().size());
      assertEquals(new BigDecimal("0.01"), caughtUp.order("alpha-1").filledQuantity());
    }
  }

  private static String alphaTag() {
    return EventTags.tagFor(StrategyEntity.TYPE_KEY.name(), "alpha");
  }

  private static List<String> tags() {
    List<String> tags = new ArrayList<>();
    for (int slice = 0; slice < EventTags.SLICES; slice++) {
      tags.add(EventTags.sliceTag(StrategyEntity.TYPE_KEY.name(), slice));
    }
    return tags;
  }

  private static List<Offset> offsets(TestNode node) {
    return tags().stream().map(tag -> node.await(node.store().offset(tag))).toList();
  }
}
