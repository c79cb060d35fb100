package org.tradingnode.core.entity;

import org.apache.pekko.actor.typed.RecipientRef;

/**
 * How entities reach each other by id. The node implements it with sharding entity refs and the
 * singleton proxy; tests implement it with probes. Entities never learn how sharding is set up.
 */
public interface EntityDirectory {
  RecipientRef<StrategyEntity.Command> strategy(String strategyId);

  RecipientRef<RiskEntity.Command> risk(String account);

  RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId);

  RecipientRef<SymbolEntity.Command> symbol(String symbolId);

  RecipientRef<SafetyCoordinator.Command> coordinator();
}
