package org.tradingnode.http.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestWeightLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:45Z"));
  private final RequestWeightLimiter limiter = new RequestWeightLimiter(10, 1, Duration.ofMinutes(2), clock);

  @Test
  void weightIsCountedPerMinuteAndStartsAgainWithTheNextMinute() {
    limiter.admit(4);
    limiter.admit(6);

    RequestWeightLimiter.Admission refused = limiter.admit(1);
    clock.advance(Duration.ofSeconds(15));
    RequestWeightLimiter.Admission nextMinute = limiter.admit(3);

    assertEquals(RequestWeightLimiter.Verdict.THROTTLED, refused.verdict());
    assertEquals(10, refused.usedWeight());
    assertEquals(15, refused.retryAfterSeconds());
    assertEquals(RequestWeightLimiter.Verdict.ALLOWED, nextMinute.verdict());
    assertEquals(3, nextMinute.usedWeight());
  }

  @Test
  void aClientThatKeepsSendingAfterBeingRefusedIsBannedForTheBanDuration() {
    limiter.admit(10);

    List<RequestWeightLimiter.Verdict> verdicts = List.of(limiter.admit(1).verdict(), limiter.admit(1).verdict());
    clock.advance(Duration.ofSeconds(30));
    RequestWeightLimiter.Admission duringBan = limiter.admit(1);
    clock.advance(Duration.ofSeconds(90));
    RequestWeightLimiter.Admission afterBan = limiter.admit(1);

    assertEquals(List.of(RequestWeightLimiter.Verdict.THROTTLED, RequestWeightLimiter.Verdict.BANNED), verdicts);
    assertEquals(RequestWeightLimiter.Verdict.BANNED, duringBan.verdict());
    assertEquals(90, duringBan.retryAfterSeconds());
    assertEquals(RequestWeightLimiter.Verdict.ALLOWED, afterBan.verdict());
  }
}
