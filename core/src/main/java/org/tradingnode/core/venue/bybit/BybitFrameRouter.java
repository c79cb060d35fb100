package org.tradingnode.core.venue.bybit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.venue.bybit.BybitBookSync;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.BookUpdate;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.CommandResponse;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Liquidations;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Malformed;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.PublicTrades;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessage.Unknown;
import org.tradingnode.core.domain.venue.bybit.BybitPublicMessages;
import org.tradingnode.core.domain.venue.bybit.BybitTopics;

/**
 * What a {@link BybitMarketStream} does with each frame: decode it, keep the subscribed books in sync,
 * hand normalized events to the consumer, ask for a resync on a gap, and count what it drops. Frames
 * come in one at a time from the stream; the counters may be read from any thread.
 */
final class BybitFrameRouter {
  private static final Logger LOG = LoggerFactory.getLogger(BybitMarketStream.class);
  /** Malformed frames logged as warnings; beyond these, a flood of bad frames is logged at debug only. */
  private static final long MALFORMED_WARNINGS = 10;

  private final Consumer<MarketEvent> consumer;
  private final Consumer<String> resync;
  private final Map<String, BybitBookSync> books = new HashMap<>();
  private final AtomicLong messages = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong unknownTopics = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private final AtomicLong resyncs = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();

  /**
   * @param resync called with an order book topic whose book was lost to a gap; it must lead to a new
   *     snapshot of that topic
   */
  BybitFrameRouter(List<String> topics, Consumer<MarketEvent> consumer, Consumer<String> resync) {
    this.consumer = consumer;
    this.resync = resync;
    topics.stream().filter(BybitTopics::isOrderBook).forEach(topic -> books.put(topic, new BybitBookSync(topic)));
  }

  /** A connection attempt begins: every book waits for the snapshot its subscription brings. */
  void onConnecting() {
    connections.incrementAndGet();
    books.values().forEach(BybitBookSync::reset);
  }

  void onBinaryFrame() {
    messages.incrementAndGet();
    drop("binary frame on a text protocol");
  }

  void onTextFrame(String frame) {
    messages.incrementAndGet();
    BybitPublicMessage message = BybitPublicMessages.parse(frame);
    if (message instanceof BookUpdate update) {
      onBookUpdate(update);
    } else if (message instanceof PublicTrades trades) {
      trades.trades().forEach(consumer);
    } else if (message instanceof Liquidations liquidations) {
      liquidations.liquidations().forEach(consumer);
    } else if (message instanceof CommandResponse response && !response.success()) {
      LOG.warn("Bybit refused {}: {}", response.op(), response.message());
    } else if (message instanceof Unknown unknown) {
      unknownTopics.incrementAndGet();
      LOG.debug("ignored a frame of {}", unknown.topicOrOp());
    } else if (message instanceof Malformed bad) {
      drop(bad.reason());
    }
  }

  BybitStreamStats stats() {
    return new BybitStreamStats(messages.get(), malformed.get(), unknownTopics.get(), gaps.get(), resyncs.get(),
        Math.max(0, connections.get() - 1));
  }

  private void onBookUpdate(BookUpdate update) {
    BybitBookSync sync = books.get(update.topic());
    if (sync == null) {
      unknownTopics.incrementAndGet();
      LOG.debug("ignored an update of the unsubscribed book {}", update.topic());
      return;
    }
    BybitBookSync.Outcome outcome = sync.apply(update);
    if (outcome instanceof BybitBookSync.Applied applied) {
      consumer.accept(applied.delta());
    } else if (outcome instanceof BybitBookSync.GapDetected gap) {
      gaps.incrementAndGet();
      resyncs.incrementAndGet();
      LOG.info("gap in {}: expected update {}, got {}; resubscribing", update.topic(), gap.expectedUpdateId(),
          gap.receivedUpdateId());
      resync.accept(update.topic());
    }
  }

  private void drop(String reason) {
    long dropped = malformed.incrementAndGet();
    if (dropped <= MALFORMED_WARNINGS) {
      LOG.warn("dropped a malformed Bybit frame ({} so far): {}", dropped, reason);
    } else {
      LOG.debug("dropped a malformed Bybit frame ({} so far): {}", dropped, reason);
    }
  }
}
