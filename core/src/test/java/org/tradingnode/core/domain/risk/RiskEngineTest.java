package org.tradingnode.core.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.tradingnode.core.domain.risk.RiskFixtures.LIMITS;
import static org.tradingnode.core.domain.risk.RiskFixtures.SYMBOL;
import static org.tradingnode.core.domain.risk.RiskFixtures.T0;
import static org.tradingnode.core.domain.risk.RiskFixtures.holding;
import static org.tradingnode.core.domain.risk.RiskFixtures.intent;
import static org.tradingnode.core.domain.risk.RiskFixtures.limit;
import static org.tradingnode.core.domain.risk.RiskFixtures.market;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tradingnode.core.domain.mode.TradingMode;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;

class RiskEngineTest {

  private final RiskEngine engine = RiskEngine.standard();

  private static void assertDenied(DenyReason expected, RiskDecision decision) {
    RiskDecision.Denied denied = assertInstanceOf(RiskDecision.Denied.class, decision);
    assertEquals(expected, denied.reason());
  }

  private static OrderIntent reduceOnlySell(String quantity) {
    return intent("s1", SYMBOL, Side.SELL, OrderType.MARKET, quantity, null, "100", true, T0);
  }

  @Test
  void saneIntentIsApprovedWhileRunning() {
    RiskDecision decision = engine.evaluate(limit(Side.BUY, "1", "100"), TradingMode.RUNNING,
        AccountExposure.empty(), LIMITS, T0);

    assertInstanceOf(RiskDecision.Approved.class, decision);
  }

  @ParameterizedTest
  @EnumSource(value = TradingMode.class, names = {"HALTED", "SHUTDOWN"})
  void haltedDeniesEverythingWithTradingHalted(TradingMode mode) {
    var exposure = holding("10", "100");

    assertDenied(DenyReason.TRADING_HALTED,
        engine.evaluate(limit(Side.BUY, "1", "100"), mode, exposure, LIMITS, T0));
    assertDenied(DenyReason.TRADING_HALTED, engine.evaluate(reduceOnlySell("5"), mode, exposure, LIMITS, T0));
  }

  @Test
  void aHaltLetsAnOperatorsFlattenOrderThroughWhenItReducesThePosition() {
    var exposure = holding("10", "100");
    OrderIntent flatten = intent("s1", SYMBOL, Side.SELL, OrderType.MARKET, "5", null, "100", true,
        OrderIntent.FLATTEN_TAG, T0);
    OrderIntent growing = intent("s1", SYMBOL, Side.BUY, OrderType.MARKET, "5", null, "100", true,
        OrderIntent.FLATTEN_TAG, T0);

    assertInstanceOf(RiskDecision.Approved.class, engine.evaluate(flatten, TradingMode.HALTED, exposure, LIMITS, T0));
    assertDenied(DenyReason.TRADING_HALTED, engine.evaluate(growing, TradingMode.HALTED, exposure, LIMITS, T0));
    assertDenied(DenyReason.TRADING_HALTED, engine.evaluate(flatten, TradingMode.SHUTDOWN, exposure, LIMITS, T0));
  }

  @ParameterizedTest
  @EnumSource(value = TradingMode.class, names = {"MAINTENANCE", "INITIALIZING"})
  void maintenanceDeniesEverythingWithMaintenance(TradingMode mode) {
    var exposure = holding("10", "100");

    assertDenied(DenyReason.MAINTENANCE, engine.evaluate(reduceOnlySell("5"), mode, exposure, LIMITS, T0));
  }

  @Test
  void safeModeLetsAReducingSellThrough() {
    var exposure = holding("10", "100");

    RiskDecision decision = engine.evaluate(reduceOnlySell("5"), TradingMode.SAFE_MODE, exposure, LIMITS, T0);

    assertInstanceOf(RiskDecision.Approved.class, decision);
  }

