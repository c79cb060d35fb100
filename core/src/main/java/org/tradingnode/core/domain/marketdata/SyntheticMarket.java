package org.tradingnode.core.domain.marketdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tradingnode.core.domain.market.BookDelta;
import org.tradingnode.core.domain.market.MarketEvent;
import org.tradingnode.core.domain.market.PriceLevel;
import org.tradingnode.core.domain.market.Quote;
import org.tradingnode.core.domain.market.Trade;
import org.tradingnode.core.domain.order.Side;

/**
 * A seeded, deterministic market for one symbol, for demos, tests and back-tests without data.
 *
 * <p>A hidden fair price follows a geometric random walk whose drift comes from a {@link
 * TrendRegime} and whose step size comes from a {@link VolatilityRegime}; both switch at random and
 * a rare jump is added on top. Each step the standing quote is traded against (buyers lift the ask
 * when the price rises, sellers hit the bid when it falls, mostly), then the quote is re-centred on
 * the fair price with a spread that widens with volatility. Every {@value #SNAPSHOT_INTERVAL}
 * steps, and on the first step, a 10-level book snapshot whose top equals the quote is added.
 *
 * <p>Prices are always on the tick grid and positive, the bid always below the ask. Time is never
 * read from a clock: every event carries the timestamp given to {@link #next(long)}. The same
 * arguments produce the same sequence. Not thread-safe.
 */
public final class SyntheticMarket {

  /** Steps between two book snapshots. */
  public static final int SNAPSHOT_INTERVAL = 50;
  /** Levels per side in a book snapshot. */
  public static final int BOOK_LEVELS = 10;

  private static final long MIN_PRICE_TICKS = 100;
  private static final double DRIFT_PER_STEP = 0.00002;
  private static final double JUMP_VOLATILITY = 0.01;
  private static final double SPREAD_PER_VOLATILITY = 0.5;
  private static final double MEAN_QUOTE_SIZE = 2.0;
  private static final double MEAN_TRADE_SIZE = 0.3;
  private static final double SIZE_UNITS = 1000.0;
  private static final double FOLLOW_MOVE_PROBABILITY = 0.8;
  private static final double QUOTE_REFRESH_PROBABILITY = 0.7;

  private final String symbol;
  private final TickGrid grid;
  private final SplittableRandom random;
  private final double minFairPrice;

  private TrendRegime trend = TrendRegime.FLAT;
  private VolatilityRegime volatility = VolatilityRegime.CALM;
  private double fairPrice;
  private long bidTicks;
  private long askTicks;
  private double bidSize;
  private double askSize;
  private long steps;
  private long nextTradeId = 1;
  private long nextUpdateId = 1;
  private long lastTimestamp = Long.MIN_VALUE;

