package org.tradingnode.core.entity;

import org.tradingnode.core.domain.mode.TradingMode;

/**
 * What an entity remembers of the kill switch on its node: whether it has heard the switch's state yet,
 * the time of the last halt it saw and the time of the last mode that let trading run. Whichever is
 * later wins: a mode that lets trading go on, decided before the last halt, is stale (the coordinator
 * had not heard of the halt yet) and is ignored; a halt from before the last such mode is an old value
 * of the switch (not yet reset on this node) and is ignored too.
 */
final class HaltGuard {
  private boolean known;
  private long haltedAt;
  private long runningSince;

  /** Takes the switch's state; true when it is a halt newer than anything seen, to apply now. */
  boolean isNewHalt(KillSwitch.HaltSignal signal) {
    known = true;
    if (signal.halted() && signal.at() > haltedAt && signal.at() > runningSince) {
      haltedAt = signal.at();
      return true;
    }
    return false;
  }

  /** True once the switch's state was heard on this node. */
  boolean known() {
    return known;
  }

  /** False for a mode other than HALTED that the coordinator decided before the last halt seen here. */
  boolean accepts(TradingMode mode, long since) {
    if (mode == TradingMode.HALTED) {
      return true;
    }
    if (since <= haltedAt) {
      return false;
    }
    runningSince = Math.max(runningSince, since);
    return true;
  }
}
