package org.tradingnode.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.HaltWitness;
import org.tradingnode.core.entity.OrderArchive;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.StrategyRunners;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.runner.StrategyRunner;
import org.tradingnode.core.venue.MarketFeed;
import org.tradingnode.core.venue.PaperVenue;
import org.tradingnode.core.venue.binance.BinanceMarketStream;
import org.tradingnode.core.venue.binance.BinanceVenue;
import org.tradingnode.http.ApiWarmUp;
import org.tradingnode.http.ControlRoutes;
import org.tradingnode.http.NodeCatalog;
import org.tradingnode.persistence.AuditReader;
import org.tradingnode.persistence.marketdata.MarketDataRecorder;
import org.tradingnode.persistence.marketdata.MarketDataStore;
import org.tradingnode.persistence.marketdata.MarketDataStores;
import org.tradingnode.persistence.readside.ReadSide;
import org.tradingnode.persistence.readside.ReadSideQueries;
import org.tradingnode.persistence.readside.TradingSummary;

/**
 * The node's root: joins the cluster, initialises sharding for every entity type in one place, starts
 * the safety coordinator and the paper market feed as singletons (the feeds publish through a directory
 * that also hands their market data to the recorder), wakes the configured paper accounts, creates the
 * demo strategies that are missing, starts the read side's projections (one node per tag) and binds the
 * HTTP API, which it then warms up ({@link ApiWarmUp}). One node writes the trading summary
 * ({@link TradingSummary}, a singleton). Its own lines go to the logger {@code trading.node}, which the log
 * shows when Pekko's loggers are quiet.
 */
final class Guardian {
  private static final Logger log = LoggerFactory.getLogger("trading.node");

  private Guardian() {}

  static Behavior<Void> create(NodeSettings settings, StrategyTypes types, String readJournalPluginId) {
    return Behaviors.setup(ctx -> {
      ActorSystem<Void> system = ctx.getSystem();
      Clock clock = Clock.systemUTC();
      joinCluster(system, settings.cluster());
      closeClientPoolsLast(system);
      ClusterSharding sharding = ClusterSharding.get(system);
      ShardedDirectory directory = new ShardedDirectory(system, sharding);
      directory.closeOnLastLeave(system);
      var catalog = settings.catalog();

      ActorRef<SafetyCoordinator.Command> coordinator = ClusterSingleton.get(system).init(
          SingletonActor.of(SafetyCoordinator.create(directory, clock), "safety-coordinator"));
      directory.useCoordinator(coordinator);

      ctx.spawn(HaltWitness.create(), "halt-witness", DispatcherSelector.fromConfig(HaltWitness.DISPATCHER));

      ClusterPlacement placement = settings.cluster();
      StrategyRunners.Factory runners = StrategyRunner.factory(types, directory, settings.supervision());
      sharding.init(placement.strategies(Entity.of(StrategyEntity.TYPE_KEY, entity -> StrategyEntity.create(
          entity.getEntityId(), directory, catalog, types, runners, clock))));
      sharding.init(placement.risk(Entity.of(RiskEntity.TYPE_KEY, entity -> RiskEntity.create(entity.getEntityId(),
          directory, catalog, settings.defaultLimits(), clock))));
      OrderArchive archive = OrderArchive.journal(system, readJournalPluginId);
      var binance = settings.venue().binance();
      var binanceGateway = binance.map(b -> BinanceVenue.gateway(b, new BinanceVenue.Counters()));
      sharding.init(placement.connections(Entity.of(ExchangeConnectionEntity.TYPE_KEY, entity -> {
        String id = entity.getEntityId();
        if (binanceGateway.isPresent() && id.startsWith(VenueChoice.BINANCE + ":")) {
          return ExchangeConnectionEntity.create(id, directory, catalog, Map.of(), binanceGateway.get(), archive,
              clock);
        }
        return ExchangeConnectionEntity.create(id, directory, catalog, settings.accounts().startingBalances(id),
            PaperVenue.gateway(directory, settings.fees()), archive, clock);
      })));
      sharding.init(Entity.of(SymbolEntity.TYPE_KEY, entity -> SymbolEntity.create(entity.getEntityId(), clock)));

      EntityDirectory feedDirectory = marketRecorder(system, settings)
          .<EntityDirectory>map(recorder -> new RecordingDirectory(directory, recorder)).orElse(directory);
      if (settings.marketFeed().enabled()) {
        ClusterSingleton.get(system).init(SingletonActor.of(
            MarketFeed.create(catalog.onExchange("paper"), settings.marketFeed(), feedDirectory, clock),
            "market-feed-paper"));
      }

      binance.ifPresent(b -> ClusterSingleton.get(system).init(SingletonActor.of(
          BinanceMarketStream.create(catalog.onExchange(VenueChoice.BINANCE), b, feedDirectory,
              new BinanceMarketStream.Counters(), clock), "market-stream-binance")));
      settings.venue().connectionId().ifPresent(id ->
          directory.connection(id).tell(new ExchangeConnectionEntity.GetBalances(system.ignoreRef())));
      settings.accounts().accounts().stream().filter(a -> a.exchange().equals("paper")).forEach(a ->
          directory.connection(a.connectionId()).tell(new ExchangeConnectionEntity.GetBalances(system.ignoreRef())));
      createDemoStrategies(system, directory, settings);

      ReadSideQueries readSide = ReadSide.start(system, catalog);
      TradingSummary.interval(system.settings().config()).ifPresent(interval -> ClusterSingleton.get(system).init(
          SingletonActor.of(TradingSummary.create(readSide, catalog, interval), "trading-summary")));
      AuditReader audit = new AuditReader(system, readJournalPluginId);
      NodeReadiness readiness = new NodeReadiness(system, directory, audit, settings.askTimeout());
      ManagementReadinessCheck.register(system, readiness);
      ControlRoutes routes = new ControlRoutes(system, directory, audit, readSide, readiness,
          new NodeCatalog(types, catalog, settings.accounts()), settings.askTimeout());
      Http.get(system).newServerAt(settings.httpHost(), settings.httpPort()).bind(routes.routes())
          .whenComplete((binding, error) -> {
            if (error != null) {
              log.error("cannot bind HTTP on {}:{}: {}", settings.httpHost(), settings.httpPort(),
                  error.getMessage());
              system.terminate();
            } else {
              binding.addToCoordinatedShutdown(Duration.ofSeconds(5), system);
              log.info("control API on http://{}:{}/api/v1", binding.localAddress().getHostString(),
                  binding.localAddress().getPort());
              ApiWarmUp.run(system, binding.localAddress()).whenComplete((refused, failure) -> {
                if (failure != null) {
                  log.warn("API warm-up failed: {}", failure.getMessage());
                }
              });
            }
          });
      return Behaviors.empty();
    });
  }

