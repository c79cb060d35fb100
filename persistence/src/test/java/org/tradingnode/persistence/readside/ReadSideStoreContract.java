package org.tradingnode.persistence.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tradingnode.persistence.readside.ReadSideSnapshot.canonical;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_1;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_2;
import static org.tradingnode.persistence.readside.TradingStory.ALPHA_FILL_3;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.persistence.query.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.entity.StrategyEntity;

/**
 * One store under the projector, without a journal: the same batch delivered twice, a batch that dies
 * halfway and is delivered again, a fill id seen in two events, and offsets kept per tag. Each store
 * must count every fill once.
 */
abstract class ReadSideStoreContract {
  private static final String TAG = "Strategy-2";
  private final StrategyEventProjector projector = new StrategyEventProjector(TradingStory.CATALOG);
  private ReadSideStore store;

  /** A store over empty tables. */
  abstract ReadSideStore openStore() throws Exception;

  /** Releases what {@link #openStore()} took. */
  abstract void closeStore() throws Exception;

  /** The offset of the n-th event of a tag as this store's read journal numbers it. */
  abstract Offset offsetOf(int n);

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void close() throws Exception {
    closeStore();
  }

  @Test
  void aBatchDeliveredTwiceCountsEachFillOnce() {
    List<StrategyEntity.Event> events = TradingStory.alphaOpening();

    await(store.update(TAG, offsetOf(events.size()), rows -> applyAll(rows, events)));
    await(store.update(TAG, offsetOf(events.size()), rows -> applyAll(rows, events)));

    assertAlphaOpeningProjectedOnce();
  }

  @Test
  void aBatchThatDiedHalfwayCountsEachFillOnceWhenDeliveredAgain() {
    List<StrategyEntity.Event> events = TradingStory.alphaOpening();
    int writesUpToTheSecondFillsPosition = 7;

    CompletionException crash = assertThrows(CompletionException.class, () -> await(store.update(TAG,
        offsetOf(events.size()), rows -> applyAll(new CrashingRows(rows, writesUpToTheSecondFillsPosition), events))));
    await(store.update(TAG, offsetOf(events.size()), rows -> applyAll(rows, events)));

    assertEquals("the node died here", crash.getCause().getMessage());
    assertAlphaOpeningProjectedOnce();
  }

  @Test
  void aFillIdAlreadyRecordedIsNotCountedAgainWhenAnotherEventReportsIt() {
    List<StrategyEntity.Event> events = TradingStory.alphaOpening().subList(0, 4);

    await(store.update(TAG, offsetOf(4), rows -> {
      applyAll(rows, events);
      projector.apply(rows, "alpha", 5, new StrategyEntity.OrderFilled(ALPHA_FILL_1, TradingStory.MONEY_SCALE));
    }));

    var position = await(store.positions(Optional.of("demo"))).get(0).position();
    assertEquals(new BigDecimal("0.004"), canonical(position.quantity()));
    assertEquals(OrderStatus.PARTIALLY_FILLED, await(store.orders(OrderFilter.all())).get(0).status());
  }

  @Test
  void theOffsetIsKeptPerTagAndForgottenOnRequest() {
    await(store.update("Strategy-0", offsetOf(3), rows -> { }));
    await(store.update("Strategy-2", offsetOf(7), rows -> { }));
    await(store.update("Strategy-2", offsetOf(9), rows -> { }));
    await(store.update("Strategy-3", offsetOf(4), rows -> { }));
    await(store.update("Strategy-3", Offset.noOffset(), rows -> { }));

    assertEquals(offsetOf(3), await(store.offset("Strategy-0")));
    assertEquals(Offset.noOffset(), await(store.offset("Strategy-1")));
    assertEquals(offsetOf(9), await(store.offset("Strategy-2")));
    assertEquals(Offset.noOffset(), await(store.offset("Strategy-3")));
  }

  @Test
  void ordersAreFilteredByStrategyAccountAndStatus() {
    await(store.update(TAG, offsetOf(12), rows -> applyAll(rows, TradingStory.alphaOpening())));
    await(store.update("Strategy-0", offsetOf(2), rows -> {
      List<StrategyEntity.Event> beta = TradingStory.betaShort();
      for (int i = 0; i < beta.size(); i++) {
        projector.apply(rows, "beta", i + 1, beta.get(i));
      }
    }));

    assertEquals(List.of("alpha-1", "alpha-2"), ids(store.orders(new OrderFilter("alpha", null,
        Set.of(OrderStatus.FILLED)))));
    assertEquals(List.of("beta-1"), ids(store.orders(new OrderFilter(null, "other",
        EnumSet.allOf(OrderStatus.class)))));
    assertEquals(List.of("alpha-3", "alpha-4"), ids(store.orders(new OrderFilter(null, "demo",
        Set.of(OrderStatus.REJECTED, OrderStatus.CANCELED)))));
    assertEquals(List.of(), ids(store.orders(new OrderFilter("gamma", null,
        EnumSet.allOf(OrderStatus.class)))));
    assertEquals(1, await(store.positions(Optional.of("other"))).size());
    assertEquals(2, await(store.positions(Optional.empty())).size());
  }

  private void assertAlphaOpeningProjectedOnce() {
    ReadSideSnapshot snapshot = ReadSideSnapshot.of(await(store.orders(OrderFilter.all())),
        await(store.positions(Optional.empty())), await(store.fills("alpha")));
    assertEquals(canonical(TradingStory.positionAfter("BTCUSDT", ALPHA_FILL_1, ALPHA_FILL_2, ALPHA_FILL_3)),
        snapshot.position("alpha", "BTCUSDT"));
    assertEquals(3, snapshot.fills().size());
    assertEquals(new BigDecimal("0.01"), snapshot.order("alpha-1").filledQuantity());
    assertEquals(new BigDecimal("0.005"), snapshot.order("alpha-2").filledQuantity());
    assertEquals(Side.SELL, snapshot.order("alpha-2").intent().side());
    assertEquals(offsetOf(12), await(store.offset(TAG)));
  }

  private void applyAll(ReadSideRows rows, List<StrategyEntity.Event> events) {
    for (int i = 0; i < events.size(); i++) {
      projector.apply(rows, "alpha", i + 1, events.get(i));
    }
  }

  private List<String> ids(CompletionStage<List<Order>> orders) {
    return await(orders).stream().map(Order::clientOrderId).sorted().toList();
  }

  private static <T> T await(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}
