package org.tradingnode.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.tradingnode.core.entity.EventTags;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * The machine's own limits, measured inside the bench node (same dispatchers, same journal): a typed
 * tell between two actors, a tell through EntityRefs to 1,000 sharded entities, and a bare
 * EventSourcedBehavior persisting one event per command on 100 entities of the node's durable journal,
 * once untagged and once with one tag per event as the node's entities write them (a tag is a second
 * row in the journal's tag table).
 */
final class Baselines {
  private static final int TELL_WINDOW = 1_000;
  private static final int SHARDED_WINDOW = 5_000;
  private static final int SHARDED_ENTITIES = 1_000;
  private static final int JOURNAL_ENTITIES = 100;

  private Baselines() {}

  static void run(BenchNode node, int runs, Duration window, PartResult result) {
    ClusterSharding.get(node.system()).init(Entity.of(Echo.KEY, ctx -> Echo.behavior()));
    initWriters(node);
    result.note("baseline_tell", "typed tell 1->1, at most " + TELL_WINDOW + " in flight");
    result.note("baseline_sharded_tell", "tell through EntityRefs to " + SHARDED_ENTITIES
        + " sharded entities, at most " + SHARDED_WINDOW + " in flight");
    result.note("baseline_journal", JOURNAL_ENTITIES + " bare EventSourcedBehaviors, one 16-byte event per "
        + "persist, the node's H2 journal (WRITE_DELAY=0)");
    result.note("baseline_journal_tagged", "the same with one tag per event, as the node's entities write");
    tell(node, Duration.ofSeconds(2));
    sharded(node, Duration.ofSeconds(2));
    journal(node, Writer.KEY, Duration.ofSeconds(2));
    journal(node, Writer.TAGGED_KEY, Duration.ofSeconds(2));
    for (int run = 0; run < runs; run++) {
      result.add("baseline_tell_per_s", tell(node, window));
      result.add("baseline_sharded_tell_per_s", sharded(node, window));
      result.add("baseline_journal_events_per_s", journal(node, Writer.KEY, window));
      result.add("baseline_journal_tagged_events_per_s", journal(node, Writer.TAGGED_KEY, window));
    }
  }

  /** Starts the journal writers' sharding in this node (once per node). */
  static void initWriters(BenchNode node) {
    var sharding = ClusterSharding.get(node.system());
    sharding.init(Entity.of(Writer.KEY,
        ctx -> Behaviors.setup(self -> new Writer(Writer.KEY, ctx.getEntityId(), self.getSelf()))));
    sharding.init(Entity.of(Writer.TAGGED_KEY,
        ctx -> Behaviors.setup(self -> new Writer(Writer.TAGGED_KEY, ctx.getEntityId(), self.getSelf()))));
  }

  /** Events per second the writers of the tagged kind persist in {@code window} ({@link #initWriters} first). */
  static double taggedJournal(BenchNode node, Duration window) {
    return journal(node, Writer.TAGGED_KEY, window);
  }

  /** The receiver counts and gives credit back every half window. */
  private static double tell(BenchNode node, Duration window) {
    AtomicLong received = new AtomicLong();
    Semaphore credit = new Semaphore(TELL_WINDOW);
    ActorRef<Long> receiver = node.system().systemActorOf(Behaviors.receive(Long.class).onAnyMessage(m -> {
      if (received.incrementAndGet() % (TELL_WINDOW / 2) == 0) {
        credit.release(TELL_WINDOW / 2);
      }
      return Behaviors.same();
    }).build(), "baseline-receiver-" + System.nanoTime(), Props.empty());
    return flood(window, received, credit, i -> receiver.tell(i));
  }

