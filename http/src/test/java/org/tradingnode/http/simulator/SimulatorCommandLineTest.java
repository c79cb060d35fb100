package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCommandLineTest {

  @Test
  void noOptionsGiveTheDemoAccountOnTheDefaultPort() {
    SimulatorSettings settings = SimulatorCommandLine.parse();

    assertEquals(9443, settings.port());
    assertEquals("127.0.0.1", settings.host());
    assertEquals(List.of(SimulatorAccount.demo()), settings.accounts());
    assertEquals(6000, settings.requestWeightLimit());
    assertNull(settings.replayFile());
  }

  @Test
  void aConfigFileReplacesTheAccountsAndKeepsTheOtherDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("simulator.conf");
    Files.writeString(file, """
        venue-simulator {
          accounts = [ { name = "alice", api-key = "alice-key", api-secret = "alice-secret",
                         balances { USDT = 10000, BTC = 1 } } ]
          request-weight-limit = 1200
        }
        """);

    SimulatorSettings settings = SimulatorCommandLine.parse("--config", file.toString(), "--port", "18443");

    assertEquals(18443, settings.port());
    assertEquals(1, settings.accounts().size());
    assertEquals("alice-key", settings.accounts().get(0).apiKey());
    assertEquals(Map.of("USDT", new BigDecimal("10000"), "BTC", new BigDecimal("1")),
        settings.accounts().get(0).balances());
    assertEquals(1200, settings.requestWeightLimit());
    assertEquals(3, settings.instruments().size());
  }

  @Test
  void theExampleConfigTheReadmeNamesIsShippedAndLoads() {
    SimulatorSettings settings = SimulatorCommandLine.parse("--config",
        Path.of("..", "conf", "venue-simulator.example.conf").toString());

    assertEquals("alice", settings.accounts().get(0).name());
    assertEquals(1, settings.instruments().size());
  }

  @Test
  void replayNamesAFileAndASymbol() {
    Path trades = Path.of(System.getProperty("shared.data.dir"), "market_data", "binance",
        "BTCUSDT-trades-2021-01-08.csv");

    SimulatorSettings settings = SimulatorCommandLine.parse("--replay", trades.toString());

    assertTrue(settings.replays("BTCUSDT"));
  }

  @Test
  void badOptionsAreRefusedWithTheUsage() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> SimulatorCommandLine.parse("--prot", "1"));
    IllegalArgumentException badPort = assertThrows(IllegalArgumentException.class,
        () -> SimulatorCommandLine.parse("--port", "http"));

    assertTrue(unknown.getMessage().contains(SimulatorCommandLine.USAGE));
    assertTrue(badPort.getMessage().contains("--port"));
  }

  @Test
  void theSecretNeverShowsInTheSettingsText() {
    assertFalse(SimulatorSettings.defaults().toString().contains(SimulatorAccount.DEMO_API_SECRET));
  }
}
