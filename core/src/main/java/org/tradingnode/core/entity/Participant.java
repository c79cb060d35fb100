package org.tradingnode.core.entity;

import org.tradingnode.core.serialization.CborSerializable;

/** An entity that must hear every trading-mode change. */
public record Participant(Kind kind, String id) implements CborSerializable {
  /** The entity types the coordinator pushes the mode to. */
  public enum Kind { STRATEGY, RISK, CONNECTION }
}
