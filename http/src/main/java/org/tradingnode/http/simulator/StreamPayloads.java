package org.tradingnode.http.simulator;

import static org.tradingnode.http.simulator.SimulatorJson.decimal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The WebSocket payloads, field for field as Binance documents them: the market streams
 * ({@code trade}, {@code bookTicker}, {@code depthUpdate}) and the user data stream
 * ({@code executionReport}, {@code outboundAccountPosition}, {@code listenKeyExpired}).
 */
final class StreamPayloads {
  private static final String ZERO = decimal(BigDecimal.ZERO);

  private StreamPayloads() {}

  static ObjectNode trade(String symbol, long tradeId, BigDecimal price, BigDecimal quantity, long tradeTime,
      boolean buyerIsMaker, long eventTime) {
    return SimulatorJson.object()
        .put("e", "trade")
        .put("E", eventTime)
        .put("s", symbol)
        .put("t", tradeId)
        .put("p", decimal(price))
        .put("q", decimal(quantity))
        .put("T", tradeTime)
        .put("m", buyerIsMaker)
        .put("M", true);
  }

  static ObjectNode bookTicker(String symbol, long updateId, DepthBook.Level bid, DepthBook.Level ask) {
    return SimulatorJson.object()
        .put("u", updateId)
        .put("s", symbol)
        .put("b", decimal(bid.price()))
        .put("B", decimal(bid.quantity()))
        .put("a", decimal(ask.price()))
        .put("A", decimal(ask.quantity()));
  }

  static ObjectNode depthUpdate(String symbol, DepthBook.Diff diff, long eventTime) {
    ObjectNode node = SimulatorJson.object()
        .put("e", "depthUpdate")
        .put("E", eventTime)
        .put("s", symbol)
        .put("U", diff.firstUpdateId())
        .put("u", diff.lastUpdateId());
    node.set("b", SimulatorJson.levels(diff.bids()));
    node.set("a", SimulatorJson.levels(diff.asks()));
    return node;
  }

  static ObjectNode executionReport(ExecutionReport r) {
    OrderRecord o = r.order();
    AccountTrade t = r.trade();
    ObjectNode node = SimulatorJson.object()
        .put("e", "executionReport")
        .put("E", r.eventTime())
        .put("s", o.symbol())
        .put("c", r.clientOrderId())
        .put("S", o.side().name())
        .put("o", o.binanceType())
        .put("f", o.timeInForce())
        .put("q", decimal(o.origQty()))
        .put("p", decimal(o.price()))
        .put("P", ZERO)
        .put("F", ZERO)
        .put("g", -1)
        .put("C", r.originalClientOrderId())
        .put("x", r.executionType())
        .put("X", o.status().name())
        .put("r", r.rejectReason())
        .put("i", o.orderId())
        .put("l", t == null ? ZERO : decimal(t.qty()))
        .put("z", decimal(o.executedQty()))
        .put("L", t == null ? ZERO : decimal(t.price()))
        .put("n", t == null ? "0" : decimal(t.commission()))
        .put("N", t == null ? null : t.commissionAsset())
        .put("T", t == null ? o.updateTime() : t.time())
        .put("t", t == null ? -1 : t.id())
        .put("I", r.executionId())
        .put("w", o.isOnBook())
        .put("m", t != null && t.maker())
        .put("M", false)
        .put("O", o.time())
        .put("Z", decimal(o.cumulativeQuoteQty()))
        .put("Y", t == null ? ZERO : decimal(t.quoteQty()))
        .put("Q", ZERO);
    if (o.hasWorkingTime()) {
      node.put("W", o.time());
    }
    return node.put("V", "NONE");
  }

  static ObjectNode outboundAccountPosition(long eventTime, long updateTime, List<AssetBalance> balances) {
    ObjectNode node = SimulatorJson.object()
        .put("e", "outboundAccountPosition")
        .put("E", eventTime)
        .put("u", updateTime);
    ArrayNode list = node.putArray("B");
    balances.forEach(b -> list.addObject()
        .put("a", b.asset())
        .put("f", decimal(b.free()))
        .put("l", decimal(b.locked())));
    return node;
  }

  static ObjectNode listenKeyExpired(long eventTime, String listenKey) {
    return SimulatorJson.object()
        .put("e", "listenKeyExpired")
        .put("E", eventTime)
        .put("listenKey", listenKey);
  }
}
