package org.tradingnode.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.tradingnode.http.simulator.BinanceSimulator;
import org.tradingnode.http.simulator.SimulatorCommandLine;
import org.tradingnode.http.simulator.SimulatorSettings;

/**
 * {@code trading-node venue-simulator [options]}: the Binance spot venue simulator as a process of
 * its own, in a plain actor system (no cluster, no journal). SIGTERM or Ctrl-C unbinds it.
 */
final class VenueSimulatorProcess {
  private VenueSimulatorProcess() {}

  static void run(String[] args) {
    SimulatorSettings settings;
    try {
      settings = SimulatorCommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Config config = ConfigFactory.load(ConfigFactory.parseResourcesAnySyntax("pekko-base"));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "venue-simulator", config);
    try {
      BinanceSimulator simulator = BinanceSimulator.start(system, settings);
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "stop-venue-simulator",
          simulator::stop);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      system.terminate();
      System.exit(1);
    }
  }
}
