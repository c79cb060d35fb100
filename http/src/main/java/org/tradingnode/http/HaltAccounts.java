package org.tradingnode.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterActorRefProvider;
import org.apache.pekko.cluster.typed.Cluster;
import org.tradingnode.core.entity.HaltWitness;

/**
 * The emergency stop's account from the entities themselves: every reachable node's {@link HaltWitness} is
 * asked (each answer awaited 250 ms), again every 50 ms, until every node that answers reports no runner
 * active and no order open at the venue or on its way there, or until the deadline; the last answers are
 * the account. A node that does not answer a round (one that just died and is not yet known as
 * unreachable) is not asked again and does not hold the answer back: it is counted as asked and not
 * answered, and the account is then not complete. Nodes the cluster sees as unreachable are counted, not
 * asked.
 */
final class HaltAccounts {
  private static final Duration ASK_WITHIN = Duration.ofMillis(250);
  private static final long POLL_EVERY_MS = 50;

  private final ActorSystem<?> system;

  HaltAccounts(ActorSystem<?> system) {
    this.system = system;
  }

  /** Gathers until the halt is complete everywhere or {@code deadlineNanos} ({@link System#nanoTime()}). */
  CompletionStage<ApiModel.HaltAccountResponse> gather(long startNanos, long deadlineNanos) {
    return gather(startNanos, deadlineNanos, ConcurrentHashMap.newKeySet());
  }

  /** One round, and the next unless done; a node silent in a round ({@code silent}) is not asked again. */
  private CompletionStage<ApiModel.HaltAccountResponse> gather(long startNanos, long deadlineNanos,
      Set<Address> silent) {
    return askAll(silent).thenCompose(accounts -> {
      boolean halted = isHalted(accounts);
      boolean complete = halted && accounts.accounts().size() == accounts.asked();
      long now = System.nanoTime();
      if (halted || now + TimeUnit.MILLISECONDS.toNanos(POLL_EVERY_MS) + ASK_WITHIN.toNanos() > deadlineNanos) {
        return CompletableFuture.completedFuture(response(accounts, complete, now - startNanos));
      }
      return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(POLL_EVERY_MS, TimeUnit.MILLISECONDS))
          .thenCompose(ignored -> gather(startNanos, deadlineNanos, silent));
    });
  }

  /** Every node that answered has seen the halt, has no runner active and no order in flight. */
  private static boolean isHalted(Answers answers) {
    return !answers.accounts().isEmpty()
        && answers.accounts().stream().allMatch(a -> a.halted() && a.runnersActive() == 0 && a.ordersInFlight() == 0);
  }

  private record Answers(int asked, int unreachable, List<HaltWitness.NodeAccount> accounts) {}

  private CompletionStage<Answers> askAll(Set<Address> silent) {
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
            replyTo -> Receptionist.find(HaltWitness.KEY, replyTo), ASK_WITHIN, system.scheduler())
        .thenCompose(listing -> {
          Set<Address> unreachable = unreachable();
          List<ActorRef<HaltWitness.Command>> witnesses = listing.getServiceInstances(HaltWitness.KEY).stream()
              .filter(w -> !unreachable.contains(w.path().address())).toList();
          int notAsked = listing.getServiceInstances(HaltWitness.KEY).size() - witnesses.size();
          List<CompletableFuture<HaltWitness.NodeAccount>> asks = new ArrayList<>();
          for (ActorRef<HaltWitness.Command> witness : witnesses) {
            Address node = witness.path().address();
            asks.add(silent.contains(node) ? CompletableFuture.completedFuture(null)
                : AskPattern.<HaltWitness.Command, HaltWitness.NodeAccount>ask(witness, HaltWitness.Report::new,
                    ASK_WITHIN, system.scheduler()).toCompletableFuture().exceptionally(e -> {
                      silent.add(node);
                      return null;
                    }));
          }
          return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(done -> new Answers(
              witnesses.size(), notAsked, asks.stream().map(CompletableFuture::join).filter(a -> a != null)
                  .sorted(Comparator.comparing(HaltWitness.NodeAccount::node)).toList()));
        })
        .exceptionally(e -> new Answers(0, 0, List.of()));
  }

  /** The addresses of the members this node sees as unreachable (none outside a cluster). */
  private Set<Address> unreachable() {
    if (!(system.classicSystem() instanceof ExtendedActorSystem classic
        && classic.provider() instanceof ClusterActorRefProvider)) {
      return Set.of();
    }
    Set<Address> addresses = new HashSet<>();
    Cluster.get(system).state().getUnreachable().forEach(member -> addresses.add(member.address()));
    return addresses;
  }

  private static ApiModel.HaltAccountResponse response(Answers answers, boolean complete, long elapsedNanos) {
    List<HaltWitness.NodeAccount> accounts = answers.accounts();
    List<String> sample = accounts.stream().flatMap(a -> a.ordersInFlightSample().stream()).limit(20).toList();
    return new ApiModel.HaltAccountResponse(complete, TimeUnit.NANOSECONDS.toMillis(elapsedNanos), answers.asked(),
        accounts.size(), answers.unreachable(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::strategiesHalted).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::runnersActive).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::cancelsSent).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::ordersInFlight).sum(), sample,
        accounts.stream().map(ApiModel.NodeHaltResponse::of).toList());
  }
}
