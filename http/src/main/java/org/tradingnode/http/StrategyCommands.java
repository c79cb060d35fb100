package org.tradingnode.http;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.domain.strategy.ConfigProblem;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ModeView;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyDetails;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.StrategyStatus;
import org.tradingnode.persistence.readside.PositionRow;
import org.tradingnode.persistence.readside.ReadSideQueries;
import org.tradingnode.persistence.readside.StrategyRow;

/**
 * The strategy calls of the control API turned into entity commands: creation and new parameters
 * checked against the node's catalog and the account's limits before any entity sees them, the
 * strategy's answer turned into a response or the 4xx its refusal means, the listing from the read side,
 * and the flatten of every strategy an emergency stop may ask for.
 */
final class StrategyCommands {
  private final ActorSystem<?> system;
  private final EntityDirectory directory;
  private final ReadSideQueries readSide;
  private final NodeCatalog catalog;
  private final Duration timeout;

  StrategyCommands(ActorSystem<?> system, EntityDirectory directory, ReadSideQueries readSide, NodeCatalog catalog,
      Duration timeout) {
    this.system = system;
    this.directory = directory;
    this.readSide = readSide;
    this.catalog = catalog;
    this.timeout = timeout;
  }

  /**
   * Asks every strategy the read side lists (but deleted ones) to close its positions once halted; a
   * strategy created moments ago that the read side does not list yet is not asked. Answers how many were.
   */
  CompletionStage<Integer> flattenEveryStrategy(String reason) {
    return readSide.strategies().thenApply(rows -> {
      List<StrategyRow> live = rows.stream()
          .filter(row -> row.status() != StrategyStatus.DELETED).toList();
      live.forEach(row -> directory.strategy(row.strategyId()).tell(
          new StrategyEntity.FlattenStrategy(reason, true, system.ignoreRef())));
      return live.size();
    });
  }

  /**
   * Refuses, before any entity is created, a strategy that cannot work: a field missing or malformed, an
   * unknown type or exchange, an account not declared there, bad parameters, or orders sized so that the
   * venue or the account's risk limits would refuse each one (a 400 naming every problem and its field).
   * A strategy created while trading is halted is recorded halted.
   */
  CompletionStage<ApiModel.StrategyResponse> create(String json) {
    var config = Validation.strategy(Json.read(json, ApiModel.CreateStrategyRequest.class), catalog);
    CompletionStage<Optional<RiskLimits>> limits = AskPattern.<RiskEntity.Command, RiskLimits>ask(
            directory.risk(config.account()), RiskEntity.GetLimits::new, timeout, system.scheduler())
        .thenApply(Optional::of);
    CompletionStage<ModeView> mode = AskPattern.<SafetyCoordinator.Command, ModeView>ask(directory.coordinator(),
            SafetyCoordinator.GetMode::new, timeout, system.scheduler())
        .exceptionally(e -> null);
    return limits.thenCombine(mode, (accountLimits, modeInForce) -> {
      List<ConfigProblem> problems = catalog.types().problemsWith(config, catalog.instruments(), accountLimits);
      if (!problems.isEmpty()) {
        throw ApiError.invalid("invalid_strategy", problems);
      }
      return modeInForce;
    }).thenCompose(modeInForce -> ask(config.id(),
        replyTo -> new StrategyEntity.CreateStrategy(config, modeInForce, replyTo)));
  }

  CompletionStage<ApiModel.StrategyResponse> ask(String id,
      org.apache.pekko.japi.function.Function<org.apache.pekko.actor.typed.ActorRef<StrategyEntity.Reply>,
          StrategyEntity.Command> command) {
    Validation.id(id, "id");
    return AskPattern.ask(directory.strategy(id), command, timeout, system.scheduler())
        .thenApply(reply -> ApiModel.StrategyResponse.of(details(reply), catalog));
  }

  private static StrategyDetails details(StrategyEntity.Reply reply) {
    if (reply instanceof StrategyEntity.Done done) {
      return done.details();
    }
    StrategyEntity.Refused refused = (StrategyEntity.Refused) reply;
    switch (refused.refusal()) {
      case NOT_FOUND:
        throw ApiError.notFound(refused.message());
      case ALREADY_EXISTS:
        throw new ApiError(409, "already_exists", refused.message());
      case CONFLICT:
        throw ApiError.conflict(refused.message());
      default:
        throw ApiError.badRequest("invalid_strategy", refused.message());
    }
  }

  /**
   * Every strategy, from the read side: fast, and available whatever an entity is doing (moving between
   * nodes, recovering). It trails the journal by the projection's lag; a strategy's own details are
   * under {@code /api/v1/strategies/{id}}.
   */
  CompletionStage<List<ApiModel.StrategySummaryResponse>> listing() {
    return readSide.strategies().thenCombine(readSide.positions(Optional.empty()), (all, positions) -> {
      List<StrategyRow> rows = all.stream()
          .filter(row -> row.status() != StrategyStatus.DELETED).toList();
      Map<String, List<PositionRow>> byStrategy = positions.stream()
          .collect(Collectors.groupingBy(PositionRow::strategyId));
      return rows.stream().sorted(Comparator.comparing(StrategyRow::strategyId))
          .map(row -> ApiModel.StrategySummaryResponse.of(row, byStrategy.getOrDefault(row.strategyId(), List.of()),
              catalog))
          .toList();
    });
  }

  /**
   * New parameters for a stopped strategy: {@code {"params": {...}}} replacing them all (PUT) or set over
   * the current ones (PATCH), checked as at creation, against the account's limits too.
   */
  CompletionStage<ApiModel.StrategyResponse> reconfigure(String id, String json, boolean merge) {
    Validation.id(id, "id");
    Map<String, String> params = Validation.params(Json.read(json, ApiModel.ParamsRequest.class));
    return AskPattern.ask(directory.strategy(id), StrategyEntity.GetStrategy::new, timeout, system.scheduler())
        .thenApply(StrategyCommands::details)
        .thenCompose(current -> {
          var next = current.config().withParams(params, merge);
          return AskPattern.<RiskEntity.Command, RiskLimits>ask(directory.risk(next.account()),
                  RiskEntity.GetLimits::new, timeout, system.scheduler())
              .thenCompose(limits -> {
                List<ConfigProblem> problems = catalog.types().problemsWith(next, catalog.instruments(),
                    Optional.of(limits));
                if (!problems.isEmpty()) {
                  throw ApiError.invalid("invalid_strategy", problems);
                }
                return ask(id, replyTo -> new StrategyEntity.ReconfigureStrategy(params, merge, replyTo));
              });
        });
  }
}
