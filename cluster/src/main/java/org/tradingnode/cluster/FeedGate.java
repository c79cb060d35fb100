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
import org.tradingnode.core.entity.SymbolEntity;

/**
 * The directory the market feeds publish through, closed when the node shuts down as the last member of
 * its cluster: market data then goes nowhere. With no node left to take the symbols over, a shard region
 * keeps whatever reaches it after its shards stopped, waiting for a home that never comes, and the node's
 * shutdown would wait out the region's whole timeout (20 s with a feed ticking). On a node that leaves a
 * cluster with other members the gate stays open: their symbols still need the data until the feed's
 * singleton has moved.
 */
final class FeedGate extends ForwardingDirectory {
  private volatile boolean closed;

  FeedGate(EntityDirectory entities) {
    super(entities);
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
  RecipientRef<SymbolEntity.Command> symbol(String symbolId, RecipientRef<SymbolEntity.Command> entity) {
    return command -> {
      if (!closed) {
        entity.tell(command);
      }
    };
  }
}
