package org.tradingnode.core.venue.binance;

/**
 * An API key and its secret. {@link #toString()} shows neither, so a credentials object that ends
 * up in a log line or an error message leaks nothing.
 */
public record BinanceCredentials(String apiKey, String apiSecret) {
  public BinanceCredentials {
    if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
      throw new IllegalArgumentException("the venue API key and secret must both be set");
    }
  }

  @Override
  public String toString() {
    return "BinanceCredentials[apiKey=" + apiKey.substring(0, Math.min(4, apiKey.length())) + "***, apiSecret=***]";
  }
}
