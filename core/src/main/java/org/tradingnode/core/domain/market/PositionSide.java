package org.tradingnode.core.domain.market;

/** The direction of a derivatives position: a long gains when the price rises, a short when it falls. */
public enum PositionSide {
  LONG,
  SHORT
}
