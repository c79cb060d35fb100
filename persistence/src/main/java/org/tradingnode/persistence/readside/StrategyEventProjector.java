package org.tradingnode.persistence.readside;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.StrategyStatus;
import org.tradingnode.persistence.JournalEvents;

/**
 * Applies the strategy's journaled events to the read side's rows with the same domain transitions the
 * strategy applies to its book: its status and {@link OrderCounts} for the strategy row, {@link Order} for the order lifecycle, {@code Position} for quantity,
 * average entry and realized PnL, money rounded to the instrument's tick. A fill counts once: only on
 * an open order and only the first time its id is seen.
 *
 * <p>Delivery is at-least-once, so each row remembers the sequence number of the last event applied to
 * it and an event is applied to a row only if its sequence number is higher. Rows are written in the
 * order fill, order, position, which lets a replay finish an event that was applied halfway.
 */
public final class StrategyEventProjector {
  private static final Logger LOG = LoggerFactory.getLogger(StrategyEventProjector.class);
  private static final int DEFAULT_MONEY_SCALE = 8;

  private final InstrumentCatalog catalog;

  public StrategyEventProjector(InstrumentCatalog catalog) {
    this.catalog = catalog;
  }

  /** Applies one event read from the journal. */
  public void apply(ReadSideRows rows, EventEnvelope envelope) {
    apply(rows, PersistenceId.extractEntityId(envelope.persistenceId()), envelope.sequenceNr(),
        JournalEvents.unwrap(envelope.event()));
  }

  /**
   * Applies event number {@code seq} of the strategy: to its order, fill and position rows first, then to
   * its strategy row (status and order counts), so a replay of an event applied halfway finishes it.
   */
  public void apply(ReadSideRows rows, String strategyId, long seq, Object event) {
    if (event instanceof StrategyEntity.OrderIntended e) {
      intended(rows, strategyId, seq, e);
      counted(rows, strategyId, seq, c -> c.withIntended(1));
    } else if (event instanceof StrategyEntity.OrderAccepted e && e.fills().isEmpty()) {
      change(rows, strategyId, e.clientOrderId(), seq, o -> o.accept(e.venueOrderId(), e.at()));
    } else if (event instanceof StrategyEntity.OrderAccepted e) {
      filled(rows, strategyId, seq, e.clientOrderId(), e.fills(), e.moneyScale(),
          o -> o.accept(e.venueOrderId(), e.at()));
    } else if (event instanceof StrategyEntity.OrderDenied e) {
      change(rows, strategyId, e.clientOrderId(), seq,
          o -> o.close(OrderStatus.REJECTED, e.reason() + ": " + e.detail(), e.at()));
      counted(rows, strategyId, seq, c -> c.withClosed(OrderStatus.REJECTED));
    } else if (event instanceof StrategyEntity.OrderClosed e) {
      change(rows, strategyId, e.clientOrderId(), seq, o -> o.close(e.status(), e.reason(), e.at()));
      counted(rows, strategyId, seq, c -> c.withClosed(e.status()));
    } else if (event instanceof StrategyEntity.OrderFilled e) {
      filled(rows, strategyId, seq, e.fill().clientOrderId(), List.of(e.fill()), e.moneyScale(),
          UnaryOperator.identity());
    } else {
      lifecycle(rows, strategyId, seq, event);
    }
  }

  private static void lifecycle(ReadSideRows rows, String strategyId, long seq, Object event) {
    if (event instanceof StrategyEntity.StrategyCreated e) {
      if (rows.strategy(strategyId).filter(row -> row.eventSeq() >= seq).isEmpty()) {
        rows.saveStrategy(StrategyRow.created(e.config(), e.at(), seq));
      }
    } else if (event instanceof StrategyEntity.StrategyStarted e) {
      status(rows, strategyId, seq, StrategyStatus.RUNNING, "started", e.at());
    } else if (event instanceof StrategyEntity.StrategyStopped e) {
      status(rows, strategyId, seq, StrategyStatus.STOPPED, e.reason(), e.at());
    } else if (event instanceof StrategyEntity.StrategyHalted e) {
      status(rows, strategyId, seq, StrategyStatus.HALTED, e.reason(), e.at());
    } else if (event instanceof StrategyEntity.StrategyResumed e) {
      status(rows, strategyId, seq, StrategyStatus.RUNNING, e.reason(), e.at());
    } else if (event instanceof StrategyEntity.StrategyFailed e) {
      status(rows, strategyId, seq, StrategyStatus.FAILED, e.reason(), e.at());
    } else if (event instanceof StrategyEntity.StrategyDeleted e) {
      status(rows, strategyId, seq, StrategyStatus.DELETED, e.reason(), e.at());
    } else if (event instanceof StrategyEntity.StrategyReconfigured e) {
      rows.strategy(strategyId).filter(row -> row.eventSeq() < seq)
          .ifPresent(row -> rows.saveStrategy(row.withConfig(e.config(), seq)));
    }
  }