  private static double sharded(BenchNode node, Duration window) {
    AtomicLong received = Echo.RECEIVED;
    received.set(0);
    Semaphore credit = new Semaphore(SHARDED_WINDOW);
    Echo.credit = credit;
    List<EntityRef<Long>> refs = new ArrayList<>();
    var sharding = ClusterSharding.get(node.system());
    for (int i = 0; i < SHARDED_ENTITIES; i++) {
      refs.add(sharding.entityRefFor(Echo.KEY, "e" + i));
    }
    return flood(window, received, credit, i -> refs.get((int) (i % SHARDED_ENTITIES)).tell(i));
  }

  private interface Sender {
    void send(long i);
  }

  private static double flood(Duration window, AtomicLong received, Semaphore credit, Sender sender) {
    long end = System.nanoTime() + window.toNanos();
    long start = System.nanoTime();
    long startCount = received.get();
    long i = 0;
    while (System.nanoTime() < end) {
      credit.acquireUninterruptibly();
      sender.send(i++);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return (received.get() - startCount) / seconds;
  }

  private static double journal(BenchNode node, EntityTypeKey<Writer.Command> key, Duration window) {
    var sharding = ClusterSharding.get(node.system());
    long before = Writer.PERSISTED.get();
    CountDownLatch done = new CountDownLatch(JOURNAL_ENTITIES);
    long deadline = System.nanoTime() + window.toNanos();
    long start = System.nanoTime();
    for (int i = 0; i < JOURNAL_ENTITIES; i++) {
      sharding.entityRefFor(key, "w" + i).tell(new Writer.WriteUntil(deadline, done));
    }
    try {
      done.await(window.toSeconds() + 30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return (Writer.PERSISTED.get() - before) / seconds;
  }

  /** A sharded entity that counts what it receives. */
  static final class Echo {
    static final EntityTypeKey<Long> KEY = EntityTypeKey.create(Long.class, "BaselineEcho");
    static final AtomicLong RECEIVED = new AtomicLong();
    static volatile Semaphore credit;

    static Behavior<Long> behavior() {
      return Behaviors.receive(Long.class).onAnyMessage(m -> {
        RECEIVED.incrementAndGet();
        credit.release(1);
        return Behaviors.same();
      }).build();
    }
  }

  /**
   * A bare event-sourced entity: one event per persist, the next command sent when it is stored; the
   * tagged kind tags each event like the node's entities do.
   */
  static final class Writer extends EventSourcedBehavior<Writer.Command, Writer.Written, Long> {
    static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "BaselineWriter");
    static final EntityTypeKey<Command> TAGGED_KEY = EntityTypeKey.create(Command.class, "BaselineTaggedWriter");
    static final AtomicLong PERSISTED = new AtomicLong();

    /** Local only: never leaves this JVM. */
    interface Command {}

    record WriteUntil(long deadlineNanos, CountDownLatch done) implements Command {}

    record Written(long at) implements CborSerializable {}

    private final ActorRef<Command> selfRef;
    private final Set<String> tags;

    Writer(EntityTypeKey<Command> key, String id, ActorRef<Command> selfRef) {
      super(PersistenceId.of(key.name(), id));
      this.selfRef = selfRef;
      this.tags = key == TAGGED_KEY ? Set.of(EventTags.tagFor(key.name(), id)) : Set.of();
    }

    @Override
    public Set<String> tagsFor(Written event) {
      return tags;
    }

    @Override
    public Long emptyState() {
      return 0L;
    }

    @Override
    public CommandHandler<Command, Written, Long> commandHandler() {
      return newCommandHandlerBuilder().forAnyState().onCommand(WriteUntil.class, (state, cmd) -> {
        if (System.nanoTime() >= cmd.deadlineNanos()) {
          cmd.done().countDown();
          return Effect().none();
        }
        return Effect().persist(new Written(System.nanoTime())).thenRun(s -> {
          PERSISTED.incrementAndGet();
          selfRef.tell(cmd);
        });
      }).build();
    }

    @Override
    public EventHandler<Long, Written> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((s, e) -> s + 1);
    }
  }
}
