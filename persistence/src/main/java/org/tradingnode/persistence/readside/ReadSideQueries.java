package org.tradingnode.persistence.readside;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.persistence.query.Offset;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;

/**
 * What the read side answers: the strategies, their orders, fills and positions as projected from the
 * journal. Eventually consistent: an event shows here shortly after it was persisted.
 */
public interface ReadSideQueries {

  /** Every strategy the journal holds, with its status and order counts, in no particular order. */
  CompletionStage<List<StrategyRow>> strategies();

  /** The orders the filter matches, in no particular order. */
  CompletionStage<List<Order>> orders(OrderFilter filter);

  /** The positions of every strategy trading for the account (of all accounts when empty), in no particular order. */
  CompletionStage<List<PositionRow>> positions(Optional<String> account);

  /** The fills of a strategy's orders, in no particular order. */
  CompletionStage<List<Fill>> fills(String strategyId);

  /** How far the projection of the tag got; {@code Offset.noOffset()} before its first event. */
  CompletionStage<Offset> offset(String tag);
}
