package org.tradingnode.http.simulator;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.paper.FeeSchedule;

/**
 * Everything the venue simulator is started with. {@link #defaults()} is the demo set-up of
 * {@code venue-simulator-defaults.conf}; {@link #load(Path)} reads a HOCON file over it. The clock
 * stamps every answer and event and drives the weight window, the recvWindow check and listenKey
 * expiry; tests pass one they can move.
 *
 * @param throttledRequestsBeforeBan requests answered 429 within one minute after the weight limit
 *     is reached; the next request is banned (418) for {@code banDuration}
 * @param replayFile a Binance trades CSV replayed for {@code replaySymbol}, or null for the generator
 */
public record SimulatorSettings(
    String host,
    int port,
    List<SimulatorAccount> accounts,
    List<SimulatedInstrument> instruments,
    FeeSchedule fees,
    int requestWeightLimit,
    int throttledRequestsBeforeBan,
    Duration banDuration,
    Duration listenKeyValidity,
    Duration tickInterval,
    Duration pingInterval,
    long seed,
    Path replayFile,
    String replaySymbol,
    int depthLevels,
    int closedOrderHistory,
    Clock clock) {

  /** The section of a config file the simulator reads. */
  public static final String SECTION = "venue-simulator";
  private static final String DEFAULTS_RESOURCE = "venue-simulator-defaults.conf";

  public SimulatorSettings {
    accounts = List.copyOf(accounts);
    instruments = List.copyOf(instruments);
    if (accounts.isEmpty() || instruments.isEmpty()) {
      throw new IllegalArgumentException("the simulator needs at least one account and one instrument");
    }
    requireUnique(accounts.stream().map(SimulatorAccount::apiKey).toList(), "api-key");
    requireUnique(accounts.stream().map(SimulatorAccount::name).toList(), "account name");
    requireUnique(instruments.stream().map(SimulatedInstrument::symbol).toList(), "symbol");
    if (requestWeightLimit <= 0 || throttledRequestsBeforeBan < 0 || depthLevels <= 0 || closedOrderHistory <= 0) {
      throw new IllegalArgumentException("limits, depth levels and history must be positive");
    }
    if (tickInterval.isZero() || tickInterval.isNegative() || pingInterval.isZero() || pingInterval.isNegative()) {
      throw new IllegalArgumentException("tick-interval and ping-interval must be positive");
    }
    if (replayFile != null && !Files.isReadable(replayFile)) {
      throw new IllegalArgumentException("replay file " + replayFile + " is not a readable file");
    }
    if (replayFile != null && instruments.stream().noneMatch(i -> i.symbol().equals(replaySymbol))) {
      throw new IllegalArgumentException("replay symbol " + replaySymbol + " is not a listed instrument");
    }
  }

  /** The demo account and the default instruments on 127.0.0.1:9443 with the system clock. */
  public static SimulatorSettings defaults() {
    return fromConfig(ConfigFactory.parseResources(DEFAULTS_RESOURCE).resolve().getConfig(SECTION));
  }

  /** The defaults overridden by the {@value #SECTION} section of a HOCON file. */
  public static SimulatorSettings load(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("config file " + file + " is not a readable file");
    }
    return from(ConfigFactory.parseFile(file.toFile()));
  }

  /** The defaults overridden by the {@value #SECTION} section of {@code overrides}. */
  public static SimulatorSettings from(Config overrides) {
    Config root = overrides.withFallback(ConfigFactory.parseResources(DEFAULTS_RESOURCE)).resolve();
    return fromConfig(root.getConfig(SECTION));
  }

  /** Reads a {@value #SECTION} section that has every key of the defaults. */
  public static SimulatorSettings fromConfig(Config c) {
    List<SimulatorAccount> accounts = new ArrayList<>();
    for (Config a : c.getConfigList("accounts")) {
      accounts.add(new SimulatorAccount(a.getString("name"), a.getString("api-key"), a.getString("api-secret"),
          decimals(a.getConfig("balances"))));
    }
    List<SimulatedInstrument> instruments = new ArrayList<>();
    for (Config i : c.getConfigList("instruments")) {
      instruments.add(new SimulatedInstrument(new Instrument("binance", i.getString("symbol"), i.getString("base"),
          i.getString("quote"), new BigDecimal(i.getString("tick-size")), new BigDecimal(i.getString("lot-size")),
          new BigDecimal(i.getString("min-notional"))), i.getDouble("start-price")));
    }
    String replay = c.getString("replay-file");
    return new SimulatorSettings(
        c.getString("host"),
        c.getInt("port"),
        accounts,
        instruments,
        new FeeSchedule(new BigDecimal(c.getString("maker-fee")), new BigDecimal(c.getString("taker-fee"))),
        c.getInt("request-weight-limit"),
        c.getInt("throttled-requests-before-ban"),
        c.getDuration("ban-duration"),
        c.getDuration("listen-key-validity"),
        c.getDuration("tick-interval"),
        c.getDuration("ping-interval"),
        c.getLong("seed"),
        replay.isBlank() ? null : Path.of(replay).toAbsolutePath(),
        c.getString("replay-symbol"),
        c.getInt("depth-levels"),
        c.getInt("closed-order-history"),
        Clock.systemUTC());
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(host, newPort, accounts, instruments, fees, requestWeightLimit,
        throttledRequestsBeforeBan, banDuration, listenKeyValidity, tickInterval, pingInterval, seed, replayFile,
        replaySymbol, depthLevels, closedOrderHistory, clock);
  }

  public SimulatorSettings withHost(String newHost) {
    return new SimulatorSettings(newHost, port, accounts, instruments, fees, requestWeightLimit,
        throttledRequestsBeforeBan, banDuration, listenKeyValidity, tickInterval, pingInterval, seed, replayFile,
        replaySymbol, depthLevels, closedOrderHistory, clock);
  }

  public SimulatorSettings withClock(Clock newClock) {
    return new SimulatorSettings(host, port, accounts, instruments, fees, requestWeightLimit,
        throttledRequestsBeforeBan, banDuration, listenKeyValidity, tickInterval, pingInterval, seed, replayFile,
        replaySymbol, depthLevels, closedOrderHistory, newClock);
  }

  public SimulatorSettings withRequestWeightLimit(int limit, int throttledBeforeBan, Duration ban) {
    return new SimulatorSettings(host, port, accounts, instruments, fees, limit, throttledBeforeBan, ban,
        listenKeyValidity, tickInterval, pingInterval, seed, replayFile, replaySymbol, depthLevels,
        closedOrderHistory, clock);
  }

  public SimulatorSettings withListenKeyValidity(Duration validity) {
    return new SimulatorSettings(host, port, accounts, instruments, fees, requestWeightLimit,
        throttledRequestsBeforeBan, banDuration, validity, tickInterval, pingInterval, seed, replayFile,
        replaySymbol, depthLevels, closedOrderHistory, clock);
  }

  public SimulatorSettings withPingInterval(Duration interval) {
    return new SimulatorSettings(host, port, accounts, instruments, fees, requestWeightLimit,
        throttledRequestsBeforeBan, banDuration, listenKeyValidity, tickInterval, interval, seed, replayFile,
        replaySymbol, depthLevels, closedOrderHistory, clock);
  }

  public SimulatorSettings withReplay(Path file, String symbol) {
    return new SimulatorSettings(host, port, accounts, instruments, fees, requestWeightLimit,
        throttledRequestsBeforeBan, banDuration, listenKeyValidity, tickInterval, pingInterval, seed,
        file == null ? null : file.toAbsolutePath(), symbol, depthLevels, closedOrderHistory, clock);
  }

  /** Whether {@code symbol} replays the recorded file rather than the generator. */
  public boolean replays(String symbol) {
    return replayFile != null && replaySymbol.equals(symbol);
  }

  private static Map<String, BigDecimal> decimals(Config section) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    section.entrySet().forEach(e -> values.put(e.getKey(), new BigDecimal(e.getValue().unwrapped().toString())));
    return values;
  }

  private static void requireUnique(List<String> values, String what) {
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      if (!seen.add(v)) {
        throw new IllegalArgumentException("duplicate " + what + " in the simulator's config");
      }
    }
  }
}
