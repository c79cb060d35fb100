package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;

/**
 * How a strategy sizes its entry orders when it sizes them by value: {@code notional} in the quote
 * asset, set by the parameter {@code parameter}. Creation checks it against each symbol's minimum
 * notional and the account's largest order, so a strategy whose every order would be refused is refused
 * itself.
 */
public record OrderSizing(String parameter, BigDecimal notional) {}
