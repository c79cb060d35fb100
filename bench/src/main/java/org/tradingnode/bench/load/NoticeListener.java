package org.tradingnode.bench.load;

import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.tradingnode.core.entity.NodeNotice;

/**
 * Subscribes to the node's notices and hands each one to the current consumer, on the listener's
 * own actor (so a consumer sees notices one at a time, in the order the event stream delivers them).
 */
final class NoticeListener {
  private volatile Consumer<NodeNotice> consumer = n -> { };

  NoticeListener(ActorSystem<?> system, String name) {
    system.systemActorOf(behavior(), name, Props.empty());
  }

  void onNotice(Consumer<NodeNotice> next) {
    this.consumer = next;
  }

  private Behavior<NodeNotice> behavior() {
    return Behaviors.setup(ctx -> {
      ctx.getSystem().eventStream().tell(new EventStream.Subscribe<>(NodeNotice.class, ctx.getSelf()));
      return Behaviors.receive(NodeNotice.class).onAnyMessage(notice -> {
        consumer.accept(notice);
        return Behaviors.same();
      }).build();
    });
  }
}
