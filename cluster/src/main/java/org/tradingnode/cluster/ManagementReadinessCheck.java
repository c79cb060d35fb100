package org.tradingnode.cluster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.tradingnode.http.Readiness;

/**
 * The node's readiness (see {@link NodeReadiness}) as a Pekko Management readiness check, so that
 * {@code GET /ready} on the management port answers 200 only when the control API's {@code /ready}
 * would. Until the guardian has registered the node's checks it reports not ready.
 */
public final class ManagementReadinessCheck implements Supplier<CompletionStage<Boolean>> {
  private final Registration registration;

  /** Instantiated by Pekko Management with the node's actor system. */
  public ManagementReadinessCheck(org.apache.pekko.actor.ActorSystem system) {
    this.registration = Adapter.toTyped(system).registerExtension(Registration.ID);
  }

  @Override
  public CompletionStage<Boolean> get() {
    Readiness readiness = registration.readiness.get();
    if (readiness == null) {
      return CompletableFuture.completedFuture(false);
    }
    return readiness.check().thenApply(checks -> checks.values().stream().allMatch(Boolean::booleanValue));
  }

  /** Where the guardian leaves the node's readiness checks for the management endpoint. */
  static void register(ActorSystem<?> system, Readiness readiness) {
    system.registerExtension(Registration.ID).readiness.set(readiness);
  }

  /** The node's readiness checks, one per actor system. */
  static final class Registration implements Extension {
    static final ExtensionId<Registration> ID = new ExtensionId<>() {
      @Override
      public Registration createExtension(ActorSystem<?> system) {
        return new Registration();
      }
    };

    private final AtomicReference<Readiness> readiness = new AtomicReference<>();
  }
}
