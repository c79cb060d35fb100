package org.tradingnode.core.venue.binance;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.pattern.CircuitBreaker;
import org.apache.pekko.stream.Materializer;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceRestCodec;
import org.tradingnode.core.domain.venue.binance.BinanceSigner;
import org.tradingnode.core.domain.venue.binance.BinanceWsApi;
import org.tradingnode.core.venue.binance.BinanceAnswer.Lost;
import org.tradingnode.core.venue.binance.BinanceAnswer.NotSent;
import org.tradingnode.core.venue.binance.BinanceAnswer.Ok;
import org.tradingnode.core.venue.binance.BinanceAnswer.Refused;

/**
 * Binance spot REST over the Pekko HTTP client. Signed requests carry the API key header, a
 * timestamp corrected by the measured offset to the venue's clock, {@code recvWindow} and the
 * signature. Nothing is retried here: the caller decides what is safe to repeat (a query, a
 * cancel) and what must be resolved first (a placement whose answer was lost). The rate gate keeps
 * it from being banned, and a circuit breaker stops it hammering a venue that keeps failing. At
 * most {@code maxRequestsInFlight} requests are in flight; the others wait here, in order.
 */
public final class BinanceRestClient {
  private final ActorSystem<?> system;
  private final Materializer materializer;
  private final BinanceVenueSettings settings;
  private final BinanceSigner signer;
  private final Clock clock;
  private final BinanceRateGate gate;
  private final CircuitBreaker breaker;
  private final AtomicLong clockOffset = new AtomicLong();
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private int inFlight;

  /** A request not sent yet, and where its answer goes. */
  private record Waiting(Supplier<CompletionStage<BinanceAnswer>> send, boolean orderTraffic,
      CompletableFuture<BinanceAnswer> answer) {}

  public BinanceRestClient(ActorSystem<?> system, BinanceVenueSettings settings, Clock clock) {
    this.system = system;
    this.materializer = Materializer.matFromSystem(system);
    this.settings = settings;
    this.signer = new BinanceSigner(settings.credentials().apiSecret());
    this.clock = clock;
    this.gate = new BinanceRateGate(clock, settings.weightLimit());
    this.breaker = CircuitBreaker.create(system.classicSystem().scheduler(), settings.breakerFailures(),
        settings.requestTimeout().plusSeconds(1), settings.breakerReset());
  }

  /** Measures the offset of the venue's clock ({@code GET /api/v3/time}) and uses it from then on. */
  public CompletionStage<BinanceAnswer> syncClock() {
    AtomicLong sent = new AtomicLong();
    return send(HttpMethods.GET, "/api/v3/time", () -> {
      sent.set(clock.millis());
      return BinanceQuery.empty();
    }, false, false).thenApply(answer -> {
      if (answer instanceof Ok ok) {
        long received = clock.millis();
        clockOffset.set(BinanceRestCodec.serverTime(ok.body()) - (sent.get() + received) / 2);
      }
      return answer;
    });
  }

  public long clockOffsetMillis() {
    return clockOffset.get();
  }

  /** A signed WebSocket API request for the account's user data stream, stamped with the venue's time. */
  public String userDataSubscription(long id) {
    return BinanceWsApi.userDataSubscription(id, settings.credentials().apiKey(), settings.recvWindow().toMillis(),
        clock.millis() + clockOffset.get(), signer);
  }

  /** An unsigned public request. */
  public CompletionStage<BinanceAnswer> publicGet(String path, BinanceQuery query) {
    return send(HttpMethods.GET, path, () -> query, false, false);
  }

  /** A SIGNED request; {@code orderTraffic} may use the weight held in reserve for orders. */
  public CompletionStage<BinanceAnswer> signed(HttpMethod method, String path, BinanceQuery query,
      boolean orderTraffic) {
    return send(method, path, () -> signer.signed(query.with("recvWindow", settings.recvWindow().toMillis())
        .with("timestamp", clock.millis() + clockOffset.get())), true, orderTraffic);
  }

  /** A request that needs the API key but no signature (the user data stream's listenKey). */
  public CompletionStage<BinanceAnswer> keyed(HttpMethod method, String path, BinanceQuery query) {
    return send(method, path, () -> query, true, false);
  }