  /** The same status the strategy's own event handler gives it. */
  private static void status(ReadSideRows rows, String strategyId, long seq, StrategyStatus status, String reason,
      long at) {
    rows.strategy(strategyId).filter(row -> row.eventSeq() < seq)
        .ifPresent(row -> rows.saveStrategy(row.withStatus(status, reason, at, seq)));
  }

  /** Counts the event in the strategy's order counts, with the same transitions as the strategy's book. */
  private static void counted(ReadSideRows rows, String strategyId, long seq, UnaryOperator<OrderCounts> count) {
    rows.strategy(strategyId).filter(row -> row.eventSeq() < seq)
        .ifPresent(row -> rows.saveStrategy(row.withCounts(count.apply(row.counts()), seq)));
  }

  private static void intended(ReadSideRows rows, String strategyId, long seq, StrategyEntity.OrderIntended e) {
    Optional<OrderRow> existing = rows.order(strategyId, e.intent().clientOrderId());
    if (existing.isEmpty() || existing.get().eventSeq() < seq) {
      rows.saveOrder(new OrderRow(Order.of(e.intent()), seq));
    }
  }

  private static void change(ReadSideRows rows, String strategyId, String clientOrderId, long seq,
      UnaryOperator<Order> transition) {
    rows.order(strategyId, clientOrderId)
        .filter(row -> row.eventSeq() < seq)
        .flatMap(row -> transitioned(row.order(), transition, strategyId, seq))
        .ifPresent(order -> rows.saveOrder(new OrderRow(order, seq)));
  }

  /**
   * The order after the transition, or empty when the order refuses it. The strategy applied the same
   * transition to the same event, so a refusal means the row was changed outside the projection; the
   * event is logged and skipped rather than stalling every later event of the tag.
   */
  private static Optional<Order> transitioned(Order order, UnaryOperator<Order> transition, String strategyId,
      long seq) {
    try {
      return Optional.of(transition.apply(order));
    } catch (IllegalStateException | IllegalArgumentException e) {
      LOG.error("read side skips event {} of strategy {} for order {}: {}", seq, strategyId, order.clientOrderId(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * An event that fills an order ({@code before} is what else it does to the order first, e.g. accept
   * it): each fill recorded once (a fill row already written by another event is skipped), the order and
   * the position moved by the new ones, then the strategy's counts. Each row is written only if this
   * event has not reached it yet, so a replay finishes an event applied halfway. Money is rounded to the
   * scale the event recorded ({@code recordedScale}), or for older events to the configured instrument's.
   */
  private void filled(ReadSideRows rows, String strategyId, long seq, String clientOrderId, List<Fill> fills,
      Integer recordedScale, UnaryOperator<Order> before) {
    Optional<OrderRow> found = rows.order(strategyId, clientOrderId);
    if (found.isEmpty()) {
      return;
    }
    OrderRow orderRow = found.get();
    String account = orderRow.order().intent().account();
    List<Fill> applied = new ArrayList<>();
    for (Fill fill : fills) {
      OptionalLong recordedBy = rows.fillEventSeq(strategyId, clientOrderId, fill.fillId());
      if (recordedBy.isEmpty() && orderRow.eventSeq() < seq && orderRow.order().isOpen()) {
        rows.saveFill(strategyId, account, fill, seq);
        applied.add(fill);
      } else if (recordedBy.isPresent() && recordedBy.getAsLong() == seq) {
        applied.add(fill);
      }
    }
    if (orderRow.eventSeq() < seq) {
      Optional<Order> after = transitioned(orderRow.order(), o -> {
        Order next = before.apply(o);
        for (Fill fill : applied) {
          next = next.fill(fill);
        }
        return next;
      }, strategyId, seq);
      if (after.isEmpty()) {
        return;
      }
      rows.saveOrder(new OrderRow(after.get(), seq));
    }
    if (!applied.isEmpty()) {
      String symbol = applied.get(0).symbol();
      int scale = recordedScale != null ? recordedScale : moneyScale(orderRow.order().intent().exchange(), symbol);
      PositionRow position = rows.position(account, strategyId, symbol)
          .orElseGet(() -> PositionRow.flat(account, strategyId, symbol, scale));
      if (position.eventSeq() < seq) {
        for (Fill fill : applied) {
          position = position.with(fill, scale, seq);
        }
        rows.savePosition(position);
      }
    }
    boolean closedIt = rows.order(strategyId, clientOrderId)
        .filter(row -> row.eventSeq() == seq && row.order().status() == OrderStatus.FILLED).isPresent();
    counted(rows, strategyId, seq, c -> {
      OrderCounts counts = c;
      for (int i = 0; i < applied.size(); i++) {
        counts = counts.withFill();
      }
      return closedIt ? counts.withClosed(OrderStatus.FILLED) : counts;
    });
  }

  private int moneyScale(String exchange, String symbol) {
    return catalog.find(exchange, symbol).map(i -> i.tickSize().scale()).orElse(DEFAULT_MONEY_SCALE);
  }
}
