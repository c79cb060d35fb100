package org.tradingnode.core.entity;

import java.util.List;
import java.util.Optional;
import org.tradingnode.core.domain.portfolio.Position;

/** When an operator may delete a strategy. */
final class StrategyLifecycle {
  private StrategyLifecycle() {}

  /** Why the strategy cannot be deleted now (running, orders open, a position held); empty when it can. */
  static Optional<String> whyNotDeletable(StrategyEntity.DefinedStrategy state) {
    String id = state.config().id();
    if (state.status() == StrategyStatus.RUNNING) {
      return Optional.of("strategy " + id + " is running; stop it first");
    }
    if (!state.book().openOrders().isEmpty()) {
      return Optional.of("strategy " + id + " has " + state.book().openOrders().size()
          + " open orders; wait until its stop has canceled them");
    }
    List<Position> held = state.book().positions().values().stream().filter(p -> !p.isFlat()).toList();
    if (!held.isEmpty()) {
      return Optional.of("strategy " + id + " holds " + held.stream()
          .map(p -> p.quantity().stripTrailingZeros().toPlainString() + " " + p.symbol()).toList()
          + "; flatten it first (POST .../flatten)");
    }
    return Optional.empty();
  }
}
