package org.tradingnode.http;

import org.tradingnode.core.domain.account.DeclaredAccounts;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.strategy.StrategyTypes;

/**
 * What the node offers to trade with: the strategy types (with their parameters), the instruments of
 * each exchange and the accounts its config declares. The API checks a new strategy against it before
 * any entity sees the request, and lists it for whoever writes one.
 */
public record NodeCatalog(StrategyTypes types, InstrumentCatalog instruments, DeclaredAccounts accounts) {}
