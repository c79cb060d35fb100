package org.tradingnode.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * asked, in rounds 50 ms apart, until every node that answers reports no runner active and no order open
 * at the venue or on its way there, or until the deadline; each node's latest answer is the account. A
 * round waits up to 250 ms for the nodes it asks. A node that has not answered by then (one that just
 * died and is not yet known as unreachable, or one too busy to answer at once) does not hold the next
 * rounds back: it is not asked again while its question is open, and its answer counts whenever it comes
 * before the deadline. Until every node asked has answered, the account is not complete. Nodes the
 * cluster sees as unreachable are counted, not asked.
 */
final class HaltAccounts {
  private static final Duration ROUND_WAITS = Duration.ofMillis(250);
  private static final long POLL_EVERY_MS = 50;

  private final ActorSystem<?> system;

  HaltAccounts(ActorSystem<?> system) {
    this.system = system;
  }

  /** Gathers until the halt is complete everywhere or {@code deadlineNanos} ({@link System#nanoTime()}). */
  CompletionStage<ApiModel.HaltAccountResponse> gather(long startNanos, long deadlineNanos) {
    return new Gathering(startNanos, deadlineNanos).round();
  }

  /** One request's rounds: the open question to each node and each node's latest answer. */
  private final class Gathering {
    private final long startNanos;
    private final long deadlineNanos;
    private final Map<Address, HaltWitness.NodeAccount> latest = new ConcurrentHashMap<>();
    private final Map<Address, CompletableFuture<HaltWitness.NodeAccount>> open = new ConcurrentHashMap<>();

    Gathering(long startNanos, long deadlineNanos) {
      this.startNanos = startNanos;
      this.deadlineNanos = deadlineNanos;
    }

    CompletionStage<ApiModel.HaltAccountResponse> round() {
      return witnesses().thenCompose(found -> {
        List<CompletableFuture<HaltWitness.NodeAccount>> asked = new ArrayList<>();
        for (ActorRef<HaltWitness.Command> witness : found.reachable()) {
          Address node = witness.path().address();
          if (!open.containsKey(node)) {
            CompletableFuture<HaltWitness.NodeAccount> question = new CompletableFuture<>();
            open.put(node, question);
            asked.add(question);
            ask(witness).whenComplete((account, error) -> {
              if (account != null) {
                latest.put(node, account);
              }
              open.remove(node);
              question.complete(account);
            });
          }
        }
        CompletableFuture<Object> roundOver = CompletableFuture.anyOf(
            CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)),
            CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(ROUND_WAITS.toMillis(), TimeUnit.MILLISECONDS)));
        return roundOver.thenCompose(over -> next(found));
      });
    }

    private CompletionStage<ApiModel.HaltAccountResponse> next(Witnesses found) {
      List<HaltWitness.NodeAccount> accounts = found.reachable().stream()
          .map(witness -> latest.get(witness.path().address())).filter(a -> a != null)
          .sorted(Comparator.comparing(HaltWitness.NodeAccount::node)).toList();
      boolean halted = isHalted(accounts);
      boolean complete = halted && accounts.size() == found.reachable().size();
      long now = System.nanoTime();
      if (halted || now + TimeUnit.MILLISECONDS.toNanos(POLL_EVERY_MS) > deadlineNanos) {
        return CompletableFuture.completedFuture(
            response(found, accounts, complete, now - startNanos));
      }
      return CompletableFuture.supplyAsync(() -> null,
              CompletableFuture.delayedExecutor(POLL_EVERY_MS, TimeUnit.MILLISECONDS))
          .thenCompose(ignored -> round());
    }

    private CompletableFuture<HaltWitness.NodeAccount> ask(ActorRef<HaltWitness.Command> witness) {
      Duration patience = Duration.ofNanos(Math.max(ROUND_WAITS.toNanos(), deadlineNanos - System.nanoTime()));
      return AskPattern.<HaltWitness.Command, HaltWitness.NodeAccount>ask(witness, HaltWitness.Report::new,
          patience, system.scheduler()).toCompletableFuture();
    }
  }

  /** Every node that answered has seen the halt, has no runner active and no order in flight. */
  private static boolean isHalted(List<HaltWitness.NodeAccount> accounts) {
    return !accounts.isEmpty()
        && accounts.stream().allMatch(a -> a.halted() && a.runnersActive() == 0 && a.ordersInFlight() == 0);
  }

  /** The witnesses the receptionist knows, those on nodes the cluster sees as unreachable set apart. */
  private record Witnesses(List<ActorRef<HaltWitness.Command>> reachable, int unreachable) {}

  private CompletionStage<Witnesses> witnesses() {
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
            replyTo -> Receptionist.find(HaltWitness.KEY, replyTo), ROUND_WAITS, system.scheduler())
        .thenApply(listing -> {
          Set<Address> unreachable = unreachable();
          List<ActorRef<HaltWitness.Command>> reachable = listing.getServiceInstances(HaltWitness.KEY).stream()
              .filter(w -> !unreachable.contains(w.path().address())).toList();
          return new Witnesses(reachable, listing.getServiceInstances(HaltWitness.KEY).size() - reachable.size());
        })
        .exceptionally(e -> new Witnesses(List.of(), 0));
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

  private static ApiModel.HaltAccountResponse response(Witnesses found, List<HaltWitness.NodeAccount> accounts,
      boolean complete, long elapsedNanos) {
    List<String> sample = accounts.stream().flatMap(a -> a.ordersInFlightSample().stream()).limit(20).toList();
    return new ApiModel.HaltAccountResponse(complete, TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
        found.reachable().size(), accounts.size(), found.unreachable(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::strategiesHalted).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::runnersActive).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::cancelsSent).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::ordersInFlight).sum(), sample,
        accounts.stream().map(ApiModel.NodeHaltResponse::of).toList());
  }
}
