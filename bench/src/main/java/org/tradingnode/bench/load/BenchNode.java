package org.tradingnode.bench.load;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.tradingnode.cluster.TradingNode;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * A real node started in this JVM for a benchmark: the production config of the embedded profile
 * (durable H2 journal, same dispatchers, same sharding) or, with {@code PERSISTENCE=cassandra}, of the
 * cassandra profile (see {@link BenchProfile}), in a data dir of its own, on free ports,
 * with the paper venue's generated feed off (the driver plays the venue's market stream), no demo
 * strategies, {@code symbols} generated instruments and limits a desk would set for this flow.
 */
final class BenchNode implements AutoCloseable {
  static final String ACCOUNT = "bench";
  static final String EXCHANGE = "paper";
  static final double PRICE = 100.0;

  private final ActorSystem<Void> system;
  private final Path dataDir;
  private final int httpPort;
  private final Config config;
  /** A data dir of this node alone, deleted on close (each run writes gigabytes). */
  private boolean temporary;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BenchNode(ActorSystem<Void> system, Path dataDir, int httpPort, Config config) {
    this.system = system;
    this.dataDir = dataDir;
    this.httpPort = httpPort;
    this.config = config;
  }

  /** Starts a node on a new temporary data dir, deleted when the node is closed. */
  static BenchNode start(int symbols, StrategyTypes types) {
    try {
      BenchNode node = start(Files.createTempDirectory("bench-node"), symbols, types, system -> { });
      node.temporary = true;
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a node on the given data dir (a restart when it holds a journal); {@code started} runs as
   * soon as the actor system exists, before any entity has recovered.
   */
  static BenchNode start(Path dataDir, int symbols, StrategyTypes types, Consumer<ActorSystem<Void>> started) {
    try {
      Files.createDirectories(dataDir.resolve("journal"));
      int httpPort = freePort();
      Config config = ConfigFactory.load(ConfigFactory.parseString(overrides(dataDir, httpPort, symbols))
          .withFallback(BenchProfile.overrides(dataDir))
          .withFallback(ConfigFactory.parseResourcesAnySyntax(BenchProfile.name())));
      ActorSystem<Void> system = TradingNode.start(config, StrategyTypes.builtIn().with(types));
      started.accept(system);
      BenchNode node = new BenchNode(system, dataDir, httpPort, config);
      node.awaitReady();
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String symbol(int index) {
    return String.format("S%05dUSDT", index);
  }

  private static String overrides(Path dataDir, int httpPort, int symbols) {
    StringBuilder instruments = new StringBuilder();
    for (int i = 0; i < symbols; i++) {
      instruments.append(String.format("{ exchange = \"%s\", symbol = \"%s\", base = \"S%05d\", quote = \"USDT\", "
          + "tick-size = \"0.01\", lot-size = \"0.001\", min-notional = \"5\", start-price = %s }%n",
          EXCHANGE, symbol(i), i, PRICE));
    }
    return String.join("\n",
        "trading.data-dir = \"" + dataDir.toString().replace("\\", "/") + "\"",
        "trading.http.port = " + httpPort,
        "trading.demo.enabled = off",
        "trading.market-feed.enabled = off",
        "trading.paper.accounts { " + ACCOUNT + " { starting-balances { USDT = \"1000000000\" } } }",
        "trading.instruments = [" + instruments + "]",
        "trading.risk.default-limits { max-order-notional = \"1000000\", max-position-notional = \"100000000\",",
        "  max-gross-exposure = \"1000000000\", max-open-orders = 100000, price-band-percent = \"5\",",
        "  max-orders-per-minute = 1000000, daily-loss-limit = \"1000000000\" }",
        "pekko.remote.artery.canonical.port = 0",
        "pekko.loglevel = WARNING",
        "pekko.coordinated-shutdown.exit-jvm = off");
  }

  ActorSystem<Void> system() {
    return system;
  }

  Path dataDir() {
    return dataDir;
  }

  EntityRef<SymbolEntity.Command> symbolRef(String symbol) {
    return ClusterSharding.get(system).entityRefFor(SymbolEntity.TYPE_KEY, EXCHANGE + ":" + symbol);
  }

  EntityRef<StrategyEntity.Command> strategyRef(String strategyId) {
    return ClusterSharding.get(system).entityRefFor(StrategyEntity.TYPE_KEY, strategyId);
  }

  /** Creates the strategies (all at once) and waits until every one has answered. */
  void createStrategies(List<StrategyConfig> configs) {
    List<CompletableFuture<StrategyEntity.Reply>> replies = new ArrayList<>();
    for (StrategyConfig config : configs) {
      CompletionStage<StrategyEntity.Reply> reply = strategyRef(config.id())
          .ask(replyTo -> new StrategyEntity.CreateStrategy(config, replyTo), Duration.ofSeconds(60));
      replies.add(reply.toCompletableFuture());
    }
    for (CompletableFuture<StrategyEntity.Reply> reply : replies) {
      StrategyEntity.Reply answer = reply.join();
      if (!(answer instanceof StrategyEntity.Done)) {
        throw new IllegalStateException("strategy not created: " + answer);
      }
    }
  }

  static StrategyConfig strategy(String id, String type, String symbol, Map<String, String> params) {
    return new StrategyConfig(id, type, ACCOUNT, EXCHANGE, List.of(symbol), params);
  }

  /** POST to the node's API; returns the status code. */
  int post(String path, String body) {
    return status(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** GET from the node's API; returns the status code. */
  int get(String path) {
    return status(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(Duration.ofSeconds(30)).GET().build());
  }

  private int status(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Rows in the event journal, counted in the node's own database. */
  long journalRows() {
    return JournalRows.count(system, config);
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ready"))
            .timeout(Duration.ofSeconds(2)).GET().build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Pause.millis(100);
    }
    throw new IllegalStateException("node not ready within 60 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
    if (temporary) {
      try (var paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the benchmark's data dir " + dataDir, e);
      }
    }
  }
}
