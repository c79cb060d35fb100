package org.tradingnode.core.domain.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradingnode.core.domain.strategy.ConfigProblem;

/**
 * The accounts the node may trade on, as its config declares them: paper accounts with their starting
 * balances, and the venue account whose keys the venue's settings hold. A strategy names one of them;
 * an account nobody declared is refused, so a typo never opens a funded paper account and one venue
 * account never sits under two names with two sets of risk limits.
 */
public record DeclaredAccounts(List<Declared> accounts) {

  /** One account: {@code exchange:account} is its connection; a paper account starts with {@code startingBalances}. */
  public record Declared(String exchange, String account, Map<String, BigDecimal> startingBalances) {
    public Declared {
      startingBalances = Map.copyOf(startingBalances);
    }

    public String connectionId() {
      return exchange + ":" + account;
    }
  }

  public DeclaredAccounts {
    accounts = List.copyOf(accounts);
  }

  public Optional<Declared> find(String exchange, String account) {
    return accounts.stream().filter(a -> a.exchange().equals(exchange) && a.account().equals(account)).findFirst();
  }

  /** The starting balances of a declared paper account; none for any other connection. */
  public Map<String, BigDecimal> startingBalances(String connectionId) {
    return accounts.stream().filter(a -> a.connectionId().equals(connectionId)).findFirst()
        .map(Declared::startingBalances).orElse(Map.of());
  }

  /** Why a strategy cannot trade on {@code account} at {@code exchange}; empty when the account is declared there. */
  public Optional<ConfigProblem> problemWith(String exchange, String account) {
    if (find(exchange, account).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new ConfigProblem("account", "account '" + account + "' is not declared on " + exchange
        + "; declared accounts: " + accounts.stream().map(Declared::connectionId).sorted().toList()));
  }
}
