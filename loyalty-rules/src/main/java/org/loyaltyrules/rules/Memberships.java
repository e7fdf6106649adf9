package org.loyaltyrules.rules;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.MembershipFeeRefund;
import org.loyaltyrules.core.activity.MembershipTrial;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.member.FeeTerm;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.MembershipStatus;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Program;

/**
 * The rules of paid memberships: joining, trials, renewals, refunds, the status a membership has
 * at an instant, and the counters of the annual dividend. Stateless; every method works on the
 * values it is given.
 *
 * <p>Dividend counters in the member's progress: {@code dividend/PLAN/YEAR} holds the spend a
 * calendar year counted while the membership was active, {@code dividend/PLAN/issued/YEAR} marks
 * the year's dividend issued, {@code dividend/PLAN/late/YEAR/PURCHASE} the spend of a
 * purchase reported after it was issued (which counts toward no dividend), and {@code dividend/PLAN/deduct} what the next
 * dividend loses to returns after one was issued.
 */
final class Memberships {
  static final String DIVIDEND = "dividend/";

  private Memberships() {}

  static MembershipPlan plan(Program program, PlanId id, String what) {
    MembershipPlan plan = program.plans().get(id);
    if (plan == null) {
      throw new UnknownReferenceException("plan", id.value(),
          "program " + program.id() + " (it has " + program.plans().keySet() + ") (" + what + ")");
    }
    return plan;
  }

  /**
   * The status a membership has at {@code at}: a trial or a term covering it makes it active; a
   * refund makes it cancelled for good; otherwise it is in grace until the grace period after
   * its last term ends, and lapsed after.
   */
  static MembershipStatus statusAt(Membership m, MembershipPlan plan, Instant at, ZoneId zone) {
    if (m.status() == MembershipStatus.CANCELLED) {
      return MembershipStatus.CANCELLED;
    }
    Optional<FeeTerm> term = m.termAt(at);
    if (term.isPresent()) {
      return term.get().isTrial() ? MembershipStatus.TRIAL : MembershipStatus.ACTIVE;
    }
    if (at.isBefore(m.startedAt()) || m.expiresAt().isEmpty()) {
      return m.status();
    }
    Instant end = m.expiresAt().get();
    return at.isBefore(graceEnd(end, plan, zone)) ? MembershipStatus.GRACE
        : MembershipStatus.LAPSED;
  }

  private static Instant graceEnd(Instant end, MembershipPlan plan, ZoneId zone) {
    return end.atZone(zone).plus(plan.grace()).toInstant();
  }

  private static Instant after(Instant from, java.time.Period period, ZoneId zone) {
    return from.atZone(zone).plus(period).toInstant();
  }

  /**
   * Applies a fee payment: it starts a membership, or adds a term to the end of the last one if
   * paid before the grace period after it ends.
   *
   * @throws IllegalArgumentException if the amount is not the plan's fee, or a lifetime
   *     membership is paid again
   */
  static Membership pay(Program program, Optional<Membership> current, MembershipFeePayment p,
      Instant at) {
    MembershipPlan plan = plan(program, p.plan(), "membership fee payment " + p.id());
    if (!p.amount().currency().equals(program.currency())) {
      throw new CurrencyMismatchException(program.currency(), p.amount().currency(),
          "membership fee payment " + p.id());
    }
    checkArgument(p.amount().compareTo(plan.fee()) == 0, "membership fee payment %s: amount must be plan "
        + "%s's fee, %s, was %s", p.id(), plan.id(), plan.fee(), p.amount());
    ZoneId zone = program.zone();
    Instant o = p.occurredAt();
    if (current.isPresent()) {
      Membership m = current.get();
      checkArgument(!o.isBefore(m.startedAt()), "membership fee payment %s: paid at %s, before "
          + "the member's membership of plan %s began at %s", p.id(), o, plan.id(),
          m.startedAt());
      MembershipStatus then = statusAt(m, plan, o, zone);
      if (then != MembershipStatus.LAPSED && then != MembershipStatus.CANCELLED) {
        Optional<Instant> end = m.expiresAt();
        checkArgument(end.isPresent(), "membership fee payment %s: member already holds a "
            + "lifetime membership of plan %s", p.id(), plan.id());
        // Each paid term ends a whole number of terms after the first paid one began, so a
        // monthly plan begun on the 31st ends on the last day of short months, not ever earlier.
        List<FeeTerm> paid = m.terms().stream().filter(t -> !t.isTrial()).toList();
        Instant anchor = paid.isEmpty() ? end.get() : paid.get(0).from();
        int count = paid.size() + 1;
        FeeTerm next = new FeeTerm(p.id(), p.amount(), end.get(),
            plan.term().map(t -> after(anchor, t.multipliedBy(count), zone)));
        List<FeeTerm> terms = new ArrayList<>(m.terms());
        terms.add(next);
        Membership renewed = m.withTerms(terms);
        return renewed.withStatus(statusAt(renewed, plan, at, zone));
      }
    }
    Membership joined = Membership.of(plan.id(), MembershipStatus.ACTIVE, new FeeTerm(p.id(),
        p.amount(), o, plan.term().map(t -> after(o, t, zone))));
    return joined.withStatus(statusAt(joined, plan, at, zone));
  }

  /**
   * Starts a free trial.
   *
   * @throws IllegalArgumentException if the plan has no trial or the member has held it before
   */
  static Membership trial(Program program, Optional<Membership> current, MembershipTrial t,
      Instant at) {
    MembershipPlan plan = plan(program, t.plan(), "membership trial " + t.id());
    checkArgument(plan.trial().isPresent(), "membership trial %s: plan %s has no trial",
        t.id(), plan.id());
    checkArgument(current.isEmpty(), "membership trial %s: the member has held plan %s before, "
        + "and a trial is for new members", t.id(), plan.id());
    Instant o = t.occurredAt();
    Membership trial = Membership.of(plan.id(), MembershipStatus.TRIAL, new FeeTerm(t.id(),
        Money.zero(program.currency()), o, Optional.of(after(o, plan.trial().get(),
            program.zone()))));
    return trial.withStatus(statusAt(trial, plan, at, program.zone()));
  }

