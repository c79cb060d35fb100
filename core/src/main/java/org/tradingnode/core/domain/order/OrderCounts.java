package org.tradingnode.core.domain.order;

import org.tradingnode.core.serialization.CborSerializable;

/**
 * How many orders an owner intended and how they ended, kept instead of the closed orders themselves.
 *
 * @param intended orders intended (client order ids issued)
 * @param filled orders that filled completely
 * @param canceled orders cancelled, possibly after partial fills
 * @param rejected orders refused by risk or the venue
 * @param expired orders that ended without a request
 * @param fills fills recorded
 */
public record OrderCounts(long intended, long filled, long canceled, long rejected, long expired, long fills)
    implements CborSerializable {

  public static final OrderCounts NONE = new OrderCounts(0, 0, 0, 0, 0, 0);

  /** Orders that are closed. */
  public long closed() {
    return filled + canceled + rejected + expired;
  }

  public OrderCounts withIntended(long more) {
    return new OrderCounts(intended + more, filled, canceled, rejected, expired, fills);
  }

  public OrderCounts withFill() {
    return new OrderCounts(intended, filled, canceled, rejected, expired, fills + 1);
  }

  /** One more order ended with this final status. */
  public OrderCounts withClosed(OrderStatus status) {
    return switch (status) {
      case FILLED -> new OrderCounts(intended, filled + 1, canceled, rejected, expired, fills);
      case CANCELED -> new OrderCounts(intended, filled, canceled + 1, rejected, expired, fills);
      case REJECTED -> new OrderCounts(intended, filled, canceled, rejected + 1, expired, fills);
      case EXPIRED -> new OrderCounts(intended, filled, canceled, rejected, expired + 1, fills);
      default -> throw new IllegalArgumentException("not a final status: " + status);
    };
  }
}
