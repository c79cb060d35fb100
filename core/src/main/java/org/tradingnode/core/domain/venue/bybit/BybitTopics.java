package org.tradingnode.core.domain.venue.bybit;

/**
 * Names of the Bybit v5 public topics this node reads (docs/v5/websocket/public/*.mdx). A topic is
 * dot-separated and ends with the symbol.
 */
public final class BybitTopics {
  /** First segment of an order book topic, {@code orderbook.{depth}.{symbol}}. */
  public static final String ORDER_BOOK = "orderbook";
  /** First segment of a public trade topic, {@code publicTrade.{symbol}}. */
  public static final String PUBLIC_TRADE = "publicTrade";
  /** First segment of a liquidation topic, {@code allLiquidation.{symbol}} (derivatives only). */
  public static final String ALL_LIQUIDATION = "allLiquidation";

  private BybitTopics() {}

  /** {@code orderbook.{depth}.{symbol}}, e.g. {@code orderbook.50.BTCUSDT}. */
  public static String orderBook(int depth, String symbol) {
    if (depth <= 0) {
      throw new IllegalArgumentException("order book depth must be positive: " + depth);
    }
    return ORDER_BOOK + "." + depth + "." + symbol;
  }

  /** {@code publicTrade.{symbol}}. */
  public static String publicTrade(String symbol) {
    return PUBLIC_TRADE + "." + symbol;
  }

  /** {@code allLiquidation.{symbol}}. */
  public static String allLiquidation(String symbol) {
    return ALL_LIQUIDATION + "." + symbol;
  }

  /** True for an {@code orderbook.{depth}.{symbol}} topic, whose messages keep a book in sync. */
  public static boolean isOrderBook(String topic) {
    String[] parts = topic.split("\\.");
    return parts.length == 3 && parts[0].equals(ORDER_BOOK) && parts[1].chars().allMatch(Character::isDigit)
        && !parts[1].isEmpty();
  }
}
