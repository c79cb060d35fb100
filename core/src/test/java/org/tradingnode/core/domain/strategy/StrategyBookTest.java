package org.tradingnode.core.domain.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

class StrategyBookTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final int MONEY_SCALE = 2;
  private static final String BTC = "BTCUSDT";
  private static final String ETH = "ETHUSDT";

  private static OrderIntent intent(StrategyBook book, String symbol, Side side, String quantity, String tag) {
    return new OrderIntent(OrderIntent.clientOrderId("s1", book.nextSequence()), "s1", "acc", "paper", symbol, side,
        OrderType.MARKET, new BigDecimal(quantity), null, new BigDecimal("100"), side == Side.SELL, tag, T0);
  }

  private static Fill fill(OrderIntent intent, String fillId, String price, String quantity) {
    return new Fill(fillId, intent.clientOrderId(), intent.symbol(), intent.side(), new BigDecimal(price),
        new BigDecimal(quantity), new BigDecimal("0.01"), false, T0 + 1);
  }

  /** The book after the intent was recorded and filled completely at {@code price} in one fill. */
  private static StrategyBook filled(StrategyBook book, OrderIntent intent, String price) {
    return book.withIntent(intent)
        .withFill(fill(intent, intent.clientOrderId() + "-all", price, intent.quantity().toPlainString()), MONEY_SCALE);
  }

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  @Test
  void emptyBookStartsAtSequenceOneWithNothingOpen() {
    StrategyBook book = StrategyBook.empty();

    assertEquals(1, book.nextSequence());
    assertTrue(book.openOrders().isEmpty());
    assertEquals(SymbolView.flat(BTC), book.view(BTC));
  }

  @Test
  void withIntentIncrementsTheSequenceAndRecordsANewOrder() {
    StrategyBook empty = StrategyBook.empty();
    OrderIntent intent = intent(empty, BTC, Side.BUY, "1", "entry");

    StrategyBook book = empty.withIntent(intent);

    assertEquals(2, book.nextSequence());
    assertEquals("s1-1", intent.clientOrderId());
    assertEquals(OrderStatus.NEW, book.order("s1-1").orElseThrow().status());
    assertEquals(1, book.openOrders().size());
    assertTrue(book.hasWorkingOrder(BTC));
  }

  @Test
  void acceptedOrderGetsItsVenueOrderId() {
    StrategyBook empty = StrategyBook.empty();
    OrderIntent intent = intent(empty, BTC, Side.BUY, "1", "entry");

    StrategyBook book = empty.withIntent(intent).withAccepted(intent.clientOrderId(), "v-1", T0 + 1);

    assertEquals(OrderStatus.ACCEPTED, book.order("s1-1").orElseThrow().status());
    assertEquals("v-1", book.order("s1-1").orElseThrow().venueOrderId());
    assertSame(book, book.withAccepted("unknown", "v-2", T0 + 2));
  }

  @Test
  void fillRecordedTwiceChangesNothingTheSecondTime() {
    StrategyBook empty = StrategyBook.empty();
    OrderIntent intent = intent(empty, BTC, Side.BUY, "1", "entry");
    Fill partial = fill(intent, "f-1", "100", "0.4");
    StrategyBook once = empty.withIntent(intent).withFill(partial, MONEY_SCALE);

    StrategyBook twice = once.withFill(partial, MONEY_SCALE);

    assertSame(once, twice);
    assertFalse(once.isNewFill(partial));
    assertDecimal("0.4", twice.position(BTC).quantity());
    assertDecimal("0.4", twice.order(intent.clientOrderId()).orElseThrow().filledQuantity());
  }

  @Test
  void lastFillRecordedTwiceChangesNothingTheSecondTime() {
    StrategyBook empty = StrategyBook.empty();
    OrderIntent intent = intent(empty, BTC, Side.BUY, "1", "entry");
    Fill all = fill(intent, "f-1", "100", "1");
    StrategyBook once = empty.withIntent(intent).withFill(all, MONEY_SCALE);

    StrategyBook twice = once.withFill(all, MONEY_SCALE);

    assertSame(once, twice);
    assertDecimal("1", twice.position(BTC).quantity());
    assertEquals(OrderStatus.FILLED, twice.order(intent.clientOrderId()).orElseThrow().status());
  }

  @Test
  void distinctFillsOfOneOrderAreAllRecorded() {
    StrategyBook empty = StrategyBook.empty();
    OrderIntent intent = intent(empty, BTC, Side.BUY, "1", "entry");

    StrategyBook book = empty.withIntent(intent)
        .withFill(fill(intent, "f-1", "100", "0.4"), MONEY_SCALE)
        .withFill(fill(intent, "f-2", "110", "0.6"), MONEY_SCALE);

    assertDecimal("1", book.position(BTC).quantity());
    assertDecimal("106", book.position(BTC).averageEntryPrice());
    assertEquals(OrderStatus.FILLED, book.order(intent.clientOrderId()).orElseThrow().status());
  }

  @Test
  void fillOfAnOrderClosedBeforeIsIgnored() {
    StrategyBook empty = StrategyBook.empty();
    OrderIntent intent = intent(empty, BTC, Side.BUY, "1", "entry");
    StrategyBook canceled = empty.withIntent(intent)
        .withClosed(intent.clientOrderId(), OrderStatus.CANCELED, "user", T0 + 1);

    StrategyBook after = canceled.withFill(fill(intent, "f-1", "100", "1"), MONEY_SCALE);

    assertSame(canceled, after);
    assertFalse(canceled.hasWorkingOrder(BTC));
  }

  @Test
  void cycleCountsTheQuantityBoughtSinceFlatAndTheTagsThatFilled() {
    StrategyBook book = StrategyBook.empty();
    OrderIntent first = intent(book, BTC, Side.BUY, "1", "entry");
    book = filled(book, first, "100");
    OrderIntent second = intent(book, BTC, Side.BUY, "0.5", "entry");
    book = filled(book, second, "110");
    OrderIntent takeProfit = intent(book, BTC, Side.SELL, "0.5", "tp-1");

    book = filled(book, takeProfit, "120");

    SymbolView view = book.view(BTC);
    assertDecimal("1", view.positionQuantity());
    assertDecimal("1.5", view.entryQuantity());
    assertEquals(Set.of("entry", "tp-1"), view.tagsSinceFlat());
    assertEquals(new StrategyBook.Cycle(new BigDecimal("1.5"), Set.of("entry", "tp-1")), book.cycles().get(BTC));
    assertEquals(0, view.workingOrders());
  }

  @Test
  void flatPositionClearsTheCycle() {
    StrategyBook book = StrategyBook.empty();
    OrderIntent entry = intent(book, BTC, Side.BUY, "1", "entry");
    book = filled(book, entry, "100");
    OrderIntent takeProfit = intent(book, BTC, Side.SELL, "0.25", "tp-1");
    book = filled(book, takeProfit, "110");
    OrderIntent stop = intent(book, BTC, Side.SELL, "0.75", "stop");

    book = filled(book, stop, "90");

    assertTrue(book.position(BTC).isFlat());
    assertFalse(book.cycles().containsKey(BTC));
    SymbolView view = book.view(BTC);
    assertDecimal("0", view.entryQuantity());
    assertTrue(view.tagsSinceFlat().isEmpty());
  }

  @Test
  void newCycleAfterFlatStartsFromScratch() {
    StrategyBook book = StrategyBook.empty();
    OrderIntent entry = intent(book, BTC, Side.BUY, "1", "entry");
    book = filled(book, entry, "100");
    OrderIntent exit = intent(book, BTC, Side.SELL, "1", "tp-1");
    book = filled(book, exit, "110");
    OrderIntent reentry = intent(book, BTC, Side.BUY, "2", "again");

    book = filled(book, reentry, "105");

    SymbolView view = book.view(BTC);
    assertDecimal("2", view.entryQuantity());
    assertEquals(Set.of("again"), view.tagsSinceFlat());
    assertDecimal("105", view.averageEntryPrice());
  }

  @Test
  void viewCountsWorkingOrdersPerSymbol() {
    StrategyBook book = StrategyBook.empty();
    OrderIntent btc1 = intent(book, BTC, Side.BUY, "1", "entry");
    book = book.withIntent(btc1);
    OrderIntent btc2 = intent(book, BTC, Side.BUY, "1", "entry");
    book = book.withIntent(btc2).withAccepted(btc2.clientOrderId(), "v-2", T0);
    OrderIntent btc3 = intent(book, BTC, Side.BUY, "1", "entry");
    book = book.withIntent(btc3).withFill(fill(btc3, "f-3", "100", "0.5"), MONEY_SCALE);
    OrderIntent btc4 = intent(book, BTC, Side.BUY, "1", "entry");
    book = filled(book, btc4, "100");
    OrderIntent eth = intent(book, ETH, Side.BUY, "1", "entry");
    book = book.withIntent(eth).withClosed(eth.clientOrderId(), OrderStatus.REJECTED, "INSUFFICIENT_BALANCE", T0);
    OrderIntent eth2 = intent(book, ETH, Side.BUY, "1", "entry");
    book = book.withIntent(eth2);

    assertEquals(3, book.view(BTC).workingOrders());
    assertEquals(1, book.view(ETH).workingOrders());
    assertEquals(0, book.view("SOLUSDT").workingOrders());
    assertEquals(4, book.openOrders().size());
  }

  @Test
  void closingAnOrderThatIsNotOpenChangesNothing() {
    StrategyBook book = filled(StrategyBook.empty(), intent(StrategyBook.empty(), BTC, Side.BUY, "1", "entry"), "100");

    assertSame(book, book.withClosed("s1-1", OrderStatus.CANCELED, "late", T0 + 5));
    assertSame(book, book.withClosed("unknown", OrderStatus.CANCELED, "late", T0 + 5));
  }

  @Test
  void fillsMoveTheStrategysPositionWithFees() {
    StrategyBook book = StrategyBook.empty();
    OrderIntent entry = intent(book, BTC, Side.BUY, "2", "entry");
    book = filled(book, entry, "100");
    OrderIntent exit = intent(book, BTC, Side.SELL, "1", "tp-1");

    book = filled(book, exit, "120");

    assertDecimal("1", book.position(BTC).quantity());
    assertDecimal("20", book.position(BTC).realizedPnl());
    assertDecimal("0.02", book.position(BTC).fees());
  }

  @Test
  void aClosedOrderLeavesTheBookAndIsCountedWhileTheLastFewStayForTheDetails() {
    StrategyBook book = StrategyBook.empty();
    for (int n = 0; n < StrategyBook.RECENTLY_CLOSED + 5; n++) {
      OrderIntent intent = intent(book, BTC, Side.BUY, "1", "entry");
      book = book.withIntent(intent).withClosed(intent.clientOrderId(), OrderStatus.CANCELED, "user", T0);
    }
    OrderIntent open = intent(book, BTC, Side.BUY, "1", "entry");

    book = book.withIntent(open);

    assertEquals(Set.of(open.clientOrderId()), book.orders().keySet());
    assertEquals(StrategyBook.RECENTLY_CLOSED, book.recentlyClosed().size());
    assertEquals("s1-6", book.recentlyClosed().get(0).clientOrderId());
    assertEquals(new OrderCounts(StrategyBook.RECENTLY_CLOSED + 6, 0, StrategyBook.RECENTLY_CLOSED + 5, 0, 0, 0),
        book.counts());
    assertTrue(book.order("s1-1").isEmpty());
  }

  @Test
  void aBookStoredWithItsClosedOrdersIsReadBackWithThemCountedAndOnlyTheOpenOnesKept() {
    OrderIntent filled = intent(StrategyBook.empty(), BTC, Side.BUY, "1", "entry");
    StrategyBook withFilled = filled(StrategyBook.empty(), filled, "100");
    OrderIntent open = intent(withFilled, BTC, Side.SELL, "1", "tp-1");
    Map<String, Order> storedOrders = Map.of(filled.clientOrderId(), withFilled.order("s1-1").orElseThrow(),
        open.clientOrderId(), Order.of(open));

    StrategyBook read = new StrategyBook(3, storedOrders, Map.of(open.clientOrderId(), List.of()),
        withFilled.positions(), withFilled.cycles(), null, null);

    assertEquals(Set.of(open.clientOrderId()), read.orders().keySet());
    assertEquals(new OrderCounts(2, 1, 0, 0, 0, 0), read.counts());
    assertEquals(List.of(withFilled.order("s1-1").orElseThrow()), read.recentlyClosed());
  }

  @Test
  void proposalsBecomeIntentsWithTheNextSequencesAndNoneForASymbolAlreadyWorking() {
    StrategyConfig config = new StrategyConfig("s1", "momentum", "acc", "paper", List.of(BTC, ETH), Map.of());
    StrategyBook book = StrategyBook.empty().withIntent(intent(StrategyBook.empty(), ETH, Side.BUY, "1", "entry"));
    IntentProposal btc = new IntentProposal(BTC, Side.BUY, OrderType.MARKET, new BigDecimal("0.5"), null,
        new BigDecimal("100"), false, "entry");
    IntentProposal eth = new IntentProposal(ETH, Side.SELL, OrderType.MARKET, BigDecimal.ONE, null,
        new BigDecimal("10"), true, "exit");

    List<OrderIntent> intents = book.intentsFor(config, List.of(btc, eth, btc), T0 + 5);

    assertEquals(1, intents.size(), "ETH has a working order and BTC got one from the first proposal");
    assertEquals(new OrderIntent("s1-2", "s1", "acc", "paper", BTC, Side.BUY, OrderType.MARKET,
        new BigDecimal("0.5"), null, new BigDecimal("100"), false, "entry", T0 + 5), intents.get(0));
  }

  @Test
  void quietOrdersAreIntentsUnansweredSinceTheyWereMadeAndAcceptedOnesUnchangedSince() {
    OrderIntent first = intent(StrategyBook.empty(), BTC, Side.BUY, "1", "entry");
    StrategyBook book = StrategyBook.empty().withIntent(first);
    OrderIntent second = new OrderIntent("s1-2", "s1", "acc", "paper", ETH, Side.BUY, OrderType.LIMIT,
        BigDecimal.ONE, new BigDecimal("10"), new BigDecimal("10"), false, "entry", T0 + 10);
    book = book.withIntent(second).withAccepted("s1-2", "v2", T0 + 20);

    assertEquals(List.of(), book.quietSince(T0 - 1));
    assertEquals(List.of("s1-1"), book.quietSince(T0 + 15).stream().map(Order::clientOrderId).toList());
    assertEquals(List.of("s1-1", "s1-2"), book.quietSince(T0 + 20).stream().map(Order::clientOrderId).toList());
  }
}
