package org.tradingnode.core.venue.binance;

import java.time.Clock;

/**
 * Keeps the client within Binance's request-weight limit so it is never banned: the used weight
 * comes from each answer's {@code X-MBX-USED-WEIGHT-1M} header; past a share of the limit only
 * order traffic goes out until the minute turns, and at the limit nothing does; after a 429 or 418 nothing goes out until the
 * {@code Retry-After} the venue gave has passed. Thread-safe.
 */
final class BinanceRateGate {
  private static final double RESERVE_FOR_ORDERS = 0.9;
  private final Clock clock;
  private final int weightLimit;
  private long usedWeight;
  private long usedInMinute;
  private long blockedUntil;

  BinanceRateGate(Clock clock, int weightLimit) {
    this.clock = clock;
    this.weightLimit = weightLimit;
  }

  /** Why a request may not go out now, or null when it may. */
  synchronized String holdBack(boolean orderTraffic) {
    long now = clock.millis();
    if (now < blockedUntil) {
      return "rate limited by the venue for another " + (blockedUntil - now) + " ms";
    }
    if (now / 60_000 == usedInMinute
        && usedWeight >= (orderTraffic ? weightLimit : weightLimit * RESERVE_FOR_ORDERS)) {
      return "request weight " + usedWeight + " of " + weightLimit + " used this minute";
    }
    return null;
  }

  /**
   * The weight an answer reported. Answers of requests in flight together are read in any order, and the
   * venue's count only grows within its minute: an older, lower figure read after a newer one must not
   * let more requests out, so within a minute the highest figure stands.
   */
  synchronized void usedWeight(long weight) {
    long minute = clock.millis() / 60_000;
    usedWeight = minute == usedInMinute ? Math.max(usedWeight, weight) : weight;
    usedInMinute = minute;
  }

  /** A 429 or 418: wait as long as the venue says (at least a second). */
  synchronized void throttled(long retryAfterSeconds) {
    blockedUntil = Math.max(blockedUntil, clock.millis() + Math.max(1, retryAfterSeconds) * 1000);
  }
}
