package org.tradingnode.http.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.paper.FeeSchedule;
import org.tradingnode.core.domain.paper.PaperExchange;

/**
 * One account at the simulated venue: the core's paper matching engine holds its balances and
 * open orders and decides every fill; this class keeps Binance's view around it (per-symbol order
 * ids, statuses, a bounded history of closed orders, the account's trades) and tells the user data
 * stream about every change: an {@code executionReport} per order change, then an
 * {@code outboundAccountPosition} for the assets that moved. Confined to the venue thread.
 */
final class AccountState {
  private static final int TRADE_HISTORY_PER_SYMBOL = 10_000;
  private static final String INSUFFICIENT_BALANCE = "Account has insufficient balance for requested action.";

  /** A placed order as it stands after the matching engine saw it, with the fills it got at once. */
  record Placement(OrderRecord order, List<AccountTrade> fills) {}

  /** A cancelled order with the client order ids of the order and of the cancel. */
  record Cancellation(OrderRecord order, String origClientOrderId, String cancelClientOrderId, long transactTime) {}

  /** Balances as {@code GET /api/v3/account} shows them. */
  record Snapshot(List<AssetBalance> balances, long updateTime) {}

  private record OrderKey(String symbol, long orderId) {}

  private record ClientKey(String symbol, String clientOrderId) {}

  private final SimulatorAccount account;
  private final PaperExchange exchange;
  private final Map<String, SymbolMarket> markets;
  private final int historyLimit;
  private final Consumer<ObjectNode> userEvents;
  private final Map<OrderKey, OrderRecord> orders = new HashMap<>();
  private final Map<String, OrderKey> openByClientId = new HashMap<>();
  private final Map<ClientKey, OrderKey> latestByClientId = new HashMap<>();
  private final Deque<OrderKey> closed = new ArrayDeque<>();
  private final Map<String, Deque<AccountTrade>> trades = new HashMap<>();
  private final Map<String, Integer> acceptedByClientId = new LinkedHashMap<>();
  private long executionIds;
  private long updateTime;

  AccountState(SimulatorAccount account, Map<String, SymbolMarket> markets, FeeSchedule fees, int historyLimit,
      Consumer<ObjectNode> userEvents) {
    this.account = account;
    this.markets = markets;
    this.historyLimit = historyLimit;
    this.userEvents = userEvents;
    this.exchange = new PaperExchange(markets.values().stream().map(SymbolMarket::instrument).toList(), fees,
        account.balances());
  }

  Placement place(NewOrder order, String clientOrderId, long now) {
    Instrument instrument = order.instrument();
    SymbolMarket market = markets.get(instrument.symbol());
    if (order.price() == null) {
      new SymbolRules(instrument).checkNotional(market.midPrice(), order.quantity());
    }
    if (openByClientId.containsKey(clientOrderId)) {
      throw BinanceError.orderRejected("Duplicate order sent.");
    }
    OrderIntent intent = new OrderIntent(clientOrderId, account.name(), account.name(), "binance",
        instrument.symbol(), order.side(), order.type(), order.quantity(), order.price(), null, false, null, now);
    List<VenueReport> reports = exchange.place(intent, now);
    if (reports.get(0) instanceof VenueReport.Rejected rejected) {
      throw refusal(rejected, order, market, now);
    }
    OrderRecord record = OrderRecord.accepted(instrument.symbol(), market.nextOrderId(), clientOrderId, order.side(),
        order.type(), order.price(), order.quantity(), now);
    OrderKey key = new OrderKey(record.symbol(), record.orderId());
    orders.put(key, record);
    openByClientId.put(clientOrderId, key);
    latestByClientId.put(new ClientKey(record.symbol(), clientOrderId), key);
    acceptedByClientId.merge(clientOrderId, 1, Integer::sum);
    report(record, "NEW", clientOrderId, "", null, now);
    List<AccountTrade> fills = apply(reports, now);
    sendPosition(instrument, now);
    return new Placement(orders.get(key), fills);
  }

  Cancellation cancel(String symbol, Optional<Long> orderId, Optional<String> origClientOrderId,
      String cancelClientOrderId, long now) {
    OrderRecord open = find(symbol, orderId, origClientOrderId).filter(o -> o.status().isOpen())
        .orElseThrow(BinanceError::unknownOrder);
    if (exchange.cancel(open.clientOrderId(), now).isEmpty()) {
      throw BinanceError.unknownOrder();
    }
    OrderRecord cancelled = open.closed(OrderRecord.Status.CANCELED, now);
    update(cancelled);
    report(cancelled, "CANCELED", cancelClientOrderId, open.clientOrderId(), null, now);
    sendPosition(markets.get(symbol).instrument(), now);
    return new Cancellation(cancelled, open.clientOrderId(), cancelClientOrderId, now);
  }

