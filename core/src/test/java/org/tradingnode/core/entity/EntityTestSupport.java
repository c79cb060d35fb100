package org.tradingnode.core.entity;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.paper.FeeSchedule;
import org.tradingnode.core.testing.Await;
import org.tradingnode.core.venue.PaperVenue;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.tradingnode.core.entity.chain.ChainedEvent;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.runner.StrategyRunner;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.risk.RiskLimits;

/** Shared fixtures of the entity tests: config with the node's serialization, a fixed clock, instruments. */
final class EntityTestSupport {
  static final long NOW = 1_700_000_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
  static final Instrument BTC = new Instrument("paper", "BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
      new BigDecimal("0.00001"), new BigDecimal("5"));
  static final InstrumentCatalog CATALOG = new InstrumentCatalog(List.of(BTC));
  static final FeeSchedule FEES = new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.001"));
  static final RiskLimits LIMITS = new RiskLimits(new BigDecimal("10000"), new BigDecimal("20000"),
      new BigDecimal("50000"), 5, new BigDecimal("5"), 10, new BigDecimal("1000"));

  /**
   * A connection changes its state in place, so the test kit must not serialize that state on the test's
   * thread while the venue's reports change it (the state's serialization is checked on its own, in
   * {@code MessageSerializationTest}); tests read a connection through its replies, which are copies.
   */
  static final EventSourcedBehaviorTestKit.SerializationSettings CONNECTION_SERIALIZATION =
      EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false);

  private EntityTestSupport() {}

  /**
   * The event-sourced test kit's config plus the node's serialization bindings, so every message is
   * checked, on a cluster provider bound to 127.0.0.1 (the kill switch lives in Distributed Data).
   */
  static Config config() {
    return EventSourcedBehaviorTestKit.config()
        .withFallback(ConfigFactory.parseString("""
            pekko.actor.provider = cluster
            pekko.remote.artery.canonical.hostname = 127.0.0.1
            pekko.remote.artery.canonical.port = 0
            """))
        .withFallback(ConfigFactory.parseResources("serialization.conf"))
        .withFallback(ConfigFactory.parseString("pekko.loglevel = WARNING"))
        .withFallback(ConfigFactory.load());
  }

  /**
   * A paper connection {@code paper:demo} with 100,000 USDT, fed a BTCUSDT quote of 59,999.99 / 60,000.00,
   * returned once it has reconciled with its venue (before that, orders wait).
   */
  static EventSourcedBehaviorTestKit<ExchangeConnectionEntity.Command, ExchangeConnectionEntity.Event,
      ExchangeConnectionEntity.State> startPaperConnection(ActorTestKit kit, ProbeDirectory directory) {
    var connection = EventSourcedBehaviorTestKit.<ExchangeConnectionEntity.Command, ExchangeConnectionEntity.Event,
        ExchangeConnectionEntity.State>create(kit.system(), ExchangeConnectionEntity.create("paper:demo", directory,
        CATALOG, Map.of("USDT", new BigDecimal("100000")), PaperVenue.gateway(directory, FEES), archive(kit), CLOCK),
        CONNECTION_SERIALIZATION);
    var subscribe = directory.symbols.expectMessageClass(SymbolEntity.Subscribe.class, Duration.ofSeconds(5));
    subscribe.subscriber().tell(new SymbolEntity.MarketDataBatch("paper:BTCUSDT",
        List.of(new Quote("BTCUSDT", NOW, 59999.99, 1.0, 60000.00, 1.0))));
    Await.until("the connection reconciled", () -> connection.<ExchangeConnectionEntity.OrdersView>runCommand(
        ExchangeConnectionEntity.GetOrders::new).reply(), ExchangeConnectionEntity.OrdersView::reconciled);
    return connection;
  }

  /** A directory in which every entity is the same actor, to see the order of what an entity sends. */
  static EntityDirectory directoryOf(ActorRef<Object> everyone) {
    return new EntityDirectory() {
      @Override
      public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
        return everyone.narrow();
      }

      @Override
      public RecipientRef<RiskEntity.Command> risk(String account) {
        return everyone.narrow();
      }

      @Override
      public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
        return everyone.narrow();
      }

      @Override
      public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
        return everyone.narrow();
      }

      @Override
      public RecipientRef<SafetyCoordinator.Command> coordinator() {
        return everyone.narrow();
      }
    };
  }

  /** The node's runners with the built-in strategy types and the default supervision. */
  static StrategyRunners.Factory runners(EntityDirectory directory) {
    return StrategyRunner.factory(StrategyTypes.builtIn(), directory, RunnerSupervision.defaults());
  }

  /** The archive on the test kit's journal. */
  static OrderArchive archive(ActorTestKit kit) {
    return OrderArchive.journal(kit.system(), PersistenceTestKitReadJournal.Identifier());
  }

  /** The one domain event a command persisted, unwrapped from its hash-chain record. */
  static Object event(EventSourcedBehaviorTestKit.CommandResult<?, ?, ?> result) {
    return unwrap(result.event());
  }

  /** The domain events a command persisted, in order, unwrapped from their hash-chain records. */
  static List<Object> events(EventSourcedBehaviorTestKit.CommandResult<?, ?, ?> result) {
    return result.events().stream().map(EntityTestSupport::unwrap).toList();
  }

  /** The domain events the journal holds for a connection, in order, unwrapped from their hash-chain records. */
  static List<Object> stored(ActorTestKit kit, String connectionId) {
    return PersistenceTestKit.create(kit.system())
        .persistedInStorage(PersistenceId.of(ExchangeConnectionEntity.TYPE_KEY.name(), connectionId).id()).stream()
        .map(EntityTestSupport::unwrap).toList();
  }

  private static Object unwrap(Object stored) {
    return stored instanceof ChainedEvent chained ? chained.event() : stored;
  }

  static OrderIntent marketBuy(String clientOrderId, String quantity, String referencePrice) {
    return new OrderIntent(clientOrderId, "s1", "demo", "paper", "BTCUSDT", Side.BUY, OrderType.MARKET,
        new BigDecimal(quantity), null, new BigDecimal(referencePrice), false, "entry", NOW);
  }

  static OrderIntent limitBuy(String clientOrderId, String quantity, String price) {
    return new OrderIntent(clientOrderId, "s1", "demo", "paper", "BTCUSDT", Side.BUY, OrderType.LIMIT,
        new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(price), false, "entry", NOW);
  }
}
