package org.tradingnode.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The message examples of Bybit's v5 WebSocket documentation, as extracted into the shared data files
 * {@code exchange_payloads/bybit/*.json} (each block keeps the documented code block verbatim in
 * {@code raw}). Blocks are found by their source page and their position on it.
 */
public final class DocumentedBybitMessages {
  private static final String PUBLIC = "exchange_payloads/bybit/bybit_v5_ws_public.json";
  private static final String CONNECT = "exchange_payloads/bybit/bybit_v5_ws_connect_auth_trade.json";
  private static final String ORDER_BOOK = "docs/v5/websocket/public/orderbook.mdx";
  private static final String CONNECT_PAGE = "docs/v5/websocket/wss-authentication.mdx";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentedBybitMessages() {}

  /**
   * The documented {@code orderbook.50.BTCUSDT} snapshot (u 18521288). The docs shorten its level
   * lists with {@code ...} lines; those lines and the trailing commas they leave are removed, every
   * documented level and field stays as written.
   */
  public static String orderBookSnapshot() {
    return withoutElisions(raw(PUBLIC, ORDER_BOOK, 0));
  }

  /** The documented {@code orderbook.50.BTCUSDT} delta (u 177400507; not the snapshot's successor). */
  public static String orderBookDelta() {
    return raw(PUBLIC, ORDER_BOOK, 1);
  }

  /** The documented {@code publicTrade.BTCUSDT} push with one linear trade. */
  public static String publicTrade() {
    return raw(PUBLIC, "docs/v5/websocket/public/trade.mdx", 0);
  }

  /** The documented {@code allLiquidation.ROSEUSDT} push (one liquidated short). */
  public static String allLiquidation() {
    return raw(PUBLIC, "docs/v5/websocket/public/all-liquidation.mdx", 0);
  }

  /** The documented spot {@code tickers.BTCUSDT} push, a topic the node does not read. */
  public static String spotTicker() {
    return raw(PUBLIC, "docs/v5/websocket/public/ticker.mdx", 1);
  }

  /** The documented {@code orderbook.rpi.BTCUSDT} delta, whose levels have three entries. */
  public static String rpiOrderBookDelta() {
    return raw(PUBLIC, "docs/v5/websocket/public/orderbook-rpi.mdx", 2);
  }

  /** The documented subscribe success response of the public linear stream. */
  public static String linearSubscribeSuccess() {
    return raw(CONNECT, CONNECT_PAGE, 10);
  }

  /** The documented subscribe success response of the public spot stream. */
  public static String spotSubscribeSuccess() {
    return raw(CONNECT, CONNECT_PAGE, 9);
  }

  /** The documented subscribe response of the option stream ({@code "type": "COMMAND_RESP"}, no op). */
  public static String optionSubscribeResponse() {
    return raw(CONNECT, CONNECT_PAGE, 11);
  }

  /** The documented auth success response. */
  public static String authSuccess() {
    return raw(CONNECT, CONNECT_PAGE, 1);
  }

  /** The documented pong of the public spot stream ({@code "op": "ping", "ret_msg": "pong"}). */
  public static String spotPong() {
    return raw(CONNECT, CONNECT_PAGE, 2);
  }

  /** The documented pong of the public linear stream. */
  public static String linearPong() {
    return raw(CONNECT, CONNECT_PAGE, 3);
  }

  /** The documented pong of the option stream ({@code "op": "pong"}). */
  public static String optionPong() {
    return raw(CONNECT, CONNECT_PAGE, 4);
  }

  /** The documented pong of the private stream. */
  public static String privatePong() {
    return raw(CONNECT, CONNECT_PAGE, 5);
  }

  /** Lines that are only {@code ...} go, then commas left before a closing bracket. */
  static String withoutElisions(String raw) {
    return raw.replaceAll("(?m)^\\s*\\.\\.\\.,?\\s*$\\R", "").replaceAll(",(\\s*[\\]}])", "$1");
  }

  private static String raw(String file, String sourcePath, int block) {
    JsonNode blocks = docs(file, sourcePath).path("blocks");
    if (!blocks.has(block)) {
      throw new IllegalArgumentException(sourcePath + " has no block " + block + " in " + file);
    }
    return blocks.get(block).path("raw").asText();
  }

  private static JsonNode docs(String file, String sourcePath) {
    Path path = SharedData.file(file);
    try {
      for (JsonNode doc : JSON.readTree(path.toFile()).path("docs")) {
        if (doc.path("source_path").asText().equals(sourcePath)) {
          return doc;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    throw new IllegalArgumentException(sourcePath + " is not in " + path);
  }
}
