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
import org.openjdk.jmh.annotations.Warmup;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.order.OrderIntent;
import org.tradingnode.core.domain.order.OrderType;
import org.tradingnode.core.domain.order.Side;
import org.tradingnode.core.domain.order.VenueReport;
import org.tradingnode.core.domain.paper.PaperExchange;

/**
 * Placing a market order on the paper venue that fills at once against the standing BTCUSDT quote:
 * validation (lot, notional, free balance), acceptance, one taker fill and the balance update.
 * Buys and sells of 0.01 BTC alternate so that the balances stay put apart from fees and spread; the
 * venue is rebuilt before every iteration all the same.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class PaperMarketOrderBenchmark {

  private final OrderIntent[] alternatingOrders = {
      marketOrder(1, Side.BUY), marketOrder(2, Side.SELL)
  };
  private PaperExchange venue;
  private long placed;

  @Setup(Level.Iteration)
  public void openVenueWithQuote() {
    venue = new PaperExchange(List.of(TradingSamples.btcUsdt()), TradingSamples.paperFees(),
        Map.of("USDT", new BigDecimal("1000000000"), "BTC", new BigDecimal("1000")));
    venue.onMarketEvent(new Quote(TradingSamples.BTCUSDT, TradingSamples.START_TIME, 60_000.00, 1.5, 60_000.01, 1.2));
    List<VenueReport> reports = venue.place(alternatingOrders[0], TradingSamples.START_TIME + 1);
    if (reports.size() != 2 || !(reports.get(1) instanceof VenueReport.Filled)) {
      throw new IllegalStateException("the market order should be accepted and filled at once: " + reports);
    }
    placed = 1;
  }

  @Benchmark
  public List<VenueReport> placeMarketOrder() {
    long sequence = placed++;
    return venue.place(alternatingOrders[(int) (sequence & 1)], TradingSamples.START_TIME + sequence);
  }

  private static OrderIntent marketOrder(long sequence, Side side) {
    return TradingSamples.intent("momentum-btc", sequence, TradingSamples.BTCUSDT, side, OrderType.MARKET, "0.01000",
        null, "60000.00", TradingSamples.START_TIME);
  }
}
