package org.tradingnode.core.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tradingnode.core.domain.risk.RiskFixtures.MONEY_SCALE;
import static org.tradingnode.core.domain.risk.RiskFixtures.SYMBOL;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.assertDecimal;
import static org.tradingnode.core.domain.risk.RiskFixtures.fill;
import static org.tradingnode.core.domain.risk.RiskFixtures.holding;
import static org.tradingnode.core.domain.risk.RiskFixtures.intent;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;

import org.junit.jupiter.api.Test;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

class AccountExposureTest {

  /** 2023-11-15T00:00:00Z, the UTC midnight after T0 (2023-11-14T22:13:20Z). */
  private static final long NEXT_UTC_DAY = 1_700_006_400_000L;

  @Test
  void realizedPnlIsBookedOnTheUtcDayOfTheFill() {
    AccountExposure exposure = AccountExposure.empty()
        .recordFill(fill(SYMBOL, Side.BUY, "100", "2", "0", T0), MONEY_SCALE)
        .recordFill(fill(SYMBOL, Side.SELL, "90", "1", "0", NEXT_UTC_DAY - 1), MONEY_SCALE)
        .recordFill(fill(SYMBOL, Side.SELL, "130", "1", "0", NEXT_UTC_DAY), MONEY_SCALE);

    assertDecimal("-10", exposure.dailyRealizedPnl(T0));
    assertDecimal("30", exposure.dailyRealizedPnl(NEXT_UTC_DAY + 3_600_000L));
  }

  @Test
  void dayWithoutFillsHasNoRealizedPnl() {
    AccountExposure exposure = holding("1", "100");

    assertDecimal("0", exposure.dailyRealizedPnl(NEXT_UTC_DAY));
  }

  @Test
  void feesAreBookedAsRealizedLossOnTheFillsDay() {
    AccountExposure exposure = AccountExposure.empty()
        .recordFill(fill(SYMBOL, Side.BUY, "100", "1", "0.10", T0), MONEY_SCALE);

    assertDecimal("-0.10", exposure.dailyRealizedPnl(T0));
  }

  @Test
  void rateWindowForgetsOrdersOlderThanAMinute() {
    AccountExposure exposure = AccountExposure.empty()
        .recordApproved(limit(Side.BUY, "1", "100"), T0)
        .recordApproved(limit(Side.BUY, "1", "100"), T0 + 30_000L);

    assertEquals(2, exposure.ordersInLastMinute("s1", T0 + 59_999L));
    assertEquals(1, exposure.ordersInLastMinute("s1", T0 + 60_000L));
    assertEquals(0, exposure.ordersInLastMinute("s1", T0 + 90_000L));
  }

  @Test
  void approvingDropsOrderTimesOlderThanAMinute() {
    AccountExposure exposure = AccountExposure.empty()
        .recordApproved(limit(Side.BUY, "1", "100"), T0)
        .recordApproved(limit(Side.BUY, "1", "100"), T0 + 60_000L);

    assertEquals(1, exposure.recentOrderTimes().get("s1").size());
  }

  @Test
  void approvedOrderIsOpenUntilClosed() {
    OrderIntent intent = limit(Side.BUY, "1", "100");
    AccountExposure approved = AccountExposure.empty().recordApproved(intent, T0);

    assertEquals(1, approved.openOrderCount());
    assertEquals(0, approved.recordOrderClosed(intent.clientOrderId()).openOrderCount());
    assertSame(approved, approved.recordOrderClosed("unknown"));
  }

  @Test
  void copyKeepsWhatItSawWhileTheOriginalChanges() {
    OrderIntent intent = limit(Side.BUY, "1", "100");
    AccountExposure exposure = AccountExposure.empty().recordApproved(intent, T0);
    AccountExposure copy = exposure.copy();

    exposure.recordOrderClosed(intent.clientOrderId())
        .recordApproved(limit(Side.BUY, "2", "100"), T0 + 1_000L)
        .recordFill(fill(SYMBOL, Side.BUY, "100", "1", "0", T0), MONEY_SCALE);

    assertEquals(1, copy.openOrderCount());
    assertEquals(1, copy.recentOrderTimes().get("s1").size());
    assertDecimal("0", copy.position(SYMBOL).quantity());
    assertEquals(1, exposure.openOrderCount());
    assertEquals(2, exposure.recentOrderTimes().get("s1").size());
  }

  @Test
  void sellOfAtMostTheLongReducesButASellThroughZeroDoesNot() {
    AccountExposure exposure = holding("2", "100");

    assertTrue(exposure.reducesPosition(limit(Side.SELL, "2", "100")));
    assertFalse(exposure.reducesPosition(limit(Side.SELL, "2.00001", "100")));
    assertFalse(exposure.reducesPosition(limit(Side.BUY, "1", "100")));
    assertFalse(AccountExposure.empty().reducesPosition(limit(Side.SELL, "1", "100")));
  }

  @Test
  void quantityAfterIsThePositionPlusTheSignedIntent() {
    AccountExposure exposure = holding("2", "100");

    assertDecimal("-1", exposure.quantityAfter(limit(Side.SELL, "3", "100")));
    assertDecimal("3", exposure.quantityAfter(limit(Side.BUY, "1", "100")));
  }

  @Test
  void grossExposureValuesPositionsAtTheLastPrice() {
    AccountExposure exposure = holding("2", "100")
        .recordFill(fill("ETHUSDT", Side.SELL, "50", "4", "0", T0), MONEY_SCALE)
        .recordApproved(intent("s1", SYMBOL, Side.BUY, OrderType.MARKET, "1", null, "120", false, T0), T0);

    assertDecimal("440", exposure.grossExposure());
  }
}