  /**
   * The venue clients' HTTP connection pools close once the entities that use them have stopped, just
   * before the actor system terminates: left to the system's termination, each pool logs an error.
   */
  private static void closeClientPoolsLast(ActorSystem<Void> system) {
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "close-http-client-pools", () -> Http.get(system).shutdownAllConnectionPools()
            .thenApply(done -> Done.getInstance()));
  }

  /**
   * Starts Pekko Management (health checks and cluster information on the management port), then joins:
   * through cluster bootstrap on Kubernetes, to the configured seed nodes, or alone when there are none.
   */
  private static void joinCluster(ActorSystem<Void> system, ClusterPlacement placement) {
    PekkoManagement.get(system).start().whenComplete((uri, error) -> {
      if (error != null) {
        log.error("cannot start management: {}", error.getMessage());
        system.terminate();
      } else {
        log.info("management (health checks /ready and /alive) on {}", uri);
      }
    });
    if (placement.bootstrapsOnKubernetes()) {
      ClusterBootstrap.get(system).start();
    } else if (system.settings().config().getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
  }

  /**
   * The recorder of the market data the node's feeds publish, when recording is on, a feed is configured
   * (its singleton may run on this node) and the persistence profile has a market data store.
   */
  private static Optional<MarketDataRecorder> marketRecorder(ActorSystem<Void> system, NodeSettings settings) {
    boolean feeds = settings.marketFeed().enabled() || settings.venue().binance().isPresent();
    if (!settings.marketRecording().enabled() || !feeds) {
      return Optional.empty();
    }
    Optional<MarketDataStore> store = MarketDataStores.forProfile(system);
    if (store.isEmpty()) {
      log.info("market data is not recorded: the journal {} has no market data store",
          system.settings().config().getString("pekko.persistence.journal.plugin"));
    }
    return store.map(s -> MarketDataRecorder.start(system, s, settings.marketRecording()));
  }

  private static void createDemoStrategies(ActorSystem<Void> system, ShardedDirectory directory,
      NodeSettings settings) {
    for (StrategyConfig config : settings.demoStrategies()) {
      AskPattern.<StrategyEntity.Command, StrategyEntity.Reply>ask(directory.strategy(config.id()),
              replyTo -> new StrategyEntity.CreateStrategy(config, replyTo), Duration.ofSeconds(30),
              system.scheduler())
          .whenComplete((reply, error) -> {
            if (error != null) {
              log.warn("demo strategy {} not created: {}", config.id(), error.getMessage());
            } else if (reply instanceof StrategyEntity.Done) {
              log.info("demo strategy {} created", config.id());
            }
          });
    }
  }
}
