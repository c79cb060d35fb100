package org.tradingnode.persistence.readside;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.persistence.query.Offset;

/**
 * The tables of the read side with the offset of each tag the projection reads. Implementations:
 * H2 in the embedded journal's database, Cassandra in the node's keyspace.
 */
public interface ReadSideStore extends ReadSideQueries {

  /**
   * Lets {@code changes} read and write the rows, then stores {@code offset} as the tag's offset
   * ({@code Offset.noOffset()} forgets it: the tag is read again from its first event). The offset is
   * stored only after the changes, so a crash in between replays events: the projection skips what a
   * row already holds.
   */
  CompletionStage<Done> update(String tag, Offset offset, Consumer<ReadSideRows> changes);
}
