package org.tradingnode.http.simulator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One trading account of the venue simulator: the API key a client sends in {@code X-MBX-APIKEY},
 * the HMAC secret it signs with, and the balances it starts with. The secret, and all but the start
 * of the key, stay out of {@link #toString()} so that neither reaches a log.
 */
public record SimulatorAccount(String name, String apiKey, String apiSecret, Map<String, BigDecimal> balances) {

  /** The demo account's API key; documented in the README, used when no config file names accounts. */
  public static final String DEMO_API_KEY = "SimulatorDemoApiKey000000000000000000000000000000000000000000000";
  /** The demo account's API secret. */
  public static final String DEMO_API_SECRET = "SimulatorDemoSecretKey000000000000000000000000000000000000000000";

  public SimulatorAccount {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
      throw new IllegalArgumentException("an account needs a name, an api-key and an api-secret");
    }
    balances = Map.copyOf(balances);
  }

  /** The demo account: 100,000 USDT, 1 BTC, 10 ETH and 100 SOL. */
  public static SimulatorAccount demo() {
    return new SimulatorAccount("demo", DEMO_API_KEY, DEMO_API_SECRET, Map.of(
        "USDT", new BigDecimal("100000"), "BTC", BigDecimal.ONE, "ETH", BigDecimal.TEN, "SOL", new BigDecimal("100")));
  }

  @Override
  public String toString() {
    return "SimulatorAccount[name=" + name + ", apiKey=" + apiKey.substring(0, Math.min(4, apiKey.length()))
        + "***, apiSecret=***, balances=" + balances + "]";
  }
}
