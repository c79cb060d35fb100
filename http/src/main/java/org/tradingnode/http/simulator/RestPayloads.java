package org.tradingnode.http.simulator;

import static org.tradingnode.http.simulator.SimulatorJson.decimal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.paper.FeeSchedule;

/**
 * The REST answers, field for field as Binance documents them (exchangeInfo, depth, the ACK,
 * RESULT and FULL order responses, cancel, query and open orders, account, myTrades).
 */
final class RestPayloads {
  private static final String ZERO = decimal(BigDecimal.ZERO);
  private static final String QUOTE_ORDER_QTY_ZERO = "0.000000";
  private static final int ASSET_PRECISION = 8;

  private RestPayloads() {}

  static ObjectNode serverTime(long now) {
    return SimulatorJson.object().put("serverTime", now);
  }

  static ObjectNode exchangeInfo(List<Instrument> instruments, int weightLimit, long now) {
    ObjectNode node = SimulatorJson.object().put("timezone", "UTC").put("serverTime", now);
    node.putArray("rateLimits").addObject()
        .put("rateLimitType", "REQUEST_WEIGHT")
        .put("interval", "MINUTE")
        .put("intervalNum", 1)
        .put("limit", weightLimit);
    node.putArray("exchangeFilters");
    ArrayNode symbols = node.putArray("symbols");
    instruments.forEach(i -> symbols.add(symbol(i)));
    return node;
  }

  static ObjectNode depth(DepthBook.Snapshot book) {
    ObjectNode node = SimulatorJson.object().put("lastUpdateId", book.lastUpdateId());
    node.set("bids", SimulatorJson.levels(book.bids()));
    node.set("asks", SimulatorJson.levels(book.asks()));
    return node;
  }

  static ObjectNode newOrder(NewOrder.ResponseType type, AccountState.Placement placement, long transactTime) {
    OrderRecord o = placement.order();
    ObjectNode node = SimulatorJson.object()
        .put("symbol", o.symbol())
        .put("orderId", o.orderId())
        .put("orderListId", -1)
        .put("clientOrderId", o.clientOrderId())
        .put("transactTime", transactTime);
    if (type == NewOrder.ResponseType.ACK) {
      return node;
    }
    execution(node, o)
        .put("workingTime", o.time())
        .put("selfTradePreventionMode", "NONE");
    if (type == NewOrder.ResponseType.FULL) {
      ArrayNode fills = node.putArray("fills");
      placement.fills().forEach(t -> fills.addObject()
          .put("price", decimal(t.price()))
          .put("qty", decimal(t.qty()))
          .put("commission", decimal(t.commission()))
          .put("commissionAsset", t.commissionAsset())
          .put("tradeId", t.id()));
    }
    return node;
  }

  static ObjectNode cancel(AccountState.Cancellation c) {
    OrderRecord o = c.order();
    ObjectNode node = SimulatorJson.object()
        .put("symbol", o.symbol())
        .put("origClientOrderId", c.origClientOrderId())
        .put("orderId", o.orderId())
        .put("orderListId", -1)
        .put("clientOrderId", c.cancelClientOrderId())
        .put("transactTime", c.transactTime());
    return execution(node, o).put("selfTradePreventionMode", "NONE");
  }

  /** The fields a placement (RESULT, FULL) and a cancel answer share, in the documented order. */
  private static ObjectNode execution(ObjectNode node, OrderRecord o) {
    return node.put("price", decimal(o.price()))
        .put("origQty", decimal(o.origQty()))
        .put("executedQty", decimal(o.executedQty()))
        .put("origQuoteOrderQty", QUOTE_ORDER_QTY_ZERO)
        .put("cummulativeQuoteQty", decimal(o.cumulativeQuoteQty()))
        .put("status", o.status().name())
        .put("timeInForce", o.timeInForce())
        .put("type", o.binanceType())
        .put("side", o.side().name());
  }

  /** An order as {@code GET /api/v3/order} and {@code GET /api/v3/openOrders} show it. */
  static ObjectNode order(OrderRecord o) {
    return SimulatorJson.object()
        .put("symbol", o.symbol())
        .put("orderId", o.orderId())
        .put("orderListId", -1)
        .put("clientOrderId", o.clientOrderId())
        .put("price", decimal(o.price()))
        .put("origQty", decimal(o.origQty()))
        .put("executedQty", decimal(o.executedQty()))
        .put("cummulativeQuoteQty", decimal(o.cumulativeQuoteQty()))
        .put("status", o.status().name())
        .put("timeInForce", o.timeInForce())
        .put("type", o.binanceType())
        .put("side", o.side().name())
        .put("stopPrice", ZERO)
        .put("icebergQty", ZERO)
        .put("time", o.time())
        .put("updateTime", o.updateTime())
        .put("isWorking", true)
        .put("workingTime", o.time())
        .put("origQuoteOrderQty", QUOTE_ORDER_QTY_ZERO)
        .put("selfTradePreventionMode", "NONE");
  }

