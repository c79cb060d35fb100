package org.tradingnode.core.entity;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.OrderBook;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.serialization.CborSerializable;
import org.tradingnode.core.entity.chain.ChainingEventAdapter;

/**
 * One symbol on one venue ({@code exchange:symbol}). Keeps the order book, the last quote and trade in
 * memory and passes every batch of market events, in venue order, to its subscribers (strategy runners,
 * paper venues). It persists only facts worth auditing (here: that the symbol went live), not ticks.
 */
public final class SymbolEntity
    extends EventSourcedBehavior<SymbolEntity.Command, SymbolEntity.Event, SymbolEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Symbol");

  /** Messages the symbol takes. */
  public sealed interface Command extends CborSerializable {}

  /** From the venue stream: market events of this symbol, oldest first. */
  public record PublishMarketData(List<MarketEvent> events) implements Command {}

  /** Subscribe to this symbol's market data; subscribing twice is harmless. */
  public record Subscribe(ActorRef<MarketDataBatch> subscriber) implements Command {}

  /** Stop receiving market data. */
  public record Unsubscribe(ActorRef<MarketDataBatch> subscriber) implements Command {}

  /** Ask for the last quote and trade. */
  public record GetMarket(ActorRef<MarketSnapshot> replyTo) implements Command {}

  /** A subscriber stopped. */
  record SubscriberTerminated(ActorRef<MarketDataBatch> subscriber) implements Command {}

  /** What subscribers receive. */
  public record MarketDataBatch(String symbolId, List<MarketEvent> events) implements CborSerializable {}

  /** Last quote and trade (either may be null before the first one). */
  public record MarketSnapshot(String symbolId, Quote quote, Trade trade) implements CborSerializable {}

  /** Persisted facts. */
  public sealed interface Event extends CborSerializable {}

  /** The first market data arrived. */
  public record SymbolWentLive(String symbolId, long at) implements Event {}

  /** Whether the symbol has gone live. */
  public record State(boolean live, long since) implements CborSerializable {}

  private final ActorContext<Command> context;
  private final ChainingEventAdapter<Event> chain;
  private final String symbolId;
  private final Clock clock;
  private final Set<ActorRef<MarketDataBatch>> subscribers = new HashSet<>();
  private final OrderBook book = new OrderBook();
  private Quote lastQuote;
  private Trade lastTrade;
  private long droppedBookDeltas;

  public static Behavior<Command> create(String symbolId, Clock clock) {
    return Behaviors.setup(ctx -> new SymbolEntity(ctx, symbolId, clock));
  }

  private SymbolEntity(ActorContext<Command> context, String symbolId, Clock clock) {
    super(PersistenceId.of(TYPE_KEY.name(), symbolId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.context = context;
    this.chain = new ChainingEventAdapter<>(context.getSystem());
    this.symbolId = symbolId;
    this.clock = clock;
  }

  @Override
  public State emptyState() {
    return new State(false, 0L);
  }

  @Override
  public ChainingEventAdapter<Event> eventAdapter() {
    return chain;
  }

  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return chain.snapshots();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(EventTags.tagFor(TYPE_KEY.name(), symbolId));
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> chain.recoveryCompleted())
        .build();
  }

  @Override
  public CommandHandler<Command, Event, State> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(PublishMarketData.class, this::onPublish)
        .onCommand(Subscribe.class, cmd -> {
          if (subscribers.add(cmd.subscriber())) {
            context.watchWith(cmd.subscriber(), new SubscriberTerminated(cmd.subscriber()));
          }
          return Effect().none();
        })
        .onCommand(Unsubscribe.class, cmd -> {
          if (subscribers.remove(cmd.subscriber())) {
            context.unwatch(cmd.subscriber());
          }
          return Effect().none();
        })
        .onCommand(SubscriberTerminated.class, cmd -> {
          subscribers.remove(cmd.subscriber());
          return Effect().none();
        })
        .onCommand(GetMarket.class, cmd -> {
          cmd.replyTo().tell(new MarketSnapshot(symbolId, lastQuote, lastTrade));
          return Effect().none();
        })
        .build();
  }

  private Effect<Event, State> onPublish(State state, PublishMarketData cmd) {
    for (MarketEvent event : cmd.events()) {
      if (event instanceof Quote q) {
        lastQuote = q;
      } else if (event instanceof Trade t) {
        lastTrade = t;
      } else if (event instanceof BookDelta d && !book.apply(d)) {
        droppedBookDeltas++;
        context.getLog().warn("{}: book delta {}..{} does not follow {}; waiting for a snapshot ({} dropped)",
            symbolId, d.firstUpdateId(), d.lastUpdateId(), book.lastUpdateId(), droppedBookDeltas);
      }
    }
    if (!subscribers.isEmpty()) {
      MarketDataBatch batch = new MarketDataBatch(symbolId, cmd.events());
      subscribers.forEach(s -> s.tell(batch));
    }
    if (!state.live()) {
      return Effect().persist(new SymbolWentLive(symbolId, clock.millis()));
    }
    return Effect().none();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(SymbolWentLive.class, (s, e) -> new State(true, e.at()))
        .build();
  }
}
