package org.tradingnode.core.entity.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.audit.HashChain;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.entity.SafetyCoordinator;

class ChainingEventAdapterTest {
  private static final ActorTestKit KIT = ActorTestKit.create(ConfigFactory.parseResources("serialization.conf")
      .withFallback(ConfigFactory.parseString("pekko.loglevel = WARNING")).withFallback(ConfigFactory.load()));
  private static final Serialization SERIALIZATION = SerializationExtension.get(Adapter.toClassic(KIT.system()));

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void eachEventCarriesThePreviousHashAndItsOwnFromGenesisOn() {
    ChainingEventAdapter<Object> adapter = new ChainingEventAdapter<>(KIT.system());
    ChainedEvent first = (ChainedEvent) adapter.toJournal(event("first"));
    ChainedEvent second = (ChainedEvent) adapter.toJournal(event("second"));

    assertEquals(HashChain.GENESIS, first.previousHash());
    assertEquals(first.hash(), second.previousHash());
    assertTrue(first.verifiesAfter(HashChain.GENESIS));
    assertTrue(second.verifiesAfter(first.hash()));
    assertFalse(second.verifiesAfter(HashChain.GENESIS));
  }

  @Test
  void theStoredFormKeepsTheExactBytesThatWereHashed() {
    ChainedEvent chained = (ChainedEvent) new ChainingEventAdapter<>(KIT.system()).toJournal(event("stored"));

    ChainedEvent read = roundTrip(chained);

    assertEquals(chained.event(), read.event());
    assertArrayEquals(chained.payload(), read.payload());
    assertEquals(chained.hash(), read.hash());
    assertTrue(read.verifiesAfter(HashChain.GENESIS));
  }

  @Test
  void aStoredEventWhoseBytesWereEditedNoLongerVerifies() {
    ChainedEvent chained = (ChainedEvent) new ChainingEventAdapter<>(KIT.system()).toJournal(event("operator"));
    byte[] stored = SERIALIZATION.serialize(chained).get();
    String text = new String(stored, StandardCharsets.ISO_8859_1);
    byte[] edited = text.replace("operator", "operatoX").getBytes(StandardCharsets.ISO_8859_1);

    ChainedEvent read = (ChainedEvent) SERIALIZATION.deserialize(edited, 7301, "E").get();

    assertEquals(event("operatoX"), read.event());
    assertFalse(read.verifiesAfter(HashChain.GENESIS));
  }

  @Test
  void afterRecoveryTheChainContinuesFromTheLastReplayedEvent() {
    ChainingEventAdapter<Object> writer = new ChainingEventAdapter<>(KIT.system());
    ChainedEvent first = (ChainedEvent) writer.toJournal(event("a"));
    ChainedEvent second = (ChainedEvent) writer.toJournal(event("b"));

    ChainingEventAdapter<Object> recovered = new ChainingEventAdapter<>(KIT.system());
    recovered.fromJournal(roundTrip(first), "");
    recovered.fromJournal(roundTrip(second), "");
    recovered.recoveryCompleted();

    assertEquals(second.hash(), ((ChainedEvent) recovered.toJournal(event("c"))).previousHash());
  }

  @Test
  void aSnapshotKeepsTheHeadSoRecoveryFromItContinuesTheChain() {
    ChainingEventAdapter<Object> writer = new ChainingEventAdapter<>(KIT.system());
    ChainedEvent last = (ChainedEvent) writer.toJournal(event("a"));
    SnapshotAdapter<Object> snapshots = writer.snapshots();
    Object stored = snapshots.toJournal(event("state"));
    ChainedSnapshot read = (ChainedSnapshot) readBack(stored);

    ChainingEventAdapter<Object> recovered = new ChainingEventAdapter<>(KIT.system());
    assertEquals(event("state"), recovered.snapshots().fromJournal(read));
    recovered.recoveryCompleted();

    assertEquals(last.hash(), ((ChainedEvent) recovered.toJournal(event("b"))).previousHash());
  }

  @Test
  void anEntityThatRecoveredNothingStartsFromGenesisEvenAfterAFailedWrite() {
    ChainingEventAdapter<Object> adapter = new ChainingEventAdapter<>(KIT.system());
    adapter.toJournal(event("never stored"));
    adapter.recoveryCompleted();

    assertEquals(HashChain.GENESIS, ((ChainedEvent) adapter.toJournal(event("first"))).previousHash());
  }

  @Test
  void eventsStoredBeforeChainingAreReadAsTheyAre() {
    ChainingEventAdapter<Object> adapter = new ChainingEventAdapter<>(KIT.system());

    assertEquals(event("legacy"), adapter.fromJournal(event("legacy"), "").events().head());
    adapter.recoveryCompleted();
    assertEquals(HashChain.GENESIS, ((ChainedEvent) adapter.toJournal(event("next"))).previousHash());
  }

  private static ChainedEvent roundTrip(ChainedEvent chained) {
    return (ChainedEvent) readBack(chained);
  }

  private static Object readBack(Object stored) {
    Serializer serializer = SERIALIZATION.findSerializerFor(stored);
    return SERIALIZATION.deserialize(serializer.toBinary(stored), serializer.identifier(),
        Serializers.manifestFor(serializer, stored)).get();
  }

  private static SafetyCoordinator.ModeChanged event(String reason) {
    return new SafetyCoordinator.ModeChanged(TradingMode.RUNNING, TradingMode.HALTED, reason, 1L);
  }
}
