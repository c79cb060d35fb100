package org.tradingnode.http.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * Binance's REQUEST_WEIGHT limiter, one per simulator: every client of a simulator is 127.0.0.1,
 * and Binance counts weight per IP, so one counter is what Binance would keep. Weight is counted in
 * minute windows aligned to the clock (what {@code X-MBX-USED-WEIGHT-1M} reports). A request that
 * would go past the limit is refused (429, not counted) with the seconds until the window ends; a
 * client that keeps sending after {@code throttledBeforeBan} such refusals in one window is banned
 * (418) for {@code banDuration}, every request of the ban refused with the seconds until its end.
 * Thread-safe.
 */
final class RequestWeightLimiter {
  private static final long WINDOW_MS = 60_000;

  /** What happens to a request. */
  enum Verdict { ALLOWED, THROTTLED, BANNED }

  /** The verdict with the weight used in this window and, when refused, how long to wait. */
  record Admission(Verdict verdict, int usedWeight, long retryAfterSeconds, long bannedUntil) {}

  private final int limit;
  private final int throttledBeforeBan;
  private final Duration banDuration;
  private final Clock clock;
  private long windowStart = Long.MIN_VALUE;
  private int used;
  private int throttledInWindow;
  private long bannedUntil;

  RequestWeightLimiter(int limit, int throttledBeforeBan, Duration banDuration, Clock clock) {
    this.limit = limit;
    this.throttledBeforeBan = throttledBeforeBan;
    this.banDuration = banDuration;
    this.clock = clock;
  }

  synchronized Admission admit(int weight) {
    long now = clock.millis();
    rollWindow(now);
    if (now < bannedUntil) {
      return banned(now);
    }
    if (used + weight > limit) {
      throttledInWindow++;
      if (throttledInWindow > throttledBeforeBan) {
        bannedUntil = now + banDuration.toMillis();
        throttledInWindow = 0;
        return banned(now);
      }
      return new Admission(Verdict.THROTTLED, used, secondsUntil(windowStart + WINDOW_MS, now), 0);
    }
    used += weight;
    return new Admission(Verdict.ALLOWED, used, 0, 0);
  }

  /** Weight used in the current window. */
  synchronized int usedWeight() {
    rollWindow(clock.millis());
    return used;
  }

  /** Seconds until the current window ends, at least one: what a 429 asks a client to wait. */
  synchronized long secondsToNextWindow() {
    long now = clock.millis();
    rollWindow(now);
    return secondsUntil(windowStart + WINDOW_MS, now);
  }

  /** Epoch milliseconds the current ban ends, or 0 when none was given. */
  synchronized long bannedUntil() {
    return bannedUntil;
  }

  private void rollWindow(long now) {
    long start = now - Math.floorMod(now, WINDOW_MS);
    if (start != windowStart) {
      windowStart = start;
      used = 0;
      throttledInWindow = 0;
    }
  }

  private Admission banned(long now) {
    return new Admission(Verdict.BANNED, used, secondsUntil(bannedUntil, now), bannedUntil);
  }

  private static long secondsUntil(long end, long now) {
    return Math.max(1, (end - now + 999) / 1000);
  }
}
