package org.tradingnode.http.simulator;

import java.nio.file.Path;

/**
 * The options of {@code trading-node venue-simulator}: {@code --port N}, {@code --config FILE}
 * (HOCON, see {@link SimulatorSettings}), {@code --replay CSV} with {@code --replay-symbol SYMBOL}
 * (default BTCUSDT), and {@code --host HOST}. Without a config file the demo account and the default
 * instruments are used.
 */
public final class SimulatorCommandLine {
  /** How to call it, for error messages. */
  public static final String USAGE = "usage: trading-node venue-simulator [--port N] [--config FILE] "
      + "[--replay CSV [--replay-symbol SYMBOL]] [--host HOST]";

  private SimulatorCommandLine() {}

  /**
   * The settings the options ask for.
   *
   * @throws IllegalArgumentException naming the bad option, with {@link #USAGE}
   */
  public static SimulatorSettings parse(String... args) {
    Path config = null;
    Path replay = null;
    String replaySymbol = null;
    Integer port = null;
    String host = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> port = port(value);
        case "--config" -> config = Path.of(value);
        case "--replay" -> replay = Path.of(value);
        case "--replay-symbol" -> replaySymbol = value;
        case "--host" -> host = value;
        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
      }
    }
    SimulatorSettings settings = config == null ? SimulatorSettings.defaults() : SimulatorSettings.load(config);
    if (port != null) {
      settings = settings.withPort(port);
    }
    if (host != null) {
      settings = settings.withHost(host);
    }
    if (replay != null || replaySymbol != null) {
      settings = settings.withReplay(replay != null ? replay : settings.replayFile(),
          replaySymbol != null ? replaySymbol : settings.replaySymbol());
    }
    return settings;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a port number, not " + value + "; " + USAGE);
    }
  }
}
