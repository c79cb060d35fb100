package org.tradingnode.core.domain.strategy;

import java.math.BigDecimal;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

/**
 * An order a strategy's logic would like to place. The strategy entity turns it into an
 * {@link org.tradingnode.core.domain.order.OrderIntent} with a client order id.
 */
public record IntentProposal(
    String symbol,
    Side side,
    OrderType type,
    BigDecimal quantity,
    BigDecimal limitPrice,
    BigDecimal referencePrice,
    boolean reduceOnly,
    String tag) {}
