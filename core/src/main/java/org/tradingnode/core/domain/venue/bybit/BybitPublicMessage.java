package org.tradingnode.core.domain.venue.bybit;

import java.util.List;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.Liquidation;
import org.tradingnode.core.domain.market.Trade;

/**
 * One text frame of a Bybit v5 public WebSocket, decoded by {@link BybitPublicMessages}. Market data
 * arrives already normalized; a frame that cannot be read becomes {@link Malformed} and a topic or
 * operation this node does not read becomes {@link Unknown}, so decoding never throws.
 */
public sealed interface BybitPublicMessage {

  /**
   * An {@code orderbook.{depth}.{symbol}} snapshot or delta. The delta's first and last update id are
   * both Bybit's {@code u}; {@code crossSequence} is Bybit's {@code seq}, comparable across depths.
   */
  record BookUpdate(String topic, BookDelta delta, long crossSequence) implements BybitPublicMessage {
    /** Bybit's update id {@code u}: consecutive per topic, 1 after a service restart. */
    public long updateId() {
      return delta.lastUpdateId();
    }
  }

  /** A {@code publicTrade.{symbol}} push: one or more trades, oldest first. */
  record PublicTrades(String topic, List<Trade> trades) implements BybitPublicMessage {
    public PublicTrades {
      trades = List.copyOf(trades);
    }
  }

  /** An {@code allLiquidation.{symbol}} push: the liquidations of the last push interval. */
  record Liquidations(String topic, List<Liquidation> liquidations) implements BybitPublicMessage {
    public Liquidations {
      liquidations = List.copyOf(liquidations);
    }
  }

  /** The venue's answer to a {@code subscribe}, {@code unsubscribe} or {@code auth} request. */
  record CommandResponse(String op, boolean success, String message) implements BybitPublicMessage {}

  /** The venue's answer to a {@code ping}. */
  enum Pong implements BybitPublicMessage { INSTANCE }

  /** Well-formed JSON for a topic or operation this node does not read. */
  record Unknown(String topicOrOp) implements BybitPublicMessage {}

  /** A frame that is not valid JSON or lacks a field, or carries one of the wrong type. */
  record Malformed(String reason) implements BybitPublicMessage {}
}
