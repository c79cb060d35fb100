package org.tradingnode.cluster;

import com.typesafe.config.Config;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;

/**
 * Where entities live and how the node finds the others ({@code trading.cluster}): each entity kind may
 * be held only by nodes with a role (empty: every node, the all-in-one default), and the node joins by
 * seed nodes or by cluster bootstrap on Kubernetes.
 */
public record ClusterPlacement(String strategyRole, String connectionRole, String riskRole, String bootstrap) {
  static final String SEEDS = "seeds";
  static final String KUBERNETES = "kubernetes";

  public ClusterPlacement {
    if (!bootstrap.equals(SEEDS) && !bootstrap.equals(KUBERNETES)) {
      throw new IllegalArgumentException("trading.cluster.bootstrap must be " + SEEDS + " or " + KUBERNETES
          + ", not '" + bootstrap + "'");
    }
  }

  static ClusterPlacement from(Config cluster) {
    return new ClusterPlacement(cluster.getString("strategy-role").trim(), cluster.getString("connection-role").trim(),
        cluster.getString("risk-role").trim(), cluster.getString("bootstrap").trim());
  }

  boolean bootstrapsOnKubernetes() {
    return bootstrap.equals(KUBERNETES);
  }

  <M, E> Entity<M, E> strategies(Entity<M, E> entity) {
    return withRole(entity, strategyRole);
  }

  <M, E> Entity<M, E> connections(Entity<M, E> entity) {
    return withRole(entity, connectionRole);
  }

  <M, E> Entity<M, E> risk(Entity<M, E> entity) {
    return withRole(entity, riskRole);
  }

  private static <M, E> Entity<M, E> withRole(Entity<M, E> entity, String role) {
    return role.isEmpty() ? entity : entity.withRole(role);
  }
}
