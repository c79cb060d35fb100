package org.tradingnode.persistence.readside;

import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.portfolio.Position;

/**
 * A strategy's position in one symbol as the read side keeps it, with the scale its money is rounded to
 * (the quote tick) and the sequence number of the last event of the strategy applied to it.
 */
public record PositionRow(String account, String strategyId, Position position, int moneyScale, long eventSeq) {

  /** A strategy's position before its first fill in the symbol. */
  public static PositionRow flat(String account, String strategyId, String symbol, int moneyScale) {
    return new PositionRow(account, strategyId, Position.flat(symbol), moneyScale, 0);
  }

  public String symbol() {
    return position.symbol();
  }

  /** The position after the fill of event {@code eventSeq}, computed as the strategy computes it. */
  public PositionRow with(Fill fill, int scale, long seq) {
    return new PositionRow(account, strategyId, position.apply(fill, scale), scale, seq);
  }
}
