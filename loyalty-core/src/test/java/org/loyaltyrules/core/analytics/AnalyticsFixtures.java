package org.loyaltyrules.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.ledger.LedgerPolicy;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.ShortfallPolicy;

/** Units, a ledger policy and a helper to apply activities to members, for the metrics tests. */
final class AnalyticsFixtures {
  /** Pending 3 days, expires 30 days after earning, shortfalls stop at zero. */
  static final UnitId POINTS = UnitId.of("points");
  /** Pending 3 days, never expires, a reversal may leave the balance negative. */
  static final UnitId CREDITS = UnitId.of("credits");

  static final LedgerPolicy POLICY = LedgerPolicy.of(ZoneOffset.UTC, Duration.ofDays(120),
      List.of(
          PointUnit.redeemable("points", "Points").withPendingPeriod(Period.ofDays(3))
              .withExpiry(ExpiryPolicy.afterPeriod(Period.ofDays(30))),
          PointUnit.redeemable("credits", "Credits").withPendingPeriod(Period.ofDays(3))
              .withShortfall(ShortfallPolicy.ALLOW_NEGATIVE)));

  private AnalyticsFixtures() {}

  /** Returns the instant of a day of 2026 at 10:00 UTC, for example {@code day("01-15")}. */
  static Instant day(String monthDay) {
    return Instant.parse("2026-" + monthDay + "T10:00:00Z");
  }

  /** Applies one activity, with the given id, at {@code at}, to the member's ledger. */
  static Member act(Member member, String activity, Instant at, Consumer<LedgerTransaction> ops) {
    LedgerTransaction tx = member.ledger().begin(POLICY, ActivityId.of(activity), at, at);
    ops.accept(tx);
    return member.withLedger(tx.commit().ledger());
  }

  /** Advances the member's ledger to {@code to}, vesting and expiring what falls due. */
  static Member advance(Member member, Instant to) {
    return member.withLedger(member.ledger().advance(to, POLICY).ledger());
  }
}
