package org.tradingnode.core.entity;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterActorRefProvider;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWRegister;
import org.apache.pekko.cluster.ddata.LWWRegisterKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * The emergency stop that needs no singleton: a halt written to Distributed Data on the node that
 * received it and sent from there to every other node, which every strategy, risk and connection entity watches and applies
 * on its own node at once. The safety coordinator watches it too and persists the halt, staying the
 * authority for resuming: it resets the switch before it tells anyone to run again. An entity ignores a
 * mode that lets trading run when it was decided before the last halt it saw.
 */
public final class KillSwitch {
  /** The one register of the cluster. */
  static final Key<LWWRegister<HaltSignal>> KEY = LWWRegisterKey.create("emergency-stop");
  private static final Duration WRITE_ALL_WITHIN = Duration.ofMillis(200);

  private KillSwitch() {}

  /** The state of the switch: halted or not, why, and when (epoch ms) it was last set. */
  public record HaltSignal(boolean halted, String reason, long at) implements CborSerializable {
    /** What an entity assumes while the switch was never set. */
    public static final HaltSignal NEVER_SET = new HaltSignal(false, "never set", 0L);
  }

  /**
   * Sets the switch: on this node at once, and sent to every other node directly; completes when all
   * have it or after 200 ms, whichever comes first (an unreachable node gets it by gossip when it is
   * back).
   */
  public static CompletionStage<HaltSignal> trip(ActorSystem<?> system, String reason, long at) {
    return write(system, new HaltSignal(true, reason, at));
  }

  /** Clears the switch: the coordinator does it when it resumes, before it tells anyone to run. */
  public static CompletionStage<HaltSignal> reset(ActorSystem<?> system, String reason, long at) {
    return write(system, new HaltSignal(false, reason, at));
  }

  private static CompletionStage<HaltSignal> write(ActorSystem<?> system, HaltSignal signal) {
    SelfUniqueAddress node = DistributedData.get(system).selfUniqueAddress();
    ActorRef<Replicator.Command> replicator = DistributedData.get(system).replicator();
    CompletionStage<HaltSignal> written = AskPattern.<Replicator.Command,
            Replicator.UpdateResponse<LWWRegister<HaltSignal>>>ask(replicator,
            replyTo -> new Replicator.Update<>(KEY, LWWRegister.create(node, signal),
                new Replicator.WriteAll(WRITE_ALL_WITHIN), replyTo,
                register -> register.withValue(node, signal, LWWRegister.defaultClock())),
            WRITE_ALL_WITHIN.plusSeconds(2), system.scheduler())
        .thenApply(response -> signal);
    // The update is applied locally when the replicator takes it; this node's entities hear of it at once
    // instead of at the replicator's next notification tick.
    replicator.tell(Replicator.flushChanges());
    return written;
  }

  /**
   * The behavior, told the switch's state once when it starts (as this node's replica holds it, or
   * {@link HaltSignal#NEVER_SET}) and again on every change. In an actor system that is not a cluster
   * node there is no switch: it is told {@link HaltSignal#NEVER_SET} once.
   */
  public static <C> Behavior<C> watched(Function<HaltSignal, C> told, Behavior<C> behavior) {
    return Behaviors.setup(context -> {
      if (!(Adapter.toClassic(context.getSystem()) instanceof ExtendedActorSystem classic
          && classic.provider() instanceof ClusterActorRefProvider)) {
        context.getSelf().tell(told.apply(HaltSignal.NEVER_SET));
        return behavior;
      }
      return watchedInCluster(told, behavior);
    });
  }

  private static <C> Behavior<C> watchedInCluster(Function<HaltSignal, C> told, Behavior<C> behavior) {
    return DistributedData.<C, LWWRegister<HaltSignal>>withReplicatorMessageAdapter(replicator -> {
      replicator.askGet(replyTo -> new Replicator.Get<>(KEY, Replicator.readLocal(), replyTo),
          response -> told.apply(response instanceof Replicator.GetSuccess<LWWRegister<HaltSignal>> found
              ? found.get(KEY).getValue() : HaltSignal.NEVER_SET));
      replicator.subscribe(KEY, response -> told.apply(
          response instanceof Replicator.Changed<LWWRegister<HaltSignal>> changed ? changed.get(KEY).getValue()
              : HaltSignal.NEVER_SET));
      return behavior;
    });
  }
}
