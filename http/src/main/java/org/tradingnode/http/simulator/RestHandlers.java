package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;
import org.tradingnode.core.domain.instrument.Instrument;

/**
 * What each REST endpoint does once a request has passed the weight limiter and authentication:
 * read its parameters (a bad one fails with Binance's error), ask the venue on its thread, and
 * render the answer. {@code POST /api/v3/order} also carries out the order faults: a rejected order,
 * and a lost response (the order is booked, then the connection is closed without an answer).
 */
final class RestHandlers {
  private static final int DEFAULT_DEPTH_LIMIT = 100;
  private static final int MAX_DEPTH_LIMIT = 5000;
  private static final int DEFAULT_TRADES_LIMIT = 500;
  private static final int MAX_TRADES_LIMIT = 1000;
  private static final long MAX_TRADES_SPAN_MS = 24 * 60 * 60 * 1000L;

  private final SimulatorSettings settings;
  private final VenueThread thread;
  private final SimulatedVenue venue;
  private final Faults faults;
  private final SimulatorCounters counters;
  private final Clock clock;
  private final Map<String, Instrument> instruments = new LinkedHashMap<>();
  private final Map<String, Long> uids = new HashMap<>();

  RestHandlers(SimulatorSettings settings, VenueThread thread, SimulatedVenue venue, Faults faults,
      SimulatorCounters counters) {
    this.settings = settings;
    this.thread = thread;
    this.venue = venue;
    this.faults = faults;
    this.counters = counters;
    this.clock = settings.clock();
    settings.instruments().forEach(i -> instruments.put(i.symbol(), i.instrument()));
    settings.accounts().forEach(a -> uids.put(a.name(), (long) uids.size() + 1));
  }

  /**
   * The answer of {@code endpoint}; a refused request throws or fails the stage with a
   * {@link BinanceError}. {@code account} is null for public endpoints.
   */
  CompletionStage<JsonNode> handle(Endpoint endpoint, RestRequest r, String account, ClientConnection connection) {
    return switch (endpoint) {
      case PING -> done(RestPayloads.empty());
      case TIME -> done(RestPayloads.serverTime(clock.millis()));
      case EXCHANGE_INFO -> done(RestPayloads.exchangeInfo(listed(r), settings.requestWeightLimit(), clock.millis()));
      case DEPTH -> depth(r);
      case NEW_ORDER -> newOrder(r, account, connection);
      case QUERY_ORDER -> {
        String symbol = r.required("symbol");
        Optional<Long> orderId = r.longParam("orderId");
        Optional<String> clientId = r.param("origClientOrderId");
        yield onVenue(now -> RestPayloads.order(venue.query(account, symbol, orderId, clientId)));
      }
      case CANCEL_ORDER -> {
        String symbol = r.required("symbol");
        Optional<Long> orderId = r.longParam("orderId");
        Optional<String> clientId = r.param("origClientOrderId");
        Optional<String> cancelId = clientOrderId(r, "newClientOrderId");
        yield onVenue(now -> RestPayloads.cancel(venue.cancel(account, symbol, orderId, clientId, cancelId, now)));
      }
      case OPEN_ORDERS -> {
        Optional<String> symbol = r.param("symbol");
        yield onVenue(now -> RestPayloads.orders(venue.openOrders(account, symbol)));
      }
      case MY_TRADES -> myTrades(r, account);
      case ACCOUNT -> {
        boolean omitZero = Boolean.parseBoolean(r.param("omitZeroBalances").orElse("false"));
        yield onVenue(now -> RestPayloads.account(venue.account(account, omitZero), settings.fees(),
            uids.get(account)));
      }
      case START_USER_STREAM -> onVenue(now -> RestPayloads.listenKey(venue.startUserStream(account, now)));
      case KEEP_ALIVE_USER_STREAM -> {
        String key = r.required("listenKey");
        yield onVenue(now -> {
          venue.keepAliveUserStream(account, key, now);
          return RestPayloads.empty();
        });
      }
      case CLOSE_USER_STREAM -> {
        String key = r.required("listenKey");
        yield onVenue(now -> {
          venue.closeUserStream(account, key);
          return RestPayloads.empty();
        });
      }
    };
  }

