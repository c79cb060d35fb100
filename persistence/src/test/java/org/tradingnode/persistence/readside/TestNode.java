package org.tradingnode.persistence.readside;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.persistence.JournalProfile;

/**
 * A one-node cluster on 127.0.0.1 with a real journal of the profile under test and the node's own
 * configuration of that profile: what the node runs, without its entities. Closing it is a
 * node stop; the journal and the read side's tables stay for the next node on the same data.
 */
final class TestNode implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ActorTestKit kit;
  private final Map<String, ActorRef<StrategyJournalWriter.Command>> writers = new HashMap<>();
  private ReadSideStore store;

  private TestNode(ActorTestKit kit) {
    this.kit = kit;
  }

  /** A node on the profile's config (one of the node's profiles from conf/, with test overrides). */
  static TestNode start(Config profile) {
    Config config = ConfigFactory.load(ConfigFactory.parseString("""
            pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            trading.read-side.min-backoff = 200ms
            """).withFallback(profile));
    ActorTestKit kit = ActorTestKit.create("read-side-test", config);
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    return new TestNode(kit);
  }

  /** Starts the projections as the node does; the returned queries answer from the store. */
  ReadSideQueries startReadSide() {
    return ReadSide.start(kit.system(), TradingStory.CATALOG);
  }

  /** How far the read side's store is behind the journal, as the node's API sees it. */
  ReadSideFreshness freshness() {
    return ReadSide.freshness(kit.system(), store());
  }

  /** The read side's store, for queries and offsets, whether or not this node projects. */
  ReadSideStore store() {
    if (store == null) {
      store = ReadSide.openStore(kit.system(), JournalProfile.of(kit.system().settings().config()));
    }
    return store;
  }

  /**
   * Journals the events as strategy {@code strategyId} would, and waits until they are stored. The
   * events are sent once the writer has recovered, so that they are never sent twice.
   */
  void journal(String strategyId, List<StrategyEntity.Event> events) {
    ActorRef<StrategyJournalWriter.Command> writer = writers.computeIfAbsent(strategyId,
        id -> kit.spawn(StrategyJournalWriter.create(id), "journal-" + id));
    eventually(() -> await(AskPattern.<StrategyJournalWriter.Command, Integer>ask(writer,
        StrategyJournalWriter.Count::new, Duration.ofSeconds(3), kit.system().scheduler())));
    await(AskPattern.<StrategyJournalWriter.Command, Done>ask(writer,
        replyTo -> new StrategyJournalWriter.Append(events, replyTo), PATIENCE, kit.system().scheduler()));
  }

  <T> T await(CompletionStage<T> stage) {
    return stage.toCompletableFuture().orTimeout(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
  }

  /** Asks again, pacing the polls, until the check passes; fails with the check's last failure. */
  <T> T eventually(Supplier<T> check) {
    return kit.createTestProbe().awaitAssert(PATIENCE, Duration.ofMillis(100), check::get);
  }

  @Override
  public void close() {
    kit.shutdownTestKit();
  }
}
