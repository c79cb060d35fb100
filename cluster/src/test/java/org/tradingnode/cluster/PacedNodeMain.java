package org.tradingnode.cluster;

import java.nio.file.Path;
import org.tradingnode.core.domain.strategy.StrategyTypes;

/** A node configured from the environment exactly as {@link Main} does, that also knows the {@code paced} type. */
final class PacedNodeMain {
  private PacedNodeMain() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(System.getenv().getOrDefault("DATA_DIR", "./data")).toAbsolutePath().normalize();
    TradingNode.start(Main.config(dataDir), StrategyTypes.builtIn().with(new PacedStrategies()));
  }
}
