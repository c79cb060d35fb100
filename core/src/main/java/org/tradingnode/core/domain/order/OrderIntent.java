package org.tradingnode.core.domain.order;

import java.math.BigDecimal;
import org.tradingnode.core.serialization.CborSerializable;

/**
 * An order a strategy wants placed, before risk has seen it. The client order id is deterministic
 * ({@code strategyId-sequence}) so that every retry of the same intent is recognised downstream.
 * {@code limitPrice} is null for market orders; {@code referencePrice} is the last trade price the
 * strategy saw, used by the price band and notional checks of market orders.
 */
public record OrderIntent(
    String clientOrderId,
    String strategyId,
    String account,
    String exchange,
    String symbol,
    Side side,
    OrderType type,
    BigDecimal quantity,
    BigDecimal limitPrice,
    BigDecimal referencePrice,
    boolean reduceOnly,
    String tag,
    long createdAt)
    implements CborSerializable {

  /** The tag of the orders that close a strategy's positions on an operator's request. */
  public static final String FLATTEN_TAG = "flatten";

  /**
   * True for an order that closes a position on an operator's request: reduce-only and tagged {@link
   * #FLATTEN_TAG}. It is the one kind of new order a halt lets through (risk still checks it).
   */
  public boolean isFlatten() {
    return reduceOnly && FLATTEN_TAG.equals(tag);
  }

  public static String clientOrderId(String strategyId, long sequence) {
    return strategyId + "-" + sequence;
  }

  /** The price used to value this order: its limit, or the reference price for market orders. */
  public BigDecimal valuationPrice() {
    return limitPrice != null ? limitPrice : referencePrice;
  }

  public BigDecimal notional() {
    return valuationPrice().multiply(quantity);
  }

  /** {@code exchange:account}, the id of the connection that places this order. */
  public String connectionId() {
    return exchange + ":" + account;
  }
}
