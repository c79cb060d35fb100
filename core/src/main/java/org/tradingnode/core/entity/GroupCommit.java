package org.tradingnode.core.entity;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Group commit for an entity that many others write through (an account's risk, its connection).
 * When the entity is idle a command is decided and persisted at once. While a write is in flight the
 * commands that arrive are collected, and when the write completes they are decided in arrival order
 * and persisted together in one atomic write, so throughput follows the journal, not its latency.
 * Collected commands are as durable as a mailbox: until written they are lost with the process, and
 * the senders' retries (re-sent intents, reconciliation) cover them as they cover a lost message.
 *
 * @param <C> the entity's command type
 */
final class GroupCommit<C> {
  private final ActorRef<C> self;
  private final C flush;
  private final List<C> collected = new ArrayList<>();
  private boolean collecting;

  /** {@code flush} is the command the entity answers by calling {@link #drain()} and writing the result. */
  GroupCommit(ActorRef<C> self, C flush) {
    this.self = self;
    this.flush = flush;
  }

  /** True when the command was kept for the next write; false when the entity should decide it now. */
  boolean collect(C command) {
    if (collecting) {
      collected.add(command);
    }
    return collecting;
  }

  /** Call after a write completed: collect until the flush command comes round. */
  void written() {
    if (!collecting) {
      collecting = true;
      self.tell(flush);
    }
  }

  /** The commands collected since the last write, oldest first; stops collecting when there are none. */
  List<C> drain() {
    collecting = false;
    List<C> batch = List.copyOf(collected);
    collected.clear();
    return batch;
  }
}
