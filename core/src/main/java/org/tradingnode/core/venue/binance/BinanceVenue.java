package org.tradingnode.core.venue.binance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceReports;
import org.tradingnode.core.domain.venue.binance.BinanceRestCodec;
import org.tradingnode.core.domain.venue.binance.BinanceStreamCodec;
import org.tradingnode.core.domain.venue.binance.BinanceStreamEvent;
import org.tradingnode.core.gateway.VenueCommand;
import org.tradingnode.core.gateway.VenueEvent;
import org.tradingnode.core.gateway.VenueGateway;
import org.tradingnode.core.gateway.VenueSession;
import org.tradingnode.core.venue.binance.BinanceAnswer.Ok;
import org.tradingnode.core.venue.binance.BinanceAnswer.Refused;

/**
 * The venue child of a connection to a Binance-protocol venue. On start it measures the venue's
 * clock, opens the user data stream (a signed WebSocket API subscription, or a listen key) and
 * reconciles the connection's open orders with the venue
 * (open orders, then each missing order and its trades) before it reports itself connected. Orders
 * are placed once; a placement whose answer was lost is resolved by querying its client order id
 * and sent again only when the venue says it never saw it. When the user stream ends the child
 * stops, and the connection starts a new one, which reconciles again: no fill is missed.
 */
public final class BinanceVenue {
  private static final int RESOLVE_ATTEMPTS = 4;
  private static final Duration RESOLVE_BACKOFF = Duration.ofMillis(300);
  private static final int STASH_CAPACITY = 10_000;

  private record Connected(String listenKey, BinanceStreamConnection stream, BinanceOrderLookup.Reconciliation report)
      implements VenueCommand {}

  private record StartFailed(String reason, boolean credentialsRejected) implements VenueCommand {}

  private enum Start implements VenueCommand { INSTANCE }

  private enum KeepAlive implements VenueCommand { INSTANCE }

  private record UserFrame(String text) implements VenueCommand {}

  /** A user data stream ended ({@code stream} null: give up the current one, whatever it is). */
  private record StreamEnded(String reason, BinanceStreamConnection stream) implements VenueCommand {}

  private record Reports(List<VenueReport> reports) implements VenueCommand {}

  private record Resolve(OrderIntent intent, int attempt, boolean resent) implements VenueCommand {}

  /** The venue said, several times, that it never saw the order: place it once more, same id. */
  private record Resend(OrderIntent intent) implements VenueCommand {}

  private final ActorContext<VenueCommand> context;
  private final TimerScheduler<VenueCommand> timers;
  /** User stream frames (and its end) that came while reconciling: handled once connected, so none is lost. */
  private final StashBuffer<VenueCommand> earlyFrames;
  private final VenueSession session;
  private final BinanceRestClient rest;
  private final BinanceOrderLookup orders;
  private final BinanceVenueSettings settings;
  private final Map<String, Instrument> instruments = new HashMap<>();
  private final Map<String, String> symbolOf = new HashMap<>();
  private final Counters stats;
  private int failedStarts;
  /** When the current attempt to connect began ({@link System#nanoTime()}). */
  private long startedNanos;
  private BinanceStreamConnection userStream;

  /**
   * A gateway whose children share one REST client, so that a restarted child still honours the
   * venue's {@code Retry-After} and the circuit breaker's state.
   */
  public static VenueGateway gateway(BinanceVenueSettings settings, Counters stats) {
    AtomicReference<BinanceRestClient> client = new AtomicReference<>();
    return session -> Behaviors.setup(ctx -> Behaviors.withTimers(timers -> Behaviors.withStash(STASH_CAPACITY,
        early -> {
          BinanceRestClient rest = client.updateAndGet(c -> c != null ? c
              : new BinanceRestClient(ctx.getSystem(), settings, session.clock()));
          return new BinanceVenue(ctx, timers, early, session, rest, settings, stats).starting();
        })));
  }

