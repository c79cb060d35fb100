package org.tradingnode.core.domain.risk;

/** The answer of the risk engine to one intent. */
public sealed interface RiskDecision {
  /** The intent may go to the venue. */
  record Approved() implements RiskDecision {}

  /** The intent is refused with a reason code and a detail. */
  record Denied(DenyReason reason, String detail) implements RiskDecision {}
}
