package org.tradingnode.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.StrategyEntity;

/**
 * The last prices strategies saw, asked from the strategy entities: marks are not journaled, so the
 * read side cannot know them. A strategy that does not answer in time counts as having seen no price,
 * as a strategy that has not seen one yet reports itself; its positions then have no mark and no
 * unrealized PnL rather than failing the whole answer.
 */
final class StrategyMarks {
  private final ActorSystem<?> system;
  private final EntityDirectory directory;
  private final Duration timeout;

  StrategyMarks(ActorSystem<?> system, EntityDirectory directory, Duration timeout) {
    this.system = system;
    this.directory = directory;
    this.timeout = timeout;
  }

  /** Per strategy id, its marks by symbol. */
  CompletionStage<Map<String, Map<String, BigDecimal>>> of(Set<String> strategyIds) {
    Map<String, CompletableFuture<Map<String, BigDecimal>>> asks = new HashMap<>();
    for (String id : strategyIds) {
      asks.put(id, AskPattern.<StrategyEntity.Command, StrategyEntity.Marks>ask(directory.strategy(id),
              StrategyEntity.GetMarks::new, timeout, system.scheduler())
          .thenApply(StrategyEntity.Marks::prices)
          .exceptionally(error -> Map.of())
          .toCompletableFuture());
    }
    return CompletableFuture.allOf(List.copyOf(asks.values()).toArray(CompletableFuture[]::new)).thenApply(done -> {
      Map<String, Map<String, BigDecimal>> marks = new HashMap<>();
      asks.forEach((id, ask) -> marks.put(id, ask.join()));
      return marks;
    });
  }
}