  OrderRecord query(String symbol, Optional<Long> orderId, Optional<String> origClientOrderId) {
    return find(symbol, orderId, origClientOrderId).orElseThrow(BinanceError::noSuchOrder);
  }

  /** Open orders, of one symbol or all, oldest first. */
  List<OrderRecord> openOrders(Optional<String> symbol) {
    return orders.values().stream()
        .filter(o -> o.status().isOpen() && symbol.map(o.symbol()::equals).orElse(true))
        .sorted(Comparator.comparingLong(OrderRecord::time).thenComparingLong(OrderRecord::orderId))
        .toList();
  }

  /**
   * The account's trades of a symbol in id order: from {@code fromId} or {@code startTime} the
   * oldest first up to {@code limit}, otherwise the most recent {@code limit}.
   */
  List<AccountTrade> trades(String symbol, Optional<Long> orderId, Optional<Long> fromId, Optional<Long> startTime,
      Optional<Long> endTime, int limit) {
    List<AccountTrade> matching = trades.getOrDefault(symbol, new ArrayDeque<>()).stream()
        .filter(t -> orderId.map(id -> t.orderId() == id).orElse(true))
        .filter(t -> fromId.map(id -> t.id() >= id).orElse(true))
        .filter(t -> startTime.map(s -> t.time() >= s).orElse(true))
        .filter(t -> endTime.map(e -> t.time() <= e).orElse(true))
        .toList();
    if (fromId.isPresent() || startTime.isPresent()) {
      return matching.subList(0, Math.min(limit, matching.size()));
    }
    return matching.subList(Math.max(0, matching.size() - limit), matching.size());
  }

  Snapshot snapshot(boolean omitZeroBalances) {
    TreeSet<String> assets = new TreeSet<>(exchange.balances().keySet());
    markets.values().forEach(m -> {
      assets.add(m.instrument().baseAsset());
      assets.add(m.instrument().quoteAsset());
    });
    List<AssetBalance> balances = new ArrayList<>();
    for (String asset : assets) {
      AssetBalance b = balance(asset);
      if (!omitZeroBalances || b.free().signum() != 0 || b.locked().signum() != 0) {
        balances.add(b);
      }
    }
    return new Snapshot(balances, updateTime);
  }

  /** Accepted orders per client order id since the start. */
  Map<String, Integer> ordersByClientOrderId() {
    return Map.copyOf(acceptedByClientId);
  }

  /**
   * The latest order of each client order id still in the history, as "status executedQty" (for
   * example {@code "FILLED 0.00100"}): what a test compares with the node's view.
   */
  Map<String, String> executionByClientOrderId() {
    Map<String, String> execution = new TreeMap<>();
    latestByClientId.forEach((client, key) -> {
      OrderRecord order = orders.get(key);
      if (order != null) {
        execution.put(client.clientOrderId(), order.status() + " " + order.executedQty().toPlainString());
      }
    });
    return execution;
  }

  /** Lets the matching engine see a market event; resting orders it crosses fill. */
  void onMarketEvent(MarketEvent event, long now) {
    List<VenueReport> reports = exchange.onMarketEvent(event);
    if (!reports.isEmpty()) {
      apply(reports, now);
      sendPosition(markets.get(event.symbol()).instrument(), now);
    }
  }

  private List<AccountTrade> apply(List<VenueReport> reports, long now) {
    List<AccountTrade> fills = new ArrayList<>();
    for (VenueReport report : reports) {
      OrderKey key = openByClientId.get(report.clientOrderId());
      if (key == null) {
        continue;
      }
      OrderRecord before = orders.get(key);
      if (report instanceof VenueReport.Filled filled) {
        fills.add(trade(key, filled.fill(), now));
      } else if (report instanceof VenueReport.Accepted accepted) {
        accepted.fills().forEach(fill -> fills.add(trade(key, fill, now)));
      } else if (report instanceof VenueReport.Expired) {
        OrderRecord after = before.closed(OrderRecord.Status.EXPIRED, now);
        update(after);
        report(after, "EXPIRED", after.clientOrderId(), "", null, now);
      } else if (report instanceof VenueReport.Canceled) {
        OrderRecord after = before.closed(OrderRecord.Status.CANCELED, now);
        update(after);
        report(after, "CANCELED", after.clientOrderId(), "", null, now);
      }
    }
    return fills;
  }

