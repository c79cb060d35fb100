package org.tradingnode.cluster;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * Entities by id through cluster sharding; the coordinator through its singleton proxy.
 *
 * <p>When the node shuts down as the last member of its cluster, the directory closes before the shard
 * regions stop: from then on what is sent to an entity goes nowhere. With no node left to take a shard
 * over, a region keeps whatever reaches a shard it already stopped (a market tick, a runner's marks, a
 * fill on its way to a strategy), waiting for a home that never comes, and the node's shutdown would
 * wait out the region's whole timeout. Nothing is lost that matters: entities already talk at most once
 * and settle what they missed when they start again (a strategy asks its connection about its open
 * orders, a connection asks the venue). On a node that leaves a cluster with other members the
 * directory stays open, and the shards' new homes receive what was sent meanwhile.
 */
final class ShardedDirectory implements EntityDirectory {
  private static final Logger log = LoggerFactory.getLogger("trading.node");
  private final ClusterSharding sharding;
  private final ActorRef<Object> nowhere;
  private volatile ActorRef<SafetyCoordinator.Command> coordinator;
  private volatile boolean closed;

  ShardedDirectory(ActorSystem<?> system, ClusterSharding sharding) {
    this.sharding = sharding;
    this.nowhere = system.ignoreRef();
  }

  void useCoordinator(ActorRef<SafetyCoordinator.Command> proxy) {
    this.coordinator = proxy;
  }

  /** Closes the directory before the node's shard regions stop, if the node is the last member then. */
  void closeOnLastLeave(ActorSystem<?> system) {
    Cluster cluster = Cluster.get(system);
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeClusterShutdown(), "close-directory",
        () -> {
          boolean othersRemain = false;
          for (Member member : cluster.state().getMembers()) {
            othersRemain |= !member.equals(cluster.selfMember())
                && (member.status() == MemberStatus.up() || member.status() == MemberStatus.weaklyUp());
          }
          if (!othersRemain) {
            closed = true;
            log.info("entities stop talking to each other: this node is the last member and is shutting "
                + "down");
          }
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  @Override
  public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
    return entity(StrategyEntity.TYPE_KEY, strategyId);
  }

  @Override
  public RecipientRef<RiskEntity.Command> risk(String account) {
    return entity(RiskEntity.TYPE_KEY, account);
  }

  @Override
  public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
    return entity(ExchangeConnectionEntity.TYPE_KEY, connectionId);
  }

  @Override
  public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
    return entity(SymbolEntity.TYPE_KEY, symbolId);
  }

  @Override
  public RecipientRef<SafetyCoordinator.Command> coordinator() {
    return coordinator;
  }

  @SuppressWarnings("unchecked")
  private <T> RecipientRef<T> entity(EntityTypeKey<T> type, String id) {
    return closed ? (RecipientRef<T>) (ActorRef<?>) nowhere : sharding.entityRefFor(type, id);
  }
}
