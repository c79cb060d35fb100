package org.tradingnode.core.entity;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.RecipientRef;

/** An entity directory whose every entity type is one test probe, to see what an entity sends where. */
final class ProbeDirectory implements EntityDirectory {
  final TestProbe<StrategyEntity.Command> strategies;
  final TestProbe<RiskEntity.Command> risk;
  final TestProbe<ExchangeConnectionEntity.Command> connections;
  final TestProbe<SymbolEntity.Command> symbols;
  final TestProbe<SafetyCoordinator.Command> coordinator;

  ProbeDirectory(ActorTestKit kit) {
    strategies = kit.createTestProbe();
    risk = kit.createTestProbe();
    connections = kit.createTestProbe();
    symbols = kit.createTestProbe();
    coordinator = kit.createTestProbe();
  }

  @Override
  public RecipientRef<StrategyEntity.Command> strategy(String strategyId) {
    return strategies.ref();
  }

  @Override
  public RecipientRef<RiskEntity.Command> risk(String account) {
    return risk.ref();
  }

  @Override
  public RecipientRef<ExchangeConnectionEntity.Command> connection(String connectionId) {
    return connections.ref();
  }

  @Override
  public RecipientRef<SymbolEntity.Command> symbol(String symbolId) {
    return symbols.ref();
  }

  @Override
  public RecipientRef<SafetyCoordinator.Command> coordinator() {
    return coordinator.ref();
  }
}
