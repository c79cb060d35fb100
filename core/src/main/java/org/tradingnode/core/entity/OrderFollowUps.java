package org.tradingnode.core.entity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.entity.StrategyEntity.DefinedStrategy;

/**
 * How a strategy follows its orders up with the entities that hold their answers. After a restart, and
 * for orders without news for a while, the connection is asked first: it is the one that knows whether an
 * order was submitted, and replays what it knows (the strategy dedupes). Only an intent it has no record
 * of is asked of risk again, so a halt decided meanwhile cannot turn an order the venue has into a
 * rejected one.
 */
final class OrderFollowUps {
  /** How long an intent may go unanswered before the strategy follows it up. */
  static final Duration UNANSWERED_AFTER = Duration.ofSeconds(5);

  private final String strategyId;
  private final EntityDirectory directory;
  private final Clock clock;
  private final Logger log;

  OrderFollowUps(String strategyId, EntityDirectory directory, Clock clock, Logger log) {
    this.strategyId = strategyId;
    this.directory = directory;
    this.clock = clock;
    this.log = log;
  }

  /** After a restart: the connection tells again what happened to every open order. */
  void askAboutOpenOrders(DefinedStrategy state) {
    askConnectionAbout(state, state.book().openOrders().stream().map(Order::clientOrderId).toList());
  }

  /**
   * Orders without news for {@link #UNANSWERED_AFTER}: an answer may have been lost with a node (an
   * intent's approval, or a fill the connection recorded just before its node died).
   */
  void followUpQuietOrders(DefinedStrategy state) {
    List<Order> quiet = state.book().quietSince(clock.millis() - UNANSWERED_AFTER.toMillis());
    long unanswered = quiet.stream().filter(order -> order.status() == OrderStatus.NEW).count();
    if (unanswered > 0) {
      log.info("strategy {}: {} intents unanswered for {} s, asking the connection about them", strategyId,
          unanswered, UNANSWERED_AFTER.toSeconds());
    }
    askConnectionAbout(state, quiet.stream().map(Order::clientOrderId).toList());
  }

  /** The connection never had the order: an intent still waiting is put to risk again. */
  void unknownToConnection(DefinedStrategy state, String clientOrderId) {
    Order order = state.book().openOrder(clientOrderId);
    if (order != null && order.status() == OrderStatus.NEW) {
      directory.risk(order.intent().account()).tell(new RiskEntity.EvaluateIntent(order.intent()));
    }
  }

  /** Asks the connection to cancel every open order of the strategy. */
  void cancelOpenOrders(DefinedStrategy state, String reason) {
    directory.connection(state.config().connectionId())
        .tell(new ExchangeConnectionEntity.CancelStrategyOrders(strategyId, reason));
  }

  private void askConnectionAbout(DefinedStrategy state, List<String> clientOrderIds) {
    if (!clientOrderIds.isEmpty()) {
      directory.connection(state.config().connectionId())
          .tell(new ExchangeConnectionEntity.ReplayOrders(strategyId, clientOrderIds));
    }
  }
}
