package org.tradingnode.core.domain.paper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradingnode.core.domain.instrument.Instrument;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.Order;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueRejectReason;
import org.tradingnode.core.domain.order.VenueReport;

/**
 * A simulated spot venue for one account. Market orders and the marketable part of limit and IOC
 * orders fill as taker against the displayed top of book (never more than its size); the rest of a
 * market or IOC order expires, the rest of a limit order rests and fills as maker when a quote or a
 * trade crosses its price. Balances are totals per asset; what open orders hold is derived from them,
 * so the venue can be rebuilt from balances and open orders alone.
 */
public final class PaperExchange {
  private final Map<String, Instrument> instruments;
  private final FeeSchedule fees;
  private final Map<String, BigDecimal> balances;
  private final Map<String, Order> openOrders = new LinkedHashMap<>();
  private final Map<String, Quote> quotes = new HashMap<>();

  public PaperExchange(Collection<Instrument> instruments, FeeSchedule fees, Map<String, BigDecimal> balances) {
    this.instruments = new HashMap<>();
    instruments.forEach(i -> this.instruments.put(i.symbol(), i));
    this.fees = fees;
    this.balances = new HashMap<>(balances);
  }

  /** A venue holding these balances and open orders, as it was before a restart. */
  public static PaperExchange restore(Collection<Instrument> instruments, FeeSchedule fees,
      Map<String, BigDecimal> balances, Collection<Order> openOrders) {
    PaperExchange venue = new PaperExchange(instruments, fees, balances);
    openOrders.forEach(o -> venue.openOrders.put(o.clientOrderId(), o));
    return venue;
  }

  public Map<String, BigDecimal> balances() {
    return Map.copyOf(balances);
  }

  public List<Order> openOrders() {
    return List.copyOf(openOrders.values());
  }

  public Optional<Order> openOrder(String clientOrderId) {
    return Optional.ofNullable(openOrders.get(clientOrderId));
  }

  /** Balance of the asset not held by open orders. */
  public BigDecimal freeBalance(String asset) {
    BigDecimal held = BigDecimal.ZERO;
    for (Order o : openOrders.values()) {
      Instrument i = instruments.get(o.intent().symbol());
      if (o.intent().side() == Side.BUY && i.quoteAsset().equals(asset)) {
        held = held.add(costWithFee(i, o.remainingQuantity(), o.intent().limitPrice()));
      } else if (o.intent().side() == Side.SELL && i.baseAsset().equals(asset)) {
        held = held.add(o.remainingQuantity());
      }
    }
    return balances.getOrDefault(asset, BigDecimal.ZERO).subtract(held);
  }

  /**
   * Places an order; the reports say what happened to it at once: the acceptance with what traded
   * against the book, then the expiry of a market or IOC remainder.
   */
  public List<VenueReport> place(OrderIntent intent, long now) {
    String cid = intent.clientOrderId();
    Instrument instrument = instruments.get(intent.symbol());
    Optional<VenueReport> refusal = validate(intent, instrument, now);
    if (refusal.isPresent()) {
      return List.of(refusal.get());
    }
    Order order = Order.of(intent).accept("paper-" + cid, now);
    List<VenueReport> immediate = new ArrayList<>();
    Quote quote = quotes.get(intent.symbol());
    if (quote != null) {
      BigDecimal touch = BigDecimal.valueOf(intent.side() == Side.BUY ? quote.askPrice() : quote.bidPrice());
      double size = intent.side() == Side.BUY ? quote.askSize() : quote.bidSize();
      if (isMarketable(intent, touch)) {
        order = fillAt(order, instrument, touch, size, false, now, immediate);
      }
    }
    List<Fill> fills = immediate.stream().map(r -> ((VenueReport.Filled) r).fill()).toList();
    List<VenueReport> reports = new ArrayList<>();
    reports.add(new VenueReport.Accepted(cid, order.venueOrderId(), now, fills));
    if (order.isOpen()) {
      if (intent.type() == OrderType.LIMIT) {
        openOrders.put(cid, order);
      } else {
        reports.add(new VenueReport.Expired(cid, now, "IOC_REMAINDER: filled "
            + order.filledQuantity().stripTrailingZeros().toPlainString() + " of "
            + intent.quantity().stripTrailingZeros().toPlainString()
            + ", no more liquidity at the touch (the paper venue fills market orders at the best price only)"));
      }
    }
    return reports;
  }

  public List<VenueReport> cancel(String clientOrderId, long now) {
    Order removed = openOrders.remove(clientOrderId);
    return removed == null ? List.of() : List.of(new VenueReport.Canceled(clientOrderId, now));
  }

  /** Updates the market and fills resting orders the event crosses. */
  public List<VenueReport> onMarketEvent(MarketEvent event) {
    if (event instanceof Quote q) {
      quotes.put(q.symbol(), q);
      return matchResting(q.symbol(), q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize(), q.timestamp());
    }
    if (event instanceof Trade t) {
      boolean buyerAggressed = t.aggressor() == Side.BUY;
      double bid = buyerAggressed ? 0 : t.price();
      double ask = buyerAggressed ? t.price() : Double.MAX_VALUE;
      return matchResting(t.symbol(), bid, buyerAggressed ? 0 : t.quantity(), ask,
          buyerAggressed ? t.quantity() : 0, t.timestamp());
    }
    return List.of();
  }

