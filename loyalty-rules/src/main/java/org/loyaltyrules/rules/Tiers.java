package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;

/**
 * The tier rules of one program: what an activity credits toward status, which tier a credit
 * earns, and when and how status is reviewed. Stateless and immutable; the member's credit lives
 * in its progress counters.
 *
 * <p>Credit is kept per period of the ladder's window in counters {@code tier/KEY}: {@code KEY}
 * is the year ({@code 2026}) for the calendar year, the first day of the membership year
 * ({@code 2026-03-15}) for the membership year, the month ({@code 2026-03}) for a rolling
 * window, and {@code life} for lifetime credit. A rolling window of N months counts the current
 * calendar month and the N - 1 before it. Credit goes to the period the activity occurred in; a
 * return takes it back from the period of the purchase.
 */
final class Tiers {
  static final String CREDIT = "tier/";
  static final String BONUS = "tier-bonus/";
  private static final String ENTRY = "tier-entry:";
  private static final String LIFE = "life";

  private final TierLadder ladder;
  private final ZoneId zone;

  Tiers(TierLadder ladder, ZoneId zone) {
    this.ladder = ladder;
    this.zone = zone;
  }

  TierLadder ladder() {
    return ladder;
  }

  /** Whether any tier counts lifetime credit, so lifetime credit must be kept. */
  private boolean keepsLifetime() {
    return ladder.window() instanceof QualificationWindow.Lifetime
        || ladder.tiers().stream().anyMatch(t -> t.window().isPresent());
  }

  /** The counters a credit at {@code occurredAt} adds to. */
  List<String> keys(Member member, Instant occurredAt) {
    List<String> keys = new ArrayList<>();
    if (!(ladder.window() instanceof QualificationWindow.Lifetime)) {
      keys.add(CREDIT + key(member, date(occurredAt)));
    }
    if (keepsLifetime()) {
      keys.add(CREDIT + LIFE);
    }
    return keys;
  }

  /**
   * The credit a purchase gives at the given quantities under the ladder's metric, for every
   * metric but status points (which follow the points earned) and expressions (which the caller
   * evaluates).
   */
  BigDecimal credit(Purchase purchase, Function<PurchaseLine, BigDecimal> quantity,
      BigDecimal earningAmount) {
    TierMetric metric = ladder.metric();
    boolean any = false;
    boolean anyNight = false;
    BigDecimal nights = BigDecimal.ZERO;
    for (PurchaseLine line : purchase.lines()) {
      BigDecimal q = quantity.apply(line);
      if (q.signum() > 0) {
        any = true;
        if (line.unitOfMeasure().equals("night")) {
          anyNight = true;
          nights = nights.add(q);
        }
      }
    }
    return switch (metric) {
      case SPEND -> earningAmount;
      case NIGHTS -> nights;
      case STAYS -> anyNight ? BigDecimal.ONE : BigDecimal.ZERO;
      case VISITS -> any ? BigDecimal.ONE : BigDecimal.ZERO;
      case STATUS_POINTS, EXPRESSION -> BigDecimal.ZERO;
    };
  }

