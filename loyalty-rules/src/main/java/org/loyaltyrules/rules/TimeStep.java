package org.loyaltyrules.rules;

import java.math.BigDecimal;
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
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.LedgerResult;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.rule.EarnRule;

/**
 * Moves a member forward in time, in one documented order: date rewards (birthdays and
 * anniversaries) in the order their days begin, each after the vesting and expiry before it;
 * then the remaining vesting and expiry up to the instant; then purchases past the activity
 * horizon, counters of ended periods and vouchers past their expiry are let go. Moving to t1 and
 * then t2 gives the same member as moving to t2. Stateless; each call works on its own values.
 */
final class TimeStep {
  private static final String DATE = "date/";

  /** The outcome of a step: the member moved forward, what to announce, what moved. */
  record Step(Member member, List<Effect> effects, List<Posting> postings) {}

  private record Due(Instant at, RuleSpec.DateReward rule, int year) {}

  private TimeStep() {}

  static Step to(Program program, RuleBook book, Member member, Instant to) {
    List<Effect> effects = new ArrayList<>();
    List<Posting> postings = new ArrayList<>();
    Member m = member;
    for (Due due : due(program, book, member, to)) {
      ActivityId id = ActivityId.of("date-reward:" + due.rule().head().id() + ":" + due.year());
      LedgerTransaction tx = m.ledger().begin(program.ledgerPolicy(), id, due.at(), due.at());
      Member.Builder b = m.toBuilder();
      if (!tx.isReplay()) {
        grant(program, due, id, tx, b, effects);
      }
      LedgerResult result = tx.commit();
      postings.addAll(result.postings());
      m = b.ledger(result.ledger())
          .progress(DATE + due.rule().head().id() + "/YEAR/" + due.year(), BigDecimal.ONE)
          .build();
    }
    LedgerResult rest = m.ledger().advance(to, program.ledgerPolicy());
    postings.addAll(rest.postings());
    m = m.withLedger(rest.ledger());
    List<Effect> all = new ArrayList<>(expiries(postings));
    all.addAll(effects);
    return new Step(tidy(program, m, all), all, postings);
  }

  private static void grant(Program program, Due due, ActivityId id, LedgerTransaction tx,
      Member.Builder member, List<Effect> effects) {
    Grant grant = due.rule().grant();
    if (grant instanceof Grant.Points g) {
      LotId lot = tx.earn(g.unit(), g.points(), Attribution.rule(due.rule().head().id()));
      Instant vests = program.unit(g.unit()).vestsAt(due.at(), program.zone());
      effects.add(new Effect.PointsEarned(g.unit(), g.points(),
          Optional.of(due.rule().head().id()), lot,
          Optional.of(vests).filter(v -> v.isAfter(due.at()))));
    } else if (grant instanceof Grant.Voucher g) {
      Voucher voucher = new Voucher(VoucherId.of(id.value()), g.value(), due.at(),
          Optional.empty(), id, VoucherStatus.ISSUED);
      member.voucher(voucher);
      effects.add(new Effect.VoucherIssued(voucher));
    } else if (grant instanceof Grant.FreeReward g) {
      Reward reward = program.reward(g.reward());
      effects.add(new Effect.RewardRedeemed(reward.id(), 1, reward.unit(), 0));
    }
  }

  /** The date rewards due after the member's state and up to {@code to}, in time order. */
  private static List<Due> due(Program program, RuleBook book, Member member, Instant to) {
    if (book.dates.isEmpty() || member.isClosed()) {
      return List.of();
    }
    int from = member.asOf().atZone(program.zone()).getYear();
    int until = to.atZone(program.zone()).getYear();
    List<Due> due = new ArrayList<>();
    for (RuleSpec.DateReward rule : book.dates) {
      for (int year = from; year <= until; year++) {
        Optional<LocalDate> day = day(rule, member, program, year);
        if (day.isEmpty()) {
          continue;
        }
        Instant at = day.get().atStartOfDay(program.zone()).toInstant();
        String counter = DATE + rule.head().id() + "/YEAR/" + year;
        if (at.isBefore(member.asOf()) || at.isAfter(to)
            || member.progress(counter).signum() > 0) {
          continue;
        }
        PurchaseContext context = new PurchaseContext(member.tierId(),
            member.profile().segments(), member.profile().attributes(),
            member.memberships().values().stream().filter(x -> x.isActiveAt(at))
                .map(Membership::plan).collect(Collectors.toSet()));
        if (rule.head().whyNot(context, Optional.empty(), at, program.zone()).isEmpty()) {
          due.add(new Due(at, rule, year));
        }
      }
    }
    due.sort(Comparator.comparing(Due::at).thenComparing(d -> d.rule().head(),
        RuleSpec.Head.ORDER));
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
  static Member tidy(Program program, Member member, List<Effect> effects) {
    Instant now = member.asOf();
    Member.Builder b = member.toBuilder()
        .purchases(member.purchases().prunedBefore(now.minus(program.activityHorizon())));
    // A late activity may still belong to any period inside the activity horizon, so counters
    // of caps and once-per-period bonuses are kept until their period ended before it.
    Instant horizonStart = now.minus(program.activityHorizon());
    Run.expiredCounters(member.progress(), horizonStart.atZone(program.zone()).toLocalDate())
        .forEach(key -> b.progress(key, BigDecimal.ZERO));
    for (Voucher voucher : member.vouchers().values()) {
      if (voucher.status() == VoucherStatus.ISSUED
          && voucher.expiresAt().filter(e -> !e.isAfter(now)).isPresent()) {
        Voucher expired = voucher.withStatus(VoucherStatus.EXPIRED);
        b.voucher(expired);
        effects.add(new Effect.VoucherExpired(expired));
      }
    }
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
