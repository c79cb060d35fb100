package org.tradingnode.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.entity.HaltWitness;
import org.tradingnode.core.entity.ModeView;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.strategy.ParameterSet;
import org.tradingnode.core.domain.strategy.ParameterSpec;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.StrategyDetails;
import org.tradingnode.persistence.readside.PositionRow;
import org.tradingnode.persistence.readside.StrategyRow;

/**
 * The JSON shapes of the control API. Requests and responses are their own records, never entity
 * commands, so the wire format can stay stable while the entities change.
 */
public final class ApiModel {
  private ApiModel() {}

  private static BigDecimal sum(List<PositionResponse> positions, Function<PositionResponse, BigDecimal> amount) {
    return positions.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Body of mode changes. */
  public record ReasonRequest(String reason) {}

  /** Body of strategy creation; params values may be strings or numbers. */
  public record CreateStrategyRequest(
      String id, String type, String account, String exchange, List<String> symbols, Map<String, Object> params) {}

  /** Body of a change of a stopped strategy's parameters. */
  public record ParamsRequest(Map<String, Object> params) {}

  /** Body of an emergency stop: why, and whether to close every position once halted. */
  public record EmergencyStopRequest(String reason, Boolean flatten) {}

  /** Body of a limits update: every limit must be given. */
  public record LimitsRequest(
      BigDecimal maxOrderNotional,
      BigDecimal maxPositionNotional,
      BigDecimal maxGrossExposure,
      Integer maxOpenOrders,
      BigDecimal priceBandPercent,
      Integer maxOrdersPerMinute,
      BigDecimal dailyLossLimit) {}

  /**
   * The trading mode; {@code recorded} is false when an emergency stop was spread to every node but the
   * coordinator (moving between nodes) has not recorded it yet: it does so once it runs again.
   */
  public record ModeResponse(String mode, String reason, String since, boolean recorded) {
    static ModeResponse of(ModeView view) {
      return of(view, true);
    }

    static ModeResponse of(ModeView view, boolean recorded) {
      return new ModeResponse(view.mode().name(), view.reason(), Instant.ofEpochMilli(view.since()).toString(),
          recorded);
    }
  }

  /**
   * The answer to an emergency stop: the mode as the coordinator recorded it (or, while it moves, as the
   * switch holds it) and the entities' own account of the halt.
   */
  public record EmergencyStopResponse(String mode, String reason, String since, boolean recorded,
      HaltAccountResponse entities, int strategiesFlattening) {
    static EmergencyStopResponse of(ModeResponse mode, HaltAccountResponse entities) {
      return new EmergencyStopResponse(mode.mode(), mode.reason(), mode.since(), mode.recorded(), entities, 0);
    }

    /** With {@code "flatten": true}: how many strategies were asked to close their positions. */
    EmergencyStopResponse flattening(int strategies) {
      return new EmergencyStopResponse(mode, reason, since, recorded, entities, strategies);
    }
  }

  /**
   * What the entities of every node that answered reported about the halt, {@code afterMs} after the stop
   * was asked for: strategies that recorded it, strategies whose runner stopped for it that are still
   * recording it, runners still active, cancels sent, and orders still open at the venue or on their way
   * there (the oldest few named), and connections that have not reported on the halt yet. {@code complete}
   * when every reachable node asked answered with no runner active, no strategy still recording the halt,
   * no order in flight and every connection reported; a node asked that did not answer (it may
   * have just died) leaves it incomplete; unreachable nodes are counted, not asked.
   */
  public record HaltAccountResponse(boolean complete, long afterMs, int nodesAsked, int nodesAnswered,
      int nodesUnreachable, int strategiesHalted, int strategiesHalting, int runnersActive, int cancelsSent,
      int ordersInFlight, List<String> ordersInFlightSample, int connectionsSilent, List<NodeHaltResponse> nodes) {}

  /** One node's account of the halt. */
  public record NodeHaltResponse(String node, int strategiesHalted, int strategiesHalting, int runnersActive,
      int cancelsSent, int ordersInFlight, int connectionsSilent) {
    static NodeHaltResponse of(HaltWitness.NodeAccount account) {
      return new NodeHaltResponse(account.node(), account.strategiesHalted(), account.strategiesHalting(),
          account.runnersActive(), account.cancelsSent(), account.ordersInFlight(), account.connectionsSilent());
    }
  }

  /**
   * A strategy with its positions and PnL, its open orders, its last closed orders and how many orders it
   * placed and how they ended (its whole history is under {@code /api/v1/orders?strategy=}).
   */
  public record StrategyResponse(
      String id,
      String type,
      String account,
      String exchange,
      List<String> symbols,
      Map<String, String> params,
      String status,
      String statusReason,
      int openOrders,
      long totalOrders,
      OrderCountsResponse orderCounts,
      BigDecimal realizedPnl,
      BigDecimal unrealizedPnl,
      BigDecimal fees,
      BigDecimal netPnl,
      String currency,
      List<PositionResponse> positions,
      List<OrderResponse> workingOrders,
      List<OrderResponse> recentlyClosed,
      String node,
      boolean runnerActive,
      long runnerSince) {

    static StrategyResponse of(StrategyDetails d, NodeCatalog catalog) {
      List<PositionResponse> positions = d.positions().stream()
          .map(p -> PositionResponse.of(d.config().account(), d.config().id(), p,
              quoteAsset(catalog, d.config().exchange(), p.symbol()))).toList();
      BigDecimal realized = sum(positions, PositionResponse::realizedPnl);
      BigDecimal unrealized = sum(positions, PositionResponse::unrealizedPnl);
      BigDecimal fees = sum(positions, PositionResponse::fees);
      return new StrategyResponse(d.config().id(), d.config().type(), d.config().account(), d.config().exchange(),
          d.config().symbols(), catalog.types().paramsInForce(d.config()), d.status().name(), d.statusReason(),
          d.openOrders().size(), d.counts().intended(), OrderCountsResponse.of(d.counts()), realized, unrealized, fees,
          realized.subtract(fees).add(unrealized), quoteAsset(catalog, d.config()), positions,
          d.openOrders().stream().map(OrderResponse::of).toList(),
          d.recentlyClosed().stream().map(OrderResponse::of).toList(), d.placement().node(),
          d.placement().runnerActive(), d.placement().runnerSince());
    }
  }

  /**
   * A strategy as the read side knows it, for the listing: config, status with its reason and since when,
   * order counts, and positions with realized PnL and fees. Asking no entity, it has no unrealized PnL and
   * no hosting node; {@code GET /api/v1/strategies/{id}} asks the strategy for those.
   */
  public record StrategySummaryResponse(
      String id,
      String type,
      String account,
      String exchange,
      List<String> symbols,
      Map<String, String> params,
      String status,
      String statusReason,
      String statusSince,
      long openOrders,
      long totalOrders,
      OrderCountsResponse orderCounts,
      BigDecimal realizedPnl,
      BigDecimal fees,
      BigDecimal netRealizedPnl,
      String currency,
      List<PositionResponse> positions) {

    static StrategySummaryResponse of(StrategyRow row, List<PositionRow> positionRows, NodeCatalog catalog) {
      var c = row.config();
      List<PositionResponse> positions = positionRows.stream()
          .sorted(java.util.Comparator.comparing(PositionRow::symbol))
          .map(p -> PositionResponse.of(p, null, quoteAsset(catalog, c.exchange(), p.symbol()))).toList();
      BigDecimal realized = sum(positions, PositionResponse::realizedPnl);
      BigDecimal fees = sum(positions, PositionResponse::fees);
      OrderCountsResponse counts = OrderCountsResponse.of(row.counts());
      return new StrategySummaryResponse(c.id(), c.type(), c.account(), c.exchange(), c.symbols(),
          catalog.types().paramsInForce(c), row.status().name(), row.statusReason(),
          Instant.ofEpochMilli(row.statusSince()).toString(), counts.open(), counts.intended(), counts, realized, fees,
          realized.subtract(fees), quoteAsset(catalog, c), positions);
    }
  }

  /** How many orders a strategy intended, how many are open, and how the others ended. */
  public record OrderCountsResponse(long intended, long open, long filled, long canceled, long rejected, long expired,
      long fills) {
    static OrderCountsResponse of(OrderCounts c) {
      return new OrderCountsResponse(c.intended(), c.intended() - c.closed(), c.filled(), c.canceled(), c.rejected(),
          c.expired(), c.fills());
    }
  }

  /**
   * A position of one strategy in one symbol. {@code realizedPnl} is gross (before fees); {@code netPnl}
   * is realized minus fees plus unrealized (when a mark values it); all amounts in {@code currency}, the
   * symbol's quote asset.
   */
  public record PositionResponse(
      String account,
      String strategyId,
      String symbol,
      BigDecimal quantity,
      BigDecimal averageEntryPrice,
      BigDecimal realizedPnl,
      BigDecimal fees,
      BigDecimal markPrice,
      BigDecimal unrealizedPnl,
      BigDecimal netPnl,
      String currency) {

    static PositionResponse of(String account, String strategyId, StrategyDetails.PositionSummary p,
        String currency) {
      return new PositionResponse(account, strategyId, p.symbol(), p.quantity(), p.averageEntryPrice(),
          p.realizedPnl(), p.fees(), p.markPrice(), p.unrealizedPnl(),
          net(p.realizedPnl(), p.fees(), p.unrealizedPnl()), currency);
    }

    /** A read-side position valued at the strategy's mark as the strategy values it; no mark, no unrealized PnL. */
    static PositionResponse of(PositionRow row, BigDecimal markPrice, String currency) {
      Position p = row.position();
      BigDecimal unrealized = p.unrealizedPnl(markPrice, row.moneyScale());
      return new PositionResponse(row.account(), row.strategyId(), p.symbol(), p.quantity(), p.averageEntryPrice(),
          p.realizedPnl(), p.fees(), markPrice, unrealized, net(p.realizedPnl(), p.fees(), unrealized), currency);
    }

    private static BigDecimal net(BigDecimal realized, BigDecimal fees, BigDecimal unrealized) {
      BigDecimal net = realized.subtract(fees);
      return unrealized == null ? net : net.add(unrealized);
    }
  }

  /**
   * The quote asset of a symbol, in which its PnL and fees are counted (on any exchange when {@code
   * exchange} is null); null for a symbol no longer configured.
   */
  static String quoteAsset(NodeCatalog catalog, String exchange, String symbol) {
    return catalog.instruments().instruments().stream()
        .filter(i -> i.symbol().equals(symbol) && (exchange == null || i.exchange().equals(exchange)))
        .map(Instrument::quoteAsset).findFirst().orElse(null);
  }

  /** The one quote asset of a strategy's symbols, or null when they are counted in several. */
  static String quoteAsset(NodeCatalog catalog, StrategyConfig config) {
    List<String> currencies = config.symbols().stream().map(s -> quoteAsset(catalog, config.exchange(), s)).distinct()
        .toList();
    return currencies.size() == 1 ? currencies.get(0) : null;
  }

  /** An order and where it is in its lifecycle. */
  public record OrderResponse(
      String clientOrderId,
      String strategyId,
      String account,
      String exchange,
      String symbol,
      String side,
      String type,
      BigDecimal quantity,
      BigDecimal limitPrice,
      boolean reduceOnly,
      String tag,
      String status,
      BigDecimal filledQty,
      BigDecimal averagePrice,
      BigDecimal fees,
      String reason,
      String createdAt,
      String updatedAt) {

    static OrderResponse of(Order o) {
      var i = o.intent();
      return new OrderResponse(i.clientOrderId(), i.strategyId(), i.account(), i.exchange(), i.symbol(),
          i.side().name(), i.type().name(), i.quantity(), i.limitPrice(), i.reduceOnly(), i.tag(), o.status().name(),
          o.filledQuantity(), o.averagePrice(), o.fees(), o.reason(), Instant.ofEpochMilli(i.createdAt()).toString(),
          Instant.ofEpochMilli(o.updatedAt()).toString());
    }
  }

  /** Risk limits of an account. */
  public record LimitsResponse(
      String account,
      BigDecimal maxOrderNotional,
      BigDecimal maxPositionNotional,
      BigDecimal maxGrossExposure,
      int maxOpenOrders,
      BigDecimal priceBandPercent,
      int maxOrdersPerMinute,
      BigDecimal dailyLossLimit) {

    static LimitsResponse of(String account, RiskLimits l) {
      return new LimitsResponse(account, l.maxOrderNotional(), l.maxPositionNotional(), l.maxGrossExposure(),
          l.maxOpenOrders(), l.priceBandPercent(), l.maxOrdersPerMinute(), l.dailyLossLimit());
    }
  }

  /** A strategy type and the parameters it takes. */
  public record StrategyTypeResponse(String type, List<ParameterResponse> parameters) {
    static StrategyTypeResponse of(String type, Optional<ParameterSet> parameters) {
      return new StrategyTypeResponse(type, parameters.map(p -> p.specs().stream().map(ParameterResponse::of)
          .toList()).orElse(List.of()));
    }
  }

  /**
   * One parameter of a strategy type: its kind ({@code integer}, {@code decimal}, {@code boolean},
   * {@code text}), unit, the default in force when it is not given, the range a number must lie in
   * (interval notation, e.g. {@code (0, 1)}) and what it means.
   */
  public record ParameterResponse(String name, String type, String unit, String defaultValue, String range,
      String meaning) {
    static ParameterResponse of(ParameterSpec spec) {
      boolean numeric = spec.kind() == ParameterSpec.Kind.INTEGER || spec.kind() == ParameterSpec.Kind.DECIMAL;
      return new ParameterResponse(spec.name(), spec.kind().name().toLowerCase(java.util.Locale.ROOT), spec.unit(),
          spec.defaultValue(), numeric ? spec.range().toString() : null, spec.meaning());
    }
  }

  /** An instrument: where it trades, its assets, price tick, quantity lot and minimum order notional (quote asset). */
  public record InstrumentResponse(String exchange, String symbol, String baseAsset, String quoteAsset,
      BigDecimal tickSize, BigDecimal lotSize, BigDecimal minNotional) {
    static InstrumentResponse of(Instrument i) {
      return new InstrumentResponse(i.exchange(), i.symbol(), i.baseAsset(), i.quoteAsset(), i.tickSize(),
          i.lotSize(), i.minNotional());
    }
  }

  /**
   * A declared account: balances per asset; {@code equity} their worth in {@code currency} at the last
   * prices risk saw ({@code unpricedAssets} held but not valued); risk's gross exposure of open positions
   * and orders, its open orders and today's (UTC) realized PnL net of fees against the daily loss limit,
   * with every limit in force; and its strategies' realized PnL (gross), fees and net, all time.
   */
  public record AccountResponse(String id, String exchange, String account, Map<String, BigDecimal> balances,
      String currency, BigDecimal equity, List<String> unpricedAssets, BigDecimal grossExposure, int openOrders,
      BigDecimal todayNetRealizedPnl, LimitsResponse limits, BigDecimal realizedPnl, BigDecimal fees,
      BigDecimal netRealizedPnl) {}

  /** The declared accounts and their totals per currency. */
  public record AccountsResponse(List<AccountResponse> accounts, List<AccountTotalResponse> totals) {}

  /** Equity and PnL of every account counted in one currency. */
  public record AccountTotalResponse(String currency, BigDecimal equity, BigDecimal realizedPnl, BigDecimal fees,
      BigDecimal netRealizedPnl) {
    AccountTotalResponse plus(AccountTotalResponse other) {
      return new AccountTotalResponse(currency, equity.add(other.equity), realizedPnl.add(other.realizedPnl),
          fees.add(other.fees), netRealizedPnl.add(other.netRealizedPnl));
    }
  }

  /** Readiness with what was checked. */
  public record ReadinessResponse(boolean ready, Map<String, Boolean> checks) {}
}