  /** Records a fill of the order as a trade and reports it on the user stream. */
  private AccountTrade trade(OrderKey key, Fill fill, long now) {
    OrderRecord before = orders.get(key);
    AccountTrade trade = trade(before, fill);
    OrderRecord after = before.filled(trade.qty(), trade.price(), now);
    update(after);
    report(after, "TRADE", after.clientOrderId(), "", trade, now);
    return trade;
  }

  private AccountTrade trade(OrderRecord order, Fill fill) {
    SymbolMarket market = markets.get(order.symbol());
    AccountTrade trade = new AccountTrade(order.symbol(), market.nextTradeId(), order.orderId(), fill.price(),
        fill.quantity(), fill.fee(), market.instrument().quoteAsset(), fill.timestamp(), fill.side() == Side.BUY,
        fill.maker());
    Deque<AccountTrade> history = trades.computeIfAbsent(order.symbol(), s -> new ArrayDeque<>());
    history.addLast(trade);
    if (history.size() > TRADE_HISTORY_PER_SYMBOL) {
      history.removeFirst();
    }
    return trade;
  }

  private void update(OrderRecord record) {
    OrderKey key = new OrderKey(record.symbol(), record.orderId());
    orders.put(key, record);
    if (!record.status().isOpen()) {
      openByClientId.remove(record.clientOrderId());
      closed.addLast(key);
      while (closed.size() > historyLimit) {
        OrderKey oldest = closed.removeFirst();
        OrderRecord gone = orders.remove(oldest);
        latestByClientId.remove(new ClientKey(gone.symbol(), gone.clientOrderId()), oldest);
      }
    }
  }

  private Optional<OrderRecord> find(String symbol, Optional<Long> orderId, Optional<String> origClientOrderId) {
    if (orderId.isEmpty() && origClientOrderId.isEmpty()) {
      throw BinanceError.badRequest(-1102,
          "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    }
    Optional<OrderRecord> found = orderId.isPresent()
        ? Optional.ofNullable(orders.get(new OrderKey(symbol, orderId.get())))
        : Optional.ofNullable(latestByClientId.get(new ClientKey(symbol, origClientOrderId.get()))).map(orders::get);
    return found.filter(o -> origClientOrderId.map(o.clientOrderId()::equals).orElse(true));
  }

  /**
   * The error for an order the matching engine refused. Only a refusal for want of balance is also
   * reported on the user data stream (x=REJECTED, r=INSUFFICIENT_BALANCES), as it is the only one
   * among these with a documented reject reason.
   */
  private BinanceError refusal(VenueReport.Rejected rejected, NewOrder order, SymbolMarket market, long now) {
    return switch (rejected.reason()) {
      case INSUFFICIENT_BALANCE -> {
        OrderRecord record = OrderRecord.accepted(order.instrument().symbol(), market.nextOrderId(),
            rejected.clientOrderId(),
            order.side(), order.type(), order.price(), order.quantity(), now).closed(OrderRecord.Status.REJECTED, now);
        report(record, "REJECTED", record.clientOrderId(), "", null, now);
        yield BinanceError.orderRejected(INSUFFICIENT_BALANCE);
      }
      case DUPLICATE_CLIENT_ORDER_ID -> BinanceError.orderRejected("Duplicate order sent.");
      case UNKNOWN_SYMBOL -> BinanceError.invalidSymbol();
      case INVALID_TICK -> BinanceError.filterFailure("PRICE_FILTER");
      case INVALID_LOT, INVALID_QUANTITY -> BinanceError.filterFailure("LOT_SIZE");
      case BELOW_MIN_NOTIONAL -> BinanceError.filterFailure("NOTIONAL");
      default -> BinanceError.orderRejected("Market is closed.");
    };
  }

  private void report(OrderRecord order, String executionType, String clientOrderId, String originalClientOrderId,
      AccountTrade trade, long now) {
    String rejectReason = order.status() == OrderRecord.Status.REJECTED ? "INSUFFICIENT_BALANCES" : "NONE";
    userEvents.accept(StreamPayloads.executionReport(new ExecutionReport(order, executionType, clientOrderId,
        originalClientOrderId, rejectReason, trade, now, ++executionIds)));
  }

  private void sendPosition(Instrument instrument, long now) {
    updateTime = now;
    userEvents.accept(StreamPayloads.outboundAccountPosition(now, now,
        List.of(balance(instrument.baseAsset()), balance(instrument.quoteAsset()))));
  }

  private AssetBalance balance(String asset) {
    BigDecimal total = exchange.balances().getOrDefault(asset, BigDecimal.ZERO);
    BigDecimal free = exchange.freeBalance(asset);
    return new AssetBalance(asset, free, total.subtract(free));
  }
}
