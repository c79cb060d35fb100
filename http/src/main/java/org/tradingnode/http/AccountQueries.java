package org.tradingnode.http;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.tradingnode.core.domain.account.AccountValuation;
import org.tradingnode.core.domain.account.DeclaredAccounts;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.portfolio.Position;
import org.tradingnode.core.domain.risk.AccountExposure;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.entity.EntityDirectory;
import org.tradingnode.core.entity.ExchangeConnectionEntity;
import org.tradingnode.core.entity.RiskEntity;
import org.tradingnode.persistence.readside.PositionRow;
import org.tradingnode.persistence.readside.ReadSideQueries;

/**
 * The declared accounts as a trader checks them: balances from the account's connection, their worth
 * at the last prices risk saw, the exposure, limits and today's PnL from risk, and the realized PnL,
 * fees and net of its strategies from the read side; with totals per currency.
 */
final class AccountQueries {
  private final ActorSystem<?> system;
  private final EntityDirectory directory;
  private final ReadSideQueries readSide;
  private final NodeCatalog catalog;
  private final Duration timeout;
  private final Clock clock;

  AccountQueries(ActorSystem<?> system, EntityDirectory directory, ReadSideQueries readSide, NodeCatalog catalog,
      Duration timeout, Clock clock) {
    this.system = system;
    this.directory = directory;
    this.readSide = readSide;
    this.catalog = catalog;
    this.timeout = timeout;
    this.clock = clock;
  }

  CompletionStage<ApiModel.AccountsResponse> all() {
    List<CompletableFuture<ApiModel.AccountResponse>> each = catalog.accounts().accounts().stream()
        .map(a -> account(a).toCompletableFuture()).toList();
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<ApiModel.AccountResponse> accounts = each.stream().map(CompletableFuture::join).toList();
      return new ApiModel.AccountsResponse(accounts, totals(accounts));
    });
  }

  /** One declared account by its connection id ({@code exchange:account}); 404 for any other. */
  CompletionStage<ApiModel.AccountResponse> one(String id) {
    DeclaredAccounts.Declared declared = catalog.accounts().accounts().stream()
        .filter(a -> a.connectionId().equals(id)).findFirst()
        .orElseThrow(() -> ApiError.notFound("unknown account '" + id + "'; declared: "
            + catalog.accounts().accounts().stream().map(DeclaredAccounts.Declared::connectionId).sorted().toList()));
    return account(declared);
  }

  private CompletionStage<ApiModel.AccountResponse> account(DeclaredAccounts.Declared declared) {
    CompletionStage<Map<String, BigDecimal>> balances = AskPattern.<ExchangeConnectionEntity.Command,
            ExchangeConnectionEntity.BalancesView>ask(directory.connection(declared.connectionId()),
            ExchangeConnectionEntity.GetBalances::new, timeout, system.scheduler())
        .thenApply(ExchangeConnectionEntity.BalancesView::balances);
    CompletionStage<AccountExposure> exposure = AskPattern.<RiskEntity.Command, AccountExposure>ask(
        directory.risk(declared.account()), RiskEntity.GetExposure::new, timeout, system.scheduler());
    CompletionStage<RiskLimits> limits = AskPattern.<RiskEntity.Command, RiskLimits>ask(
        directory.risk(declared.account()), RiskEntity.GetLimits::new, timeout, system.scheduler());
    CompletionStage<List<PositionRow>> positions = readSide.positions(Optional.of(declared.account()));
    return balances.thenCombine(exposure, Parts::new).thenCombine(limits, Parts::with)
        .thenCombine(positions, (parts, rows) -> response(declared, parts, rows));
  }

  private ApiModel.AccountResponse response(DeclaredAccounts.Declared declared, Parts parts, List<PositionRow> rows) {
    List<Instrument> instruments = catalog.instruments().onExchange(declared.exchange());
    String quote = instruments.stream().map(Instrument::quoteAsset).findFirst().orElse("USDT");
    AccountValuation valuation = AccountValuation.of(parts.balances(), instruments,
        parts.exposure().lastPrices(), quote);
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    for (PositionRow row : rows) {
      Position p = row.position();
      realized = realized.add(p.realizedPnl());
      fees = fees.add(p.fees());
    }
    return new ApiModel.AccountResponse(declared.connectionId(), declared.exchange(), declared.account(),
        new TreeMap<>(parts.balances()), quote, valuation.equity(), valuation.unpriced(),
        parts.exposure().grossExposure(), parts.exposure().openOrderCount(),
        parts.exposure().dailyRealizedPnl(clock.millis()), ApiModel.LimitsResponse.of(declared.account(),
            parts.limits()), realized, fees, realized.subtract(fees));
  }

  /** Equity and PnL summed per currency over the accounts counted in it. */
  private static List<ApiModel.AccountTotalResponse> totals(List<ApiModel.AccountResponse> accounts) {
    Map<String, ApiModel.AccountTotalResponse> byCurrency = new TreeMap<>();
    for (ApiModel.AccountResponse a : accounts) {
      byCurrency.merge(a.currency(), new ApiModel.AccountTotalResponse(a.currency(), a.equity(), a.realizedPnl(),
          a.fees(), a.netRealizedPnl()), ApiModel.AccountTotalResponse::plus);
    }
    return new ArrayList<>(byCurrency.values());
  }

  /** What the account's entities answered. */
  private record Parts(Map<String, BigDecimal> balances, AccountExposure exposure, RiskLimits limits) {
    Parts(Map<String, BigDecimal> balances, AccountExposure exposure) {
      this(balances, exposure, null);
    }

    Parts with(RiskLimits limits) {
      return new Parts(balances, exposure, limits);
    }
  }
}
