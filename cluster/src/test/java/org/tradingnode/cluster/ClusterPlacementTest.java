package org.tradingnode.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.junit.jupiter.api.Test;

class ClusterPlacementTest {
  private static final EntityTypeKey<String> KEY = EntityTypeKey.create(String.class, "Example");

  private static Entity<String, ?> entity() {
    return Entity.of(KEY, ctx -> Behaviors.empty());
  }

  @Test
  void byDefaultEveryNodeHoldsEveryKindOfEntity() {
    ClusterPlacement placement = ClusterPlacement.from(ConfigFactory.parseResources("cluster.conf").resolve()
        .getConfig("trading.cluster"));

    assertEquals(Optional.empty(), placement.connections(entity()).role());
    assertEquals(Optional.empty(), placement.strategies(entity()).role());
    assertEquals(Optional.empty(), placement.risk(entity()).role());
    assertEquals(false, placement.bootstrapsOnKubernetes());
  }

  @Test
  void aConnectionRoleKeepsConnectionsOnNodesWithThatRoleOnly() {
    ClusterPlacement placement = new ClusterPlacement("", "venue", "", "seeds");

    assertEquals(Optional.of("venue"), placement.connections(entity()).role());
    assertEquals(Optional.empty(), placement.strategies(entity()).role());
  }

  @Test
  void anUnknownWayOfJoiningIsRefusedWithTheKnownOnesNamed() {
    var error = assertThrows(IllegalArgumentException.class, () -> new ClusterPlacement("", "", "", "dns"));

    assertTrue(error.getMessage().contains("seeds or kubernetes"), error.getMessage());
  }
}
