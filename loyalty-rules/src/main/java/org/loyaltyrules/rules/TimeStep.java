package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.ledger.LedgerResult;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.PurchaseHistory;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.rule.EarnRule;

/**
 * Moves a member forward in time, in one documented order. Everything due after the member's
 * state and up to the instant happens in time order, the ledger vesting and expiring points up to
 * each moment first; what falls on the same instant happens in this order:
 *
 * <ol>
 *   <li>tier reviews: the period closed (plus its grace period) and the tier is kept or lowered;
 *   <li>memberships: a trial or term ends and the next paid one begins, or the membership enters
 *       its grace period, or lapses;
 *   <li>dividends: on January 1 each plan's dividend on the year that closed is issued;
 *   <li>date rewards: birthdays and anniversaries, for the tier and plans held then.
 * </ol>
 *
 * <p>Then the rest of the vesting and expiry up to the instant; then purchases past the activity
 * horizon, counters of ended periods and vouchers past their expiry are let go. Moving to t1 and
 * then t2 gives the same member as moving to t2, and moving twice to one instant changes nothing
 * the second time. Stateless; each call works on its own values.
 */
final class TimeStep {
  private static final String DATE = "date/";

  /** The outcome of a step: the member moved forward, what to announce, what moved. */
  record Step(Member member, List<Effect> effects, List<Posting> postings) {}

  /** Something due at an instant; {@code kind} orders what falls on the same instant. */
  private record Due(Instant at, int kind, String order, RuleSpec.DateReward rule, int year,
      LocalDate review, PlanId plan) {
    static final int REVIEW = 0;
    static final int MEMBERSHIP = 1;
    static final int DIVIDEND = 2;
    static final int DATE_REWARD = 3;
  }

  private TimeStep() {}

  static Step to(Program program, RuleBook book, Tiers tiers, Member member, Instant to) {
    List<Effect> effects = new ArrayList<>();
    List<Posting> postings = new ArrayList<>();
    Member m = member;
    if (tiers != null && m.tier().isEmpty() && !m.isClosed()) {
      m = m.withTier(tiers.status(m, 0, m.enrolledAt(), m.asOf()));
      effects.add(new Effect.TierChanged(Optional.empty(), tiers.ladder().base().id()));
    }
    for (Due due : due(program, book, tiers, m, to)) {
      if (due.at().isAfter(m.asOf())) {
        LedgerResult moved = m.ledger().advance(due.at(), program.ledgerPolicy());
        postings.addAll(moved.postings());
        m = m.withLedger(moved.ledger());
      }
      switch (due.kind()) {
        case Due.REVIEW -> m = review(tiers, m, due, effects);
        case Due.MEMBERSHIP -> m = membership(program, m, due, effects);
        case Due.DIVIDEND -> m = dividend(program, m, due, effects);
        default -> m = dateReward(program, tiers, m, due, postings, effects);
      }
    }
    LedgerResult rest = m.ledger().advance(to, program.ledgerPolicy());
    postings.addAll(rest.postings());
    m = m.withLedger(rest.ledger());
    List<Effect> all = new ArrayList<>(expiries(postings));
    all.addAll(effects);
    return new Step(tidy(program, tiers, m, all), all, postings);
  }

  private static Member review(Tiers tiers, Member m, Due due, List<Effect> effects) {
    int current = tiers.rank(m);
    int after = tiers.review(m, m.progress(), due.review(), current);
    // A tier the ladder no longer has counts as the base, and the change is announced.
    boolean unknown = !m.tierId().equals(Optional.of(tiers.ladder().tiers().get(current).id()));
    if (after != current || unknown) {
      effects.add(new Effect.TierChanged(m.tierId(), tiers.ladder().tiers().get(after).id()));
      return m.withTier(tiers.status(m, after, due.at(), due.at()));
    }
    return m.withTier(tiers.status(m, current, m.tier().orElseThrow().since(), due.at()));
  }

  private static Member membership(Program program, Member m, Due due, List<Effect> effects) {
    Membership ms = m.membership(due.plan()).orElseThrow();
    MembershipPlan plan = program.plans().get(due.plan());
    MembershipStatus status = Memberships.statusAt(ms, plan, due.at(), program.zone());
    if (status == ms.status()) {
      return m;
    }
    Membership changed = ms.withStatus(status);
    effects.add(Memberships.changed(changed));
    return m.withMembership(changed);
  }

