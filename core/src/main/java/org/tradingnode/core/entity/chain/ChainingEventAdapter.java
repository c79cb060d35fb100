package org.tradingnode.core.entity.chain;

import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.typed.EventAdapter;
import org.apache.pekko.persistence.typed.EventSeq;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.tradingnode.core.domain.audit.HashChain;

/**
 * Chains the events of one entity instance: each event goes to the journal as a {@link ChainedEvent}
 * carrying the previous event's hash and its own. The head of the chain is learnt back from the
 * events and snapshot replayed at recovery; the entity calls {@link #recoveryCompleted()} from its
 * {@code RecoveryCompleted} signal so that an entity whose writes all failed starts again from
 * genesis. Events stored before chaining existed are read as they are and do not move the chain.
 */
public final class ChainingEventAdapter<E> extends EventAdapter<E, Object> {
  private final Serialization serialization;
  private String head = HashChain.GENESIS;
  private String recoveredHead;

  public ChainingEventAdapter(ActorSystem<?> system) {
    this.serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  @Override
  public Object toJournal(E event) {
    Serializer serializer = serialization.findSerializerFor(event);
    byte[] payload = serializer.toBinary(event);
    String manifest = Serializers.manifestFor(serializer, event);
    String hash = HashChain.next(head, manifest, payload);
    ChainedEvent chained = new ChainedEvent(head, hash, event, serializer.identifier(), manifest, payload);
    head = hash;
    return chained;
  }

  @Override
  public String manifest(E event) {
    return "";
  }

  @Override
  @SuppressWarnings("unchecked")
  public EventSeq<E> fromJournal(Object stored, String manifest) {
    if (stored instanceof ChainedEvent chained) {
      recoveredHead = chained.hash();
      return EventSeq.single((E) chained.event());
    }
    return EventSeq.single((E) stored);
  }

  /** Call once recovery is over: the chain continues from the last event or snapshot replayed. */
  public void recoveryCompleted() {
    head = recoveredHead == null ? HashChain.GENESIS : recoveredHead;
    recoveredHead = null;
  }

  /** The snapshot adapter that keeps this chain's head with the entity's state. */
  public <S> SnapshotAdapter<S> snapshots() {
    return snapshots(UnaryOperator.identity());
  }

  /** As {@link #snapshots()}, storing {@code copyForSnapshot} of a state that changes in place. */
  public <S> SnapshotAdapter<S> snapshots(UnaryOperator<S> copyForSnapshot) {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(S state) {
        return new ChainedSnapshot(copyForSnapshot.apply(state), head);
      }

      @Override
      @SuppressWarnings("unchecked")
      public S fromJournal(Object stored) {
        if (stored instanceof ChainedSnapshot snapshot) {
          recoveredHead = snapshot.headHash();
          return (S) snapshot.state();
        }
        return (S) stored;
      }
    };
  }
}
