package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance spot REST API under {@code /api/v3}. Each request goes through the same steps, in
 * order: the silent fault (no answer at all), the delay fault, the request-weight limiter (429 with
 * {@code Retry-After}, then 418 for a client that does not back off), the injected 5xx and 429
 * faults, authentication, and the endpoint itself. Every answer carries
 * {@code X-MBX-USED-WEIGHT-1M}; every error has Binance's shape {@code {"code", "msg"}}.
 */
final class RestRoutes extends AllDirectives {
  private static final Logger LOG = LoggerFactory.getLogger(RestRoutes.class);
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);
  private static final String API_KEY_HEADER = "X-MBX-APIKEY";
  private static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

  private final RestHandlers handlers;
  private final RequestAuthenticator authenticator;
  private final RequestWeightLimiter limiter;
  private final Faults faults;
  private final SimulatorCounters counters;
  private final int weightLimit;
  private final Set<ClientConnection> silenced = ConcurrentHashMap.newKeySet();

  RestRoutes(RestHandlers handlers, RequestAuthenticator authenticator, RequestWeightLimiter limiter, Faults faults,
      SimulatorCounters counters, int weightLimit) {
    this.handlers = handlers;
    this.authenticator = authenticator;
    this.limiter = limiter;
    this.faults = faults;
    this.counters = counters;
    this.weightLimit = weightLimit;
  }

  Route routes() {
    return pathPrefix(PathMatchers.segment("api").slash("v3"), () -> path(PathMatchers.segment(), name ->
        extractMethod(method -> Endpoint.find(method.value(), name).map(this::endpoint).orElseGet(this::reject))));
  }

  /** Closes the connections whose requests went unanswered while the venue was silent. */
  void dropSilencedRequests() {
    silenced.forEach(ClientConnection::drop);
    silenced.clear();
  }

  private Route endpoint(Endpoint endpoint) {
    return extractRequest(request -> extractStrictEntity(BODY_TIMEOUT, entity -> {
      ClientConnection connection = request.getAttribute(ClientConnection.KEY)
          .orElseThrow(() -> new IllegalStateException("request without its connection"));
      if (faults.silent()) {
        silenced.add(connection);
        counters.unansweredWhileSilent();
        return completeWithFuture(new CompletableFuture<HttpResponse>());
      }
      String body = endpoint.method().equals("GET") ? "" : entity.getData().utf8String();
      RestRequest rest = RestRequest.of(request.getUri().rawQueryString().orElse(""), body,
          request.getHeader(API_KEY_HEADER).map(HttpHeader::value));
      return completeWithFuture(faults.delayed(rest).thenCompose(r -> answer(endpoint, r, connection)));
    }));
  }

  private CompletionStage<HttpResponse> answer(Endpoint endpoint, RestRequest request, ClientConnection connection) {
    counters.request();
    RequestWeightLimiter.Admission admission = limiter.admit(endpoint.weight(request));
    int used = admission.usedWeight();
    switch (admission.verdict()) {
      case BANNED -> {
        counters.banned();
        return done(response(418, SimulatorJson.error(-1003, "Way too much request weight used; IP banned until "
            + admission.bannedUntil() + ". Please use WebSocket Streams for live updates to avoid bans."), used,
            admission.retryAfterSeconds()));
      }
      case THROTTLED -> {
        return done(throttled(used, admission.retryAfterSeconds()));
      }
      case ALLOWED -> {
        OptionalInt failure = faults.takeFailure();
        if (failure.isPresent()) {
          counters.injectedFailure();
          return done(serverError(failure.getAsInt(), used));
        }
        if (faults.takeThrottle()) {
          return done(throttled(used, limiter.secondsToNextWindow()));
        }
      }
    }
    CompletionStage<JsonNode> result;
    try {
      String account = endpoint.security() == Endpoint.Security.NONE ? null
          : authenticator.authenticate(endpoint.security(), request);
      result = handlers.handle(endpoint, request, account, connection);
    } catch (BinanceError e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.handle((json, error) -> error == null
        ? response(200, SimulatorJson.write(json), used, 0) : failure(error, used));
  }

  private HttpResponse throttled(int used, long retryAfterSeconds) {
    counters.throttled();
    return response(429, SimulatorJson.error(-1003, "Too much request weight used; current limit is " + weightLimit
        + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."),
        used, retryAfterSeconds);
  }

  private static HttpResponse serverError(int status, int used) {
    String body = status == 503
        ? SimulatorJson.error(-1008,
            "Server is currently overloaded with other requests. Please try again in a few minutes.")
        : SimulatorJson.error(-1001, "Internal error; unable to process your request. Please try again.");
    return response(status, body, used, 0);
  }

  private static HttpResponse failure(Throwable error, int used) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof BinanceError e) {
      return response(e.status(), SimulatorJson.error(e.code(), e.getMessage()), used, 0);
    }
    LOG.error("venue simulator failed to answer a request", cause);
    return response(500, SimulatorJson.error(-1000, "An unknown error occurred while processing the request."),
        used, 0);
  }

  private static HttpResponse response(int status, String body, int usedWeight, long retryAfterSeconds) {
    HttpResponse response = HttpResponse.create()
        .withStatus(status)
        .withEntity(ContentTypes.APPLICATION_JSON, body)
        .addHeader(RawHeader.create(USED_WEIGHT_HEADER, Integer.toString(usedWeight)));
    return retryAfterSeconds > 0
        ? response.addHeader(RawHeader.create("Retry-After", Long.toString(retryAfterSeconds))) : response;
  }

  private static CompletionStage<HttpResponse> done(HttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
