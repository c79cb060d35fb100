package org.tradingnode.core.domain.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

class MomentumStrategyTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final String SYMBOL = "BTCUSDT";
  private static final Instrument BTCUSDT = new Instrument("paper", SYMBOL, "BTC", "USDT",
      new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));

  /** Falls while the slow EMA warms up (fast below slow), then jumps: the fast EMA crosses above on the last. */
  private static final double[] CROSS_UP_AT_110 = {100, 99, 98, 97, 110};

  private static Map<String, String> params(String... overrides) {
    Map<String, String> params = new HashMap<>(Map.of(
        "fastPeriod", "2",
        "slowPeriod", "4",
        "orderNotional", "1000",
        "takeProfit", "0.1:0.25,0.2:0.25,0.5:0.5",
        "stopLoss", "0.05"));
    for (int i = 0; i < overrides.length; i += 2) {
      params.put(overrides[i], overrides[i + 1]);
    }
    return params;
  }

  private static MomentumStrategy strategy(String... overrides) {
    return new MomentumStrategy(MomentumParameters.parse(params(overrides)), Map.of(SYMBOL, BTCUSDT));
  }

  /** Long {@code quantity} at {@code entry}, {@code entryQuantity} bought since flat, no working order. */
  private static SymbolView holding(String quantity, String entry, String entryQuantity, Set<String> tags) {
    return new SymbolView(SYMBOL, new BigDecimal(quantity), new BigDecimal(entry), new BigDecimal(entryQuantity),
        tags, 0);
  }

  private static Trade trade(int i, double price) {
    return new Trade(SYMBOL, T0 + i * 1_000L, i, price, 0.1, Side.BUY);
  }

  /** Proposals per trade, one list per price. */
  private static List<List<IntentProposal>> feed(MomentumStrategy strategy, SymbolView view, double... prices) {
    List<List<IntentProposal>> result = new ArrayList<>();
    for (int i = 0; i < prices.length; i++) {
      result.add(strategy.onMarketEvent(trade(i, prices[i]), view));
    }
    return result;
  }

  private static IntentProposal last(List<List<IntentProposal>> proposals) {
    for (int i = 0; i < proposals.size() - 1; i++) {
      assertTrue(proposals.get(i).isEmpty(), "nothing before the last trade, but at " + i + ": " + proposals.get(i));
    }
    List<IntentProposal> lastOnes = proposals.get(proposals.size() - 1);
    assertEquals(1, lastOnes.size(), () -> "one proposal on the last trade: " + lastOnes);
    return lastOnes.get(0);
  }

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  private static void assertSell(IntentProposal proposal, String quantity, String tag) {
    assertEquals(SYMBOL, proposal.symbol());
    assertEquals(Side.SELL, proposal.side());
    assertEquals(OrderType.MARKET, proposal.type());
    assertTrue(proposal.reduceOnly());
    assertEquals(tag, proposal.tag());
    assertDecimal(quantity, proposal.quantity());
  }

  @Test
  void buysOrderNotionalRoundedDownToTheLotOnAnUpwardCrossWhenFlat() {
    List<List<IntentProposal>> proposals = feed(strategy(), SymbolView.flat(SYMBOL), CROSS_UP_AT_110);

    IntentProposal entry = last(proposals);
    assertEquals(SYMBOL, entry.symbol());
    assertEquals(Side.BUY, entry.side());
    assertEquals(OrderType.MARKET, entry.type());
    assertEquals(new BigDecimal("9.09090"), entry.quantity());
    assertNull(entry.limitPrice());
    assertDecimal("110", entry.referencePrice());
    assertFalse(entry.reduceOnly());
    assertEquals("entry", entry.tag());
  }

  @Test
  void entryLimitOffsetEntersWithALimitThatFarBelowTheLastTradeRoundedDownToTheTick() {
    List<List<IntentProposal>> proposals =
        feed(strategy("entryLimitOffset", "0.0123"), SymbolView.flat(SYMBOL), CROSS_UP_AT_110);

    IntentProposal entry = last(proposals);
    assertEquals(Side.BUY, entry.side());
    assertEquals(OrderType.LIMIT, entry.type());
    assertEquals(new BigDecimal("108.64"), entry.limitPrice());
    assertEquals(new BigDecimal("9.09090"), entry.quantity());
    assertDecimal("110", entry.referencePrice());
    assertFalse(entry.reduceOnly());
    assertEquals("entry", entry.tag());
  }

  @Test
  void risingPricesWithoutACrossBuyNothing() {
    List<List<IntentProposal>> proposals = feed(strategy(), SymbolView.flat(SYMBOL), 100, 101, 102, 103, 104, 105);

    assertTrue(proposals.stream().allMatch(List::isEmpty));
  }

  @Test
  void proposesNothingWhileAnOrderIsWorking() {
    SymbolView working = new SymbolView(SYMBOL, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Set.of(), 1);

    List<List<IntentProposal>> proposals = feed(strategy(), working, CROSS_UP_AT_110);

    assertTrue(proposals.stream().allMatch(List::isEmpty));
  }

  @Test
  void proposesNothingOnAStopLossWhileAnOrderIsWorking() {
    SymbolView working = new SymbolView(SYMBOL, new BigDecimal("10"), new BigDecimal("100"), new BigDecimal("10"),
        Set.of("entry"), 1);

    List<IntentProposal> proposals = strategy().onMarketEvent(trade(0, 50), working);

    assertTrue(proposals.isEmpty());
  }

  @Test
  void dustPositionIsTreatedAsFlatAndBuysOnTheCross() {
    SymbolView dust = holding("0.00001", "100", "0.00001", Set.of("entry"));

    IntentProposal entry = last(feed(strategy(), dust, CROSS_UP_AT_110));

    assertEquals(Side.BUY, entry.side());
    assertEquals("entry", entry.tag());
  }

  @Test
  void sellsTheFirstTakeProfitFractionWhenPriceReachesItsLevel() {
    SymbolView view = holding("10", "100", "10", Set.of("entry"));

    List<IntentProposal> proposals = strategy().onMarketEvent(trade(0, 110), view);

    assertEquals(1, proposals.size());
    assertSell(proposals.get(0), "2.5", "tp-1");
    assertDecimal("110", proposals.get(0).referencePrice());
  }

  @Test
  void sellsNothingJustBelowTheFirstTakeProfitLevel() {
    SymbolView view = holding("10", "100", "10", Set.of("entry"));

    assertTrue(strategy().onMarketEvent(trade(0, 109.99), view).isEmpty());
  }

  @Test
  void skipsPhasesWhoseTagsWereFilledSinceFlat() {
    SymbolView view = holding("7.5", "100", "10", Set.of("entry", "tp-1"));

    List<IntentProposal> proposals = strategy().onMarketEvent(trade(0, 121), view);

    assertEquals(1, proposals.size());
    assertSell(proposals.get(0), "2.5", "tp-2");
  }

  @Test
  void doneFirstPhaseDoesNotSellAgainBelowTheSecondLevel() {
    SymbolView view = holding("7.5", "100", "10", Set.of("entry", "tp-1"));

    assertTrue(strategy().onMarketEvent(trade(0, 115), view).isEmpty());
  }

  @Test
  void lastPhaseSellsEverythingLeft() {
    SymbolView view = holding("5.2", "100", "10", Set.of("entry", "tp-1", "tp-2"));

    List<IntentProposal> proposals = strategy().onMarketEvent(trade(0, 150), view);

    assertSell(proposals.get(0), "5.2", "tp-3");
  }

  @Test
  void takeProfitSellsEverythingWhenTheRestWouldBeBelowMinNotional() {
    SymbolView view = holding("0.06", "100", "0.1", Set.of("entry"));

    List<IntentProposal> proposals = strategy().onMarketEvent(trade(0, 110), view);

    assertSell(proposals.get(0), "0.06", "tp-1");
  }

  @Test
  void sellsEverythingWithTagStopBelowTheStopLoss() {
    SymbolView view = holding("10", "100", "10", Set.of("entry", "tp-1"));

    List<IntentProposal> proposals = strategy().onMarketEvent(trade(0, 94), view);

    assertEquals(1, proposals.size());
    assertSell(proposals.get(0), "10", "stop");
  }

  @Test
  void holdsJustAboveTheStopLoss() {
    SymbolView view = holding("10", "100", "10", Set.of("entry"));

    assertTrue(strategy().onMarketEvent(trade(0, 95.01), view).isEmpty());
  }

  @Test
  void exitsOnADownwardCrossOnlyWhenConfiguredTo() {
    SymbolView view = holding("10", "100", "10", Set.of("entry"));
    double[] crossDownAt96 = {100, 100.5, 101, 101.5, 96};

    IntentProposal exit = last(feed(strategy("exitOnCrossDown", "true"), view, crossDownAt96));
    List<List<IntentProposal>> withoutExit = feed(strategy(), view, crossDownAt96);

    assertSell(exit, "10", "exit");
    assertTrue(withoutExit.stream().allMatch(List::isEmpty));
  }

  @Test
  void ignoresQuotesAndUnknownSymbols() {
    MomentumStrategy strategy = strategy();

    List<IntentProposal> onQuote =
        strategy.onMarketEvent(new Quote(SYMBOL, T0, 99, 1, 101, 1), holding("10", "100", "10", Set.of()));
    List<IntentProposal> onOtherSymbol = strategy.onMarketEvent(
        new Trade("ETHUSDT", T0, 1L, 50, 1, Side.BUY), new SymbolView("ETHUSDT", new BigDecimal("10"),
            new BigDecimal("100"), new BigDecimal("10"), Set.of(), 0));

    assertTrue(onQuote.isEmpty());
    assertTrue(onOtherSymbol.isEmpty());
  }
}
