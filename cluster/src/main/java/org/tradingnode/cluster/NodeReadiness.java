package org.tradingnode.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ModeView;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.http.Readiness;
import org.tradingnode.persistence.AuditReader;

/**
 * Ready means: this node is Up in the cluster, the strategy shard region answers, the journal answers a
 * query, and the safety coordinator (which recovers from the journal) answers with its mode.
 */
final class NodeReadiness implements Readiness {
  private final ActorSystem<?> system;
  private final EntityDirectory directory;
  private final AuditReader audit;
  private final Duration timeout;

  NodeReadiness(ActorSystem<?> system, EntityDirectory directory, AuditReader audit, Duration timeout) {
    this.system = system;
    this.directory = directory;
    this.audit = audit;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<Map<String, Boolean>> check() {
    boolean up = Cluster.get(system).selfMember().status() == MemberStatus.up();
    CompletionStage<Boolean> sharding = AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
            ClusterSharding.get(system).shardState(),
            replyTo -> new GetShardRegionState(StrategyEntity.TYPE_KEY, replyTo), timeout, system.scheduler())
        .handle((state, error) -> error == null);
    CompletionStage<Boolean> journal = audit.entityIds("SafetyCoordinator").handle((ids, error) -> error == null);
    CompletionStage<Boolean> coordinator = AskPattern.<SafetyCoordinator.Command, ModeView>ask(
            directory.coordinator(), SafetyCoordinator.GetMode::new, timeout, system.scheduler())
        .handle((mode, error) -> error == null);
    return sharding.thenCombine(journal, (s, j) -> Map.of("clusterUp", up, "sharding", s, "journal", j))
        .thenCombine(coordinator, (checks, c) -> {
          var all = new java.util.TreeMap<>(checks);
          all.put("coordinator", c);
          return Map.copyOf(all);
        });
  }
}
