package org.tradingnode.core.domain.marketdata;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.tradingnode.core.domain.market.MarketEvent;

/** Combines recorded event streams, e.g. the trades and quotes of one day, into one. */
public final class RecordedMarketData {

  private RecordedMarketData() {}

  /**
   * Interleaves two streams, each already in timestamp order, into one in timestamp order, lazily.
   * The merge is stable: events of one stream keep their order, and on equal timestamps the events
   * of {@code first} come before those of {@code second}.
   */
  public static Iterator<MarketEvent> merge(
      Iterator<? extends MarketEvent> first, Iterator<? extends MarketEvent> second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    return new Iterator<>() {
      private MarketEvent headOfFirst;
      private MarketEvent headOfSecond;

      @Override
      public boolean hasNext() {
        return headOfFirst != null || headOfSecond != null || first.hasNext() || second.hasNext();
      }

      @Override
      public MarketEvent next() {
        if (headOfFirst == null && first.hasNext()) {
          headOfFirst = first.next();
        }
        if (headOfSecond == null && second.hasNext()) {
          headOfSecond = second.next();
        }
        if (headOfFirst == null && headOfSecond == null) {
          throw new NoSuchElementException("both streams are exhausted");
        }
        boolean takeFirst =
            headOfSecond == null
                || (headOfFirst != null && headOfFirst.timestamp() <= headOfSecond.timestamp());
        MarketEvent event = takeFirst ? headOfFirst : headOfSecond;
        if (takeFirst) {
          headOfFirst = null;
        } else {
          headOfSecond = null;
        }
        return event;
      }
    };
  }
}
