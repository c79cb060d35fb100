package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;

import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SymbolEntityTest {
  private final ActorTestKit kit = ActorTestKit.create(EntityTestSupport.config());
  private EventSourcedBehaviorTestKit<SymbolEntity.Command, SymbolEntity.Event, SymbolEntity.State> symbol;

  @BeforeEach
  void setUp() {
    symbol = EventSourcedBehaviorTestKit.create(kit.system(), SymbolEntity.create("paper:BTCUSDT", CLOCK));
  }

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  @Test
  void subscribersReceiveEveryBatchInOrderAndOnlyGoingLiveIsPersisted() {
    var subscriber = kit.<SymbolEntity.MarketDataBatch>createTestProbe();
    symbol.runCommand(new SymbolEntity.Subscribe(subscriber.ref()));
    symbol.runCommand(new SymbolEntity.Subscribe(subscriber.ref()));
    List<MarketEvent> first = List.of(new Quote("BTCUSDT", NOW, 99.99, 1, 100.01, 1));
    List<MarketEvent> second = List.of(new Trade("BTCUSDT", NOW + 1, 7, 100.01, 0.5, Side.BUY));

    var live = symbol.runCommand(new SymbolEntity.PublishMarketData(first));
    var quiet = symbol.runCommand(new SymbolEntity.PublishMarketData(second));

    assertEquals(new SymbolEntity.SymbolWentLive("paper:BTCUSDT", NOW), EntityTestSupport.event(live));
    assertTrue(quiet.hasNoEvents());
    assertEquals(first, subscriber.receiveMessage().events());
    assertEquals(second, subscriber.receiveMessage().events());
    subscriber.expectNoMessage();
  }

  @Test
  void theLastQuoteAndTradeCanBeAskedFor() {
    var quote = new Quote("BTCUSDT", NOW, 99.99, 1, 100.01, 1);
    var trade = new Trade("BTCUSDT", NOW + 1, 7, 100.01, 0.5, Side.BUY);
    symbol.runCommand(new SymbolEntity.PublishMarketData(List.of(quote, trade)));

    var snapshot = symbol.<SymbolEntity.MarketSnapshot>runCommand(SymbolEntity.GetMarket::new).reply();

    assertEquals(new SymbolEntity.MarketSnapshot("paper:BTCUSDT", quote, trade), snapshot);
  }
}
