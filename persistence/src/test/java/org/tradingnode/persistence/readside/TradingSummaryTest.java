package org.tradingnode.persistence.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradingnode.core.domain.order.OrderCounts;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.testing.Await;
import org.tradingnode.core.testing.LogLines;

/**
 * The trading summary read from an H2 read side holding {@link TradingStory}'s strategies: alpha (BTCUSDT,
 * bought 0.01 in two fills at an average of 59,994, sold 0.005 at 60,100: +0.53 realized, 0.90 fees, one
 * intent denied) and beta (created, then sold 0.5 ETH short: nothing realized, 1.50 fees).
 */
class TradingSummaryTest {
  private static final String FIRST_HEADER =
      "2 strategies: orders 5, fills 4, rejected 1, realized     +0.53  fees     2.40  net     -1.87 USDT";
  private static final String FIRST_ALPHA = "  alpha              STOPPED orders     4  fills     3  rejected    1  "
      + "realized     +0.53  fees     0.90  net     -0.37 USDT";
  private static final String FIRST_BETA = "  beta               STOPPED orders     1  fills     1  rejected    0  "
      + "realized     +0.00  fees     1.50  net     -1.50 USDT";

  @TempDir
  Path dataDir;
  private H2ReadSideStore store;
  private final StrategyEventProjector projector = new StrategyEventProjector(TradingStory.CATALOG);

  @BeforeEach
  void projectTheStory() {
    store = H2ReadSideStore.open(EmbeddedProfile.jdbcUrl(EmbeddedProfile.config(dataDir)), "sa", "", Runnable::run);
    project("Strategy-2", "alpha", TradingStory.alphaOpening(), 0);
    project("Strategy-0", "beta", Stream.concat(Stream.of(new StrategyEntity.StrategyCreated(new StrategyConfig("beta",
        "momentum", "other", "paper", List.of("ETHUSDT"), Map.of()), TradingStory.T0)),
        TradingStory.betaShort().stream()).toList(), 0);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void theFirstSummaryHasTheTotalsThenOneLinePerStrategyWithItsOrdersFillsAndRealizedPnl() {
    List<String> lines = TradingSummary.lines(await(store.strategies()), await(store.positions(Optional.empty())),
        TradingStory.CATALOG, Optional.empty());

    assertEquals(List.of(FIRST_HEADER, FIRST_ALPHA, FIRST_BETA), lines);
  }

  @Test
  void aLaterSummaryShowsWhatWasOrderedAndFilledSinceThePreviousOne() {
    Map<String, OrderCounts> previous = await(store.strategies()).stream()
        .collect(Collectors.toMap(StrategyRow::strategyId, StrategyRow::counts));
    project("Strategy-2", "alpha", TradingStory.alphaClosing(), TradingStory.alphaOpening().size());

    List<String> lines = TradingSummary.lines(await(store.strategies()), await(store.positions(Optional.empty())),
        TradingStory.CATALOG, Optional.of(previous));

    // alpha sold its last 0.005 at 60,200: (60,200 - 59,994) x 0.005 = 1.03 more, 0.30 more fees
    assertEquals(List.of(
        "2 strategies: orders 6 (+1), fills 5 (+1), rejected 1, realized     +1.56  fees     2.70  "
            + "net     -1.14 USDT",
        "  alpha              STOPPED orders     5 (+1)      fills     4 (+1)      rejected    1  realized     +1.56  "
            + "fees     1.20  net     +0.36 USDT",
        "  beta               STOPPED orders     1 (+0)      fills     1 (+0)      rejected    0  realized     +0.00  "
            + "fees     1.50  net     -1.50 USDT"), lines);
  }

  @Test
  void theSummaryActorWritesTheSummaryToItsLoggerEveryInterval() {
    ActorTestKit kit = ActorTestKit.create();
    try (LogLines log = LogLines.capture(TradingSummary.LOGGER)) {
      kit.spawn(TradingSummary.create(store, TradingStory.CATALOG, Duration.ofMillis(100)));

      List<LogLines.Line> written = Await.until("two summaries", log::lines, l -> l.size() >= 6);

      assertEquals(List.of(FIRST_HEADER, FIRST_ALPHA, FIRST_BETA),
          written.subList(0, 3).stream().map(LogLines.Line::message).toList());
      assertEquals(FIRST_HEADER.replace("orders 5", "orders 5 (+0)").replace("fills 4", "fills 4 (+0)"),
          written.get(3).message());
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void theIntervalIsAMinuteByDefaultAndOffOrZeroMeansNoSummary() {
    var node = ConfigFactory.parseResources("logging.conf").resolve();

    assertEquals(Optional.of(Duration.ofMinutes(1)), TradingSummary.interval(node));
    assertEquals(Optional.empty(), TradingSummary.interval(ConfigFactory.parseString(
        TradingSummary.INTERVAL_SETTING + " = off")));
    assertEquals(Optional.empty(), TradingSummary.interval(ConfigFactory.parseString(
        TradingSummary.INTERVAL_SETTING + " = 0s")));
    assertEquals(Optional.of(Duration.ofSeconds(10)), TradingSummary.interval(ConfigFactory.parseString(
        TradingSummary.INTERVAL_SETTING + " = 10s")));
  }

  /** Projects the strategy's events as the projection does, numbered on from {@code seqBefore}. */
  private void project(String tag, String strategyId, List<StrategyEntity.Event> events, int seqBefore) {
    await(store.update(tag, Offset.sequence(seqBefore + events.size()), rows -> {
      for (int i = 0; i < events.size(); i++) {
        projector.apply(rows, strategyId, seqBefore + i + 1, events.get(i));
      }
    }));
  }

  private static <T> T await(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}
