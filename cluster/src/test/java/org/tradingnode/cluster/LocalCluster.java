package org.tradingnode.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nodes of one cluster on 127.0.0.1, each its own JVM started as an operator would (environment
 * only): fixed cluster ports so every node names the same seeds, free HTTP and management ports. A
 * node that is killed or stopped can be started again on its cluster port.
 */
final class LocalCluster implements AutoCloseable {
  private final Path root;
  private final Map<String, String> env;
  private final int[] clusterPorts;
  private final NodeProcess[] nodes;

  LocalCluster(Path root, int size, Map<String, String> env) throws IOException {
    this.root = root;
    this.env = Map.copyOf(env);
    this.clusterPorts = new int[size];
    this.nodes = new NodeProcess[size];
    for (int i = 0; i < size; i++) {
      clusterPorts[i] = NodeProcess.freePort();
    }
  }

  /** Starts node {@code i} (again) with every node's address as seeds; does not wait. */
  void start(int i) throws IOException {
    List<String> seeds = new ArrayList<>();
    for (int port : clusterPorts) {
      seeds.add("127.0.0.1:" + port);
    }
    Map<String, String> nodeEnv = new HashMap<>(env);
    nodeEnv.put("CLUSTER_PORT", Integer.toString(clusterPorts[i]));
    nodeEnv.put("CLUSTER_SEEDS", String.join(",", seeds));
    nodes[i] = NodeProcess.start(root.resolve("node-" + i), nodeEnv, PacedNodeMain.class);
  }

  /** Waits until node {@code i} answers ready on its management port. */
  void awaitReady(int i) {
    NodeProcess node = nodes[i];
    ApiClient.until(() -> {
      if (!node.isAlive()) {
        throw new AssertionError("node " + i + " exited (log: " + node.log + ")");
      }
      return management(i).get("/ready");
    }, a -> a.status() == 200, 480, "node " + i + " to be ready (log: " + node.log + ")");
  }

  /** Waits until every live node sees exactly the live nodes as Up members, and nothing unreachable. */
  void awaitMembersUp() {
    int alive = alive().size();
    for (int i : alive()) {
      ApiClient.until(() -> management(i).get("/cluster/members"), a -> {
        int up = 0;
        for (JsonNode m : a.body().get("members")) {
          up += m.get("status").asText().equals("Up") ? 1 : 0;
        }
        return up == alive && a.body().get("members").size() == alive && a.body().get("unreachable").isEmpty();
      }, 240, alive + " Up members seen by node " + i);
    }
  }

  NodeProcess node(int i) {
    return nodes[i];
  }

  ApiClient api(int i) {
    return new ApiClient(nodes[i].httpPort);
  }

  ApiClient management(int i) {
    return new ApiClient(nodes[i].managementPort);
  }

  /** Any live node's control API. */
  ApiClient anyApi() {
    return api(alive().get(0));
  }

  List<Integer> alive() {
    List<Integer> alive = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] != null && nodes[i].isAlive()) {
        alive.add(i);
      }
    }
    return alive;
  }

  /** The node whose cluster address is {@code hostPort}, if it is one of ours. */
  Optional<Integer> byAddress(String hostPort) {
    for (int i = 0; i < nodes.length; i++) {
      if (("127.0.0.1:" + clusterPorts[i]).equals(hostPort)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The oldest member (where the cluster singletons run), once every live node names the same one. */
  int oldest() {
    String[] agreed = new String[1];
    ApiClient.until(() -> management(alive().get(0)).get("/cluster/members"), first -> {
      String oldest = first.body().get("oldest").asText();
      for (int i : alive()) {
        if (!oldest.equals(management(i).get("/cluster/members").body().get("oldest").asText())) {
          return false;
        }
      }
      agreed[0] = oldest;
      return true;
    }, 240, "the live nodes to agree on the oldest member");
    return byAddress(agreed[0].substring(agreed[0].indexOf('@') + 1)).orElseThrow();
  }

  /** The live node whose shard region holds entities of {@code entityType} (the first if several do). */
  Optional<Integer> holderOf(String entityType) {
    for (int i : alive()) {
      JsonNode shards = management(i).get("/cluster/shards/" + entityType).body();
      if (shards != null) {
        for (JsonNode region : shards.get("regions")) {
          if (region.get("numEntities").asInt() > 0) {
            return Optional.of(i);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** SIGTERM to every live node, in parallel. */
  @Override
  public void close() {
    List<Thread> stops = new ArrayList<>();
    for (NodeProcess node : nodes) {
      if (node != null) {
        Thread stop = new Thread(node::close);
        stop.start();
        stops.add(stop);
      }
    }
    for (Thread stop : stops) {
      try {
        stop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
