package org.tradingnode.core.venue.binance;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.venue.binance.BinanceBookSync;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceRestCodec;
import org.tradingnode.core.domain.venue.binance.BinanceStreamCodec;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.SymbolEntity;
import org.tradingnode.core.venue.binance.BinanceAnswer.Ok;

/**
 * Public market data of a Binance-protocol venue into the symbol entities: one combined stream of
 * {@code @trade}, {@code @bookTicker} and {@code @depth@100ms} per listed symbol, each symbol's book
 * kept by {@link BinanceBookSync} from a REST snapshot and the diffs, resynced on any gap.
 * Reconnects with backoff when the socket ends; every book starts over after a reconnect.
 * Malformed frames are counted and dropped.
 */
public final class BinanceMarketStream {
  private static final int DEPTH_LIMIT = 1000;

  /** Messages of the stream actor. */
  public interface Command {}

  private enum Connect implements Command { INSTANCE }

  private record Frame(String text) implements Command {}

  private record Ended(int generation, String reason) implements Command {}

  private record SnapshotFetched(String symbol, BinanceAnswer answer) implements Command {}

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final BinanceVenueSettings settings;
  private final BinanceRestClient rest;
  private final EntityDirectory directory;
  private final Clock clock;
  private final Map<String, Instrument> instruments = new HashMap<>();
  private final Map<String, BinanceBookSync> books = new HashMap<>();
  private final Set<String> snapshotsAsked = new HashSet<>();
  private final Counters counters;
  private BinanceStreamConnection connection;
  /** Which connection an end belongs to: a stale socket's end must not start another. */
  private int generation;
  private int failures;

