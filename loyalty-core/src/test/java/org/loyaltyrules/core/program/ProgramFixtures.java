package org.loyaltyrules.core.program;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;

/** Figures shared by the program tests, from DOMAIN.md §3 and §6. */
final class ProgramFixtures {
  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  static final Currency USD = Money.currency("USD");

  static final UnitId POINTS = UnitId.of("points");
  static final UnitId STARS = UnitId.of("stars");
  static final UnitId MILES = UnitId.of("miles");
  static final UnitId TIER_POINTS = UnitId.of("tier-points");

  static final TierId INSIDER = TierId.of("insider");
  static final TierId VIB = TierId.of("vib");
  static final TierId ROUGE = TierId.of("rouge");

  private ProgramFixtures() {}

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  /** Sephora Beauty Insider: Insider $0, VIB $350, Rouge $1,000 spent per calendar year. */
  static TierLadder sephoraLadder() {
    return TierLadder.of(TierMetric.SPEND, QualificationWindow.calendarYear(), List.of(
        Tier.of("insider", "Insider", 0),
        Tier.of("vib", "VIB", 350),
        Tier.of("rouge", "Rouge", 1000)));
  }
}