  /**
   * Applies a refund of the payment that bought the membership's last term: a term not yet begun
   * is taken off; the term running ends at the refund and the membership is cancelled.
   *
   * @throws UnknownReferenceException if the member holds no membership of the plan, or the
   *     payment bought none of its terms
   * @throws IllegalArgumentException if the payment is not the last one, its term already ended,
   *     the refund is dated before the payment, or more is refunded than was paid
   */
  static Membership refund(Program program, Optional<Membership> current, MembershipFeeRefund r,
      Instant at, Map<ActivityId, Instant> applied) {
    MembershipPlan plan = plan(program, r.plan(), "membership fee refund " + r.id());
    if (!r.amount().currency().equals(program.currency())) {
      throw new CurrencyMismatchException(program.currency(), r.amount().currency(),
          "membership fee refund " + r.id());
    }
    Membership m = current.orElseThrow(() -> new UnknownReferenceException("membership",
        plan.id().value(), "the member's memberships (membership fee refund " + r.id() + ")"));
    int index = -1;
    for (int i = 0; i < m.terms().size(); i++) {
      if (m.terms().get(i).payment().equals(r.payment())) {
        index = i;
      }
    }
    if (index < 0 || m.terms().get(index).isTrial()) {
      throw new UnknownReferenceException("payment", r.payment().value(),
          "the payments of the member's membership of " + plan.id() + " (membership fee refund "
              + r.id() + ")");
    }
    FeeTerm term = m.terms().get(index);
    checkArgument(index == m.terms().size() - 1, "membership fee refund %s: payment %s bought a "
        + "term followed by another; refund the latest payment, %s, first", r.id(), r.payment(),
        m.payment());
    checkArgument(r.amount().compareTo(term.paid()) <= 0, "membership fee refund %s: %s is more "
        + "than payment %s paid, %s", r.id(), r.amount(), r.payment(), term.paid());
    Instant o = r.occurredAt();
    Instant paidAt = applied.get(r.payment());
    checkArgument(paidAt == null || !o.isBefore(paidAt), "membership fee refund %s: refunded at "
        + "%s, before payment %s was made at %s", r.id(), o, r.payment(), paidAt);
    checkArgument(term.until().map(o::isBefore).orElse(true), "membership fee refund %s: the "
        + "term payment %s bought ended at %s, before the refund", r.id(), r.payment(),
        term.until().orElse(null));
    List<FeeTerm> terms = new ArrayList<>(m.terms().subList(0, index));
    if (o.isAfter(term.from())) {
      terms.add(new FeeTerm(term.payment(), term.paid(), term.from(), Optional.of(o)));
      return m.withTerms(terms).withStatus(MembershipStatus.CANCELLED);
    }
    if (terms.isEmpty()) {
      // Refunded the moment it began: the membership ends where it started.
      terms.add(new FeeTerm(term.payment(), term.paid(), term.from(),
          Optional.of(term.from().plusNanos(1))));
      return m.withTerms(terms).withStatus(MembershipStatus.CANCELLED);
    }
    Membership shortened = m.withTerms(terms);
    return shortened.withStatus(statusAt(shortened, plan, at, program.zone()));
  }

  /** The instants after {@code from} and up to {@code to} at which a membership's status may change. */
  static List<Instant> boundaries(Membership m, MembershipPlan plan, Instant from, Instant to,
      ZoneId zone) {
    TreeSet<Instant> all = new TreeSet<>();
    if (m.status() == MembershipStatus.CANCELLED) {
      return List.of();
    }
    for (FeeTerm term : m.terms()) {
      term.until().ifPresent(all::add);
    }
    m.expiresAt().ifPresent(end -> all.add(graceEnd(end, plan, zone)));
    return List.copyOf(all.subSet(from, false, to, true));
  }

  static String spendKey(PlanId plan, int year) {
    return DIVIDEND + plan + "/" + year;
  }

  static String issuedKey(PlanId plan, int year) {
    return DIVIDEND + plan + "/issued/" + year;
  }

  static String lateKey(PlanId plan, int year, ActivityId purchase) {
    return DIVIDEND + plan + "/late/" + year + "/" + purchase;
  }

  static String deductKey(PlanId plan) {
    return DIVIDEND + plan + "/deduct";
  }

  /**
   * The dividend counters no return can touch after {@code now}: a purchase older than the
   * activity horizon can no longer be returned.
   */
  static List<String> staleCounters(Map<String, BigDecimal> progress, int oldestYear) {
    List<String> stale = new ArrayList<>();
    for (String key : progress.keySet()) {
      if (!key.startsWith(DIVIDEND) || key.endsWith("/deduct")) {
        continue;
      }
      int late = key.indexOf("/late/");
      String year = late >= 0 ? key.substring(late + 6, key.indexOf('/', late + 6))
          : key.substring(key.lastIndexOf('/') + 1);
      if (year.matches("\\d{1,9}") && Integer.parseInt(year) < oldestYear) {
        stale.add(key);
      }
    }
    return stale;
  }

  /** The effect announcing a membership's status and term end. */
  static Effect changed(Membership m) {
    return new Effect.MembershipChanged(m.plan(), m.status(), m.expiresAt());
  }

  /** The id of a dividend voucher and of the time step that issues it. */
  static ActivityId dividendId(PlanId plan, int year) {
    return ActivityId.of("dividend:" + plan + ":" + year);
  }
}
