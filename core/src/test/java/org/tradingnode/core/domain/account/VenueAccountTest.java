package org.tradingnode.core.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.Fill;
import org.tradingnode.core.domain.order.OrderChange;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderLedger;
import org.tradingnode.core.domain.order.OrderStatus;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

class VenueAccountTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final VenueAccount.Assets BTC_USDT = new VenueAccount.Assets("BTC", "USDT");

  private final Map<String, BigDecimal> balances = new HashMap<>(Map.of("USDT", new BigDecimal("1000")));
  private final OrderLedger ledger = OrderLedger.empty();
  private final VenueAccount account = new VenueAccount(balances, ledger, 1);

  private static OrderIntent intent(String id) {
    return new OrderIntent(id, "s1", "acc", "paper", "BTCUSDT", Side.BUY, OrderType.MARKET, new BigDecimal("2"), null,
        new BigDecimal("100"), false, "t", T0);
  }

  private static Fill fill(String id, String orderId, String quantity) {
    return new Fill(id, orderId, "BTCUSDT", Side.BUY, new BigDecimal("100"), new BigDecimal(quantity),
        new BigDecimal("0.1"), false, T0 + 1);
  }

  @Test
  void anAcceptanceWithItsFillsMovesTheBalancesAndFillsTheOrderInTheLedger() {
    account.submitted(intent("s1-1"));

    boolean held = account.changed("s1-1", new OrderChange.Accepted("v1", T0 + 1,
        List.of(fill("f1", "s1-1", "1.5"), fill("f2", "s1-1", "0.5"))), BTC_USDT);

    assertTrue(held);
    assertEquals(0, new BigDecimal("2").compareTo(balances.get("BTC")));
    assertEquals(0, new BigDecimal("799.8").compareTo(balances.get("USDT")), "200 paid and 0.2 in fees");
    assertEquals(OrderStatus.FILLED, ledger.order("s1-1").orElseThrow().status());
    assertEquals(2, ledger.fillsOf("s1-1").size());
  }

  @Test
  void fillsWhoseAssetsAreUnknownLeaveTheBalancesForTheVenuesReconciliation() {
    account.submitted(intent("s1-1"));

    account.changed("s1-1", new OrderChange.Filled(List.of(fill("f1", "s1-1", "1"))), VenueAccount.Assets.UNKNOWN);

    assertEquals(Map.of("USDT", new BigDecimal("1000")), balances);
    assertEquals(OrderStatus.PARTIALLY_FILLED, ledger.order("s1-1").orElseThrow().status());
  }

  @Test
  void aChangeToAnOrderThatLeftTheWindowMovesTheBalancesButNothingElse() {
    account.submitted(intent("s1-1"));
    account.changed("s1-1", new OrderChange.Closed(OrderStatus.CANCELED, "canceled", T0 + 1), BTC_USDT);
    account.submitted(intent("s1-2"));
    account.changed("s1-2", new OrderChange.Closed(OrderStatus.CANCELED, "canceled", T0 + 2), BTC_USDT);

    boolean held = account.changed("s1-1", new OrderChange.Filled(List.of(fill("f9", "s1-1", "1"))), BTC_USDT);

    assertFalse(held, "a window of one closed order keeps only s1-2");
    assertEquals(0, BigDecimal.ONE.compareTo(balances.get("BTC")));
    assertTrue(ledger.order("s1-1").isEmpty());
  }
}
