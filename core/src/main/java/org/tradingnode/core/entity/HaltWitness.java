package org.tradingnode.core.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * What this node's entities did about the current halt, as they reported it after the fact
 * ({@link NodeNotice}): runners still active, strategies that recorded the halt and those whose runner
 * ran into it but whose record is still being written, cancels sent, the orders its connections still
 * have open at the venue or on the way there, and the connections that have not reported on the halt yet.
 * One per node, found through the receptionist, so the emergency stop can answer with the entities' own
 * account from every node.
 */
public final class HaltWitness {
  /** The witnesses of all nodes. */
  public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "halt-witness");
  /** The dispatcher of its own it runs on in a node, so that it answers while the node is busiest. */
  public static final String DISPATCHER = "trading.control-dispatcher";
  private static final int SAMPLE = 20;

  private HaltWitness() {}

  /** Messages the witness takes: {@link Report} from any node, the others from this node only. */
  public sealed interface Command {}

  /** Ask what this node has seen of the current halt; sent from any node, so it crosses the wire. */
  public record Report(ActorRef<NodeAccount> replyTo) implements Command, CborSerializable {}

  private record Noticed(NodeNotice notice) implements Command {}

  private record Switched(KillSwitch.HaltSignal signal) implements Command {}

  /**
   * One node's account of the halt at {@code haltAt} (0 when this node has seen no halt): the strategies
   * that recorded it, those whose runner ran when it came (or stopped after it was decided) and that have
   * not recorded it yet, the runners still active, the cancels its connections sent, the orders they
   * still have open or in flight, with the oldest few, and how many of its connections have not reported on
   * the halt yet (until one has, what it holds open is unknown).
   */
  public record NodeAccount(String node, boolean halted, long haltAt, int strategiesHalted, int strategiesHalting,
      int runnersActive, int cancelsSent, int ordersInFlight, List<String> ordersInFlightSample,
      int connectionsSilent) implements CborSerializable {
    public NodeAccount {
      ordersInFlightSample = List.copyOf(ordersInFlightSample);
    }
  }

  /** A witness registered with the receptionist, listening to this node's notices and kill switch. */
  public static Behavior<Command> create() {
    return Behaviors.setup(context -> {
      context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
      // Only the notices it counts: the per-order ones travel on the hot path and are none of its business.
      ActorRef<NodeNotice> notices = context.messageAdapter(NodeNotice.class, Noticed::new);
      for (Class<? extends NodeNotice> counted : List.of(NodeNotice.RunnerStarted.class,
          NodeNotice.RunnerStopped.class, NodeNotice.StrategyHalted.class, NodeNotice.OrdersInFlight.class,
          NodeNotice.ConnectionUp.class, NodeNotice.ConnectionDown.class)) {
        subscribe(context.getSystem(), counted, notices);
      }
      var address = context.getSystem().address();
      String node = address.getHost().isPresent() ? address.getHost().get() + ":" + address.getPort().orElse(0)
          : address.toString();
      return KillSwitch.watched(Switched::new, new Tally(node).behavior());
    });
  }

  private static <N extends NodeNotice> void subscribe(ActorSystem<?> system, Class<N> type,
      ActorRef<NodeNotice> notices) {
    system.eventStream().tell(new EventStream.Subscribe<>(type, notices.narrow()));
  }

  /**
   * The counts of the halt in force: from the first halt heard of (from the switch, or from an entity that
   * applied it first, or from the coordinator's own record of it, a little later) until it is lifted; a
   * notice about a halt lifted since is dropped.
   */
  private static final class Tally {
    private final String node;
    private final Set<String> activeRunners = new HashSet<>();
    private final Set<String> haltedStrategies = new HashSet<>();
    /** Strategies whose runner ran into the halt in force: each is to record it. */
    private final Set<String> haltingStrategies = new HashSet<>();
    /** When each strategy's runner last stopped (this node's clock), while it is not running again. */
    private final Map<String, Long> stoppedAt = new HashMap<>();
    private final Map<String, NodeNotice.OrdersInFlight> connections = new HashMap<>();
    private final Set<String> connectionsUp = new HashSet<>();
    private long haltAt;
    private long liftedAt;

    Tally(String node) {
      this.node = node;
    }

    Behavior<Command> behavior() {
      return Behaviors.receiveMessage(message -> {
        if (message instanceof Noticed n) {
          notice(n.notice());
        } else if (message instanceof Switched s) {
          switched(s.signal());
        } else if (message instanceof Report r) {
          r.replyTo().tell(account());
        }
        return Behaviors.same();
      });
    }

    private void notice(NodeNotice notice) {
      if (notice instanceof NodeNotice.RunnerStarted started) {
        activeRunners.add(started.strategyId());
        stoppedAt.remove(started.strategyId());
      } else if (notice instanceof NodeNotice.RunnerStopped stopped) {
        activeRunners.remove(stopped.strategyId());
        long now = System.currentTimeMillis();
        stoppedAt.put(stopped.strategyId(), now);
        if (haltAt > 0 && now >= haltAt) {
          haltingStrategies.add(stopped.strategyId());
        }
      } else if (notice instanceof NodeNotice.StrategyHalted halted && concerns(halted.haltAt())) {
        haltedStrategies.add(halted.strategyId());
      } else if (notice instanceof NodeNotice.OrdersInFlight orders && concerns(orders.haltAt())) {
        connections.put(orders.connectionId(), orders);
      } else if (notice instanceof NodeNotice.ConnectionUp up) {
        connectionsUp.add(up.connectionId());
      } else if (notice instanceof NodeNotice.ConnectionDown down) {
        connectionsUp.remove(down.connectionId());
        connections.remove(down.connectionId());
      }
    }

    /**
     * True when the notice is about the halt in force; the earliest time it was decided is kept, and the
     * strategies whose runner ran then (or stopped since) are to record it.
     */
    private boolean concerns(long at) {
      if (at <= liftedAt) {
        return false;
      }
      long known = haltAt;
      haltAt = haltAt == 0 ? at : Math.min(haltAt, at);
      if (haltAt != known) {
        haltingStrategies.addAll(activeRunners);
        stoppedAt.forEach((strategy, stopped) -> {
          if (stopped >= haltAt) {
            haltingStrategies.add(strategy);
          }
        });
      }
      return true;
    }

    private void switched(KillSwitch.HaltSignal signal) {
      if (signal.halted()) {
        concerns(signal.at());
      } else if (signal.at() > liftedAt && signal != KillSwitch.HaltSignal.NEVER_SET) {
        liftedAt = signal.at();
        haltAt = 0;
        haltedStrategies.clear();
        haltingStrategies.clear();
        connections.clear();
      }
    }

    private NodeAccount account() {
      int orders = 0;
      int cancels = 0;
      List<String> sample = new ArrayList<>();
      for (NodeNotice.OrdersInFlight connection : connections.values()) {
        orders += connection.count();
        cancels += connection.cancelsSent();
        connection.oldest().stream().limit(Math.max(0, SAMPLE - sample.size())).forEach(sample::add);
      }
      int halting = (int) haltingStrategies.stream().filter(s -> !haltedStrategies.contains(s)).count();
      int silent = (int) connectionsUp.stream().filter(c -> !connections.containsKey(c)).count();
      return new NodeAccount(node, haltAt > 0, haltAt, haltedStrategies.size(), halting, activeRunners.size(),
          cancels, orders, sample, silent);
    }
  }
}
