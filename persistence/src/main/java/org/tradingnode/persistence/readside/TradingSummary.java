package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.order.OrderCounts;

/**
 * Writes, every {@value #INTERVAL_SETTING}, a summary of every strategy's orders, fills and realized PnL
 * (gross, fees, net, in the quote asset of its symbols) to the {@value #LOGGER} logger, read from the read
 * side: a header line with the totals, then one aligned line per strategy. The counts since the previous
 * summary are shown in brackets. The node runs it as a cluster singleton, so that a cluster writes it once.
 * The read side is eventually consistent: the last seconds' fills may show in the next summary.
 */
public final class TradingSummary {
  public static final String LOGGER = "trading.summary";
  /** A duration; {@code off} (or 0) for no summary. */
  public static final String INTERVAL_SETTING = "trading.log.summary-interval";

  private static final Logger SUMMARY = LoggerFactory.getLogger(LOGGER);

  /** Messages of the summary actor. */
  public sealed interface Command {}

  /** Time for the next summary. */
  enum Tick implements Command { INSTANCE }

  /** What the read side answered, or why it could not. */
  record Read(List<StrategyRow> strategies, List<PositionRow> positions, Throwable failure) implements Command {}

  /** Realized PnL and fees of one strategy (or of all) in one quote asset, shown to {@code scale} decimals. */
  private record Pnl(BigDecimal realized, BigDecimal fees, int scale) {
    Pnl plus(Pnl other) {
      return new Pnl(realized.add(other.realized), fees.add(other.fees), Math.max(scale, other.scale));
    }

    BigDecimal net() {
      return realized.subtract(fees);
    }

    String text(BigDecimal amount, boolean signed) {
      BigDecimal shown = amount.setScale(scale, RoundingMode.HALF_EVEN);
      return (signed && shown.signum() >= 0 ? "+" : "") + shown.toPlainString();
    }
  }

  private final ActorContext<Command> context;
  private final ReadSideQueries readSide;
  private final InstrumentCatalog catalog;
  /** The counts of the previous summary, empty before the first. */
  private Optional<Map<String, OrderCounts>> previous = Optional.empty();
  private boolean reading;

  private TradingSummary(ActorContext<Command> context, ReadSideQueries readSide, InstrumentCatalog catalog) {
    this.context = context;
    this.readSide = readSide;
    this.catalog = catalog;
  }

