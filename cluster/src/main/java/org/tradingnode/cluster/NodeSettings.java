package org.tradingnode.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tradingnode.core.domain.account.DeclaredAccounts;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.instrument.InstrumentCatalog;
import org.tradingnode.core.domain.paper.FeeSchedule;
import org.tradingnode.core.domain.risk.RiskLimits;
import org.tradingnode.core.domain.strategy.StrategyConfig;
import org.tradingnode.core.entity.RunnerSupervision;
import org.tradingnode.core.venue.MarketFeedSettings;
import org.tradingnode.persistence.marketdata.MarketRecordingSettings;

/** The node's settings, read once from the {@code trading} section of the config and checked. */
public record NodeSettings(
    String httpHost,
    int httpPort,
    Duration askTimeout,
    InstrumentCatalog catalog,
    FeeSchedule fees,
    DeclaredAccounts accounts,
    RiskLimits defaultLimits,
    MarketFeedSettings marketFeed,
    MarketRecordingSettings marketRecording,
    RunnerSupervision supervision,
    List<StrategyConfig> demoStrategies,
    VenueChoice venue,
    ClusterPlacement cluster) {

  public static NodeSettings from(Config root) {
    Config c = root.getConfig("trading");
    List<Instrument> instruments = new ArrayList<>();
    Map<String, Double> startPrices = new HashMap<>();
    for (Config i : c.getConfigList("instruments")) {
      instruments.add(new Instrument(i.getString("exchange"), i.getString("symbol"), i.getString("base"),
          i.getString("quote"), new BigDecimal(i.getString("tick-size")), new BigDecimal(i.getString("lot-size")),
          new BigDecimal(i.getString("min-notional"))));
      startPrices.put(i.getString("symbol"), i.getDouble("start-price"));
    }
    Config limits = c.getConfig("risk.default-limits");
    String replay = c.getString("market-feed.replay-file");
    Path replayFile = replay.isBlank() ? null : Path.of(replay).toAbsolutePath();
    if (replayFile != null && !Files.isReadable(replayFile)) {
      throw new IllegalArgumentException("MARKET_REPLAY_FILE " + replayFile + " is not a readable file");
    }
    VenueChoice venue = VenueChoice.from(c.getConfig("venue"));
    List<StrategyConfig> demo = new ArrayList<>();
    if (c.getBoolean("demo.enabled")) {
      for (Config d : c.getConfigList("demo.strategies")) {
        Map<String, String> params = new HashMap<>();
        d.getConfig("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().unwrapped().toString()));
        boolean onVenue = venue.binance().isPresent();
        String id = onVenue ? d.getString("id") + "-" + venue.kind() : d.getString("id");
        demo.add(new StrategyConfig(id, d.getString("type"),
            onVenue ? venue.account() : d.getString("account"), onVenue ? venue.kind() : d.getString("exchange"),
            d.getStringList("symbols"), params));
      }
    }
    DeclaredAccounts accounts = accounts(c.getConfig("paper.accounts"), venue);
    for (StrategyConfig d : demo) {
      accounts.problemWith(d.exchange(), d.account()).ifPresent(p -> {
        throw new IllegalArgumentException("demo strategy " + d.id() + ": " + p.message());
      });
    }
    return new NodeSettings(
        c.getString("http.host"),
        c.getInt("http.port"),
        c.getDuration("http.ask-timeout"),
        new InstrumentCatalog(instruments),
        new FeeSchedule(new BigDecimal(c.getString("paper.maker-fee")), new BigDecimal(c.getString("paper.taker-fee"))),
        accounts,
        new RiskLimits(
            new BigDecimal(limits.getString("max-order-notional")),
            new BigDecimal(limits.getString("max-position-notional")),
            new BigDecimal(limits.getString("max-gross-exposure")),
            limits.getInt("max-open-orders"),
            new BigDecimal(limits.getString("price-band-percent")),
            limits.getInt("max-orders-per-minute"),
            new BigDecimal(limits.getString("daily-loss-limit"))),
        new MarketFeedSettings(c.getBoolean("market-feed.enabled"), c.getDuration("market-feed.tick-interval"), c.getLong("market-feed.seed"), startPrices,
            replayFile, c.getString("market-feed.replay-symbol")),
        MarketRecordingSettings.from(root),
        new RunnerSupervision(c.getDuration("runner-supervision.min-backoff"),
            c.getDuration("runner-supervision.max-backoff"), c.getInt("runner-supervision.max-restarts"),
            c.getInt("runner-supervision.max-refusals-in-a-row")),
        demo,
        venue,
        ClusterPlacement.from(root.getConfig("trading.cluster")));
  }

  /** The paper accounts of {@code paper} (each with its starting balances) and the venue's account. */
  private static DeclaredAccounts accounts(Config paper, VenueChoice venue) {
    List<DeclaredAccounts.Declared> declared = new ArrayList<>();
    for (String account : new TreeSet<>(paper.root().keySet())) {
      Map<String, BigDecimal> balances = new HashMap<>();
      paper.getConfig(ConfigUtil.joinPath(account, "starting-balances")).entrySet()
          .forEach(e -> balances.put(e.getKey(), new BigDecimal(e.getValue().unwrapped().toString())));
      declared.add(new DeclaredAccounts.Declared("paper", account, balances));
    }
    venue.binance().ifPresent(b -> declared.add(new DeclaredAccounts.Declared(venue.kind(), venue.account(),
        Map.of())));
    return new DeclaredAccounts(declared);
  }
}