  public static Behavior<Command> create(List<Instrument> instruments, BinanceVenueSettings settings,
      EntityDirectory directory, Counters counters, Clock clock) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new BinanceMarketStream(ctx, timers, instruments,
        settings, directory, counters, clock).behavior()));
  }

  private BinanceMarketStream(ActorContext<Command> context, TimerScheduler<Command> timers,
      List<Instrument> instruments, BinanceVenueSettings settings, EntityDirectory directory, Counters counters,
      Clock clock) {
    this.context = context;
    this.timers = timers;
    this.settings = settings;
    this.rest = new BinanceRestClient(context.getSystem(), settings, clock);
    this.directory = directory;
    this.counters = counters;
    this.clock = clock;
    instruments.forEach(i -> this.instruments.put(i.symbol(), i));
    context.getSelf().tell(Connect.INSTANCE);
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessageEquals(Connect.INSTANCE, this::connect)
        .onMessage(Frame.class, this::onFrame)
        .onMessage(SnapshotFetched.class, this::onSnapshot)
        .onMessage(Ended.class, this::onEnded)
        .onSignal(PostStop.class, signal -> {
          if (connection != null) {
            connection.close();
          }
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<Command> connect() {
    books.clear();
    snapshotsAsked.clear();
    instruments.keySet().forEach(symbol -> books.put(symbol, new BinanceBookSync(symbol)));
    String streams = instruments.keySet().stream().map(s -> s.toLowerCase(Locale.ROOT))
        .flatMap(s -> List.of(s + "@trade", s + "@bookTicker", s + "@depth@100ms").stream())
        .collect(Collectors.joining("/"));
    var self = context.getSelf();
    int current = ++generation;
    connection = BinanceStreamConnection.open(context.getSystem(), settings.streamUrl() + "/stream?streams=" + streams,
        text -> self.tell(new Frame(text)));
    connection.upgraded().whenComplete((upgrade, error) -> {
      if (error != null) {
        self.tell(new Ended(current, "cannot connect: " + error.getMessage()));
      }
    });
    connection.closed().whenComplete((done, error) ->
        self.tell(new Ended(current, error == null ? "closed by the venue" : String.valueOf(error.getMessage()))));
    return Behaviors.same();
  }

  private Behavior<Command> onFrame(Frame frame) {
    failures = 0;
    BinanceStreamEvent event = BinanceStreamCodec.decode(frame.text());
    if (event instanceof BinanceStreamEvent.Trade t && instruments.containsKey(t.symbol())) {
      publish(t.symbol(), List.of(new Trade(t.symbol(), t.tradeTime(), t.tradeId(), t.price(), t.quantity(), t.aggressor())));
    } else if (event instanceof BinanceStreamEvent.BookTicker q && instruments.containsKey(q.symbol())) {
      publish(q.symbol(), List.of(new Quote(q.symbol(), clock.millis(), q.bidPrice(), q.bidQuantity(), q.askPrice(),
          q.askQuantity())));
    } else if (event instanceof BinanceStreamEvent.DepthUpdate d && books.containsKey(d.delta().symbol())) {
      onBookOutcome(books.get(d.delta().symbol()), books.get(d.delta().symbol()).onDiff(d.delta()));
    } else if (event instanceof BinanceStreamEvent.ServerShutdown) {
      connection.close();
    } else if (event instanceof BinanceStreamEvent.Malformed m) {
      long dropped = counters.malformed.incrementAndGet();
      if (dropped <= 10 || dropped % 1000 == 0) {
        context.getLog().warn("dropped a malformed market frame ({} so far): {}", dropped, m.reason());
      }
    } else {
      counters.unknown.incrementAndGet();
    }
    return Behaviors.same();
  }

  private void onBookOutcome(BinanceBookSync book, BinanceBookSync.Outcome outcome) {
    switch (outcome) {
      case APPLIED -> publish(book.symbol(), List.copyOf(book.drainApplied()));
      case GAP -> {
        counters.gaps.incrementAndGet();
        context.getLog().warn("{}: depth update ids skipped, resyncing the book", book.symbol());
        askSnapshot(book.symbol(), true);
      }
      case BUFFERED -> askSnapshot(book.symbol(), false);
      case SNAPSHOT_TOO_OLD -> askSnapshot(book.symbol(), true);
      case STALE -> { }
    }
  }

  private void askSnapshot(String symbol, boolean again) {
    if (!again && !snapshotsAsked.add(symbol)) {
      return;
    }
    snapshotsAsked.add(symbol);
    counters.snapshots.incrementAndGet();
    context.pipeToSelf(rest.publicGet("/api/v3/depth", BinanceQuery.empty().with("symbol", symbol)
        .with("limit", DEPTH_LIMIT)), (answer, error) -> new SnapshotFetched(symbol,
            error == null ? answer : new BinanceAnswer.Lost(String.valueOf(error.getMessage()))));
  }

  private Behavior<Command> onSnapshot(SnapshotFetched fetched) {
    BinanceBookSync book = books.get(fetched.symbol());
    if (book == null || book.synced()) {
      return Behaviors.same();
    }
    if (!(fetched.answer() instanceof Ok ok)) {
      context.getLog().warn("{}: depth snapshot failed ({}), asking again", fetched.symbol(), fetched.answer());
      askSnapshot(fetched.symbol(), true);
      return Behaviors.same();
    }
    BookDelta snapshot = BinanceRestCodec.depth(fetched.symbol(), ok.body(), clock.millis()).book();
    onBookOutcome(book, book.onSnapshot(snapshot));
    return Behaviors.same();
  }

  private Behavior<Command> onEnded(Ended ended) {
    if (ended.generation() != generation || connection == null) {
      return Behaviors.same();
    }
    failures++;
    counters.reconnects.incrementAndGet();
    Duration wait = settings.reconnectDelay(failures);
    context.getLog().warn("market stream ended ({}), reconnecting in {} ms", ended.reason(), wait.toMillis());
    connection = null;
    timers.startSingleTimer(Connect.INSTANCE, wait);
    return Behaviors.same();
  }

  /** A frame's events in one message: a snapshot and the diffs buffered behind it arrive together. */
  private void publish(String symbol, List<MarketEvent> events) {
    directory.symbol(instruments.get(symbol).id()).tell(new SymbolEntity.PublishMarketData(events));
  }

  /** What the stream counted, for tests and metrics. */
  public static final class Counters {
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong unknown = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong snapshots = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();

    public long malformed() {
      return malformed.get();
    }

    public long unknown() {
      return unknown.get();
    }

    public long gaps() {
      return gaps.get();
    }

    public long snapshots() {
      return snapshots.get();
    }

    public long reconnects() {
      return reconnects.get();
    }
  }
}