  /** Queues a request; {@code query} is built when it leaves, so a signature's timestamp is fresh. */
  private CompletionStage<BinanceAnswer> send(HttpMethod method, String path, Supplier<BinanceQuery> query,
      boolean withKey, boolean orderTraffic) {
    Waiting request = new Waiting(() -> dispatch(method, path, query.get(), withKey), orderTraffic,
        new CompletableFuture<>());
    synchronized (waiting) {
      waiting.add(request);
    }
    startWaiting();
    return request.answer();
  }

  /**
   * Sends waiting requests while fewer than the allowed number are in flight. The rate gate and the
   * breaker are asked when a request leaves, not when it was queued: after a 429 the requests
   * still waiting are answered {@link NotSent} instead of being sent into the ban.
   */
  private void startWaiting() {
    while (true) {
      Waiting next;
      String heldBack;
      synchronized (waiting) {
        if (inFlight >= settings.maxRequestsInFlight() || waiting.isEmpty()) {
          return;
        }
        next = waiting.poll();
        heldBack = gate.holdBack(next.orderTraffic());
        if (heldBack == null && breaker.isOpen()) {
          heldBack = "circuit breaker open after repeated failures";
        }
        if (heldBack == null) {
          inFlight++;
        }
      }
      if (heldBack != null) {
        next.answer().complete(new NotSent(heldBack));
        continue;
      }
      CompletionStage<BinanceAnswer> sending;
      try {
        sending = next.send().get();
      } catch (RuntimeException e) {
        sending = CompletableFuture.failedFuture(e);
      }
      sending.whenComplete((result, error) -> {
        synchronized (waiting) {
          inFlight--;
        }
        next.answer().complete(error == null ? result : new Lost(describe(error)));
        startWaiting();
      });
    }
  }

  private CompletionStage<BinanceAnswer> dispatch(HttpMethod method, String path, BinanceQuery query,
      boolean withKey) {
    String encoded = query.encoded();
    HttpRequest request = HttpRequest.create(settings.baseUrl() + path + (encoded.isEmpty() ? "" : "?" + encoded))
        .withMethod(method);
    if (withKey) {
      request = request.addHeader(RawHeader.create("X-MBX-APIKEY", settings.credentials().apiKey()));
    }
    HttpRequest outgoing = request;
    return breaker.callWithCircuitBreakerCS(() -> exchange(outgoing))
        .exceptionally(error -> new Lost(describe(error)));
  }

  private CompletionStage<BinanceAnswer> exchange(HttpRequest request) {
    long timeout = settings.requestTimeout().toMillis();
    return Http.get(system).singleRequest(request)
        .thenCompose(response -> response.entity().toStrict(timeout, materializer)
            .thenApply(entity -> answer(response, entity.getData().utf8String())))
        .toCompletableFuture().orTimeout(timeout, TimeUnit.MILLISECONDS)
        .thenCompose(answer -> answer instanceof Lost lost
            ? CompletableFuture.<BinanceAnswer>failedFuture(new IllegalStateException(lost.reason()))
            : CompletableFuture.completedFuture(answer));
  }

  private BinanceAnswer answer(HttpResponse response, String body) {
    response.getHeader("X-MBX-USED-WEIGHT-1M").ifPresent(h -> {
      try {
        gate.usedWeight(Long.parseLong(h.value().trim()));
      } catch (NumberFormatException e) {
        system.log().debug("unreadable weight header '{}'", h.value());
      }
    });
    int status = response.status().intValue();
    if (status == 429 || status == 418) {
      long retryAfter = response.getHeader("Retry-After").map(h -> parseSeconds(h.value())).orElse(60L);
      gate.throttled(retryAfter);
      return BinanceRestCodec.error(body).<BinanceAnswer>map(e -> new Refused(status, e))
          .orElse(new NotSent("rate limited (" + status + ")"));
    }
    if (status >= 200 && status < 300) {
      return new Ok(body);
    }
    if (status >= 400 && status < 500) {
      return BinanceRestCodec.error(body).<BinanceAnswer>map(e -> new Refused(status, e))
          .orElse(new Lost("HTTP " + status + " without an error body"));
    }
    return new Lost("HTTP " + status);
  }

  private static long parseSeconds(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 60;
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