  static ArrayNode orders(List<OrderRecord> orders) {
    ArrayNode list = SimulatorJson.array();
    orders.forEach(o -> list.add(order(o)));
    return list;
  }

  static ArrayNode trades(List<AccountTrade> trades) {
    ArrayNode list = SimulatorJson.array();
    trades.forEach(t -> list.addObject()
        .put("symbol", t.symbol())
        .put("id", t.id())
        .put("orderId", t.orderId())
        .put("orderListId", -1)
        .put("price", decimal(t.price()))
        .put("qty", decimal(t.qty()))
        .put("quoteQty", decimal(t.quoteQty()))
        .put("commission", decimal(t.commission()))
        .put("commissionAsset", t.commissionAsset())
        .put("time", t.time())
        .put("isBuyer", t.buyer())
        .put("isMaker", t.maker())
        .put("isBestMatch", true));
    return list;
  }

  static ObjectNode account(AccountState.Snapshot account, FeeSchedule fees, long uid) {
    ObjectNode node = SimulatorJson.object()
        .put("makerCommission", basisPoints(fees.makerRate()))
        .put("takerCommission", basisPoints(fees.takerRate()))
        .put("buyerCommission", 0)
        .put("sellerCommission", 0);
    node.putObject("commissionRates")
        .put("maker", decimal(fees.makerRate()))
        .put("taker", decimal(fees.takerRate()))
        .put("buyer", ZERO)
        .put("seller", ZERO);
    node.put("canTrade", true)
        .put("canWithdraw", true)
        .put("canDeposit", true)
        .put("brokered", false)
        .put("requireSelfTradePrevention", false)
        .put("preventSor", false)
        .put("updateTime", account.updateTime())
        .put("accountType", "SPOT");
    ArrayNode balances = node.putArray("balances");
    account.balances().forEach(b -> balances.addObject()
        .put("asset", b.asset())
        .put("free", decimal(b.free()))
        .put("locked", decimal(b.locked())));
    node.putArray("permissions").add("SPOT");
    return node.put("uid", uid);
  }

  static ObjectNode listenKey(String key) {
    return SimulatorJson.object().put("listenKey", key);
  }

  static ObjectNode empty() {
    return SimulatorJson.object();
  }

  private static ObjectNode symbol(Instrument i) {
    ObjectNode node = SimulatorJson.object()
        .put("symbol", i.symbol())
        .put("status", "TRADING")
        .put("baseAsset", i.baseAsset())
        .put("baseAssetPrecision", ASSET_PRECISION)
        .put("quoteAsset", i.quoteAsset())
        .put("quotePrecision", ASSET_PRECISION)
        .put("quoteAssetPrecision", ASSET_PRECISION)
        .put("baseCommissionPrecision", ASSET_PRECISION)
        .put("quoteCommissionPrecision", ASSET_PRECISION);
    node.putArray("orderTypes").add("LIMIT").add("MARKET");
    node.put("icebergAllowed", false)
        .put("ocoAllowed", false)
        .put("otoAllowed", false)
        .put("opoAllowed", false)
        .put("quoteOrderQtyMarketAllowed", false)
        .put("allowTrailingStop", false)
        .put("cancelReplaceAllowed", false)
        .put("amendAllowed", false)
        .put("pegInstructionsAllowed", false)
        .put("isSpotTradingAllowed", true)
        .put("isMarginTradingAllowed", false);
    ArrayNode filters = node.putArray("filters");
    filters.addObject()
        .put("filterType", "PRICE_FILTER")
        .put("minPrice", decimal(i.tickSize()))
        .put("maxPrice", decimal(SymbolRules.MAX_PRICE))
        .put("tickSize", decimal(i.tickSize()));
    filters.addObject()
        .put("filterType", "LOT_SIZE")
        .put("minQty", decimal(i.lotSize()))
        .put("maxQty", decimal(SymbolRules.MAX_QUANTITY))
        .put("stepSize", decimal(i.lotSize()));
    filters.addObject()
        .put("filterType", "NOTIONAL")
        .put("minNotional", decimal(i.minNotional()))
        .put("applyMinToMarket", true)
        .put("maxNotional", decimal(SymbolRules.MAX_NOTIONAL))
        .put("applyMaxToMarket", true)
        .put("avgPriceMins", 0);
    node.putArray("permissions");
    node.putArray("permissionSets").addArray().add("SPOT");
    node.put("defaultSelfTradePreventionMode", "NONE");
    node.putArray("allowedSelfTradePreventionModes").add("NONE");
    return node;
  }

  private static int basisPoints(BigDecimal rate) {
    return rate.movePointRight(4).intValue();
  }
}
