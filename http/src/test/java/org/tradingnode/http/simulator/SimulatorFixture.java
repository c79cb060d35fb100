package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A simulator on a free port of 127.0.0.1 with the demo account, a clock that stands still until a
 * test moves it, and a REST client signed with the demo credentials.
 */
final class SimulatorFixture implements AutoCloseable {
  /** 30 s into a minute: the weight window has 30 s to go. */
  static final Instant START = Instant.parse("2024-05-01T12:00:30Z");
  private static final AtomicInteger SYSTEMS = new AtomicInteger();

  final MutableClock clock;
  final ActorSystem<Void> system;
  final BinanceSimulator simulator;
  final SimulatorClient client;

  private SimulatorFixture(SimulatorSettings base, Instant start, UnaryOperator<SimulatorSettings> adjust) {
    clock = new MutableClock(start);
    system = ActorSystem.create(Behaviors.empty(), "venue-simulator-test-" + SYSTEMS.incrementAndGet(),
        ConfigFactory.parseString("pekko.loglevel = WARNING").withFallback(ConfigFactory.load()));
    simulator = BinanceSimulator.start(system,
        adjust.apply(base.withPort(0).withClock(clock)));
    client = new SimulatorClient(simulator.restBaseUrl(), SimulatorAccount.DEMO_API_KEY,
        SimulatorAccount.DEMO_API_SECRET, clock);
  }

  static SimulatorFixture start() {
    return start(UnaryOperator.identity());
  }

  static SimulatorFixture start(UnaryOperator<SimulatorSettings> adjust) {
    return new SimulatorFixture(SimulatorSettings.defaults(), START, adjust);
  }

  /** A simulator set up by {@code settings} (the client still signs as the demo account) at {@code start}. */
  static SimulatorFixture start(SimulatorSettings settings, Instant start) {
    return new SimulatorFixture(settings, start, UnaryOperator.identity());
  }

  StreamClient stream(String pathAndQuery) {
    return StreamClient.connect(simulator.streamBaseUrl() + pathAndQuery);
  }

  JsonNode adminState() throws IOException, InterruptedException {
    return client.admin("GET", "/admin/state", null);
  }

  JsonNode injectFaults(String json) throws IOException, InterruptedException {
    return client.admin("POST", "/admin/faults", json);
  }

  JsonNode clearFaults() throws IOException, InterruptedException {
    return client.admin("DELETE", "/admin/faults", null);
  }

  @Override
  public void close() {
    simulator.close();
    system.terminate();
  }
}