  /** The local date of an instant in the program's zone. */
  LocalDate date(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  /** The first day of the period of the ladder's window containing {@code day}. */
  LocalDate periodStart(Member member, LocalDate day) {
    QualificationWindow w = ladder.window();
    if (w instanceof QualificationWindow.RollingMonths) {
      return day.withDayOfMonth(1);
    }
    if (w instanceof QualificationWindow.MembershipYear) {
      LocalDate enrolled = date(member.enrolledAt());
      int years = day.getYear() - enrolled.getYear();
      LocalDate start = enrolled.plusYears(Math.max(0, years));
      while (start.isAfter(day) && years > 0) {
        years--;
        start = enrolled.plusYears(years);
      }
      return start;
    }
    return day.withDayOfYear(1);
  }

  /** The first day of the period after the one starting on {@code start}. */
  LocalDate nextStart(Member member, LocalDate start) {
    QualificationWindow w = ladder.window();
    if (w instanceof QualificationWindow.RollingMonths) {
      return start.plusMonths(1);
    }
    if (w instanceof QualificationWindow.MembershipYear) {
      LocalDate enrolled = date(member.enrolledAt());
      return enrolled.plusYears(start.getYear() - enrolled.getYear() + 1L);
    }
    return start.plusYears(1);
  }

  private LocalDate previousStart(Member member, LocalDate start) {
    return periodStart(member, start.minusDays(1));
  }

  /** The instant of the review that follows the close of the period before {@code start}. */
  Instant reviewAt(LocalDate start) {
    return start.plus(ladder.grace()).atStartOfDay(zone).toInstant();
  }

  /** The first review after {@code at}. */
  Instant nextReview(Member member, Instant at) {
    LocalDate start = periodStart(member, date(at).minus(ladder.grace()));
    while (true) {
      start = nextStart(member, start);
      Instant review = reviewAt(start);
      if (review.isAfter(at)) {
        return review;
      }
    }
  }

  private String key(Member member, LocalDate day) {
    QualificationWindow w = ladder.window();
    if (w instanceof QualificationWindow.RollingMonths) {
      return YearMonth.from(day).toString();
    }
    if (w instanceof QualificationWindow.MembershipYear) {
      return periodStart(member, day).toString();
    }
    if (w instanceof QualificationWindow.Lifetime) {
      return LIFE;
    }
    return String.valueOf(day.getYear());
  }

  /** The credit of the window ending with the period that contains {@code day}. */
  BigDecimal windowCredit(Member member, Map<String, BigDecimal> progress, LocalDate day) {
    QualificationWindow w = ladder.window();
    if (w instanceof QualificationWindow.RollingMonths r) {
      BigDecimal sum = BigDecimal.ZERO;
      YearMonth month = YearMonth.from(day);
      for (int i = 0; i < r.months(); i++) {
        sum = sum.add(progress.getOrDefault(CREDIT + month.minusMonths(i), BigDecimal.ZERO));
      }
      return sum;
    }
    return progress.getOrDefault(CREDIT + key(member, day), BigDecimal.ZERO);
  }

  BigDecimal lifetimeCredit(Map<String, BigDecimal> progress) {
    return progress.getOrDefault(CREDIT + LIFE, BigDecimal.ZERO);
  }

  /** The highest tier the credit of the window containing {@code day} reaches. */
  int earned(Member member, Map<String, BigDecimal> progress, LocalDate day) {
    BigDecimal window = windowCredit(member, progress, day);
    BigDecimal life = lifetimeCredit(progress);
    int best = 0;
    for (int i = 1; i < ladder.tiers().size(); i++) {
      Tier tier = ladder.tiers().get(i);
      BigDecimal credit = tier.window().isPresent() ? life : window;
      if (credit.compareTo(tier.threshold()) >= 0) {
        best = i;
      }
    }
    return best;
  }

  int rank(Member member) {
    return member.tierId().map(ladder::rank).filter(r -> r >= 0).orElse(0);
  }

  /**
   * The status a member holds at {@code at} in tier {@code rank}: the base, a lifetime tier or
   * a tier of a lifetime ladder is held with no scheduled end; any other until the next review,
   * which may lower it.
   */
  TierStatus status(Member member, int rank, Instant since, Instant at) {
    Tier tier = ladder.tiers().get(rank);
    Optional<Instant> through = rank == 0 || tier.window().isPresent()
        || ladder.window() instanceof QualificationWindow.Lifetime
        ? Optional.empty() : Optional.of(nextReview(member, at));
    return new TierStatus(tier.id(), since, through);
  }

  /**
   * What a review at {@code start}'s review instant decides: the rank the member holds after it.
   * It keeps the tier if the credit of the period that closed, or of the period running, still
   * reaches it; otherwise it lowers it as the ladder says. A review never raises a tier: credit
   * raises it at once.
   */
  int review(Member member, Map<String, BigDecimal> progress, LocalDate start, int current) {
    LocalDate closed = previousStart(member, start);
    int target = Math.max(earned(member, progress, closed), earned(member, progress, start));
    if (target >= current) {
      return current;
    }
    return ladder.downgrade() == TierDowngrade.TO_EARNED ? target
        : Math.max(target, current - 1);
  }

  /**
   * The reviews due after the member's state and up to {@code to}: the first days of the
   * periods whose review instant falls in that span. Periods that closed before the member
   * enrolled are not reviewed.
   */
  List<LocalDate> reviewsDue(Member member, Instant from, Instant to) {
    List<LocalDate> due = new ArrayList<>();
    LocalDate enrolled = date(member.enrolledAt());
    LocalDate start = periodStart(member, date(from).minus(ladder.grace()));
    while (true) {
      Instant review = reviewAt(start);
      if (review.isAfter(to)) {
        return due;
      }
      if (review.isAfter(from) && start.isAfter(enrolled)) {
        due.add(start);
      }
      start = nextStart(member, start);
    }
  }

  /** The counters of credit no review or projection will read again after {@code now}. */
  List<String> stale(Member member, Map<String, BigDecimal> progress, Instant now) {
    // A review reads the period that closed and the one running; a late activity may credit a
    // period inside the activity horizon, which the caller keeps by passing its start.
    LocalDate keepFrom = previousStart(member, periodStart(member, date(now)
        .minus(ladder.grace())));
    if (ladder.window() instanceof QualificationWindow.RollingMonths r) {
      keepFrom = keepFrom.minusMonths(r.months());
    }
    String oldest = CREDIT + key(member, keepFrom);
    List<String> stale = new ArrayList<>();
    for (String key : progress.keySet()) {
      if (key.startsWith(CREDIT) && !key.equals(CREDIT + LIFE) && key.compareTo(oldest) < 0) {
        stale.add(key);
      }
      if (key.startsWith(BONUS)) {
        String period = key.substring(key.lastIndexOf('/') + 1);
        if ((CREDIT + period).compareTo(oldest) < 0) {
          stale.add(key);
        }
      }
    }
    return stale;
  }

  /** The key of the period starting on {@code start}, for once-per-period entry bonuses. */
  String periodKey(Member member, LocalDate start) {
    return key(member, start);
  }

  /** The counter marking a tier's entry bonus given for the period {@code periodKey}. */
  static String bonusKey(Tier tier, String periodKey) {
    return BONUS + tier.id() + "/" + periodKey;
  }

  /** The rule an entry bonus is attributed to; its lots are never re-evaluated by returns. */
  static RuleId entryBonusRule(Tier tier) {
    return RuleId.of(ENTRY + tier.id());
  }

  static boolean isEntryBonus(RuleId rule) {
    return rule.value().startsWith(ENTRY);
  }

  /** The id of the voucher a tier's entry bonus gives with an activity. */
  static VoucherId entryBonusVoucher(Tier tier, ActivityId activity) {
    return VoucherId.of(activity + "/" + entryBonusRule(tier) + "/1");
  }

  /** Where the member stands at {@code at}; the member is already advanced to it. */
  TierProgress progress(Member member, Instant at) {
    LocalDate today = date(at);
    int rank = rank(member);
    Tier held = ladder.tiers().get(rank);
    BigDecimal window = windowCredit(member, member.progress(), today);
    BigDecimal life = lifetimeCredit(member.progress());
    Optional<TierId> next = Optional.empty();
    BigDecimal toNext = BigDecimal.ZERO;
    if (rank + 1 < ladder.tiers().size()) {
      Tier above = ladder.tiers().get(rank + 1);
      next = Optional.of(above.id());
      toNext = above.threshold().subtract(above.window().isPresent() ? life : window)
          .max(BigDecimal.ZERO);
    }
    boolean lasting = rank == 0 || held.window().isPresent()
        || ladder.window() instanceof QualificationWindow.Lifetime;
    BigDecimal toKeep = lasting ? BigDecimal.ZERO
        : held.threshold().subtract(window).max(BigDecimal.ZERO);
    LocalDate running = periodStart(member, today);
    Instant periodEnds = nextStart(member, running).atStartOfDay(zone).toInstant();
    // In a grace period whose review the closed period's credit does not pass, the running
    // period's credit must reach the tier by that review instead.
    Instant pending = reviewAt(running);
    if (!lasting && pending.isAfter(at) && running.isAfter(date(member.enrolledAt()))
        && earned(member, member.progress(), previousStart(member, running)) < rank) {
      periodEnds = pending;
    }
    return new TierProgress(held.id(), member.tier().flatMap(TierStatus::validThrough),
        ladder.metric(), window, next, toNext, toKeep, periodEnds);
  }
}
