package org.tradingnode.bench.jmh;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.paper.PaperExchange;

/**
 * A public trade on the paper venue that crosses a resting limit order and fills part of it as
 * maker. The venue holds a large resting buy below the quote and a large resting sell above it;
 * trades alternately print at the buy's and at the sell's price for 0.01 BTC, so every event makes
 * exactly one maker fill while both orders stay open (they would last for 10^8 events) and the
 * balances stay put apart from fees. The venue is rebuilt before every iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class PaperRestingOrderMatchBenchmark {

  private static final String RESTING_QUANTITY = "1000000.00000";
  private static final String BUY_PRICE = "59990.00";
  private static final String SELL_PRICE = "60010.00";
  private static final double TRADE_QUANTITY = 0.01;

  private final OrderIntent restingBuy = restingOrder(1, Side.BUY, BUY_PRICE);
  private final OrderIntent restingSell = restingOrder(2, Side.SELL, SELL_PRICE);
  private final MarketEvent[] alternatingTrades = {
      new Trade(TradingSamples.BTCUSDT, TradingSamples.START_TIME + 10, 1L, Double.parseDouble(BUY_PRICE),
          TRADE_QUANTITY, Side.BUY),
      new Trade(TradingSamples.BTCUSDT, TradingSamples.START_TIME + 11, 2L, Double.parseDouble(SELL_PRICE),
          TRADE_QUANTITY, Side.SELL)
  };
  private PaperExchange venue;
  private long events;

  @Setup(Level.Iteration)
  public void openVenueWithRestingOrders() {
    venue = new PaperExchange(List.of(TradingSamples.btcUsdt()), TradingSamples.paperFees(),
        Map.of("USDT", new BigDecimal("100000000000"), "BTC", new BigDecimal("2000000")));
    venue.onMarketEvent(new Quote(TradingSamples.BTCUSDT, TradingSamples.START_TIME, 60_000.00, 1.5, 60_000.01, 1.2));
    for (OrderIntent resting : List.of(restingBuy, restingSell)) {
      List<VenueReport> reports = venue.place(resting, TradingSamples.START_TIME + 1);
      if (reports.size() != 1 || !(reports.get(0) instanceof VenueReport.Accepted)) {
        throw new IllegalStateException("the limit order should rest: " + reports);
      }
    }
    events = 0;
  }

  @Benchmark
  public List<VenueReport> tradeFillsRestingLimitOrder() {
    return venue.onMarketEvent(alternatingTrades[(int) (events++ & 1)]);
  }

  /** Fails the run if a resting order filled completely, after which events would match nothing. */
  @TearDown(Level.Iteration)
  public void checkBothOrdersStillRest() {
    if (venue.openOrders().size() != 2) {
      throw new IllegalStateException("a resting order was used up after " + events + " events");
    }
  }

  private static OrderIntent restingOrder(long sequence, Side side, String limitPrice) {
    return TradingSamples.intent("market-maker", sequence, TradingSamples.BTCUSDT, side, OrderType.LIMIT,
        RESTING_QUANTITY, limitPrice, "60000.00", TradingSamples.START_TIME);
  }
}