  private List<VenueReport> matchResting(String symbol, double bid, double bidSize, double ask, double askSize,
      long now) {
    if (openOrders.isEmpty()) {
      return List.of();
    }
    List<VenueReport> reports = new ArrayList<>();
    for (Order order : List.copyOf(openOrders.values())) {
      OrderIntent intent = order.intent();
      if (!intent.symbol().equals(symbol)) {
        continue;
      }
      double limit = intent.limitPrice().doubleValue();
      boolean crossed = intent.side() == Side.BUY ? ask <= limit : bid >= limit;
      double size = intent.side() == Side.BUY ? askSize : bidSize;
      if (crossed && size > 0) {
        Order after = fillAt(order, instruments.get(symbol), intent.limitPrice(), size, true, now, reports);
        if (after.isOpen()) {
          openOrders.put(after.clientOrderId(), after);
        } else {
          openOrders.remove(after.clientOrderId());
        }
      }
    }
    return reports;
  }

  private Order fillAt(Order order, Instrument instrument, BigDecimal price, double available, boolean maker,
      long now, List<VenueReport> reports) {
    BigDecimal quantity = order.remainingQuantity().min(instrument.roundQuantity(BigDecimal.valueOf(available)));
    if (quantity.signum() <= 0) {
      return order;
    }
    BigDecimal fillPrice = instrument.roundPrice(price, RoundingMode.HALF_EVEN);
    BigDecimal notional = fillPrice.multiply(quantity);
    BigDecimal fee = fee(instrument, notional, maker);
    OrderIntent intent = order.intent();
    BigDecimal filledAfter = order.filledQuantity().add(quantity);
    Fill fill = new Fill(order.clientOrderId() + "-" + filledAfter.stripTrailingZeros().toPlainString(),
        order.clientOrderId(), intent.symbol(), intent.side(), fillPrice, quantity, fee, maker, now);
    SpotBalances.applyFill(balances, instrument, fill);
    reports.add(new VenueReport.Filled(fill));
    return order.fill(fill);
  }

  private Optional<VenueReport> validate(OrderIntent intent, Instrument instrument, long now) {
    String cid = intent.clientOrderId();
    if (openOrders.containsKey(cid)) {
      return reject(cid, VenueRejectReason.DUPLICATE_CLIENT_ORDER_ID, "client order id already open", now);
    }
    if (instrument == null) {
      return reject(cid, VenueRejectReason.UNKNOWN_SYMBOL, intent.symbol() + " is not listed", now);
    }
    if (intent.quantity() == null || intent.quantity().signum() <= 0) {
      return reject(cid, VenueRejectReason.INVALID_QUANTITY, "quantity must be positive", now);
    }
    if (!instrument.isOnLot(intent.quantity())) {
      return reject(cid, VenueRejectReason.INVALID_LOT,
          "quantity " + intent.quantity().toPlainString() + " is not a multiple of " + instrument.lotSize(), now);
    }
    boolean needsLimit = intent.type() != OrderType.MARKET;
    if (needsLimit && (intent.limitPrice() == null || intent.limitPrice().signum() <= 0
        || !instrument.isOnTick(intent.limitPrice()))) {
      return reject(cid, VenueRejectReason.INVALID_TICK,
          "limit price must be a positive multiple of " + instrument.tickSize(), now);
    }
    Quote quote = quotes.get(intent.symbol());
    BigDecimal price;
    if (needsLimit) {
      price = intent.limitPrice();
    } else if (quote == null) {
      return reject(cid, VenueRejectReason.NO_MARKET_DATA, "no quote for " + intent.symbol() + " yet", now);
    } else {
      price = BigDecimal.valueOf(intent.side() == Side.BUY ? quote.askPrice() : quote.bidPrice());
    }
    if (price.multiply(intent.quantity()).compareTo(instrument.minNotional()) < 0) {
      return reject(cid, VenueRejectReason.BELOW_MIN_NOTIONAL,
          "notional below the minimum of " + instrument.minNotional().toPlainString(), now);
    }
    boolean enough = intent.side() == Side.BUY
        ? freeBalance(instrument.quoteAsset()).compareTo(costWithFee(instrument, intent.quantity(), price)) >= 0
        : freeBalance(instrument.baseAsset()).compareTo(intent.quantity()) >= 0;
    if (!enough) {
      String asset = intent.side() == Side.BUY ? instrument.quoteAsset() : instrument.baseAsset();
      return reject(cid, VenueRejectReason.INSUFFICIENT_BALANCE,
          "free " + asset + " " + freeBalance(asset).toPlainString() + " is not enough", now);
    }
    return Optional.empty();
  }

  private static boolean isMarketable(OrderIntent intent, BigDecimal touch) {
    if (intent.type() == OrderType.MARKET) {
      return true;
    }
    int cmp = intent.limitPrice().compareTo(touch);
    return intent.side() == Side.BUY ? cmp >= 0 : cmp <= 0;
  }

  /**
   * The most a buy can cost: at the taker rate, with the fee rounded exactly as a fill rounds it, and
   * the price rounded up to the tick as a fill at an off-tick touch would be.
   */
  private BigDecimal costWithFee(Instrument instrument, BigDecimal quantity, BigDecimal price) {
    BigDecimal notional = instrument.roundPrice(price, RoundingMode.CEILING).multiply(quantity);
    return notional.add(fee(instrument, notional, false));
  }

  private BigDecimal fee(Instrument instrument, BigDecimal notional, boolean maker) {
    return notional.multiply(fees.rate(maker)).setScale(instrument.tickSize().scale(), RoundingMode.HALF_UP);
  }

  private static Optional<VenueReport> reject(String cid, VenueRejectReason reason, String detail, long now) {
    return Optional.of(new VenueReport.Rejected(cid, reason, detail, now));
  }
}
