package org.tradingnode.cluster;

import org.apache.pekko.actor.typed.RecipientRef;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.core.entity.SafetyCoordinator;
import org.tradingnode.core.entity.StrategyEntity;
import org.tradingnode.core.entity.SymbolEntity;

/**
 * A directory in front of another that passes every entity through unchanged but the symbols, whose
 * commands the subclass handles first: the market feeds' directory that records what they publish
 * ({@link RecordingDirectory}).
 */
abstract class ForwardingDirectory implements EntityDirectory {
  private final EntityDirectory entities;

  ForwardingDirectory(EntityDirectory entities) {
    this.entities = entities;
  }

  /** The recipient the feeds tell for the symbol entity {@code symbolId}, which {@code entity} reaches. */
  abstract RecipientRef<SymbolEntity.Command> symbol(String symbolId, RecipientRef<SymbolEntity.Command> entity);

  @Override
  public final RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
    return symbol(symbolId, entities.symbol(symbolId));
  }

  @Override
  public final RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
    return entities.strategy(strategyId);
  }

  @Override
  public final RecipientRef<RiskEntity.Command> risk(String account) {
    return entities.risk(account);
  }

  @Override
  public final RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
    return entities.connection(connectionId);
  }

  @Override
  public final RecipientRef<SafetyCoordinator.Command> coordinator() {
    return entities.coordinator();
  }
}