  @Test
  void safeModeDeniesABuyWithSafeModeReduceOnly() {
    var exposure = holding("10", "100");

    assertDenied(DenyReason.SAFE_MODE_REDUCE_ONLY,
        engine.evaluate(market(Side.BUY, "1", "100"), TradingMode.SAFE_MODE, exposure, LIMITS, T0));
  }

  @Test
  void safeModeDeniesAReducingSellWhenApprovedSellsAlreadyCloseTheWholeLong() {
    var exposure = holding("10", "100").recordApproved(reduceOnlySell("10"), T0);

    assertDenied(DenyReason.REDUCE_ONLY_VIOLATION,
        engine.evaluate(reduceOnlySell("10"), TradingMode.SAFE_MODE, exposure, LIMITS, T0));
  }

  @Test
  void safeModeDeniesASellThatWouldFlipTheLong() {
    var exposure = holding("10", "100");

    assertDenied(DenyReason.SAFE_MODE_REDUCE_ONLY,
        engine.evaluate(market(Side.SELL, "10.5", "90"), TradingMode.SAFE_MODE, exposure, LIMITS, T0));
  }

  @Test
  void reduceOnlyIntentThatWouldIncreaseIsDeniedWithReduceOnlyViolation() {
    var flat = AccountExposure.empty();
    var buy = intent("s1", SYMBOL, Side.BUY, OrderType.MARKET, "1", null, "100", true, T0);

    assertDenied(DenyReason.REDUCE_ONLY_VIOLATION, engine.evaluate(buy, TradingMode.RUNNING, flat, LIMITS, T0));
    assertDenied(DenyReason.REDUCE_ONLY_VIOLATION,
        engine.evaluate(reduceOnlySell("1"), TradingMode.RUNNING, flat, LIMITS, T0));
  }

  @Test
  void reduceOnlySellLargerThanTheLongIsDeniedWithReduceOnlyViolation() {
    var exposure = holding("2", "100");

    assertDenied(DenyReason.REDUCE_ONLY_VIOLATION,
        engine.evaluate(reduceOnlySell("3"), TradingMode.RUNNING, exposure, LIMITS, T0));
  }

  @Test
  void firstObjectingRuleDecides() {
    var exposure = AccountExposure.empty()
        .recordApproved(limit(Side.BUY, "1", "100"), T0)
        .recordApproved(limit(Side.BUY, "1", "100"), T0)
        .recordApproved(limit(Side.BUY, "1", "100"), T0);
    var tooBig = limit(Side.BUY, "20", "100");
    RiskEngine notionalFirst = new RiskEngine(List.of(new MaxOrderNotionalRule(), new MaxOpenOrdersRule()));
    RiskEngine openOrdersFirst = new RiskEngine(List.of(new MaxOpenOrdersRule(), new MaxOrderNotionalRule()));

    assertDenied(DenyReason.MAX_ORDER_NOTIONAL,
        notionalFirst.evaluate(tooBig, TradingMode.RUNNING, exposure, LIMITS, T0));
    assertDenied(DenyReason.MAX_OPEN_ORDERS,
        openOrdersFirst.evaluate(tooBig, TradingMode.RUNNING, exposure, LIMITS, T0));
  }

  @Test
  void standardEngineChecksTheIntentsAgeFirst() {
    var staleAndTooBig = limit(Side.BUY, "20", "100");

    assertDenied(DenyReason.STALE_INTENT, engine.evaluate(staleAndTooBig, TradingMode.RUNNING,
        AccountExposure.empty(), LIMITS, T0 + IntentAgeRule.MAX_AGE_MS + 1));
  }

  @Test
  void modeIsCheckedBeforeAnyRule() {
    var staleAndTooBig = limit(Side.BUY, "20", "100");

    assertDenied(DenyReason.TRADING_HALTED, engine.evaluate(staleAndTooBig, TradingMode.HALTED,
        AccountExposure.empty(), LIMITS, T0 + IntentAgeRule.MAX_AGE_MS + 1));
  }
}
