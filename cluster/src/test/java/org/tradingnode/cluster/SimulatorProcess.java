package org.tradingnode.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.tradingnode.core.domain.venue.binance.BinanceQuery;
import org.tradingnode.core.domain.venue.binance.BinanceSigner;

/**
 * The Binance venue simulator as an operator runs it, {@code Main venue-simulator --port N}, in its
 * own JVM with the demo account; it logs beside the node's data directory.
 */
final class SimulatorProcess implements AutoCloseable {
  static final String API_KEY = "SimulatorDemoApiKey000000000000000000000000000000000000000000000";
  static final String API_SECRET = "SimulatorDemoSecretKey000000000000000000000000000000000000000000";
  /** The demo account's name at the venue, as the admin state names it. */
  static final String ACCOUNT = "demo";

  private final Process process;
  private final BinanceSigner signer = new BinanceSigner(API_SECRET);
  final int port;
  final Path log;
  final ApiClient api;

  private SimulatorProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.api = new ApiClient(port);
  }

  /**
   * Starts it and waits until {@code GET /api/v3/time} answers; {@code settings} (HOCON, may be
   * empty) go into a config file beside the data directory, inside {@code venue-simulator { }}.
   */
  static SimulatorProcess start(Path dataDir, String settings) throws IOException {
    int port = NodeProcess.freePort();
    Files.createDirectories(dataDir.getParent());
    Path config = dataDir.resolveSibling(dataDir.getFileName() + "-venue-simulator.conf");
    Files.writeString(config, "venue-simulator {\n" + settings + "\n}\n");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("venue-simulator");
    command.add("--port");
    command.add(Integer.toString(port));
    command.add("--config");
    command.add(config.toString());
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-venue-simulator-" + port + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    SimulatorProcess simulator = new SimulatorProcess(process, port, log);
    try {
      ApiClient.until(simulator::answering, a -> a.status() == 200, 120,
          "the venue simulator to answer (log: " + log + ")");
    } catch (AssertionError e) {
      simulator.close();
      throw e;
    }
    return simulator;
  }

  private ApiClient.Answer answering() {
    if (!process.isAlive()) {
      throw new AssertionError("the venue simulator exited with " + process.exitValue() + " (log: " + log + ")");
    }
    return api.get("/api/v3/time");
  }

  /** The REST base URL, the node's {@code VENUE_URL}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The node's environment for trading on this simulator with the demo account's keys. */
  Map<String, String> nodeEnv() {
    return Map.of("VENUE", "binance", "VENUE_URL", url(), "VENUE_API_KEY", API_KEY, "VENUE_API_SECRET", API_SECRET);
  }

  /** {@code GET /admin/state}. */
  JsonNode adminState() {
    ApiClient.Answer state = api.get("/admin/state");
    if (state.status() != 200) {
      throw new AssertionError("admin state: " + state.status() + " " + state.body());
    }
    return state.body();
  }

  /** The demo account's total balance (free plus locked) per asset, from the signed {@code GET /api/v3/account}. */
  Map<String, BigDecimal> balances() {
    BinanceQuery query = signer.signed(BinanceQuery.empty().with("timestamp", System.currentTimeMillis()));
    ApiClient.Answer account = api.get("/api/v3/account?" + query.encoded(), "X-MBX-APIKEY", API_KEY);
    if (account.status() != 200) {
      throw new AssertionError("account: " + account.status() + " " + account.body());
    }
    Map<String, BigDecimal> balances = new TreeMap<>();
    account.body().get("balances").forEach(b -> balances.put(b.get("asset").asText(),
        new BigDecimal(b.get("free").asText()).add(new BigDecimal(b.get("locked").asText()))));
    return balances;
  }

  /**
   * Cancels an open order of the demo account as another client with the same keys would (signed
   * {@code DELETE /api/v3/order}); the answer is the venue's.
   */
  ApiClient.Answer cancel(String symbol, String clientOrderId) {
    BinanceQuery query = signer.signed(BinanceQuery.empty().with("symbol", symbol)
        .with("origClientOrderId", clientOrderId).with("timestamp", System.currentTimeMillis()));
    return api.delete("/api/v3/order?" + query.encoded(), "X-MBX-APIKEY", API_KEY);
  }

  /** SIGTERM; forced if it has not left within 20 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
