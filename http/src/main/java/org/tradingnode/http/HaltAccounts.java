package org.tradingnode.http;

import java.time.Duration;
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
 * asked, and asked again 50 ms after each answer, until it reports no runner active and no order open at
 * the venue or on its way there, or until the deadline; each node's latest answer is the account. The
 * answer comes as soon as every node reports all stopped. A node that has not answered (one that just
 * died and is not yet known as unreachable, or one too busy to answer at once) is waited for 350 ms at
 * most: after that, the answer comes once every node that answered reports all stopped, and says the
 * account is not complete. A late answer counts whenever it comes first. Nodes the cluster sees as
 * unreachable are counted, not asked.
 */
final class HaltAccounts {
  private static final Duration SILENT_WAIT = Duration.ofMillis(350);
  private static final long POLL_EVERY_MS = 50;

  private final ActorSystem<?> system;

  HaltAccounts(ActorSystem<?> system) {
    this.system = system;
  }

  /**
   * Gathers until the halt is complete everywhere or {@code deadlineNanos} ({@link System#nanoTime()});
   * with no time left (a deadline now), every node is asked once and the answer waits for all of them or
   * 350 ms.
   */
  CompletionStage<ApiModel.HaltAccountResponse> gather(long startNanos, long deadlineNanos) {
    return witnesses().thenCompose(found -> new Gathering(found, startNanos, deadlineNanos).start());
  }

  /** One request's questions: each node is asked again 50 ms after each answer until it reports all stopped. */
  private final class Gathering {
    private final Witnesses found;
    private final long startNanos;
    private final long deadlineNanos;
    private final Map<Address, HaltWitness.NodeAccount> latest = new ConcurrentHashMap<>();
    private final CompletableFuture<ApiModel.HaltAccountResponse> result = new CompletableFuture<>();

    Gathering(Witnesses found, long startNanos, long deadlineNanos) {
      this.found = found;
      this.startNanos = startNanos;
      this.deadlineNanos = Math.max(deadlineNanos, startNanos);
    }

    CompletionStage<ApiModel.HaltAccountResponse> start() {
      found.reachable().forEach(this::poll);
      long untilLastCall = Math.max(deadlineNanos, startNanos + SILENT_WAIT.toNanos()) - System.nanoTime();
      after(SILENT_WAIT.toNanos() - (System.nanoTime() - startNanos), this::check);
      after(untilLastCall, this::finish);
      check();
      return result;
    }

    private void poll(ActorRef<HaltWitness.Command> witness) {
      Duration patience = Duration.ofNanos(Math.max(SILENT_WAIT.toNanos(), deadlineNanos - System.nanoTime()));
      AskPattern.<HaltWitness.Command, HaltWitness.NodeAccount>ask(witness, HaltWitness.Report::new, patience,
          system.scheduler()).whenComplete((account, error) -> {
            if (account == null || result.isDone()) {
              return;
            }
            latest.put(witness.path().address(), account);
            check();
            if (!stopped(account) && !result.isDone() && !noTimeLeft()) {
              after(TimeUnit.MILLISECONDS.toNanos(POLL_EVERY_MS), () -> poll(witness));
            }
          });
    }

    /**
     * Answers once every node has answered and all is stopped (or no time is left to wait for it), or
     * once a round's wait has passed and every node that answered reports all stopped.
     */
    private synchronized void check() {
      List<HaltWitness.NodeAccount> accounts = accounts();
      boolean allAnswered = accounts.size() == found.reachable().size();
      boolean halted = isHalted(accounts);
      boolean roundWaited = System.nanoTime() - startNanos >= SILENT_WAIT.toNanos();
      if ((allAnswered && (halted || noTimeLeft())) || (halted && roundWaited)) {
        finish();
      }
    }

    /** Answers with the latest accounts: complete when every node asked answered and all is stopped. */
    private synchronized void finish() {
      if (!result.isDone()) {
        List<HaltWitness.NodeAccount> accounts = accounts();
        result.complete(response(found, accounts, isHalted(accounts)
            && accounts.size() == found.reachable().size(), System.nanoTime() - startNanos));
      }
    }

    private List<HaltWitness.NodeAccount> accounts() {
      return found.reachable().stream().map(witness -> latest.get(witness.path().address())).filter(a -> a != null)
          .sorted(Comparator.comparing(HaltWitness.NodeAccount::node)).toList();
    }

    private boolean noTimeLeft() {
      return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_EVERY_MS) > deadlineNanos;
    }

    private void after(long nanos, Runnable action) {
      CompletableFuture.runAsync(action,
          CompletableFuture.delayedExecutor(Math.max(0, nanos), TimeUnit.NANOSECONDS));
    }
  }

  private static boolean stopped(HaltWitness.NodeAccount account) {
    return account.halted() && account.runnersActive() == 0 && account.strategiesHalting() == 0
        && account.ordersInFlight() == 0 && account.connectionsSilent() == 0;
  }

  /**
   * Every node that answered has seen the halt, has no runner active, no strategy still to record it, no
   * order in flight and no connection that has not reported on it.
   */
  private static boolean isHalted(List<HaltWitness.NodeAccount> accounts) {
    return !accounts.isEmpty()
        && accounts.stream().allMatch(HaltAccounts::stopped);
  }

  /** The witnesses the receptionist knows, those on nodes the cluster sees as unreachable set apart. */
  private record Witnesses(List<ActorRef<HaltWitness.Command>> reachable, int unreachable) {}

  private CompletionStage<Witnesses> witnesses() {
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
            replyTo -> Receptionist.find(HaltWitness.KEY, replyTo), SILENT_WAIT, system.scheduler())
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
        accounts.stream().mapToInt(HaltWitness.NodeAccount::strategiesHalting).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::runnersActive).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::cancelsSent).sum(),
        accounts.stream().mapToInt(HaltWitness.NodeAccount::ordersInFlight).sum(), sample,
        accounts.stream().mapToInt(HaltWitness.NodeAccount::connectionsSilent).sum(),
        accounts.stream().map(ApiModel.NodeHaltResponse::of).toList());
  }
}
