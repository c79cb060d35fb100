package org.tradingnode.core.domain.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;

class PaperExchangeTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final String SYMBOL = "BTCUSDT";
  private static final Instrument BTCUSDT = new Instrument("paper", SYMBOL, "BTC", "USDT",
      new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
  /** Maker 5 bps, taker 10 bps. */
  private static final FeeSchedule FEES = new FeeSchedule(new BigDecimal("0.0005"), new BigDecimal("0.001"));
  private static final Map<String, BigDecimal> START = Map.of("USDT", new BigDecimal("10000"), "BTC", BigDecimal.ONE);

  private static PaperExchange venue(Map<String, BigDecimal> balances) {
    return new PaperExchange(List.of(BTCUSDT), FEES, balances);
  }

  private static PaperExchange venueWithQuote(double bid, double bidSize, double ask, double askSize) {
    PaperExchange venue = venue(START);
    venue.onMarketEvent(quote(bid, bidSize, ask, askSize, T0));
    return venue;
  }

  private static Quote quote(double bid, double bidSize, double ask, double askSize, long at) {
    return new Quote(SYMBOL, at, bid, bidSize, ask, askSize);
  }

  private static OrderIntent order(String cid, Side side, OrderType type, String quantity, String limitPrice) {
    return orderIn(SYMBOL, cid, side, type, quantity, limitPrice);
  }

  private static OrderIntent orderIn(String symbol, String cid, Side side, OrderType type, String quantity,
      String limitPrice) {
    return new OrderIntent(cid, "s1", "acc", "paper", symbol, side, type,
        quantity == null ? null : new BigDecimal(quantity), limitPrice == null ? null : new BigDecimal(limitPrice),
        new BigDecimal("100"), false, "test", T0);
  }

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  /** Every fill the reports carry: those an acceptance carries from the same answer, and separate ones. */
  private static List<Fill> fills(List<VenueReport> reports) {
    return reports.stream().flatMap(r -> r instanceof VenueReport.Filled f ? Stream.of(f.fill())
        : r instanceof VenueReport.Accepted a ? a.fills().stream() : Stream.empty()).toList();
  }

  private static Fill onlyFill(List<VenueReport> reports) {
    List<Fill> fills = fills(reports);
    assertEquals(1, fills.size(), () -> "expected one fill in " + reports);
    return fills.get(0);
  }

  private static void assertRejected(VenueRejectReason expected, List<VenueReport> reports) {
    assertEquals(1, reports.size(), () -> "expected a single rejection but got " + reports);
    VenueReport.Rejected rejected = assertInstanceOf(VenueReport.Rejected.class, reports.get(0));
    assertEquals(expected, rejected.reason());
  }

  private static void assertKinds(List<VenueReport> reports, List<Class<? extends VenueReport>> kinds) {
    assertEquals(kinds, reports.stream().map(Object::getClass).toList(), () -> "reports " + reports);
  }

  @Test
  void marketBuyFillsAtTheAskAsTakerAndPaysTheTakerFee() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.MARKET, "1", null), T0 + 1);

    assertKinds(reports, List.of(VenueReport.Accepted.class));
    Fill fill = onlyFill(reports);
    assertEquals(Side.BUY, fill.side());
    assertEquals("c1", fill.clientOrderId());
    assertDecimal("100.00", fill.price());
    assertDecimal("1", fill.quantity());
    assertDecimal("0.10", fill.fee());
    assertFalse(fill.maker());
    assertEquals(T0 + 1, fill.timestamp());
    assertTrue(venue.openOrders().isEmpty());
  }

  @Test
  void marketBuyFillsAtTheAskUpToItsSizeAndExpiresTheRest() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 0.4);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.MARKET, "1", null), T0 + 1);

    assertKinds(reports, List.of(VenueReport.Accepted.class, VenueReport.Expired.class));
    assertDecimal("0.4", onlyFill(reports).quantity());
    assertTrue(venue.openOrders().isEmpty());
    assertDecimal("1.4", venue.balances().get("BTC"));
    assertTrue(((VenueReport.Expired) reports.get(1)).reason().startsWith("IOC_REMAINDER: filled 0.4 of 1, no more "
        + "liquidity at the touch"), reports.get(1).toString());
  }

  @Test
  void marketSellFillsAtTheBid() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    Fill fill = onlyFill(venue.place(order("c1", Side.SELL, OrderType.MARKET, "0.5", null), T0 + 1));

    assertDecimal("99.90", fill.price());
    assertDecimal("0.5", fill.quantity());
    assertDecimal("0.05", fill.fee());
    assertDecimal("0.5", venue.balances().get("BTC"));
    assertDecimal("10049.90", venue.balances().get("USDT"));
  }

  @Test
  void marketableLimitBuyFillsAtTheBetterAskAsTaker() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "101.00"), T0 + 1);

    Fill fill = onlyFill(reports);
    assertDecimal("100.00", fill.price());
    assertFalse(fill.maker());
    assertTrue(venue.openOrders().isEmpty());
  }

  @Test
  void partialFillLeavesTheOrderPartiallyFilled() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 0.3);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "100.00"), T0 + 1);

    assertKinds(reports, List.of(VenueReport.Accepted.class));
    assertDecimal("0.3", onlyFill(reports).quantity());
    Order resting = venue.openOrder("c1").orElseThrow();
    assertEquals(OrderStatus.PARTIALLY_FILLED, resting.status());
    assertDecimal("0.3", resting.filledQuantity());
    assertDecimal("0.7", resting.remainingQuantity());
  }

  @Test
  void limitBuyBelowTheAskRestsAndHoldsItsCostWithTheTakerFee() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    assertKinds(reports, List.of(VenueReport.Accepted.class));
    VenueReport.Accepted accepted = (VenueReport.Accepted) reports.get(0);
    assertEquals("paper-c1", accepted.venueOrderId());
    assertTrue(accepted.fills().isEmpty(), "a resting order's acceptance carries no fill");
    assertEquals(OrderStatus.ACCEPTED, venue.openOrder("c1").orElseThrow().status());
    assertDecimal("10000", venue.balances().get("USDT"));
    // 99.00 held plus the taker fee 0.099, rounded up to the tick as a fill would charge it
    assertDecimal("9900.90", venue.freeBalance("USDT"));
  }

  @Test
  void limitSellAboveTheBidRestsAndHoldsItsBase() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);

    venue.place(order("c1", Side.SELL, OrderType.LIMIT, "0.6", "101.00"), T0 + 1);

    assertDecimal("0.4", venue.freeBalance("BTC"));
    assertDecimal("10000", venue.freeBalance("USDT"));
  }

  @Test
  void limitOrderPlacedBeforeAnyQuoteRests() {
    PaperExchange venue = venue(START);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0);

    assertKinds(reports, List.of(VenueReport.Accepted.class));
    assertTrue(venue.openOrder("c1").isPresent());
  }

  @Test
  void restingLimitBuyFillsAsMakerWhenTheAskDropsToItsPrice() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    List<VenueReport> reports = venue.onMarketEvent(quote(98.0, 2, 99.0, 5, T0 + 2));

    Fill fill = onlyFill(reports);
    assertDecimal("99.00", fill.price());
    assertDecimal("1", fill.quantity());
    assertDecimal("0.05", fill.fee());
    assertTrue(fill.maker());
    assertEquals(T0 + 2, fill.timestamp());
    assertTrue(venue.openOrder("c1").isEmpty());
    assertDecimal("9900.95", venue.balances().get("USDT"));
    assertDecimal("2", venue.balances().get("BTC"));
  }

  @Test
  void restingLimitBuyFillsAtItsOwnPriceWhenTheAskGapsBelowIt() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    Fill fill = onlyFill(venue.onMarketEvent(quote(97.0, 2, 97.5, 5, T0 + 2)));

    assertDecimal("99.00", fill.price());
    assertTrue(fill.maker());
  }

  @Test
  void restingLimitBuyDoesNotFillWhileTheAskStaysAboveItsPrice() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    List<VenueReport> reports = venue.onMarketEvent(quote(98.5, 2, 99.01, 5, T0 + 2));

    assertTrue(reports.isEmpty());
    assertEquals(OrderStatus.ACCEPTED, venue.openOrder("c1").orElseThrow().status());
  }

  @Test
  void restingLimitSellFillsAsMakerAtItsPriceWhenTheBidRisesToIt() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.SELL, OrderType.LIMIT, "0.5", "101.00"), T0 + 1);

    Fill fill = onlyFill(venue.onMarketEvent(quote(101.5, 1, 102.0, 1, T0 + 2)));

    assertEquals(Side.SELL, fill.side());
    assertDecimal("101.00", fill.price());
    assertDecimal("0.03", fill.fee());
    assertTrue(fill.maker());
    assertDecimal("0.5", venue.balances().get("BTC"));
    assertDecimal("10050.47", venue.balances().get("USDT"));
  }

  @Test
  void restingLimitBuyIsFilledByATradeAtOrBelowItsPriceUpToTheTradeSize() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    List<VenueReport> reports = venue.onMarketEvent(new Trade(SYMBOL, T0 + 2, 1L, 98.5, 0.25, Side.BUY));

    Fill fill = onlyFill(reports);
    assertDecimal("99.00", fill.price());
    assertDecimal("0.25", fill.quantity());
    assertTrue(fill.maker());
    Order resting = venue.openOrder("c1").orElseThrow();
    assertEquals(OrderStatus.PARTIALLY_FILLED, resting.status());
    assertDecimal("0.75", resting.remainingQuantity());
  }

  @Test
  void restingLimitSellIsFilledByATradeAtOrAboveItsPrice() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.SELL, OrderType.LIMIT, "0.5", "101.00"), T0 + 1);

    Fill fill = onlyFill(venue.onMarketEvent(new Trade(SYMBOL, T0 + 2, 1L, 101.0, 3, Side.SELL)));

    assertDecimal("101.00", fill.price());
    assertDecimal("0.5", fill.quantity());
    assertTrue(venue.openOrder("c1").isEmpty());
  }

  @Test
  void tradeAboveTheRestingBuyPriceFillsNothing() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    List<VenueReport> reports = venue.onMarketEvent(new Trade(SYMBOL, T0 + 2, 1L, 99.01, 5, Side.BUY));

    assertTrue(reports.isEmpty());
    assertEquals(OrderStatus.ACCEPTED, venue.openOrder("c1").orElseThrow().status());
  }

  @Test
  void marketEventOfAnotherSymbolFillsNothing() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    List<VenueReport> reports = venue.onMarketEvent(new Quote("ETHUSDT", T0 + 2, 1.0, 10, 2.0, 10));

    assertTrue(reports.isEmpty());
  }

  @Test
  void eachPartialFillHasItsOwnFillId() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 0.3);
    Fill first = onlyFill(venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "100.00"), T0 + 1));

    Fill second = onlyFill(venue.onMarketEvent(quote(98.0, 2, 100.0, 0.3, T0 + 2)));

    assertNotEquals(first.fillId(), second.fillId());
    assertDecimal("0.6", venue.openOrder("c1").orElseThrow().filledQuantity());
  }

  @Test
  void iocBuyFillsTheMarketablePartAndExpiresTheRest() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 0.3);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.IOC, "1", "100.00"), T0 + 1);

    assertKinds(reports, List.of(VenueReport.Accepted.class, VenueReport.Expired.class));
    assertDecimal("0.3", onlyFill(reports).quantity());
    assertTrue(venue.openOrders().isEmpty());
  }

  @Test
  void iocThatIsNotMarketableExpiresAtOnce() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.SELL, OrderType.IOC, "0.5", "100.00"), T0 + 1);

    assertKinds(reports, List.of(VenueReport.Accepted.class, VenueReport.Expired.class));
    assertTrue(venue.openOrders().isEmpty());
    assertEquals(START.get("BTC"), venue.balances().get("BTC"));
  }

  @Test
  void makerPaysTheMakerRateAndTakerTheTakerRateOnTheSameNotional() {
    PaperExchange venue = venueWithQuote(99.0, 5, 100.0, 5);
    Fill taker = onlyFill(venue.place(order("c1", Side.BUY, OrderType.MARKET, "1", null), T0 + 1));
    venue.onMarketEvent(quote(99.0, 5, 101.0, 5, T0 + 2));
    venue.place(order("c2", Side.BUY, OrderType.LIMIT, "1", "100.00"), T0 + 3);

    Fill maker = onlyFill(venue.onMarketEvent(quote(99.0, 5, 100.0, 5, T0 + 4)));

    assertFalse(taker.maker());
    assertDecimal("100.00", taker.price());
    assertDecimal("0.10", taker.fee());
    assertTrue(maker.maker());
    assertDecimal("100.00", maker.price());
    assertDecimal("0.05", maker.fee());
  }

  @Test
  void feesAreChargedInTheQuoteAsset() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    venue.place(order("c1", Side.BUY, OrderType.MARKET, "0.5", null), T0 + 1);

    assertDecimal("1.5", venue.balances().get("BTC"));
    assertDecimal("9949.95", venue.balances().get("USDT"));
  }

  @Test
  void balancesAfterFillsFollowSpotBalances() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);
    Map<String, BigDecimal> expected = START;

    for (Fill fill : fills(venue.place(order("c1", Side.BUY, OrderType.MARKET, "0.7", null), T0 + 1))) {
      expected = SpotBalances.afterFill(expected, BTCUSDT, fill);
    }
    for (Fill fill : fills(venue.place(order("c2", Side.SELL, OrderType.MARKET, "1.2", null), T0 + 2))) {
      expected = SpotBalances.afterFill(expected, BTCUSDT, fill);
    }

    assertDecimal(expected.get("BTC").toPlainString(), venue.balances().get("BTC"));
    assertDecimal(expected.get("USDT").toPlainString(), venue.balances().get("USDT"));
    assertDecimal("0.5", venue.balances().get("BTC"));
    assertDecimal("10049.69", venue.balances().get("USDT"));
  }

  @Test
  void buyWithoutEnoughQuoteBalanceIsRejected() {
    PaperExchange venue = venue(Map.of("USDT", new BigDecimal("100.09")));
    venue.onMarketEvent(quote(99.9, 2, 100.0, 2, T0));

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.MARKET, "1", null), T0 + 1);

    assertRejected(VenueRejectReason.INSUFFICIENT_BALANCE, reports);
    assertDecimal("100.09", venue.balances().get("USDT"));
  }

  @Test
  void buyWithExactlyEnoughQuoteForCostAndTakerFeeFills() {
    PaperExchange venue = venue(Map.of("USDT", new BigDecimal("100.10")));
    venue.onMarketEvent(quote(99.9, 2, 100.0, 2, T0));

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.MARKET, "1", null), T0 + 1);

    assertDecimal("1", onlyFill(reports).quantity());
    assertDecimal("0", venue.balances().get("USDT"));
  }

  @Test
  void buyThatPassesTheBalanceCheckNeverLeavesTheQuoteBalanceNegative() {
    PaperExchange venue = venue(Map.of("USDT", new BigDecimal("49.99995")));
    venue.onMarketEvent(quote(99.8, 2, 99.9, 2, T0));

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.MARKET, "0.5", null), T0 + 1);

    BigDecimal usdt = venue.balances().get("USDT");
    assertTrue(usdt.signum() >= 0, () -> "USDT balance went negative: " + usdt.toPlainString() + " after " + reports);
  }

  @Test
  void buyThatNeedsQuoteHeldByARestingBuyIsRejected() {
    PaperExchange venue = venue(Map.of("USDT", new BigDecimal("150")));
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0);

    List<VenueReport> reports = venue.place(order("c2", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    assertRejected(VenueRejectReason.INSUFFICIENT_BALANCE, reports);
  }

  @Test
  void sellWithoutEnoughBaseBalanceIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.SELL, OrderType.MARKET, "1.00001", null), T0 + 1);

    assertRejected(VenueRejectReason.INSUFFICIENT_BALANCE, reports);
  }

  @Test
  void sellOfBaseHeldByARestingSellIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);
    venue.place(order("c1", Side.SELL, OrderType.LIMIT, "0.6", "105.00"), T0 + 1);

    List<VenueReport> reports = venue.place(order("c2", Side.SELL, OrderType.MARKET, "0.5", null), T0 + 2);

    assertRejected(VenueRejectReason.INSUFFICIENT_BALANCE, reports);
  }

  @Test
  void orderBelowMinNotionalIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "0.04999", "100.00"), T0 + 1);

    assertRejected(VenueRejectReason.BELOW_MIN_NOTIONAL, reports);
  }

  @Test
  void orderAtExactlyMinNotionalIsAccepted() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "0.05", "100.00"), T0 + 1);

    assertInstanceOf(VenueReport.Accepted.class, reports.get(0));
  }

  @Test
  void marketOrderBelowMinNotionalAtTheTouchIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.SELL, OrderType.MARKET, "0.05", null), T0 + 1);

    assertRejected(VenueRejectReason.BELOW_MIN_NOTIONAL, reports);
  }

  @Test
  void limitPriceOffTickIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.005"), T0 + 1);

    assertRejected(VenueRejectReason.INVALID_TICK, reports);
  }

  @Test
  void limitOrIocWithoutAPositiveLimitPriceIsRejectedAsInvalidTick() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    assertRejected(VenueRejectReason.INVALID_TICK,
        venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", null), T0 + 1));
    assertRejected(VenueRejectReason.INVALID_TICK,
        venue.place(order("c2", Side.BUY, OrderType.IOC, "1", "0"), T0 + 1));
  }

  @Test
  void quantityOffLotIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "0.100005", "99.00"), T0 + 1);

    assertRejected(VenueRejectReason.INVALID_LOT, reports);
  }

  @Test
  void zeroNegativeOrMissingQuantityIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    assertRejected(VenueRejectReason.INVALID_QUANTITY,
        venue.place(order("c1", Side.BUY, OrderType.LIMIT, "0", "99.00"), T0 + 1));
    assertRejected(VenueRejectReason.INVALID_QUANTITY,
        venue.place(order("c2", Side.BUY, OrderType.LIMIT, "-1", "99.00"), T0 + 1));
    assertRejected(VenueRejectReason.INVALID_QUANTITY,
        venue.place(order("c3", Side.BUY, OrderType.LIMIT, null, "99.00"), T0 + 1));
  }

  @Test
  void unlistedSymbolIsRejected() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);

    List<VenueReport> reports =
        venue.place(orderIn("ETHUSDT", "c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    assertRejected(VenueRejectReason.UNKNOWN_SYMBOL, reports);
  }

  @Test
  void marketOrderBeforeAnyQuoteIsRejectedForLackOfMarketData() {
    PaperExchange venue = venue(START);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.MARKET, "1", null), T0);

    assertRejected(VenueRejectReason.NO_MARKET_DATA, reports);
  }

  @Test
  void clientOrderIdThatIsAlreadyOpenIsRejected() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    List<VenueReport> reports = venue.place(order("c1", Side.BUY, OrderType.LIMIT, "0.5", "98.00"), T0 + 2);

    assertRejected(VenueRejectReason.DUPLICATE_CLIENT_ORDER_ID, reports);
    assertDecimal("1", venue.openOrder("c1").orElseThrow().intent().quantity());
  }

  @Test
  void rejectionEchoesTheClientOrderIdAndTime() {
    PaperExchange venue = venue(START);

    VenueReport report = venue.place(order("c9", Side.BUY, OrderType.MARKET, "1", null), T0 + 7).get(0);

    assertEquals("c9", report.clientOrderId());
    assertEquals(T0 + 7, report.timestamp());
  }

  @Test
  void cancelRemovesTheRestingOrderAndReleasesItsBalance() {
    PaperExchange venue = venueWithQuote(98.0, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "99.00"), T0 + 1);

    List<VenueReport> reports = venue.cancel("c1", T0 + 2);

    assertEquals(List.of(new VenueReport.Canceled("c1", T0 + 2)), reports);
    assertTrue(venue.openOrder("c1").isEmpty());
    assertDecimal("10000", venue.freeBalance("USDT"));
    assertTrue(venue.onMarketEvent(quote(98.0, 2, 99.0, 5, T0 + 3)).isEmpty());
  }

  @Test
  void cancelOfAnOrderThatIsNotOpenReportsNothing() {
    PaperExchange venue = venueWithQuote(99.9, 2, 100.0, 2);
    venue.place(order("c1", Side.BUY, OrderType.MARKET, "1", null), T0 + 1);

    assertTrue(venue.cancel("c1", T0 + 2).isEmpty());
    assertTrue(venue.cancel("never-placed", T0 + 2).isEmpty());
  }

  @Test
  void restoredVenueHoldsTheSameOpenOrdersAndBalances() {
    PaperExchange original = venueWithQuote(98.0, 2, 100.0, 0.3);
    original.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "100.00"), T0 + 1);
    original.place(order("c2", Side.SELL, OrderType.LIMIT, "0.5", "105.00"), T0 + 2);

    PaperExchange restored = PaperExchange.restore(List.of(BTCUSDT), FEES, original.balances(),
        original.openOrders());

    assertEquals(original.balances(), restored.balances());
    assertEquals(original.openOrders(), restored.openOrders());
    assertDecimal(original.freeBalance("USDT").toPlainString(), restored.freeBalance("USDT"));
    assertDecimal(original.freeBalance("BTC").toPlainString(), restored.freeBalance("BTC"));
    assertRejected(VenueRejectReason.DUPLICATE_CLIENT_ORDER_ID,
        restored.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "90.00"), T0 + 3));
  }

  @Test
  void restoredRestingOrderKeepsFillingWhereItLeftOff() {
    PaperExchange original = venueWithQuote(98.0, 2, 100.0, 0.3);
    original.place(order("c1", Side.BUY, OrderType.LIMIT, "1", "100.00"), T0 + 1);
    PaperExchange restored = PaperExchange.restore(List.of(BTCUSDT), FEES, original.balances(),
        original.openOrders());

    Fill fill = onlyFill(restored.onMarketEvent(quote(98.0, 2, 99.5, 5, T0 + 2)));

    assertDecimal("0.7", fill.quantity());
    assertTrue(fill.maker());
    assertTrue(restored.openOrders().isEmpty());
    assertDecimal("2", restored.balances().get("BTC"));
  }

  @Test
  void feeScheduleRefusesNegativeRatesAndPicksTheRateByLiquidity() {
    assertThrows(IllegalArgumentException.class, () -> new FeeSchedule(new BigDecimal("-0.001"), BigDecimal.ZERO));
    assertEquals(new BigDecimal("0.0005"), FEES.rate(true));
    assertEquals(new BigDecimal("0.001"), FEES.rate(false));
  }

  @Test
  void spotBalancesAfterFillLeavesTheGivenMapAlone() {
    Map<String, BigDecimal> before = Map.of("USDT", new BigDecimal("1000"));
    Fill buy = new Fill("f1", "c1", SYMBOL, Side.BUY, new BigDecimal("100.00"), new BigDecimal("2"),
        new BigDecimal("0.20"), false, T0);

    Map<String, BigDecimal> after = SpotBalances.afterFill(before, BTCUSDT, buy);

    assertEquals(Map.of("USDT", new BigDecimal("1000")), before);
    assertDecimal("2", after.get("BTC"));
    assertDecimal("799.80", after.get("USDT"));
  }
}
