package org.tradingnode.cluster;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * The directory the market feeds publish through, closed when the node shuts down as the last member of
 * its cluster: market data then goes nowhere. With no node left to take the symbols over, a shard region
 * keeps whatever reaches it after its shards stopped, waiting for a home that never comes, and the node's
 * shutdown would wait out the region's whole timeout (20 s with a feed ticking). On a node that leaves a
 * cluster with other members the gate stays open: their symbols still need the data until the feed's
 * singleton has moved.
 */
final class FeedGate implements EntityDirectory {
  private final EntityDirectory entities;
  private volatile boolean closed;

  FeedGate(EntityDirectory entities) {
    this.entities = entities;
  }

  /** A gate that closes before the node's shard regions stop, if the node is the last member then. */
  static FeedGate closedOnLastLeave(ActorSystem<?> system, EntityDirectory entities) {
    FeedGate gate = new FeedGate(entities);
    Cluster cluster = Cluster.get(system);
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeClusterShutdown(), "close-feed-gate",
        () -> {
          boolean othersRemain = false;
          for (Member member : cluster.state().getMembers()) {
            othersRemain |= !member.equals(cluster.selfMember())
                && (member.status() == MemberStatus.up() || member.status() == MemberStatus.weaklyUp());
          }
          if (!othersRemain) {
            gate.close();
            system.log().info("market feeds stop publishing: this node is the last member and is shutting down");
          }
          return CompletableFuture.completedFuture(Done.getInstance());
        });
    return gate;
  }

  /** From now on market data is dropped. */
  void close() {
    closed = true;
  }

  @Override
  public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
    RecipientRef<SymbolEntity.Command> entity = entities.symbol(symbolId);
    return command -> {
      if (!closed) {
        entity.tell(command);
      }
    };
  }

  @Override
  public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
    return entities.strategy(strategyId);
  }

  @Override
  public RecipientRef<RiskEntity.Command> risk(String account) {
    return entities.risk(account);
  }

  @Override
  public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
    return entities.connection(connectionId);
  }

  @Override
  public RecipientRef<SafetyCoordinator.Command> coordinator() {
    return entities.coordinator();
  }
}
