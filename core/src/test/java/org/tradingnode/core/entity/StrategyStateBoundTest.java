package org.tradingnode.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.entity.EntityTestSupport.CATALOG;
import static org.tradingnode.core.entity.EntityTestSupport.CLOCK;
import static org.tradingnode.core.entity.EntityTestSupport.NOW;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.time.Duration;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.strategy.IntentProposal;
import org.tradingnode.core.domain.strategy.StrategyBook;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.domain.strategy.StrategyTypes;

/**
 * A strategy that traded for a long time answers and snapshots what it needs, not what it did: after
 * 100,000 orders its snapshot and its details reply, serialized as remoting and the snapshot store
 * serialize them, stay under 64 KiB and under the configured remoting frame.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrategyStateBoundTest {
  private static final int ORDERS = 100_000;
  private static final int LIMIT_BYTES = 64 * 1024;
  private static final StrategyConfig CONFIG = new StrategyConfig("s1", "momentum", "demo", "paper",
      List.of("BTCUSDT"), Map.of("fastPeriod", "2", "slowPeriod", "3"));
  private final Path snapshotDir = createTempDirectory();
  /** Pekko's in-memory journal (appends in constant time) and the local snapshot store writing real files. */
  private final ActorTestKit kit = ActorTestKit.create(ConfigFactory.parseMap(Map.of(
          "pekko.persistence.journal.plugin", "pekko.persistence.journal.inmem",
          "pekko.persistence.snapshot-store.plugin", "pekko.persistence.snapshot-store.local",
          "pekko.persistence.snapshot-store.local.dir", snapshotDir.toString()))
      .withFallback(EntityTestSupport.config()));

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("strategy-snapshots");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void tearDown() {
    kit.shutdownTestKit();
  }

  @Test
  void after100000OrdersTheSnapshotAndTheDetailsReplyStayUnder64KiBAndTheRemotingFrame() throws IOException {
    EntityDirectory nobody = EntityTestSupport.directoryOf(kit.system().ignoreRef());
    var strategy = kit.spawn(StrategyEntity.create("s1", nobody, CATALOG, StrategyTypes.builtIn(),
        EntityTestSupport.runners(nobody), CLOCK));
    var replies = kit.<StrategyEntity.Reply>createTestProbe();
    strategy.tell(new StrategyEntity.CreateStrategy(CONFIG, replies.ref()));
    long version = 2;
    boolean flat = true;

    var barrier = kit.<StrategyEntity.Marks>createTestProbe();
    // Commands queue in order, so each proposal sees the view its predecessors left: two events per order.
    // Every 500 orders the test waits for an answer, so the entity's stash never overflows.
    for (int n = 1; n <= ORDERS; n++) {
      Side side = flat ? Side.BUY : Side.SELL;
      strategy.tell(new StrategyEntity.ProposeIntents(List.of(new IntentProposal("BTCUSDT", side,
          OrderType.MARKET, new BigDecimal("0.01"), null, new BigDecimal("60000"), side == Side.SELL, "t")),
          version));
      String id = "s1-" + n;
      boolean rejected = side == Side.BUY && n % 7 == 0;
      strategy.tell(new StrategyEntity.OrderUpdated(rejected
          ? new VenueReport.Rejected(id, VenueRejectReason.INSUFFICIENT_BALANCE, "no funds", NOW)
          : new VenueReport.Filled(new Fill(id + "-f", id, "BTCUSDT", side, new BigDecimal("60000.00"),
              new BigDecimal("0.01"), new BigDecimal("0.06"), false, NOW))));
      flat = rejected == flat;
      version += 2;
      if (n % 500 == 0) {
        strategy.tell(new StrategyEntity.GetMarks(barrier.ref()));
        barrier.expectMessageClass(StrategyEntity.Marks.class, Duration.ofSeconds(30));
      }
    }
    strategy.tell(new StrategyEntity.GetStrategy(replies.ref()));

    replies.expectMessageClass(StrategyEntity.Done.class);
    var details = replies.expectMessageClass(StrategyEntity.Done.class, Duration.ofMinutes(2)).details();
    assertEquals(ORDERS, details.counts().intended());
    assertEquals(ORDERS, details.counts().closed());
    assertTrue(details.openOrders().isEmpty());
    assertEquals(StrategyBook.RECENTLY_CLOSED, details.recentlyClosed().size());
    Path snapshot = newestSnapshotFile();
    var recovered = kit.spawn(StrategyEntity.create("s1", nobody, CATALOG, StrategyTypes.builtIn(),
        EntityTestSupport.runners(nobody), CLOCK));
    long frame = kit.system().settings().config().getBytes("pekko.remote.artery.advanced.maximum-frame-size");
    long snapshotBytes = Files.size(snapshot);
    int replyBytes = serializedSize(new StrategyEntity.Done(details));
    recovered.tell(new StrategyEntity.GetStrategy(replies.ref()));
    assertEquals(details, replies.expectMessageClass(StrategyEntity.Done.class).details());
    System.out.printf("after %,d orders: snapshot %,d bytes, details reply %,d bytes, remoting frame %,d bytes%n",
        ORDERS, snapshotBytes, replyBytes, frame);
    assertTrue(snapshotBytes < LIMIT_BYTES && snapshotBytes < frame, "snapshot is " + snapshotBytes + " bytes");
    assertTrue(replyBytes < LIMIT_BYTES && replyBytes < frame, "details reply is " + replyBytes + " bytes");
  }

  private Path newestSnapshotFile() {
    try (var files = Files.list(snapshotDir)) {
      return files.max(Comparator.comparing(Path::toString, Comparator.comparingLong(
          (String name) -> Long.parseLong(name.split("-")[name.split("-").length - 2])))).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int serializedSize(Object message) {
    Serialization serialization = SerializationExtension.get(Adapter.toClassic(kit.system()));
    byte[] bytes = serialization.serialize(message).get();
    Object back = serialization.deserialize(bytes, serialization.findSerializerFor(message).identifier(),
        org.apache.pekko.serialization.Serializers.manifestFor(serialization.findSerializerFor(message), message)).get();
    assertEquals(message, back);
    return bytes.length;
  }
}
