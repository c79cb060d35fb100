package org.tradingnode.core.entity;

import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.tradingnode.core.domain.order.OrderStatus;

/**
 * What happened on this node, published on the node-local event stream after the fact is durable
 * (for runners and venue acknowledgements, as it happened) for live views, metrics and the load
 * driver. Not persisted, not sent across nodes: a subscriber sees the notices of the entities its own
 * node hosts.
 */
public sealed interface NodeNotice {

  /** A strategy's runner (re)started and asked for its view. */
  record RunnerStarted(String strategyId) implements NodeNotice {}

  /** A strategy's runner stopped for good (halt, stop, failure or passivation). */
  record RunnerStopped(String strategyId) implements NodeNotice {}

  /** A strategy persisted news about one of its orders; {@code status} is the order's status now. */
  record OrderProgressed(String strategyId, String clientOrderId, OrderStatus status, String tag)
      implements NodeNotice {}

  /**
   * The venue acknowledged an order: published by the connection the moment the acceptance reaches it,
   * before it is persisted and passed on to the strategy.
   */
  record VenueAcknowledged(String connectionId, String clientOrderId, String tag) implements NodeNotice {}

  /** A connection persisted cancel requests and sent them to the venue. */
  record CancelsSent(String connectionId, List<String> clientOrderIds) implements NodeNotice {}

  /** A connection entity recovered on this node and works from here. */
  record ConnectionUp(String connectionId) implements NodeNotice {}

  /** A connection entity stopped on this node (it moved to another node, or the node is stopping). */
  record ConnectionDown(String connectionId) implements NodeNotice {}

  /** A strategy persisted that the halt decided at {@code haltAt} stopped it. */
  record StrategyHalted(String strategyId, long haltAt) implements NodeNotice {}

  /**
   * While trading is halted (since {@code haltAt}), after every write of a connection: the cancels it has
   * sent since, how many of its orders are still open at the venue or on their way to it, and the oldest
   * few of them.
   */
  record OrdersInFlight(String connectionId, long haltAt, int cancelsSent, int count, List<String> oldest)
      implements NodeNotice {}

  /** Publishes on the event stream of the given system. */
  static void publish(ActorSystem<?> system, NodeNotice notice) {
    system.eventStream().tell(new EventStream.Publish<>(notice));
  }
}