  /**
   * @param startPrice the initial fair price; at least 100 ticks so that the book has room below
   * @throws IllegalArgumentException for a blank symbol, a non-positive tick or a too small price
   */
  public SyntheticMarket(String symbol, double startPrice, double tickSize, long seed) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    this.grid = new TickGrid(tickSize);
    this.minFairPrice = MIN_PRICE_TICKS * tickSize;
    if (!(startPrice >= minFairPrice) || Double.isInfinite(startPrice)) {
      throw new IllegalArgumentException(
          "start price must be at least " + MIN_PRICE_TICKS + " ticks (" + minFairPrice + "): "
              + startPrice);
    }
    this.random = new SplittableRandom(seed);
    this.fairPrice = startPrice;
  }

  public String symbol() {
    return symbol;
  }

  /** The drift regime the last step was generated in. */
  public TrendRegime trend() {
    return trend;
  }

  /** The volatility regime the last step was generated in. */
  public VolatilityRegime volatility() {
    return volatility;
  }

  /**
   * Generates one step: trades (possibly none) against the standing quote, then usually a new
   * quote, and on snapshot steps a book snapshot. The first step has no trades.
   *
   * @throws IllegalArgumentException if the timestamp is before the previous step's
   */
  public List<MarketEvent> next(long timestampMillis) {
    if (timestampMillis < lastTimestamp) {
      throw new IllegalArgumentException(
          "timestamp " + timestampMillis + " is before the previous step's " + lastTimestamp);
    }
    lastTimestamp = timestampMillis;
    List<MarketEvent> events = new ArrayList<>();
    boolean snapshotDue = steps % SNAPSHOT_INTERVAL == 0;
    boolean quoteChanged = true;
    if (steps > 0) {
      trend = trend.next(random);
      volatility = volatility.next(random);
      double previousFairPrice = fairPrice;
      moveFairPrice();
      addTrades(events, timestampMillis, Double.compare(fairPrice, previousFairPrice));
      long previousBid = bidTicks;
      long previousAsk = askTicks;
      requote();
      quoteChanged = bidTicks != previousBid || askTicks != previousAsk;
    } else {
      requote();
    }
    if (quoteChanged || snapshotDue || random.nextDouble() < QUOTE_REFRESH_PROBABILITY) {
      events.add(quote(timestampMillis));
    }
    if (snapshotDue) {
      events.add(snapshot(timestampMillis));
    }
    steps++;
    return events;
  }

  /** Generates {@code count} steps at {@code startMillis}, {@code startMillis + stepMillis}, ... */
  public List<MarketEvent> run(long startMillis, long stepMillis, int count) {
    if (stepMillis < 0 || count < 0) {
      throw new IllegalArgumentException(
          "step and count must not be negative: " + stepMillis + ", " + count);
    }
    List<MarketEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.addAll(next(startMillis + i * stepMillis));
    }
    return events;
  }

  private void moveFairPrice() {
    double logReturn =
        trend.direction() * DRIFT_PER_STEP + volatility.stepVolatility() * random.nextGaussian();
    if (random.nextDouble() < volatility.jumpProbability()) {
      logReturn += JUMP_VOLATILITY * random.nextGaussian();
    }
    fairPrice = Math.max(fairPrice * Math.exp(logReturn), minFairPrice);
  }

  private void addTrades(List<MarketEvent> events, long timestamp, int moveDirection) {
    int count = poisson(volatility.tradesPerStep());
    for (int i = 0; i < count; i++) {
      Side aggressor = aggressorSide(moveDirection);
      boolean buy = aggressor == Side.BUY;
      double standingSize = buy ? askSize : bidSize;
      double quantity = Math.min(size(MEAN_TRADE_SIZE), standingSize);
      double price = grid.price(buy ? askTicks : bidTicks);
      events.add(new Trade(symbol, timestamp, nextTradeId++, price, quantity, aggressor));
    }
  }

  private Side aggressorSide(int moveDirection) {
    if (moveDirection == 0) {
      return random.nextBoolean() ? Side.BUY : Side.SELL;
    }
    Side following = moveDirection > 0 ? Side.BUY : Side.SELL;
    return random.nextDouble() < FOLLOW_MOVE_PROBABILITY ? following : following.opposite();
  }

  private void requote() {
    double noise = 0.75 + 0.5 * random.nextDouble();
    double spread = SPREAD_PER_VOLATILITY * volatility.stepVolatility() * fairPrice * noise;
    long spreadTicks = Math.max(1, Math.round(spread / grid.tickSize()));
    bidTicks = Math.max(1, grid.ticksAtOrBelow(fairPrice - spreadTicks * grid.tickSize() / 2));
    askTicks = bidTicks + spreadTicks;
    bidSize = size(MEAN_QUOTE_SIZE * volatility.depthFactor());
    askSize = size(MEAN_QUOTE_SIZE * volatility.depthFactor());
  }

  private Quote quote(long timestamp) {
    return new Quote(
        symbol, timestamp, grid.price(bidTicks), bidSize, grid.price(askTicks), askSize);
  }

  private BookDelta snapshot(long timestamp) {
    long maxGap = Math.max(2, askTicks - bidTicks);
    List<PriceLevel> bids = new ArrayList<>(BOOK_LEVELS);
    List<PriceLevel> asks = new ArrayList<>(BOOK_LEVELS);
    bids.add(new PriceLevel(grid.price(bidTicks), bidSize));
    asks.add(new PriceLevel(grid.price(askTicks), askSize));
    long bid = bidTicks;
    long ask = askTicks;
    for (int level = 1; level < BOOK_LEVELS; level++) {
      double depth = MEAN_QUOTE_SIZE * volatility.depthFactor() * (1 + 0.5 * level);
      bid -= 1 + random.nextLong(maxGap);
      ask += 1 + random.nextLong(maxGap);
      if (bid >= 1) {
        bids.add(new PriceLevel(grid.price(bid), size(depth)));
      }
      asks.add(new PriceLevel(grid.price(ask), size(depth)));
    }
    long updateId = nextUpdateId++;
    return new BookDelta(symbol, timestamp, updateId, updateId, true, bids, asks);
  }

  /** An exponentially distributed size with the given mean, on a 0.001 grid and never zero. */
  private double size(double mean) {
    double raw = random.nextExponential() * mean;
    return Math.max(1, Math.round(raw * SIZE_UNITS)) / SIZE_UNITS;
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
