package org.tradingnode.core.runner;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.strategy.IntentProposal;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.domain.strategy.SymbolView;
import org.tradingnode.core.domain.strategy.TradingStrategy;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.NodeNotice;
import org.tradingnode.core.entity.RunnerSupervision;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.StrategyRunners;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * Runs one strategy's logic: subscribes to its symbols, feeds market events to the logic with the
 * latest view of the strategy's book, and hands proposals to the strategy entity. It holds nothing
 * that cannot be rebuilt: a crash restarts it with backoff from the entity's view.
 */
public final class StrategyRunner {
  private static final Duration RESUBSCRIBE_EVERY = Duration.ofSeconds(3);
  private static final Duration MARKS_EVERY = Duration.ofSeconds(1);

  /** The runner's own messages, beside the views its strategy sends ({@link StrategyRunners.ViewChanged}). */
  public sealed interface Command extends StrategyRunners.Command {}

  /** Market data from a symbol. */
  public record MarketDataReceived(SymbolEntity.MarketDataBatch batch) implements Command {}

  /** Timer: subscribe again (idempotent), in case a symbol entity moved or restarted. */
  public enum Resubscribe implements Command { INSTANCE }

  /** Timer: send the last prices to the entity. */
  public enum FlushMarks implements Command { INSTANCE }

  private final StrategyConfig config;
  private final TradingStrategy strategy;
  private final EntityDirectory directory;
  private final ActorRef<StrategyEntity.Command> entity;
  private final ActorRef<SymbolEntity.MarketDataBatch> marketDataAdapter;
  private final ActorSystem<?> system;
  private final Map<String, Double> marks = new HashMap<>();
  private Map<String, SymbolView> views;
  private long version = -1;
  private boolean proposalPending;

  /** The node's runners: the strategy types' logic, fed from the symbol entities of {@code directory}. */
  public static StrategyRunners.Factory factory(StrategyTypes types, EntityDirectory directory,
      RunnerSupervision supervision) {
    return new StrategyRunners.Factory() {
      @Override
      public Behavior<StrategyRunners.Command> create(StrategyConfig config, Map<String, Instrument> instruments,
          ActorRef<StrategyEntity.Command> strategy) {
        return supervised(config, instruments, types, directory, strategy, supervision);
      }

      @Override
      public RunnerSupervision supervision() {
        return supervision;
      }
    };
  }

  /** The runner under backoff supervision; it stops for good after {@code maxRestarts} crashes in a row. */
  static Behavior<StrategyRunners.Command> supervised(StrategyConfig config, Map<String, Instrument> instruments,
      StrategyTypes types, EntityDirectory directory, ActorRef<StrategyEntity.Command> entity,
      RunnerSupervision supervision) {
    return Behaviors.supervise(create(config, instruments, types, directory, entity))
        .onFailure(Exception.class, SupervisorStrategy
            .restartWithBackoff(supervision.minBackoff(), supervision.maxBackoff(), 0.2)
            .withMaxRestarts(supervision.maxRestarts())
            .withResetBackoffAfter(Duration.ofSeconds(30)));
  }

  static Behavior<StrategyRunners.Command> create(StrategyConfig config, Map<String, Instrument> instruments,
      StrategyTypes types, EntityDirectory directory, ActorRef<StrategyEntity.Command> entity) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new StrategyRunner(ctx, timers, config, types.create(config, instruments), directory, entity).behavior()));
  }

  private StrategyRunner(ActorContext<StrategyRunners.Command> context, TimerScheduler<StrategyRunners.Command> timers,
      StrategyConfig config,
      TradingStrategy strategy, EntityDirectory directory, ActorRef<StrategyEntity.Command> entity) {
    this.config = config;
    this.strategy = strategy;
    this.directory = directory;
    this.entity = entity;
    this.marketDataAdapter = context.messageAdapter(SymbolEntity.MarketDataBatch.class, MarketDataReceived::new);
    timers.startTimerWithFixedDelay(Resubscribe.INSTANCE, RESUBSCRIBE_EVERY);
    timers.startTimerWithFixedDelay(FlushMarks.INSTANCE, MARKS_EVERY);
    this.system = context.getSystem();
    subscribe();
    entity.tell(new StrategyEntity.RunnerStarted(context.getSelf()));
    NodeNotice.publish(system, new NodeNotice.RunnerStarted(config.id()));
  }

  private Behavior<StrategyRunners.Command> behavior() {
    return Behaviors.receive(StrategyRunners.Command.class)
        .onMessage(StrategyRunners.ViewChanged.class, this::onView)
        .onMessage(MarketDataReceived.class, this::onMarketData)
        .onMessageEquals(Resubscribe.INSTANCE, () -> {
          subscribe();
          return Behaviors.same();
        })
        .onMessageEquals(FlushMarks.INSTANCE, this::flushMarks)
        .onSignal(PostStop.class, signal -> {
          NodeNotice.publish(system, new NodeNotice.RunnerStopped(config.id()));
          return Behaviors.same();
        })
        .build();
  }

  private void subscribe() {
    for (String symbol : config.symbols()) {
      directory.symbol(config.exchange() + ":" + symbol).tell(new SymbolEntity.Subscribe(marketDataAdapter));
    }
  }

  private Behavior<StrategyRunners.Command> onView(StrategyRunners.ViewChanged view) {
    if (view.version() >= version) {
      views = view.views();
      version = view.version();
      proposalPending = false;
    }
    return Behaviors.same();
  }

  private Behavior<StrategyRunners.Command> onMarketData(MarketDataReceived received) {
    for (MarketEvent event : received.batch().events()) {
      if (event instanceof Trade trade) {
        marks.put(trade.symbol(), trade.price());
      }
      if (views == null || proposalPending) {
        continue;
      }
      SymbolView view = views.get(event.symbol());
      if (view == null) {
        continue;
      }
      List<IntentProposal> proposals = strategy.onMarketEvent(event, view);
      if (!proposals.isEmpty()) {
        proposalPending = true;
        entity.tell(new StrategyEntity.ProposeIntents(proposals, version));
      }
    }
    return Behaviors.same();
  }

  private Behavior<StrategyRunners.Command> flushMarks() {
    if (!marks.isEmpty()) {
      Map<String, BigDecimal> prices = new HashMap<>();
      marks.forEach((symbol, price) -> prices.put(symbol, BigDecimal.valueOf(price)));
      entity.tell(new StrategyEntity.RecordMarks(prices));
      marks.clear();
    }
    return Behaviors.same();
  }
}