  /** The interval of the configured summary; empty when it is off. */
  public static Optional<Duration> interval(Config config) {
    if (!config.hasPath(INTERVAL_SETTING) || config.getString(INTERVAL_SETTING).trim().equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Duration interval = config.getDuration(INTERVAL_SETTING);
    return interval.isZero() || interval.isNegative() ? Optional.empty() : Optional.of(interval);
  }

  /** Writes the first summary one interval after it starts, then every interval. */
  public static Behavior<Command> create(ReadSideQueries readSide, InstrumentCatalog catalog, Duration interval) {
    return Behaviors.supervise(Behaviors.<Command>setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.INSTANCE, interval);
      return new TradingSummary(context, readSide, catalog).behavior();
    }))).onFailure(SupervisorStrategy.restart());
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessage(Tick.class, tick -> {
          if (!reading) {
            reading = true;
            context.pipeToSelf(readSide.strategies().thenCombine(readSide.positions(Optional.empty()),
                (strategies, positions) -> new Read(strategies, positions, null)),
                (read, failure) -> failure == null ? read : new Read(List.of(), List.of(), failure));
          }
          return Behaviors.same();
        })
        .onMessage(Read.class, read -> {
          reading = false;
          if (read.failure() != null) {
            SUMMARY.warn("no summary: the read side cannot be read ({})", read.failure().getMessage());
          } else {
            lines(read.strategies(), read.positions(), catalog, previous).forEach(SUMMARY::info);
            previous = Optional.of(read.strategies().stream()
                .collect(Collectors.toMap(StrategyRow::strategyId, StrategyRow::counts)));
          }
          return Behaviors.same();
        })
        .build();
  }

  /**
   * The summary's lines: the totals, then one line per strategy by id. {@code previous} holds the counts of
   * the previous summary (empty before the first), for the counts since then.
   */
  static List<String> lines(List<StrategyRow> strategies, List<PositionRow> positions, InstrumentCatalog catalog,
      Optional<Map<String, OrderCounts>> previous) {
    Map<String, StrategyRow> byId = strategies.stream()
        .collect(Collectors.toMap(StrategyRow::strategyId, Function.identity(), (a, b) -> a, TreeMap::new));
    Map<String, Map<String, Pnl>> pnl = new TreeMap<>();
    for (PositionRow row : positions) {
      StrategyRow strategy = byId.get(row.strategyId());
      String quote = strategy == null ? "" : catalog.find(strategy.config().exchange(), row.symbol())
          .map(Instrument::quoteAsset).orElse("");
      pnl.computeIfAbsent(row.strategyId(), id -> new TreeMap<>()).merge(quote,
          new Pnl(row.position().realizedPnl(), row.position().fees(), row.moneyScale()), Pnl::plus);
    }
    OrderCounts total = OrderCounts.NONE;
    OrderCounts totalBefore = OrderCounts.NONE;
    Map<String, Pnl> totalPnl = new TreeMap<>();
    List<String> perStrategy = new ArrayList<>();
    for (StrategyRow strategy : byId.values()) {
      OrderCounts counts = strategy.counts();
      Optional<OrderCounts> before = previous.map(p -> p.getOrDefault(strategy.strategyId(), OrderCounts.NONE));
      Map<String, Pnl> own = pnl.getOrDefault(strategy.strategyId(), Map.of());
      own.forEach((quote, p) -> totalPnl.merge(quote, p, Pnl::plus));
      total = plus(total, counts);
      totalBefore = plus(totalBefore, before.orElse(OrderCounts.NONE));
      perStrategy.add(String.format("  %-18s %-7s orders %5d%s  fills %5d%s  rejected %4d  %s",
          strategy.strategyId(), strategy.status(), counts.intended(),
          since(counts.intended(), before.map(OrderCounts::intended)), counts.fills(),
          since(counts.fills(), before.map(OrderCounts::fills)), counts.rejected(), pnlText(own)));
    }
    OrderCounts totalSince = totalBefore;
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%d strategies: orders %d%s, fills %d%s, rejected %d, %s", byId.size(),
        total.intended(), sinceInline(total.intended(), previous.map(p -> totalSince.intended())), total.fills(),
        sinceInline(total.fills(), previous.map(p -> totalSince.fills())), total.rejected(), pnlText(totalPnl)));
    lines.addAll(perStrategy);
    return lines;
  }

  private static OrderCounts plus(OrderCounts a, OrderCounts b) {
    return new OrderCounts(a.intended() + b.intended(), a.filled() + b.filled(), a.canceled() + b.canceled(),
        a.rejected() + b.rejected(), a.expired() + b.expired(), a.fills() + b.fills());
  }

  /** " (+n)" since the previous summary, padded to a column; nothing before the first. */
  private static String since(long now, Optional<Long> before) {
    return before.map(b -> String.format(" %-8s", "(+" + (now - b) + ")")).orElse("");
  }

  /** " (+n)" since the previous summary, in a sentence; nothing before the first. */
  private static String sinceInline(long now, Optional<Long> before) {
    return before.map(b -> " (+" + (now - b) + ")").orElse("");
  }

  /** Realized, fees and net per quote asset (zeros when nothing was filled). */
  private static String pnlText(Map<String, Pnl> byQuote) {
    Map<String, Pnl> shown = byQuote.isEmpty() ? Map.of("", new Pnl(BigDecimal.ZERO, BigDecimal.ZERO, 0)) : byQuote;
    return shown.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .map(e -> String.format("realized %9s  fees %8s  net %9s%s", e.getValue().text(e.getValue().realized(), true),
            e.getValue().text(e.getValue().fees(), false), e.getValue().text(e.getValue().net(), true),
            e.getKey().isEmpty() ? "" : " " + e.getKey()))
        .collect(Collectors.joining(" | "));
  }
}
