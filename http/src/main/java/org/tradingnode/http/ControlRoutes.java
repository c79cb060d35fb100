package org.tradingnode.http;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.MalformedQueryParamRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.MissingQueryParamRejection;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Rejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.RequestEntityExpectedRejection;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.UnsupportedRequestContentTypeRejection;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.pattern.StatusReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.KillSwitch;
import org.tradingnode.core.entity.ModeView;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.StrategyStatus;
import org.tradingnode.persistence.AuditReader;
import org.tradingnode.persistence.readside.OrderFilter;
import org.tradingnode.persistence.readside.PositionRow;
import org.tradingnode.persistence.readside.ReadSide;
import org.tradingnode.persistence.readside.ReadSideFreshness;
import org.tradingnode.persistence.readside.ReadSideQueries;
import org.tradingnode.persistence.readside.StrategyRow;

/**
 * The control API under {@code /api/v1} plus health and readiness. Every input is checked here and
 * turned into a typed entity command; bad input gets a 4xx with {@code {"error", "message"}}. Orders
 * and positions and the list of strategies are answered from the read side, so listing them wakes no
 * entity; only the marks that value open positions are asked from their strategies.
 */
public final class ControlRoutes extends AllDirectives {
  private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);
  private final ActorSystem<?> system;
  private final EntityDirectory directory;
  private final AuditReader audit;
  private final ReadSideQueries readSide;
  private final StrategyMarks marks;
  private final AuditQueries auditQueries;
  private final Readiness readiness;
  private final NodeCatalog catalog;
  private final Duration timeout;
  /** How long an emergency stop waits for the coordinator to record it before answering anyway. */
  private static final Duration COORDINATOR_WAIT = Duration.ofMillis(200);
  /** How long a listing waits for a new measurement of the read side's lag before it uses the last one. */
  private static final Duration LAG_BUDGET = Duration.ofMillis(250);
  /** When the emergency stop answers with the entities' account even if some are not done yet. */
  private static final Duration ACCOUNT_DEADLINE = Duration.ofMillis(850);
  private final HaltAccounts haltAccounts;
  private final AccountQueries accounts;
  private final StrategyCommands strategies;
  private final ReadSideFreshness freshness;

  public ControlRoutes(ActorSystem<?> system, EntityDirectory directory, AuditReader audit, ReadSideQueries readSide,
      Readiness readiness, NodeCatalog catalog, Duration timeout) {
    this.system = system;
    this.directory = directory;
    this.audit = audit;
    this.readSide = readSide;
    this.marks = new StrategyMarks(system, directory, timeout);
    this.auditQueries = new AuditQueries(audit, java.time.Clock.systemUTC());
    this.readiness = readiness;
    this.catalog = catalog;
    this.timeout = timeout;
    this.haltAccounts = new HaltAccounts(system);
    this.accounts = new AccountQueries(system, directory, readSide, catalog, timeout, java.time.Clock.systemUTC());
    this.freshness = ReadSide.freshness(system, readSide);
    this.strategies = new StrategyCommands(system, directory, readSide, catalog, timeout);
  }

  public Route routes() {
    return handleRejections(rejections(), () -> concat(
        path("health", () -> get(() -> respond(() -> CompletableFuture.completedFuture(Map.of("status", "ok"))))),
        path("ready", () -> get(this::ready)),
        pathPrefix(PathMatchers.segment("api").slash("v1"), this::apiRoutes)));
  }

  private Route apiRoutes() {
    return concat(
        path("mode", () -> get(() -> respond(this::mode))),
        path("emergency-stop", () -> concat(
            post(this::emergencyStop),
            get(() -> respond(() -> {
              long now = System.nanoTime();
              return haltAccounts.gather(now, now);
            })))),
        path("safe-mode", () -> post(() -> changeMode(TradingMode.SAFE_MODE))),
        path("resume", () -> post(() -> changeMode(TradingMode.RUNNING))),
        pathPrefix("strategies", this::strategyRoutes),
        path("strategy-types", () -> get(() -> respond(() -> CompletableFuture.completedFuture(
            catalog.types().names().stream().sorted()
                .map(type -> ApiModel.StrategyTypeResponse.of(type, catalog.types().parameters(type))).toList())))),
        path("accounts", () -> get(() -> respond(accounts::all))),
        path(PathMatchers.segment("accounts").slash(PathMatchers.segment()), id -> get(() ->
            respond(() -> accounts.one(id)))),
        path("instruments", () -> get(() -> parameterMap(params -> respond(() -> instruments(params.get("exchange")))))),
        path("orders", () -> get(this::ordersRoute)),
        path("positions", () -> get(() -> parameterMap(params ->
            readSideListing(params, () -> positions(params.get("account")))))),
        path(PathMatchers.segment("risk").slash(PathMatchers.segment()).slash("limits"), account -> concat(
            get(() -> respond(() -> limits(account))),
            put(() -> body(json -> respond(() -> setLimits(account, json)))))),
        path(PathMatchers.segment("audit").slash("events"), () -> get(() ->
            parameterMap(params -> respond(() -> auditQueries.events(params))))),
        path(PathMatchers.segment("audit").slash("verify"), () -> get(() ->
            parameterMap(params -> respond(() -> auditQueries.verify(params))))));
  }

  private Route ordersRoute() {
    return parameterMap(params -> readSideListing(params, () ->
        orders(params.get("strategy"), params.get("account"), params.get("status"))));
  }

  private Route strategyRoutes() {
    return concat(
        pathEndOrSingleSlash(() -> concat(
            get(() -> parameterMap(params -> readSideListing(params, strategies::listing))),
            post(() -> body(json -> respondWith(201, () -> strategies.create(json)))))),
        path(PathMatchers.segment(), id -> concat(
            get(() -> respond(() -> strategies.ask(id, StrategyEntity.GetStrategy::new))),
            delete(() -> body(json -> respond(() -> strategies.ask(id,
                replyTo -> new StrategyEntity.DeleteStrategy(optionalReason(json, "deleted by operator"), replyTo))))),
            put(() -> body(json -> respond(() -> strategies.reconfigure(id, json, false)))),
            patch(() -> body(json -> respond(() -> strategies.reconfigure(id, json, true)))))),
        path(PathMatchers.segment().slash("flatten"), id -> post(() -> body(json -> respond(() ->
            strategies.ask(id, replyTo -> new StrategyEntity.FlattenStrategy(optionalReason(json, "flattened by operator"),
                false, replyTo)))))),
        path(PathMatchers.segment().slash("start"), id -> post(() ->
            respond(() -> strategies.ask(id, StrategyEntity.StartStrategy::new)))),
        path(PathMatchers.segment().slash("stop"), id -> post(() -> body(json -> respond(() -> strategies.ask(id,
            replyTo -> new StrategyEntity.StopStrategy(optionalReason(json, "stopped by operator"), replyTo)))))));
  }

  private Route ready() {
    CompletionStage<HttpResponse> response = readiness.check()
        .thenApply(checks -> {
          boolean ok = checks.values().stream().allMatch(Boolean::booleanValue);
          return json(ok ? 200 : 503, new ApiModel.ReadinessResponse(ok, checks));
        })
        .exceptionally(e -> json(503, new ApiModel.ReadinessResponse(false, Map.of("check", false))));
    return completeWithFuture(response);
  }

  private CompletionStage<ApiModel.ModeResponse> mode() {
    return AskPattern.<SafetyCoordinator.Command, ModeView>ask(directory.coordinator(),
        SafetyCoordinator.GetMode::new, timeout, system.scheduler()).thenApply(ApiModel.ModeResponse::of);
  }

  /**
   * The emergency stop never waits for the coordinator singleton: the halt goes to the kill switch on this
   * node, sent from there to every node, which applies it to its own entities; the coordinator is asked to
   * record it for at most {@link #COORDINATOR_WAIT}. The answer says whether the coordinator has recorded
   * it yet (when it has not, because it is moving to another node, it records the halt from the switch once
   * it runs again), and gives the entities' own account of the halt from every node, gathered until all
   * is stopped or {@link #ACCOUNT_DEADLINE} after the request.
   */
  private Route emergencyStop() {
    return body(json -> respond(() -> {
      ApiModel.EmergencyStopRequest request = Json.read(json, ApiModel.EmergencyStopRequest.class);
      String reason = Validation.reason(new ApiModel.ReasonRequest(request.reason()));
      boolean flatten = Boolean.TRUE.equals(request.flatten());
      long started = System.nanoTime();
      long at = System.currentTimeMillis();
      CompletionStage<KillSwitch.HaltSignal> spread = KillSwitch.trip(system, reason, at);
      CompletionStage<ApiModel.ModeResponse> recorded = AskPattern
          .<SafetyCoordinator.Command, StatusReply<ModeView>>ask(directory.coordinator(),
              replyTo -> new SafetyCoordinator.ChangeMode(TradingMode.HALTED, reason, replyTo), COORDINATOR_WAIT,
              system.scheduler())
          .handle((reply, error) -> error == null && reply.isSuccess()
              ? ApiModel.ModeResponse.of(reply.getValue(), true)
              : ApiModel.ModeResponse.of(new ModeView(TradingMode.HALTED, reason, at), false));
      CompletionStage<ApiModel.HaltAccountResponse> entities = haltAccounts.gather(started,
          started + ACCOUNT_DEADLINE.toNanos());
      CompletionStage<Integer> flattening = flatten
          ? spread.thenCompose(signal -> strategies.flattenEveryStrategy(reason)) : CompletableFuture.completedFuture(0);
      return spread.thenCombine(recorded, (signal, answer) -> answer)
          .thenCombine(entities, (mode, account) -> ApiModel.EmergencyStopResponse.of(mode, account))
          .thenCombine(flattening, ApiModel.EmergencyStopResponse::flattening);
    }));
  }

  private Route changeMode(TradingMode target) {
    return body(json -> respond(() -> {
      String reason = Validation.reason(Json.read(json, ApiModel.ReasonRequest.class));
      return AskPattern.<SafetyCoordinator.Command, StatusReply<ModeView>>ask(directory.coordinator(),
              replyTo -> new SafetyCoordinator.ChangeMode(target, reason, replyTo), timeout, system.scheduler())
          .thenApply(reply -> {
            if (reply.isError()) {
              throw ApiError.conflict(reply.getError().getMessage());
            }
            return ApiModel.ModeResponse.of(reply.getValue());
          });
    }));
  }

  private CompletionStage<List<ApiModel.InstrumentResponse>> instruments(String exchange) {
    if (exchange != null && !catalog.instruments().exchanges().contains(exchange)) {
      throw ApiError.badRequest("unknown_exchange", "unknown exchange '" + exchange + "', known: "
          + new java.util.TreeSet<>(catalog.instruments().exchanges()));
    }
    return CompletableFuture.completedFuture(catalog.instruments().instruments().stream()
        .filter(i -> exchange == null || i.exchange().equals(exchange))
        .sorted(Comparator.comparing(Instrument::exchange).thenComparing(Instrument::symbol))
        .map(ApiModel.InstrumentResponse::of).toList());
  }

  private CompletionStage<List<ApiModel.OrderResponse>> orders(String strategy, String account, String status) {
    var statuses = Validation.statuses(status);
    if (account != null) {
      Validation.id(account, "account");
    }
    if (strategy != null) {
      Validation.id(strategy, "id");
    }
    return readSide.orders(new OrderFilter(strategy, account, statuses))
        .thenCompose(orders -> orders.isEmpty() && strategy != null
            ? requireStrategy(strategy).thenApply(known -> orders) : CompletableFuture.completedFuture(orders))
        .thenApply(orders -> orders.stream().sorted(Order.BY_CREATION).map(ApiModel.OrderResponse::of).toList());
  }

  /**
   * Fails with 404 when the journal holds no event of the strategy. Asked only when the read side has no
   * order of it: a strategy created a moment ago exists before the read side has seen it.
   */
  private CompletionStage<Void> requireStrategy(String strategyId) {
    return audit.eventsOf(StrategyEntity.TYPE_KEY.name(), strategyId, 1, 1).thenAccept(events -> {
      if (events.isEmpty()) {
        throw ApiError.notFound("unknown strategy " + strategyId);
      }
    });
  }

  private CompletionStage<List<ApiModel.PositionResponse>> positions(String account) {
    if (account != null) {
      Validation.id(account, "account");
    }
    CompletionStage<Set<String>> deleted = readSide.strategies().thenApply(rows -> rows.stream()
        .filter(row -> row.status() == StrategyStatus.DELETED).map(StrategyRow::strategyId)
        .collect(Collectors.toSet()));
    return readSide.positions(Optional.ofNullable(account)).thenCombine(deleted, (all, gone) -> all.stream()
            .filter(row -> !gone.contains(row.strategyId())).toList())
        .thenCompose(rows -> marks.of(rows.stream()
            .map(PositionRow::strategyId).collect(Collectors.toSet()))
        .thenApply(marksByStrategy -> rows.stream()
            .sorted(Comparator.comparing(PositionRow::strategyId).thenComparing(PositionRow::symbol))
            .map(row -> ApiModel.PositionResponse.of(row,
                marksByStrategy.getOrDefault(row.strategyId(), Map.of()).get(row.symbol()),
                ApiModel.quoteAsset(catalog, null, row.symbol())))
            .toList()));
  }

  private CompletionStage<ApiModel.LimitsResponse> limits(String account) {
    Validation.id(account, "account");
    return audit.entityIds(RiskEntity.TYPE_KEY.name()).thenCompose(ids -> {
      if (!ids.contains(account)) {
        throw ApiError.notFound("unknown account " + account + "; set its limits with PUT first");
      }
      return AskPattern.<RiskEntity.Command, RiskLimits>ask(directory.risk(account),
          RiskEntity.GetLimits::new, timeout, system.scheduler());
    }).thenApply(l -> ApiModel.LimitsResponse.of(account, l));
  }

  private CompletionStage<ApiModel.LimitsResponse> setLimits(String account, String json) {
    Validation.id(account, "account");
    var limits = Validation.limits(Json.read(json, ApiModel.LimitsRequest.class));
    return AskPattern.<RiskEntity.Command, StatusReply<RiskLimits>>ask(
            directory.risk(account), replyTo -> new RiskEntity.SetLimits(limits, replyTo), timeout,
            system.scheduler())
        .thenApply(reply -> ApiModel.LimitsResponse.of(account, reply.getValue()));
  }

  private static String optionalReason(String json, String fallback) {
    if (json == null || json.isBlank()) {
      return fallback;
    }
    return Validation.reason(Json.read(json, ApiModel.ReasonRequest.class));
  }

  private Route body(Function<String, Route> inner) {
    return entity(Unmarshaller.entityToString(), inner);
  }


  /**
   * A listing from the read side. It answers at once and says in its headers how far the read side is
   * behind the journal ({@code Read-Side-Pending-Events}, {@code "10000+"} beyond what is counted, and
   * {@code Read-Side-Oldest-Pending-Ms}; measured now, or within the last few seconds where measuring
   * takes longer than {@link #LAG_BUDGET}, as on Cassandra); with {@code ?consistent=true} it first waits until the read side
   * holds every event the journal held when asked, and answers 503 if it cannot within the ask timeout.
   */
  private <T> Route readSideListing(Map<String, String> params, Supplier<CompletionStage<T>> query) {
    CompletionStage<HttpResponse> response;
    try {
      boolean consistent = Validation.flag(params.get("consistent"), "consistent");
      CompletionStage<ReadSideFreshness.Lag> lag = consistent
          ? freshness.awaitCaughtUp(timeout).thenApply(reached -> {
            if (!reached.caughtUp()) {
              throw new ApiError(503, "read_side_behind", "the read side is " + pending(reached)
                  + " events behind the journal after waiting " + timeout.toMillis() + " ms; retry");
            }
            return reached;
          })
          : freshness.recentLag(LAG_BUDGET).exceptionally(e -> null);
      response = consistent
          ? lag.thenCompose(reached -> query.get().thenApply(body -> withLag(json(200, body), reached)))
          : query.get().thenCombine(lag, (body, behind) -> withLag(json(200, body), behind));
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    return completeWithFuture(response.handle((ok, error) -> error == null ? ok : failure(error)));
  }

  private static HttpResponse withLag(HttpResponse response, ReadSideFreshness.Lag lag) {
    if (lag == null) {
      return response;
    }
    return response.addHeader(RawHeader.create("Read-Side-Pending-Events", pending(lag)))
        .addHeader(RawHeader.create("Read-Side-Oldest-Pending-Ms", Long.toString(lag.oldestPendingAgeMs())));
  }

  private static String pending(ReadSideFreshness.Lag lag) {
    return lag.pendingEvents() + (lag.atLeast() ? "+" : "");
  }

  private <T> Route respond(Supplier<CompletionStage<T>> work) {
    return respondWith(200, work);
  }

  private <T> Route respondWith(int status, Supplier<CompletionStage<T>> work) {
    CompletionStage<T> result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return completeWithFuture(result.handle((value, error) -> error == null ? json(status, value) : failure(error)));
  }

  private HttpResponse failure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof ApiError api) {
      return json(api.status(), api.body());
    }
    if (cause instanceof TimeoutException) {
      return json(503, new ApiError.Body("unavailable", "the entity did not answer in time; retry"));
    }
    LOG.error("request failed", cause);
    return json(500, new ApiError.Body("internal", "internal error; see the node log"));
  }

  private static HttpResponse json(int status, Object body) {
    return HttpResponse.create().withStatus(status).withEntity(ContentTypes.APPLICATION_JSON, Json.write(body));
  }

  /** What the HTTP layer refused, in words and without the names of its classes. */
  private static String inWords(Rejection rejection) {
    if (rejection instanceof MissingQueryParamRejection missing) {
      return "query parameter '" + missing.parameterName() + "' is required";
    }
    if (rejection instanceof MalformedQueryParamRejection malformed) {
      return "query parameter '" + malformed.parameterName() + "' is malformed: " + malformed.errorMsg();
    }
    if (rejection instanceof UnsupportedRequestContentTypeRejection) {
      return "the request body must be JSON (Content-Type: application/json)";
    }
    if (rejection instanceof RequestEntityExpectedRejection) {
      return "a request body is required";
    }
    return "the request could not be handled as sent; see the API table in the README";
  }

  private RejectionHandler rejections() {
    return RejectionHandler.newBuilder()
        .handleAll(MethodRejection.class, rejections -> complete(json(405, new ApiError.Body("method_not_allowed",
            "allowed: " + rejections.stream().map(r -> r.supported().name()).distinct().toList()))))
        .handleAll(Rejection.class, rejections -> complete(json(400, new ApiError.Body("bad_request",
            inWords(rejections.get(0))))))
        .handleNotFound(complete(json(404, new ApiError.Body("not_found", "no such resource"))))
        .build();
  }
}