  private static Member dividend(Program program, Member m, Due due, List<Effect> effects) {
    MembershipPlan plan = program.plans().get(due.plan());
    Dividend dividend = plan.dividend().orElseThrow();
    BigDecimal spend = m.progress(Memberships.spendKey(plan.id(), due.year()));
    String issued = Memberships.issuedKey(plan.id(), due.year());
    boolean cancelled = m.membership(plan.id())
        .filter(x -> x.status() == MembershipStatus.CANCELLED).isPresent();
    if (spend.signum() == 0 || m.progress(issued).signum() > 0 || cancelled) {
      return m; // a refunded membership earns no dividend
    }
    String deductKey = Memberships.deductKey(plan.id());
    Money gross = Grants.percentOf(spend, dividend.percent(), program, RoundingMode.FLOOR);
    BigDecimal deduct = m.progress(deductKey);
    Money net = gross.minus(Money.of(deduct.min(gross.amount()), program.currency()));
    Member.Builder b = m.toBuilder().progress(issued, BigDecimal.ONE)
        .progress(deductKey, deduct.subtract(gross.amount()).max(BigDecimal.ZERO));
    if (net.isPositive()) {
      ActivityId id = Memberships.dividendId(plan.id(), due.year());
      Voucher voucher = new Voucher(VoucherId.of(id.value()), net, due.at(),
          dividend.validity().map(v -> due.at().atZone(program.zone()).plus(v).toInstant()), id,
          VoucherStatus.ISSUED);
      b.voucher(voucher);
      effects.add(new Effect.VoucherIssued(voucher));
    }
    return b.build();
  }

  private static Member dateReward(Program program, Tiers tiers, Member m, Due due,
      List<Posting> postings, List<Effect> effects) {
    PurchaseContext context = new PurchaseContext(m.tierId(), m.profile().segments(),
        m.profile().attributes(), m.memberships().values().stream()
            .filter(x -> x.isActiveAt(due.at())).map(Membership::plan)
            .collect(Collectors.toSet()))
        .withBirthdayMonth(m.profile().isBirthdayMonth(
            due.at().atZone(program.zone()).toLocalDate()));
    String counter = DATE + due.rule().head().id() + "/YEAR/" + due.year();
    if (due.rule().head().whyNot(context, Optional.empty(), due.at(), program.zone())
        .isPresent()) {
      // Decided, and not given: moving to this instant again must not decide it again.
      return m.withProgress(counter, BigDecimal.ONE);
    }
    ActivityId id = ActivityId.of("date-reward:" + due.rule().head().id() + ":" + due.year());
    LedgerTransaction tx = m.ledger().begin(program.ledgerPolicy(), id, due.at(), due.at());
    Member.Builder b = m.toBuilder();
    if (!tx.isReplay()) {
      Grants.give(program, due.rule().grant(), due.rule().head().id(),
          VoucherId.of(id.value()), id, due.at(), tx, b::voucher, effects);
      if (tiers != null && due.rule().grant() instanceof Grant.Points g
          && tiers.ladder().statusUnit().filter(g.unit()::equals).isPresent()) {
        statusPoints(program, tiers, m, due.at(), g.points(), id, tx, b, effects);
      }
    }
    LedgerResult result = tx.commit();
    postings.addAll(result.postings());
    return b.ledger(result.ledger()).progress(counter, BigDecimal.ONE).build();
  }

  /**
   * Counts status points a date reward gave toward the tier and moves the member up as far as
   * they reach, with the entry bonus, as a decision would.
   */
  private static void statusPoints(Program program, Tiers tiers, Member m, Instant at,
      long points, ActivityId id, LedgerTransaction tx, Member.Builder b, List<Effect> effects) {
    Map<String, BigDecimal> progress = new TreeMap<>(m.progress());
    for (String key : tiers.keys(m, at)) {
      BigDecimal value = progress.getOrDefault(key, BigDecimal.ZERO).add(BigDecimal.valueOf(
          points));
      progress.put(key, value);
      b.progress(key, value);
    }
    LocalDate period = tiers.periodStart(m, tiers.date(at));
    int current = tiers.rank(m);
    int reached = tiers.earned(m, progress, period);
    if (reached <= current) {
      return;
    }
    Tier to = tiers.ladder().tiers().get(reached);
    effects.add(new Effect.TierChanged(m.tierId(), to.id()));
    b.tier(tiers.status(m, reached, at, at));
    String bonusKey = Tiers.bonusKey(to, tiers.periodKey(m, period));
    if (to.entryBonus().isPresent() && m.progress(bonusKey).signum() == 0) {
      b.progress(bonusKey, BigDecimal.ONE);
      Grants.give(program, to.entryBonus().get(), Tiers.entryBonusRule(to),
          Tiers.entryBonusVoucher(to, id), id, at, tx, b::voucher, effects);
    }
  }

