package org.tradingnode.core.entity;

import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderHistory;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderLedger;
import org.tradingnode.core.entity.ExchangeConnectionEntity.ArchiveAnswered;
import org.tradingnode.core.entity.ExchangeConnectionEntity.Command;
import org.tradingnode.core.entity.ExchangeConnectionEntity.SubmitUnarchived;

/**
 * How an exchange connection answers a strategy about its orders: from the ledger for the orders it
 * holds, from the journal ({@link OrderArchive}) for those older than the ledger's window, and as unknown
 * for those it never had. A strategy is told everything known about an order, in order; it dedupes.
 */
final class ConnectionReplies {
  private final ActorContext<Command> context;
  private final String connectionId;
  private final EntityDirectory directory;
  private final OrderArchive archive;

  ConnectionReplies(ActorContext<Command> context, String connectionId, EntityDirectory directory,
      OrderArchive archive) {
    this.context = context;
    this.connectionId = connectionId;
    this.directory = directory;
    this.archive = archive;
  }

  /** Answers the strategy about each of its orders, asking the journal about those beyond the window. */
  void replay(String strategyId, List<String> clientOrderIds, OrderLedger ledger) {
    for (String cid : clientOrderIds) {
      switch (ledger.lookup(cid, strategyId)) {
        case HELD -> {
          Order order = ledger.order(cid).orElseThrow();
          if (order.intent().strategyId().equals(strategyId)) {
            tell(order, ledger.fillsOf(cid));
          }
        }
        case NEW -> directory.strategy(strategyId).tell(new StrategyEntity.OrderUnknownToConnection(cid));
        case ARCHIVED -> askArchive(strategyId, cid, null, ledger);
        default -> throw new IllegalStateException("unknown lookup of " + cid);
      }
    }
  }

  /**
   * Asks the journal about an order older than the window ({@code intent} set when it is to be sent if
   * the journal never had it); the answer comes back to the connection as {@link ArchiveAnswered}.
   */
  void askArchive(String strategyId, String clientOrderId, OrderIntent intent, OrderLedger ledger) {
    long floor = ledger.floor(strategyId);
    context.pipeToSelf(archive.find(connectionId, clientOrderId),
        (found, failure) -> new ArchiveAnswered(strategyId, clientOrderId, intent, floor,
            found == null ? null : found.orElse(null), failure == null ? null : String.valueOf(failure.getMessage())));
  }

  /**
   * The journal's answer: an order it had is told to the strategy (never sent again); an intent it never
   * had comes back, to be sent now; a replay it never had is answered as unknown. A failed read is logged
   * and left to the strategy's follow-up, which asks again.
   */
  Optional<SubmitUnarchived> answered(ArchiveAnswered answer) {
    if (answer.failure() != null) {
      context.getLog().warn("{}: cannot read order {} from the journal, the strategy will ask again: {}",
          connectionId, answer.clientOrderId(), answer.failure());
    } else if (answer.found() != null) {
      OrderArchive.ArchivedOrder archived = answer.found();
      if (archived.order().intent().strategyId().equals(answer.strategyId())) {
        tell(archived.order(), archived.fills());
      }
    } else if (answer.intent() != null) {
      return Optional.of(new SubmitUnarchived(answer.intent(), answer.floorWhenAsked()));
    } else {
      directory.strategy(answer.strategyId()).tell(new StrategyEntity.OrderUnknownToConnection(answer.clientOrderId()));
    }
    return Optional.empty();
  }

  /** Tells the order's strategy everything known about the order, in order. */
  void tell(Order order, List<Fill> fills) {
    var strategy = directory.strategy(order.intent().strategyId());
    OrderHistory.reportsOf(order, fills).forEach(report -> strategy.tell(new StrategyEntity.OrderUpdated(report)));
  }
}