  private CompletionStage<JsonNode> newOrder(RestRequest r, String account, ClientConnection connection) {
    NewOrder order = NewOrder.parse(r, instruments);
    boolean loseResponse = faults.takeLostOrderResponse();
    CompletionStage<JsonNode> answer = faults.takeOrderRejection()
        ? CompletableFuture.failedFuture(BinanceError.orderRejected("This action is disabled on this account."))
        : onVenue(now -> RestPayloads.newOrder(order.responseType(), venue.place(account, order, now), now));
    if (!loseResponse) {
      return answer;
    }
    return answer.handle((json, error) -> {
      counters.lostResponse();
      connection.drop();
      return json;
    }).thenCompose(json -> new CompletableFuture<>());
  }

  private CompletionStage<JsonNode> depth(RestRequest r) {
    String symbol = r.required("symbol");
    int limit = (int) Math.min(MAX_DEPTH_LIMIT, r.longParam("limit").orElse((long) DEFAULT_DEPTH_LIMIT));
    return onVenue(now -> RestPayloads.depth(venue.depth(symbol, limit)));
  }

  private CompletionStage<JsonNode> myTrades(RestRequest r, String account) {
    String symbol = r.required("symbol");
    Optional<Long> orderId = r.longParam("orderId");
    Optional<Long> fromId = r.longParam("fromId");
    Optional<Long> startTime = r.longParam("startTime");
    Optional<Long> endTime = r.longParam("endTime");
    if (startTime.isPresent() && endTime.isPresent() && endTime.get() - startTime.get() > MAX_TRADES_SPAN_MS) {
      throw BinanceError.badRequest(-1127, "More than 24 hours between startTime and endTime.");
    }
    int limit = (int) Math.min(MAX_TRADES_LIMIT, r.longParam("limit").orElse((long) DEFAULT_TRADES_LIMIT));
    return onVenue(now -> RestPayloads.trades(venue.trades(account, symbol, orderId, fromId, startTime, endTime,
        limit)));
  }

  /** The instruments {@code symbol} or {@code symbols} (a JSON array) ask for, or all. */
  private List<Instrument> listed(RestRequest r) {
    List<String> wanted = new ArrayList<>();
    r.param("symbol").ifPresent(wanted::add);
    Optional<String> symbols = r.param("symbols");
    if (symbols.isPresent()) {
      try {
        SimulatorJson.MAPPER.readTree(symbols.get()).forEach(s -> wanted.add(s.asText()));
      } catch (IOException e) {
        throw BinanceError.illegalCharacters("symbols", "a JSON array of symbols");
      }
    }
    if (wanted.isEmpty()) {
      return List.copyOf(instruments.values());
    }
    List<Instrument> found = new ArrayList<>();
    for (String symbol : wanted) {
      Instrument i = instruments.get(symbol);
      if (i == null) {
        throw BinanceError.invalidSymbol();
      }
      found.add(i);
    }
    return found;
  }

  private static Optional<String> clientOrderId(RestRequest r, String name) {
    Optional<String> id = r.param(name);
    if (id.isPresent() && !id.get().matches(NewOrder.CLIENT_ORDER_ID_RANGE)) {
      throw BinanceError.illegalCharacters(name, NewOrder.CLIENT_ORDER_ID_RANGE);
    }
    return id;
  }

  private CompletionStage<JsonNode> onVenue(LongFunction<JsonNode> work) {
    return thread.call(() -> work.apply(clock.millis()));
  }

  private static CompletionStage<JsonNode> done(JsonNode answer) {
    return CompletableFuture.completedFuture(answer);
  }
}