  /** Everything due after the member's state and up to {@code to}, in the documented order. */
  private static List<Due> due(Program program, RuleBook book, Tiers tiers, Member member,
      Instant to) {
    if (member.isClosed()) {
      return List.of();
    }
    Instant from = member.asOf();
    List<Due> due = new ArrayList<>();
    if (tiers != null) {
      for (LocalDate start : tiers.reviewsDue(member, from, to)) {
        due.add(new Due(tiers.reviewAt(start), Due.REVIEW, "", null, 0, start, null));
      }
    }
    for (Membership ms : member.memberships().values()) {
      MembershipPlan plan = program.plans().get(ms.plan());
      if (plan == null) {
        continue; // a plan the program no longer has; the compatibility check reports it
      }
      for (Instant at : Memberships.boundaries(ms, plan, from, to, program.zone())) {
        due.add(new Due(at, Due.MEMBERSHIP, ms.plan().value(), null, 0, null, ms.plan()));
      }
    }
    int firstYear = from.atZone(program.zone()).getYear();
    int lastYear = to.atZone(program.zone()).getYear();
    for (MembershipPlan plan : program.plans().values()) {
      if (plan.dividend().isEmpty()) {
        continue;
      }
      for (int year = firstYear - 1; year < lastYear; year++) {
        Instant close = LocalDate.of(year + 1, 1, 1).atStartOfDay(program.zone()).toInstant();
        if (close.isAfter(from) && !close.isAfter(to)) {
          due.add(new Due(close, Due.DIVIDEND, plan.id().value(), null, year, null, plan.id()));
        }
      }
    }
    if (!book.dates.isEmpty()) {
      for (RuleSpec.DateReward rule : book.dates) {
        for (int year = firstYear; year <= lastYear; year++) {
          Optional<LocalDate> day = day(rule, member, program, year);
          if (day.isEmpty()) {
            continue;
          }
          Instant at = day.get().atStartOfDay(program.zone()).toInstant();
          String counter = DATE + rule.head().id() + "/YEAR/" + year;
          if (at.isBefore(from) || at.isAfter(to) || member.progress(counter).signum() > 0) {
            continue;
          }
          // Same-instant date rewards in rule order: group up, priority down, then declared.
          RuleSpec.Head h = rule.head();
          due.add(new Due(at, Due.DATE_REWARD, String.format(java.util.Locale.ROOT,
              "%011d%011d%011d", h.group() + 5_000_000_000L, 5_000_000_000L - h.priority(),
              (long) h.index()), rule, year, null, null));
        }
      }
    }
    due.sort(Comparator.comparing(Due::at).thenComparingInt(Due::kind)
        .thenComparing(Due::order));
    return due;
  }

  /** The day of the rule's occasion in {@code year}, if the member has one that year. */
  private static Optional<LocalDate> day(RuleSpec.DateReward rule, Member member,
      Program program, int year) {
    Optional<LocalDate> origin;
    if (rule.occasion() == EarnRule.DateReward.Occasion.BIRTHDAY) {
      origin = member.profile().birthday();
    } else {
      LocalDate enrolled = member.enrolledAt().atZone(program.zone()).toLocalDate();
      origin = year > enrolled.getYear() ? Optional.of(enrolled) : Optional.empty();
    }
    return origin.map(d -> {
      MonthDay md = MonthDay.from(d);
      if (md.equals(MonthDay.of(2, 29)) && !Year.isLeap(year)) {
        return rule.leapDayOnMarchFirst() ? LocalDate.of(year, 3, 1) : LocalDate.of(year, 2, 28);
      }
      return md.atYear(year);
    });
  }

  /**
   * Forgets purchases and counters of periods that ended before the activity horizon, and
   * expires vouchers past their expiry, adding an effect for each.
   */
  static Member tidy(Program program, Tiers tiers, Member member, List<Effect> effects) {
    Instant now = member.asOf();
    Instant horizon = now.minus(program.activityHorizon());
    PurchaseHistory purchases = member.purchases().prunedBefore(horizon);
    List<String> stale = new ArrayList<>();
    if (tiers != null) {
      stale.addAll(tiers.stale(member, member.progress(), horizon));
    }
    stale.addAll(Memberships.staleCounters(member.progress(),
        horizon.atZone(program.zone()).getYear()));
    // A late activity may still belong to any period inside the activity horizon, so counters
    // of caps and once-per-period bonuses are kept until their period ended before it.
    stale.addAll(Run.expiredCounters(member.progress(),
        horizon.atZone(program.zone()).toLocalDate()));
    stale.addAll(Challenges.tidy(program, member, horizon, effects));
    List<Voucher> expired = new ArrayList<>();
    for (Voucher voucher : member.vouchers().values()) {
      if (voucher.status() == VoucherStatus.ISSUED
          && voucher.expiresAt().filter(e -> !e.isAfter(now)).isPresent()) {
        Voucher lapsed = voucher.withStatus(VoucherStatus.EXPIRED);
        expired.add(lapsed);
        effects.add(new Effect.VoucherExpired(lapsed));
      }
    }
    if (purchases == member.purchases() && stale.isEmpty() && expired.isEmpty()) {
      return member; // nothing to tidy, the usual case: no copy of the member
    }
    Member.Builder b = member.toBuilder().purchases(purchases);
    stale.forEach(key -> b.progress(key, BigDecimal.ZERO));
    expired.forEach(b::voucher);
    return b.build();
  }

  /** One effect per unit for the points that expired, dated at the last expiry. */
  static List<Effect> expiries(List<Posting> postings) {
    Map<UnitId, long[]> points = new TreeMap<>();
    Map<UnitId, Instant> last = new TreeMap<>();
    for (Posting p : postings) {
      if (p.type() == PostingType.EXPIRE) {
        points.computeIfAbsent(p.unit(), u -> new long[1])[0] += p.amount();
        last.merge(p.unit(), p.at(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<Effect> effects = new ArrayList<>();
    points.forEach((unit, n) -> effects.add(new Effect.PointsExpired(unit, n[0], last.get(unit))));
    return effects;
  }
}
