package org.tradingnode.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;

/** Entities by id through cluster sharding; the coordinator through its singleton proxy. */
final class ShardedDirectory implements EntityDirectory {
  private final ClusterSharding sharding;
  private volatile ActorRef<SafetyCoordinator.Command> coordinator;

  ShardedDirectory(ClusterSharding sharding) {
    this.sharding = sharding;
  }

  void useCoordinator(ActorRef<SafetyCoordinator.Command> proxy) {
    this.coordinator = proxy;
  }

  @Override
  public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
    return sharding.entityRefFor(StrategyEntity.TYPE_KEY, strategyId);
  }

  @Override
  public RecipientRef<RiskEntity.Command> risk(String account) {
    return sharding.entityRefFor(RiskEntity.TYPE_KEY, account);
  }

  @Override
  public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
    return sharding.entityRefFor(ExchangeConnectionEntity.TYPE_KEY, connectionId);
  }

  @Override
  public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
    return sharding.entityRefFor(SymbolEntity.TYPE_KEY, symbolId);
  }

  @Override
  public RecipientRef<SafetyCoordinator.Command> coordinator() {
    return coordinator;
  }
}
