package org.tradingnode.core.venue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.marketdata.RecordedTradesReader;
import org.tradingnode.core.domain.marketdata.SyntheticMarket;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * The public market-data stream of the paper venue: on every tick it pushes each symbol's new events,
 * in one batch per symbol, to that symbol's entity. Runs once per cluster (a singleton) so every paper
 * account sees the same market.
 */
public final class MarketFeed {
  private static final double REPLAY_TOUCH_SIZE = 1.0;

  /** The feed's only message: time to push. */
  public enum Tick { INSTANCE }

  private final ActorContext<Tick> context;
  private final EntityDirectory directory;
  private final Clock clock;
  private final Map<String, SyntheticMarket> generators = new HashMap<>();
  private final Map<String, String> symbolIds = new HashMap<>();
  private List<MarketEvent> recording = List.of();
  private int replayIndex;
  private long replayOffset;

  public static Behavior<Tick> create(List<Instrument> instruments, MarketFeedSettings settings,
      EntityDirectory directory, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      MarketFeed feed = new MarketFeed(ctx, instruments, settings, directory, clock);
      timers.startTimerAtFixedRate(Tick.INSTANCE, settings.tickInterval());
      return Behaviors.receive(Tick.class).onMessageEquals(Tick.INSTANCE, feed::onTick).build();
    }));
  }

  private MarketFeed(ActorContext<Tick> context, List<Instrument> instruments, MarketFeedSettings settings,
      EntityDirectory directory, Clock clock) {
    this.context = context;
    this.directory = directory;
    this.clock = clock;
    instruments.forEach(i -> symbolIds.put(i.symbol(), i.id()));
    if (settings.replays()) {
      Instrument instrument = instruments.stream().filter(i -> i.symbol().equals(settings.replaySymbol()))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(
              "replay symbol " + settings.replaySymbol() + " is not a listed instrument"));
      recording = withQuotes(RecordedTradesReader.readAll(settings.replayFile(), instrument.symbol()),
          instrument.tickSize().doubleValue());
      if (recording.isEmpty()) {
        throw new IllegalArgumentException("no trades in " + settings.replayFile());
      }
      context.getLog().info("replaying {} events of {} from {}", recording.size(), instrument.symbol(),
          settings.replayFile());
    } else {
      long seed = settings.seed();
      for (Instrument i : instruments) {
        double start = settings.startPrices().getOrDefault(i.symbol(), 100.0);
        generators.put(i.symbol(), new SyntheticMarket(i.symbol(), start, i.tickSize().doubleValue(), seed++));
      }
    }
  }

  /** A recorded trade implies the touch it traded at: a buyer took the ask, a seller hit the bid. */
  private static List<MarketEvent> withQuotes(List<Trade> trades, double tick) {
    List<MarketEvent> events = new ArrayList<>(trades.size() * 2);
    for (Trade t : trades) {
      double bid = t.aggressor() == Side.BUY ? t.price() - tick : t.price();
      double ask = t.aggressor() == Side.BUY ? t.price() : t.price() + tick;
      events.add(new Quote(t.symbol(), t.timestamp(), bid, REPLAY_TOUCH_SIZE, ask, REPLAY_TOUCH_SIZE));
      events.add(t);
    }
    return events;
  }

  private Behavior<Tick> onTick() {
    long now = clock.millis();
    Map<String, List<MarketEvent>> batches = recording.isEmpty() ? generate(now) : replay(now);
    batches.forEach((symbol, events) ->
        directory.symbol(symbolIds.get(symbol)).tell(new SymbolEntity.PublishMarketData(events)));
    return Behaviors.same();
  }

  private Map<String, List<MarketEvent>> generate(long now) {
    Map<String, List<MarketEvent>> batches = new HashMap<>();
    generators.forEach((symbol, market) -> batches.put(symbol, market.next(now)));
    return batches;
  }

  private Map<String, List<MarketEvent>> replay(long now) {
    if (replayIndex == 0 && replayOffset == 0 || replayIndex >= recording.size()) {
      replayIndex = 0;
      replayOffset = now - recording.get(0).timestamp();
    }
    List<MarketEvent> due = new ArrayList<>();
    while (replayIndex < recording.size() && recording.get(replayIndex).timestamp() + replayOffset <= now) {
      due.add(rebase(recording.get(replayIndex++), replayOffset));
    }
    return due.isEmpty() ? Map.of() : Map.of(due.get(0).symbol(), due);
  }

  private static MarketEvent rebase(MarketEvent event, long offset) {
    if (event instanceof Trade t) {
      return new Trade(t.symbol(), t.timestamp() + offset, t.tradeId(), t.price(), t.quantity(), t.aggressor());
    }
    Quote q = (Quote) event;
    return new Quote(q.symbol(), q.timestamp() + offset, q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize());
  }
}