  private BinanceVenue(ActorContext<VenueCommand> context, TimerScheduler<VenueCommand> timers,
      StashBuffer<VenueCommand> earlyFrames, VenueSession session, BinanceRestClient rest,
      BinanceVenueSettings settings, Counters stats) {
    this.context = context;
    this.earlyFrames = earlyFrames;
    this.timers = timers;
    this.session = session;
    this.rest = rest;
    this.orders = new BinanceOrderLookup(rest);
    this.settings = settings;
    this.stats = stats;
    session.instruments().forEach(i -> instruments.put(i.symbol(), i));
    session.openOrders().forEach(o -> symbolOf.put(o.clientOrderId(), o.intent().symbol()));
    context.getSelf().tell(Start.INSTANCE);
  }

  private Behavior<VenueCommand> starting() {
    return Behaviors.receive(VenueCommand.class)
        .onMessageEquals(Start.INSTANCE, () -> {
          startedNanos = System.nanoTime();
          context.pipeToSelf(connect(), (connected, error) -> error == null ? connected : startFailed(error));
          return Behaviors.same();
        })
        .onMessage(Connected.class, this::onConnected)
        .onMessage(StartFailed.class, this::onStartFailed)
        .onMessage(UserFrame.class, this::keepForLater)
        .onMessage(StreamEnded.class, this::keepForLater)
        .onMessage(VenueCommand.Place.class, place -> {
          reject(place.intent(), VenueRejectReason.VENUE_REFUSED, "not connected to the venue yet");
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<VenueCommand> keepForLater(VenueCommand early) {
    if (earlyFrames.isFull()) {
      context.getLog().warn("{}: too many user stream frames while reconciling; starting over", session.connectionId());
      return Behaviors.stopped();
    }
    earlyFrames.stash(early);
    return Behaviors.same();
  }

  /** Clock, user data stream, then reconciliation; any refusal ends the attempt. */
  private CompletionStage<VenueCommand> connect() {
    return rest.syncClock().thenCompose(time -> {
      if (!(time instanceof Ok)) {
        return failed(time);
      }
      var self = context.getSelf();
      var opened = BinanceUserStream.open(context.getSystem(), settings, rest, text -> self.tell(new UserFrame(text)));
      return opened.thenCompose(user -> {
        if (user.refusal() != null) {
          user.stream().ifPresent(BinanceStreamConnection::close);
          return failed(user.refusal());
        }
        BinanceStreamConnection stream = user.stream().orElseThrow();
        stream.closed().whenComplete((done, error) -> self.tell(new StreamEnded(
            error == null ? "closed by the venue" : String.valueOf(error.getMessage()), stream)));
        return orders.reconcile(session.openOrders(), instruments)
            .whenComplete((report, error) -> {
              if (error != null) {
                stream.close();
              }
            })
            .thenApply(report -> (VenueCommand) new Connected(user.listenKey(), stream, report));
      });
    });
  }

  private static CompletionStage<VenueCommand> failed(BinanceAnswer answer) {
    return CompletableFuture.completedFuture(new StartFailed(answer.toString(), credentialsRejected(answer)));
  }

  private static StartFailed startFailed(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof BinanceOrderLookup.Unanswered unanswered) {
      return new StartFailed(unanswered.getMessage(), credentialsRejected(unanswered.answer()));
    }
    return new StartFailed(String.valueOf(cause.getMessage()), false);
  }

  /** An invalid API key, a key without the permission, or a signature made with the wrong secret. */
  private static boolean credentialsRejected(BinanceAnswer answer) {
    return answer instanceof Refused r
        && (r.error().code() == -2014 || r.error().code() == -2015 || r.error().code() == -1022);
  }

  private Behavior<VenueCommand> onConnected(Connected connected) {
    failedStarts = 0;
    userStream = connected.stream();
    if (connected.listenKey() != null) {
      timers.startTimerWithFixedDelay(KeepAlive.INSTANCE, settings.listenKeyKeepAlive());
    }
    session.connection().tell(new VenueEvent.Connected(connected.report().open(),
        connected.report().missed()));
    context.getLog().info("{}: connected to {} in {} ms, clock offset {} ms, {} open orders looked up and {} "
        + "reports found by reconciliation", session.connectionId(), settings.baseUrl(),
        (System.nanoTime() - startedNanos) / 1_000_000, rest.clockOffsetMillis(), session.openOrders().size(),
        connected.report().missed().size());
    return earlyFrames.unstashAll(running(connected.listenKey()));
  }

  private Behavior<VenueCommand> onStartFailed(StartFailed failed) {
    earlyFrames.clear();
    if (failed.credentialsRejected()) {
      context.getLog().error("{}: the venue rejected the API credentials ({}); not retrying until restarted",
          session.connectionId(), failed.reason());
      session.connection().tell(new VenueEvent.Connected(
          session.openOrders().stream().map(Order::clientOrderId).toList(), List.of()));
      return refusing("the venue rejected the API credentials: " + failed.reason());
    }
    failedStarts++;
    Duration wait = settings.reconnectDelay(failedStarts);
    context.getLog().warn("{}: cannot connect to the venue ({}), retrying in {} ms", session.connectionId(),
        failed.reason(), wait.toMillis());
    timers.startSingleTimer(Start.INSTANCE, wait);
    return Behaviors.same();
  }

  /** Credentials refused: every order is answered at once, nothing is sent (no retry storm). */
  private Behavior<VenueCommand> refusing(String why) {
    return Behaviors.receive(VenueCommand.class)
        .onMessage(VenueCommand.Place.class, place -> {
          reject(place.intent(), VenueRejectReason.VENUE_REFUSED, why);
          return Behaviors.same();
        })
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private Behavior<VenueCommand> running(String listenKey) {
    return Behaviors.receive(VenueCommand.class)
        .onMessage(VenueCommand.Place.class, place -> {
          place(place.intent(), false);
          return Behaviors.same();
        })
        .onMessage(VenueCommand.Cancel.class, cancel -> {
          cancel(cancel.clientOrderId());
          return Behaviors.same();
        })
        .onMessage(Resolve.class, this::resolve)
        .onMessage(Resend.class, resend -> {
          place(resend.intent(), true);
          return Behaviors.same();
        })
        .onMessage(Reports.class, reports -> {
          reports.reports().forEach(r -> session.connection().tell(new VenueEvent.Reported(r)));
          return Behaviors.same();
        })
        .onMessage(UserFrame.class, this::onUserFrame)
        .onMessageEquals(KeepAlive.INSTANCE, () -> {
          rest.keyed(HttpMethods.PUT, "/api/v3/userDataStream", BinanceQuery.empty().with("listenKey", listenKey));
          return Behaviors.same();
        })
        .onMessage(StreamEnded.class, ended -> {
          if (ended.stream() != null && ended.stream() != userStream) {
            return Behaviors.same();
          }
          context.getLog().warn("{}: user data stream ended ({}); reconnecting and reconciling",
              session.connectionId(), ended.reason());
          return Behaviors.stopped();
        })
        .onSignal(PostStop.class, signal -> {
          userStream.close();
          return Behaviors.same();
        })
        .build();
  }

  private void place(OrderIntent intent, boolean resent) {
    symbolOf.put(intent.clientOrderId(), intent.symbol());
    Instrument instrument = instruments.get(intent.symbol());
    if (instrument == null) {
      reject(intent, VenueRejectReason.UNKNOWN_SYMBOL, intent.symbol() + " is not configured for this venue");
      return;
    }
    BinanceQuery query = BinanceQuery.empty()
        .with("symbol", intent.symbol())
        .with("side", intent.side().name())
        .with("type", intent.type() == OrderType.MARKET ? "MARKET" : "LIMIT")
        .with("timeInForce", intent.type() == OrderType.MARKET ? null : intent.type() == OrderType.IOC ? "IOC" : "GTC")
        .with("quantity", intent.quantity().toPlainString())
        .with("price", intent.type() == OrderType.MARKET ? null : intent.limitPrice().toPlainString())
        .with("newClientOrderId", intent.clientOrderId())
        .with("newOrderRespType", "FULL");
    context.pipeToSelf(rest.signed(HttpMethods.POST, "/api/v3/order", query, true), (answer, error) -> {
      if (answer instanceof Ok ok) {
        return new Reports(BinanceReports.of(BinanceRestCodec.order(ok.body()), List.of(), instrument));
      }
      if (answer instanceof Refused r) {
        return new Reports(List.of(BinanceReports.refused(intent.clientOrderId(), r.error(),
            session.clock().millis())));
      }
      if (answer instanceof BinanceAnswer.NotSent notSent && !resent) {
        return new Reports(List.of(new VenueReport.Rejected(intent.clientOrderId(), VenueRejectReason.VENUE_REFUSED,
            "not sent: " + notSent.reason(), session.clock().millis())));
      }
      stats.placementsLost.incrementAndGet();
      return new Resolve(intent, 1, resent);
    });
  }

  /** The answer to a placement was lost: ask the venue by client order id before anything else. */
  private Behavior<VenueCommand> resolve(Resolve resolve) {
    OrderIntent intent = resolve.intent();
    Instrument instrument = instruments.get(intent.symbol());
    var delay = RESOLVE_BACKOFF.multipliedBy(resolve.attempt());
    var found = after(delay).thenCompose(x -> orders.lookUp(intent.clientOrderId(), instrument));
    context.pipeToSelf(found, (reports, error) -> {
      if (error == null && !reports.isEmpty()) {
        return new Reports(reports);
      }
      if (resolve.attempt() < RESOLVE_ATTEMPTS) {
        return new Resolve(intent, resolve.attempt() + 1, resolve.resent());
      }
      if (error == null && !resolve.resent()) {
        stats.placementsResent.incrementAndGet();
        return new Resend(intent);
      }
      context.getLog().error("{}: cannot learn what became of order {}; the next reconciliation will",
          session.connectionId(), intent.clientOrderId());
      return new StreamEnded("order " + intent.clientOrderId() + " unresolved", null);
    });
    return Behaviors.same();
  }

  private void cancel(String clientOrderId) {
    String symbol = symbolOf.get(clientOrderId);
    Instrument instrument = symbol == null ? null : instruments.get(symbol);
    if (instrument == null) {
      return;
    }
    BinanceQuery query = BinanceQuery.empty().with("symbol", symbol).with("origClientOrderId", clientOrderId);
    context.pipeToSelf(rest.signed(HttpMethods.DELETE, "/api/v3/order", query, true).thenCompose(answer -> {
      if (answer instanceof Ok ok) {
        return CompletableFuture.completedFuture(BinanceReports.of(BinanceRestCodec.order(ok.body()), List.of(),
            instrument));
      }
      return orders.lookUp(clientOrderId, instrument);
    }), (reports, error) -> error == null ? new Reports(reports) : new Reports(List.of()));
  }

  private Behavior<VenueCommand> onUserFrame(UserFrame frame) {
    BinanceStreamEvent event = BinanceStreamCodec.decode(frame.text());
    if (event instanceof BinanceStreamEvent.ExecutionReport report) {
      Instrument instrument = instruments.get(report.symbol());
      if (instrument != null) {
        BinanceReports.of(report, instrument)
            .forEach(r -> session.connection().tell(new VenueEvent.Reported(r)));
      }
    } else if (event instanceof BinanceStreamEvent.StreamEnded) {
      return Behaviors.stopped();
    } else if (event instanceof BinanceStreamEvent.Malformed malformed) {
      long dropped = stats.malformed.incrementAndGet();
      if (dropped <= 10 || dropped % 1000 == 0) {
        context.getLog().warn("{}: dropped a malformed user stream frame ({} so far): {}", session.connectionId(),
            dropped, malformed.reason());
      }
    } else if (event instanceof BinanceStreamEvent.Unknown) {
      stats.unknown.incrementAndGet();
    }
    return Behaviors.same();
  }

  private void reject(OrderIntent intent, VenueRejectReason reason, String detail) {
    session.connection().tell(new VenueEvent.Reported(new VenueReport.Rejected(
        intent.clientOrderId(), reason, detail, session.clock().millis())));
  }

  private CompletionStage<Void> after(Duration delay) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.getSystem().scheduler().scheduleOnce(delay, () -> done.complete(null), context.getExecutionContext());
    return done;
  }

  /** Counters a test or the metrics endpoint can read. */
  public static final class Counters {
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong unknown = new AtomicLong();
    final AtomicLong placementsLost = new AtomicLong();
    final AtomicLong placementsResent = new AtomicLong();

    public long malformed() {
      return malformed.get();
    }

    public long unknown() {
      return unknown.get();
    }

    public long placementsLost() {
      return placementsLost.get();
    }

    public long placementsResent() {
      return placementsResent.get();
    }
  }
}
