package org.loyaltyrules.rules;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.DecisionError;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.member.TierStatus;
import org.loyaltyrules.core.member.PointsPaid;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.core.member.PurchaseHistory;
import org.loyaltyrules.core.member.PurchaseRecord;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.Budget;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.rules.PurchaseEvaluator.Share;

/**
 * One decision's working state: the member as given, the ledger transaction, and the effects,
 * trace, progress counters and purchase history the activity changes. Made per call and never
 * shared; the inputs are never changed.
 *
 * <p>Progress counters kept in the member's state: {@code cap/RULE/UNIT/SCOPE/PERIOD} holds the
 * points a rule granted toward a period cap, {@code event/RULE/FREQUENCY/PERIOD} marks an event
 * bonus earned, and {@code first/RULE} a first-purchase bonus earned. Periods are ISO dates,
 * months or years in the program's zone, so counters of past periods can be dropped on advance.
 */
final class Run {
  private static final String CAP = "cap/";
  private static final String EVENT = "event/";
  private static final String FIRST = "first/";
  private static final String SPEND = "spend/";
  /** The most vouchers one purchase may earn from one rule. */
  static final int MAX_VOUCHERS = 1_000;

  private final Program program;
  private final RuleBook book;
  private final PurchaseEvaluator evaluator;
  private final Member member;
  private final LedgerTransaction tx;
  private final Instant at;
  private final ProgramState state;
  final List<ProgramStateChange> changes = new ArrayList<>();
  private final Map<BudgetId, Long> budgetUsed = new TreeMap<>();
  final List<Effect> effects = new ArrayList<>();
  final List<TraceEntry> trace = new ArrayList<>();
  final List<DecisionError> errors = new ArrayList<>();
  boolean refused;
  private final java.util.NavigableMap<String, BigDecimal> progress;
  private final Map<String, BigDecimal> changed = new LinkedHashMap<>();
  private PurchaseHistory history;
  private final Map<VoucherId, Voucher> vouchers;
  private final Tiers tiers;
  /** The tier credit this run gives or takes back, by the instant of the activity it counts. */
  private final List<Map.Entry<Instant, BigDecimal>> tierCredit = new ArrayList<>();
  private Optional<TierStatus> tier;
  private final Map<PlanId, Membership> memberships;
  private final Challenges challenges;

  Run(Program program, RuleBook book, PurchaseEvaluator evaluator, Tiers tiers,
      ProgramState state, Member member, LedgerTransaction tx, Instant at) {
    this.tiers = tiers;
    this.tier = member.tier();
    this.memberships = new java.util.TreeMap<>(member.memberships());
    this.state = state;
    this.at = at;
    this.program = program;
    this.book = book;
    this.evaluator = evaluator;
    this.member = member;
    this.tx = tx;
    this.progress = new TreeMap<>(member.progress());
    this.history = member.purchases();
    this.vouchers = new LinkedHashMap<>(member.vouchers());
    this.challenges = new Challenges(program, this);
  }

  /** Earns what the purchase earns and remembers it for returns. */
  void purchase(Purchase purchase) {
    if (!purchase.currency().equals(program.currency())) {
      throw new CurrencyMismatchException(program.currency(), purchase.currency(),
          "purchase " + purchase.id());
    }
    Optional<PartnerId> partner = partnerOf(program, purchase);
    PurchaseContext context = new PurchaseContext(member.tierId(),
        member.profile().segments(), member.profile().attributes(),
        member.memberships().values().stream().filter(m -> m.isActiveAt(purchase.occurredAt()))
            .map(Membership::plan).collect(java.util.stream.Collectors.toSet()));
    LocalDateTime local = local(purchase.occurredAt());
    context = context.withExhausted(exhausted(purchase.occurredAt()))
        .withBirthdayMonth(member.profile().isBirthdayMonth(local.toLocalDate()));
    List<Outcome> outcomes = evaluator.evaluate(purchase, PurchaseLine::quantity, Share.ALL,
        context, local, rule -> progress(FIRST + rule).signum() == 0);
    newActivity();
    for (Outcome outcome : outcomes) {
      long granted = grant(outcome, purchase.occurredAt(), partner);
      if (granted > 0 && outcome.firstOnly()) {
        set(FIRST + outcome.head().id(), BigDecimal.ONE);
      }
    }
    BigDecimal amount = evaluator.earningAmount(purchase, PurchaseLine::quantity, Share.ALL);
    for (RuleSpec spec : book.vouchers) {
      Optional<String> whyNot = spec.head().whyNot(context, Optional.of(purchase.channel()),
          purchase.paymentInstrument(), purchase.occurredAt(), program.zone());
      if (whyNot.isPresent()) {
        trace.add(Outcome.notMatched(spec.head(), whyNot.get()).trace(0));
      } else if (spec instanceof RuleSpec.SpendVoucher s) {
        BigDecimal carried = progress(SPEND + s.head().id()).add(amount);
        BigDecimal[] split = carried.divideAndRemainder(s.every().amount());
        if (split[0].compareTo(BigDecimal.valueOf(MAX_VOUCHERS)) > 0) {
          fail(Outcome.failed(s.head(), "the order would earn " + split[0].toPlainString()
              + " vouchers; at most " + MAX_VOUCHERS + " are issued for one purchase"));
          continue;
        }
        int count = split[0].intValueExact();
        for (int i = 0; i < count; i++) {
          issue(s.head().id(), purchase, s.value(), s.validity());
        }
        set(SPEND + s.head().id(), split[1]);
        note(s.head(), count + " voucher(s) of " + s.value() + "; "
            + Money.of(split[1], program.currency()) + " carries over");
      } else if (spec instanceof RuleSpec.FirstVoucher f) {
        if (progress(FIRST + f.head().id()).signum() > 0) {
          trace.add(Outcome.notMatched(f.head(), "the first-purchase voucher was already earned")
              .trace(0));
        } else if (amount.signum() == 0) {
          trace.add(Outcome.notMatched(f.head(), "nothing in the order earns").trace(0));
        } else {
          issue(f.head().id(), purchase, f.value(), Optional.empty());
          set(FIRST + f.head().id(), BigDecimal.ONE);
          note(f.head(), "first purchase: a voucher of " + f.value());
        }
      } else if (spec instanceof RuleSpec.Cashback c) {
        Money value = cashback(amount, c.percent());
        if (value.isPositive()) {
          issue(c.head().id(), purchase, value, c.validity());
        }
        note(c.head(), c.percent().stripTrailingZeros().toPlainString() + "% of "
            + Money.of(amount, program.currency()) + " is " + value);
      }
    }
    history = history.withPurchase(purchase, context);
    challenges.purchase(purchase, amount);
    gamification().purchase(purchase, amount);
    benefits(purchase, context);
    countDividendSpend(context.activePlans(), purchase, amount);
    tierCredit(purchase, PurchaseLine::quantity, context)
        .ifPresent(c -> credit(purchase.occurredAt(), c));
    referrals().purchase(purchase);
  }

  /** Announces the perks of the tier held and of the active plans, and any member discount. */
  private void benefits(Purchase purchase, PurchaseContext context) {
    context.tier().flatMap(t -> program.tiers().flatMap(l -> l.tier(t))).ifPresent(t ->
        t.perks().forEach(perk -> effects.add(new Effect.PerkGranted(perk, "tier " + t.id()))));
    for (MembershipPlan plan : program.plans().values()) {
      if (!context.activePlans().contains(plan.id())) {
        continue;
      }
      plan.perks().forEach(perk -> effects.add(new Effect.PerkGranted(perk, "plan " + plan.id())));
      plan.discount().ifPresent(d -> {
        BigDecimal covered = BigDecimal.ZERO;
        for (PurchaseLine line : purchase.lines()) {
          if (d.lines().matches(PurchaseEvaluator.atPartner(purchase, line))) {
            covered = covered.add(line.total().amount());
          }
        }
        Money discount = Grants.percentOf(covered, d.percent(), program,
            RoundingMode.HALF_EVEN);
        if (discount.isPositive()) {
          effects.add(new Effect.DiscountGranted(plan.id(), discount));
        }
      });
    }
  }

  /** Counts spend toward the dividends of the plans active at the purchase. */
  private void countDividendSpend(java.util.Set<PlanId> active, Purchase purchase,
      BigDecimal amount) {
    if (amount.signum() == 0) {
      return;
    }
    int year = local(purchase.occurredAt()).getYear();
    for (MembershipPlan plan : program.plans().values()) {
      if (plan.dividend().isPresent() && active.contains(plan.id())) {
        // Spend reported after its year's dividend was issued counts toward none; it is kept
        // apart so that returning it takes back nothing that was paid.
        String key = progress(Memberships.issuedKey(plan.id(), year)).signum() > 0
            ? Memberships.lateKey(plan.id(), year, purchase.id())
            : Memberships.spendKey(plan.id(), year);
        set(key, progress(key).add(amount));
      }
    }
  }

  /**
   * Takes back dividend spend a return removes: from the year's count if its dividend is still
   * to come, otherwise as the plan's policy says, which the decision states.
   */
  private void returnDividendSpend(PurchaseContext context, Purchase purchase,
      BigDecimal returned) {
    if (returned.signum() <= 0) {
      return;
    }
    int year = local(purchase.occurredAt()).getYear();
    for (MembershipPlan plan : program.plans().values()) {
      if (plan.dividend().isEmpty() || !context.activePlans().contains(plan.id())) {
        continue;
      }
      org.loyaltyrules.core.program.Dividend dividend = plan.dividend().get();
      String lateKey = Memberships.lateKey(plan.id(), year, purchase.id());
      BigDecimal late = progress(lateKey).min(returned);
      if (late.signum() > 0) {
        set(lateKey, progress(lateKey).subtract(late));
      }
      BigDecimal counted = returned.subtract(late);
      if (counted.signum() == 0) {
        continue;
      }
      String key = Memberships.spendKey(plan.id(), year);
      BigDecimal before = progress(key);
      BigDecimal after = before.subtract(counted).max(BigDecimal.ZERO);
      set(key, after);
      if (progress(Memberships.issuedKey(plan.id(), year)).signum() > 0) {
        Money share = Grants.percentOf(before, dividend.percent(), program, RoundingMode.FLOOR)
            .minus(Grants.percentOf(after, dividend.percent(), program, RoundingMode.FLOOR));
        if (dividend.onReturn() == org.loyaltyrules.core.program.Dividend.ReturnPolicy
            .REDUCE_NEXT && share.isPositive()) {
          String deduct = Memberships.deductKey(plan.id());
          set(deduct, progress(deduct).add(share.amount()));
        }
        effects.add(new Effect.DividendAdjusted(plan.id(), year, share, dividend.onReturn()));
      }
    }
  }

  /**
   * The tier credit a purchase gives at the given quantities: nothing is left, nothing counts;
   * for status points the points earned count instead, as they are granted, so this gives zero.
   * Empty, with an error in the decision, if the credit expression cannot be evaluated.
   */
  private Optional<BigDecimal> tierCredit(Purchase purchase,
      Function<PurchaseLine, BigDecimal> quantity, PurchaseContext context) {
    if (tiers == null || tiers.ladder().metric() == TierMetric.STATUS_POINTS
        || purchase.lines().stream().allMatch(l -> quantity.apply(l).signum() <= 0)) {
      return Optional.of(BigDecimal.ZERO);
    }
    if (tiers.ladder().metric() != TierMetric.EXPRESSION) {
      return Optional.of(tiers.credit(purchase, quantity,
          evaluator.earningAmount(purchase, quantity, Share.ALL)));
    }
    BigDecimal credit;
    try {
      credit = book.tierCredit.evaluate(evaluator.context(purchase, quantity, context,
          local(purchase.occurredAt())));
    } catch (RuntimeException e) {
      errors.add(new DecisionError(Optional.empty(), "tiers.credit: " + e.getMessage()
          + "; purchase " + purchase.id() + " counts nothing toward tiers",
          DecisionError.Consequence.RULE_SKIPPED));
      return Optional.empty();
    }
    if (credit.signum() < 0) {
      errors.add(new DecisionError(Optional.empty(), "tiers.credit: the expression gave "
          + credit.toPlainString() + " for purchase " + purchase.id()
          + ", which counts nothing toward tiers", DecisionError.Consequence.RULE_SKIPPED));
      return Optional.empty();
    }
    return Optional.of(credit);
  }

  /** Adds tier credit for an activity at {@code occurredAt}. */
  void credit(Instant occurredAt, BigDecimal credit) {
    if (tiers != null && credit.signum() != 0) {
      tierCredit.add(Map.entry(occurredAt, credit));
    }
  }

  /** Adds status-point credit when the ladder counts the unit's points earned. */
  private void statusPoints(UnitId unit, Instant occurredAt, long points) {
    if (tiers != null && tiers.ladder().statusUnit().filter(unit::equals).isPresent()) {
      credit(occurredAt, BigDecimal.valueOf(points));
    }
  }

  /** Applies an adjustment, counting it as status credit if it is in the status unit. */
  void adjust(org.loyaltyrules.core.activity.Adjustment adjustment) {
    tx.adjust(adjustment.unit(), adjustment.points(), adjustment.reason());
    statusPoints(adjustment.unit(), adjustment.occurredAt(), adjustment.points());
  }

  /**
   * Adds the run's tier credit to the member's counters and moves the member up as far as the
   * credit now reaches, with the entry bonus of the tier reached. The credit of the running
   * period counts, and that of the period an activity occurred in while its review is still to
   * come; downgrades wait for the review.
   */
  void settleTiers(ActivityId activity) {
    if (tiers == null || tierCredit.isEmpty()) {
      return;
    }
    LocalDate running = tiers.periodStart(member, tiers.date(at).minus(tiers.ladder().grace()));
    Instant latestReview = tiers.reviewAt(running);
    LocalDate reviewed = tiers.periodStart(member, running.minusDays(1));
    boolean reviewDone = !latestReview.isAfter(at)
        && running.isAfter(tiers.date(member.enrolledAt()));
    // Periods whose credit can still raise the tier: the running one, one whose review is still
    // to come, and the one the latest review read, so that a purchase of it reported late counts
    // as it would have on time.
    java.util.Set<LocalDate> periods = new java.util.TreeSet<>();
    boolean takenFromReviewed = false;
    for (Map.Entry<Instant, BigDecimal> c : tierCredit) {
      for (String key : tiers.keys(member, c.getKey())) {
        set(key, progress(key).add(c.getValue()).max(BigDecimal.ZERO));
      }
      LocalDate start = tiers.periodStart(member, tiers.date(c.getKey()));
      if (tiers.reviewAt(tiers.nextStart(member, start)).isAfter(at)
          || (reviewDone && start.equals(reviewed))) {
        periods.add(start);
      }
      takenFromReviewed |= c.getValue().signum() < 0 && start.equals(reviewed);
    }
    periods.add(tiers.periodStart(member, tiers.date(at)));
    int current = tier.map(t -> tiers.ladder().rank(t.tier())).filter(r -> r >= 0).orElse(0);
    // A return that takes credit from the period the latest review decided on decides that
    // review again on the credit that remains: buying in December and returning in January
    // must not keep a status for a year. A one-step review that already lowered the tier is not
    // replayed, since the tier it lowered from is not kept.
    Instant since = tier.map(TierStatus::since).orElse(at);
    boolean replayable = since.isBefore(latestReview) || (since.equals(latestReview)
        && tiers.ladder().downgrade() == org.loyaltyrules.core.program.TierDowngrade.TO_EARNED);
    if (takenFromReviewed && reviewDone && current > 0 && replayable) {
      int after = tiers.review(member, progress, running, current);
      if (after < current) {
        effects.add(new Effect.TierChanged(tier.map(TierStatus::tier),
            tiers.ladder().tiers().get(after).id()));
        tier = Optional.of(tiers.status(member, after, at, at));
        current = after;
      }
    }
    int reached = current;
    LocalDate from = null;
    for (LocalDate period : periods) {
      int earned = tiers.earned(member, progress, period);
      if (earned > reached) {
        reached = earned;
        from = period;
      }
    }
    if (reached > current) {
      Tier to = tiers.ladder().tiers().get(reached);
      effects.add(new Effect.TierChanged(tier.map(TierStatus::tier), to.id()));
      tier = Optional.of(tiers.status(member, reached, at, at));
      String bonusKey = Tiers.bonusKey(to, tiers.periodKey(member, from));
      if (to.entryBonus().isPresent() && progress(bonusKey).signum() == 0) {
        set(bonusKey, BigDecimal.ONE);
        Grants.give(program, to.entryBonus().get(), Tiers.entryBonusRule(to),
            Tiers.entryBonusVoucher(to, activity), activity, at, tx,
            v -> vouchers.put(v.id(), v), effects);
        trace.add(new TraceEntry(Tiers.entryBonusRule(to), true, Optional.empty(), 0, 0, 0,
            BigDecimal.ZERO, "entry bonus of tier " + to.id()));
      }
    }
  }

  /** Applies a fee payment, trial or refund to the member's memberships. */
  void membership(Membership after) {
    memberships.put(after.plan(), after);
    effects.add(Memberships.changed(after));
  }

  Optional<Membership> membershipOf(PlanId plan) {
    return Optional.ofNullable(memberships.get(plan));
  }

  /** Traces a voucher rule, which grants money rather than points. */
  private void note(RuleSpec.Head head, String note) {
    trace.add(new TraceEntry(head.id(), true, Optional.empty(), 0, 0, 0, BigDecimal.ZERO, note));
  }

  private Money cashback(BigDecimal amount, BigDecimal percent) {
    return Grants.percentOf(amount, percent, program, RoundingMode.FLOOR);
  }

  private void issue(RuleId rule, Purchase purchase, Money value, Optional<Period> validity) {
    String prefix = purchase.id() + "/" + rule + "/";
    long n = vouchers.keySet().stream().filter(v -> v.value().startsWith(prefix)).count() + 1;
    Instant issuedAt = purchase.occurredAt();
    Voucher voucher = new Voucher(VoucherId.of(prefix + n), value, issuedAt,
        validity.map(p -> issuedAt.atZone(program.zone()).plus(p).toInstant()), purchase.id(),
        VoucherStatus.ISSUED);
    vouchers.put(voucher.id(), voucher);
    effects.add(new Effect.VoucherIssued(voucher));
  }

  /** Issues the vouchers a redeemed voucher or gift-card reward gives, one per unit redeemed. */
  void issueReward(org.loyaltyrules.core.activity.RedeemReward redeem, Reward reward) {
    for (int i = 1; i <= redeem.quantity(); i++) {
      Voucher voucher = new Voucher(VoucherId.of(redeem.id() + "/" + reward.id() + "/" + i),
          reward.value().orElseThrow(), redeem.occurredAt(), Optional.empty(), redeem.id(),
          VoucherStatus.ISSUED);
      vouchers.put(voucher.id(), voucher);
      effects.add(new Effect.VoucherIssued(voucher));
    }
  }

  /** Revokes the latest still-issued voucher a rule gave for a purchase; false if none is. */
  private boolean revoke(RuleId rule, ActivityId purchase) {
    return revokeLatest(rule, Optional.of(purchase));
  }

  /**
   * Revokes the latest still-issued voucher a rule gave, for the given purchase or, if empty,
   * for any: spend carried over from a returned purchase may have earned a voucher on a later
   * one. False if there is none.
   */
  private boolean revokeLatest(RuleId rule, Optional<ActivityId> purchase) {
    Optional<Voucher> latest = vouchers.values().stream()
        .filter(v -> v.status() == VoucherStatus.ISSUED
            && purchase.map(v.source()::equals).orElse(true)
            && v.id().value().startsWith(v.source() + "/" + rule + "/"))
        .reduce((a, b) -> b);
    latest.ifPresent(v -> {
      Voucher revoked = v.withStatus(VoucherStatus.REVOKED);
      vouchers.put(v.id(), revoked);
      effects.add(new Effect.VoucherRevoked(revoked));
    });
    return latest.isPresent();
  }

  /** Takes back what the returned part of a purchase earned in vouchers. */
  private void returnVouchers(Purchase purchase, PurchaseContext context, BigDecimal before,
      BigDecimal after, Return ret) {
    for (RuleSpec spec : book.vouchers) {
      if (spec.head().whyNot(context, Optional.of(purchase.channel()),
          purchase.paymentInstrument(), purchase.occurredAt(), program.zone()).isPresent()) {
        continue; // the rule never counted this purchase, so its return changes nothing
      }
      if (spec instanceof RuleSpec.SpendVoucher s) {
        BigDecimal left = progress(SPEND + s.head().id()).subtract(before.subtract(after));
        int revoked = 0;
        while (left.signum() < 0 && revokeLatest(s.head().id(), Optional.empty())) {
          left = left.add(s.every().amount());
          revoked++;
        }
        if (left.signum() < 0) {
          note(s.head(), "return " + ret.id()
              + ": the vouchers it earned were already used; progress restarts at zero");
          left = BigDecimal.ZERO;
        }
        if (revoked > 0 || left.compareTo(progress(SPEND + s.head().id())) != 0) {
          set(SPEND + s.head().id(), left);
        }
      } else if (spec instanceof RuleSpec.FirstVoucher f) {
        if (after.signum() == 0 && before.signum() > 0 && !revoke(f.head().id(), purchase.id())
            && vouchers.keySet().stream().anyMatch(v -> v.value().startsWith(
                purchase.id() + "/" + f.head().id() + "/"))) {
          note(f.head(), "return " + ret.id() + ": the first-purchase voucher was already used");
        }
      } else if (spec instanceof RuleSpec.Cashback c) {
        Money now = cashback(after, c.percent());
        Money was = cashback(before, c.percent());
        if (!now.equals(was)) {
          if (revoke(c.head().id(), purchase.id())) {
            if (now.isPositive()) {
              issue(c.head().id(), purchase, now, c.validity());
            }
          } else {
            note(c.head(), "return " + ret.id()
                + ": the cashback voucher was already used and cannot be reduced");
          }
        }
      }
    }
  }

  /**
   * Re-evaluates the rest of the order as of the purchase and takes back the difference, rule by
   * rule; a rule that was capped keeps at most what it granted.
   */
  void ret(Return ret) {
    PurchaseRecord before = history.withReturn(ret).record(ret.purchase()).orElseThrow();
    PurchaseRecord previous = history.record(ret.purchase()).orElseThrow();
    Purchase purchase = previous.purchase();
    // Points paid give back in proportion to the value returned since they were paid.
    BigDecimal left = evaluator.goodsValue(purchase, remaining(before));
    PurchaseRecord after = before;
    for (PointsPaid paid : before.payments()) {
      BigDecimal returnedSince = paid.orderValue().subtract(left).max(BigDecimal.ZERO);
      long target = paid.orderValue().signum() == 0 ? paid.points()
          : BigDecimal.valueOf(paid.points()).multiply(returnedSince)
              .divide(paid.orderValue(), 0, RoundingMode.FLOOR).longValueExact();
      long give = target - paid.restored();
      if (give > 0) {
        tx.restoreSpending(paid.payment(), paid.unit(), give);
        effects.add(new Effect.PointsRestored(paid.unit(), give, paid.payment()));
        after = after.withPayment(paid.withRestored(target));
      }
    }
    history = history.withReturn(ret).withRecord(after);
    Optional<BigDecimal> creditBefore = tierCredit(purchase, remaining(previous),
        previous.context());
    Optional<BigDecimal> creditAfter = tierCredit(purchase, remaining(after), previous.context());
    if (creditBefore.isPresent() && creditAfter.isPresent()) {
      credit(purchase.occurredAt(), creditAfter.get().subtract(creditBefore.get()));
    }
    returnDividendSpend(previous.context(), purchase,
        evaluator.earningAmount(purchase, remaining(previous), Share.ALL)
            .subtract(evaluator.earningAmount(purchase, remaining(after), Share.ALL)));
    BigDecimal earningBefore = evaluator.earningAmount(purchase, remaining(previous), Share.ALL);
    BigDecimal earningAfter = evaluator.earningAmount(purchase, remaining(after), Share.ALL);
    returnVouchers(purchase, previous.context(), earningBefore, earningAfter, ret);
    challenges.returned(purchase, remaining(previous), remaining(after), earningBefore,
        earningAfter);
    gamification().ret(purchase, earningAfter, ret.id());
    reevaluate(after, "return " + ret.id());
    referrals().ret(ret, after);
  }

  /** Points paid toward a purchase: spent at the program's rate, up to its share of the order. */
  void pay(PayWithPoints pay) {
    PointsPayment terms = program.pointsPayment().orElseThrow(() -> new IllegalArgumentException(
        "pay-with-points " + pay.id() + ": program " + program.id()
            + " does not let members pay with points"));
    checkArgument(pay.unit().equals(terms.unit()),
        "pay-with-points %s: unit must be %s, was %s", pay.id(), terms.unit(), pay.unit());
    checkArgument(pay.points() % terms.pointsPerStep() == 0,
        "pay-with-points %s: %s points is not a whole number of %s-point steps", pay.id(),
        pay.points(), terms.pointsPerStep());
    PurchaseRecord record = history.record(pay.purchase()).orElseThrow(() ->
        new UnknownReferenceException("purchase", pay.purchase().value(),
            "the member's purchases (pay-with-points " + pay.id() + ")"));
    Money value = terms.valueOf(pay.points());
    Money order = Money.of(evaluator.goodsValue(record.purchase(), remaining(record)),
        program.currency());
    Money paidBefore = paidValue(record);
    Money limit = order.times(terms.maxShare());
    if (paidBefore.plus(value).compareTo(limit) > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "pay-with-points %s: %s more would pay %s of purchase %s, above the most points may "
              + "pay, %s (%s of %s)", pay.id(), value, paidBefore.plus(value), pay.purchase(),
          limit, terms.maxShare().stripTrailingZeros().toPlainString(), order));
    }
    Optional<PartnerId> honouredBy = partnerOf(program, record.purchase());
    tx.redeem(pay.unit(), pay.points(),
        honouredBy.map(Attribution.none()::withPartner).orElse(Attribution.none()));
    effects.add(new Effect.PaidWithPoints(pay.purchase(), pay.unit(), pay.points(), value));
    PurchaseRecord after = record.withPayment(new PointsPaid(pay.id(), pay.unit(), pay.points(),
        0, order.amount()));
    history = history.withRecord(after);
    reevaluate(after, "pay-with-points " + pay.id());
  }

  private static Function<PurchaseLine, BigDecimal> remaining(PurchaseRecord record) {
    return line -> line.quantity().subtract(record.returnedOf(line.id()));
  }

  /** The money the points still paid toward a purchase are worth. */
  private Money paidValue(PurchaseRecord record) {
    Money sum = Money.zero(program.currency());
    for (PointsPaid paid : record.payments()) {
      PointsPayment terms = program.pointsPayment().orElseThrow();
      sum = sum.plus(Money.of(terms.valuePerStep().amount()
          .multiply(BigDecimal.valueOf(paid.net()))
          .divide(BigDecimal.valueOf(terms.pointsPerStep()), Money.MAX_SCALE,
              RoundingMode.DOWN), program.currency()));
    }
    return sum;
  }

  /**
   * Re-evaluates what is left of a purchase, as of the purchase, and takes back the difference
   * rule by rule; a rule that was capped keeps at most what it granted.
   */
  private void reevaluate(PurchaseRecord record, String why) {
    Purchase purchase = record.purchase();
    Share share = program.earnPolicy().pointsPaidEarns() ? Share.ALL
        : Share.of(paidValue(record).amount(), evaluator.goodsValue(purchase, remaining(record)));
    boolean nothingLeft = purchase.lines().stream()
        .allMatch(line -> remaining(record).apply(line).signum() == 0);
    // With nothing left, every rule keeps nothing: no rule needs to be evaluated, so none can
    // fail on an empty order.
    List<Outcome> outcomes = nothingLeft ? List.of() : evaluator.evaluate(purchase,
        remaining(record), share, record.context(), local(purchase.occurredAt()), rule -> true);
    Map<String, Long> left = new LinkedHashMap<>();
    java.util.Set<RuleId> failed = new java.util.HashSet<>();
    for (Outcome o : outcomes) {
      o.unit().ifPresent(u -> left.merge(o.head().id() + "\n" + u, o.points(), Long::sum));
      if (o.error().isPresent()) {
        fail(o);
        failed.add(o.head().id());
      }
    }
    // What the rest of the order earns is bounded by each rule's caps per activity, counted once
    // over all of the rule's outcomes, as when the purchase was decided.
    left.replaceAll((key, points) -> {
      RuleSpec.Head head = book.heads.get(RuleId.of(key.substring(0, key.indexOf('\n'))));
      return head == null ? points : PurchaseEvaluator.activityCap(head, points);
    });
    // Each rule keeps what it would grant on the rest of the order now, at most what it granted
    // at the purchase. A rule's target can rise as well as fall from one return to the next (a
    // multiplier's rounded share grows when a line it does not multiply goes), so a return gives
    // back, as of the purchase, what an earlier return took beyond it; returning in parts then
    // ends exactly where returning whole would.
    java.util.Set<LotId> original = new java.util.HashSet<>();
    for (org.loyaltyrules.core.ledger.Posting p : member.ledger().postings()) {
      if (p.type() == org.loyaltyrules.core.ledger.PostingType.EARN
          && p.activity().filter(purchase.id()::equals).isPresent()) {
        p.lot().ifPresent(original::add);
      }
    }
    Map<String, List<Lot>> groups = new TreeMap<>();
    for (Lot lot : member.ledger().lots()) {
      if (lot.activity().equals(purchase.id()) && lot.rule().isPresent()
          && !failed.contains(lot.rule().get()) && !Tiers.isEntryBonus(lot.rule().get())
          && !Challenges.isGrant(lot.rule().get())
          && !Referrals.isReferral(lot.rule().get())
          && !Gamification.isPrize(lot.rule().get())) {
        groups.computeIfAbsent(lot.rule().get() + "\n" + lot.unit(), k -> new ArrayList<>())
            .add(lot);
      }
    }
    Map<String, List<LineId>> linesOf = new java.util.HashMap<>();
    for (Outcome o : outcomes) {
      o.unit().ifPresent(u -> linesOf.putIfAbsent(o.head().id() + "\n" + u, o.lines()));
    }
    // What the whole order earned before caps, to tell which rules a cap held back.
    Map<String, Long> uncapped = new LinkedHashMap<>();
    if (!nothingLeft) {
      for (Outcome o : evaluator.evaluate(purchase, PurchaseLine::quantity, Share.ALL,
          record.context(), local(purchase.occurredAt()), r -> true)) {
        o.unit().ifPresent(u -> uncapped.merge(o.head().id() + "\n" + u, o.points(), Long::sum));
      }
    }
    Map<String, Long> granted = new TreeMap<>();
    Map<String, Long> holds = new TreeMap<>();
    groups.forEach((key, lots) -> {
      for (Lot lot : lots) {
        if (original.contains(lot.id())) {
          granted.merge(key, lot.amount(), Long::sum);
        }
        holds.merge(key, lot.amount() - lot.reversed(), Long::sum);
      }
    });
    // A rule a cap held back keeps at most what it granted; any other keeps what it would grant
    // now. A unit keeps at most what the purchase granted in it: rounded shares can move between
    // rules as lines go, so the unit's total, not each rule's, is what returns bound.
    Map<UnitId, List<String>> keysByUnit = new TreeMap<>();
    java.util.Set<String> keys = new java.util.TreeSet<>(groups.keySet());
    left.forEach((key, points) -> {
      if (points > 0 && !failed.contains(RuleId.of(key.substring(0, key.indexOf('\n'))))) {
        keys.add(key);
      }
    });
    for (String key : keys) {
      keysByUnit.computeIfAbsent(UnitId.of(key.substring(key.indexOf('\n') + 1)),
          u -> new ArrayList<>()).add(key);
    }
    Optional<PartnerId> partner = partnerOf(program, purchase);
    keysByUnit.forEach((unit, unitKeys) -> {
      long total = 0;
      for (String key : unitKeys) {
        total += granted.getOrDefault(key, 0L);
      }
      long budget = total;
      for (String key : unitKeys) {
        long now = left.getOrDefault(key, 0L);
        long was = granted.getOrDefault(key, 0L);
        long target = was < uncapped.getOrDefault(key, 0L) ? Math.min(now, was) : now;
        long keep = Math.min(target, budget);
        budget -= keep;
        long has = holds.getOrDefault(key, 0L);
        RuleId rule = RuleId.of(key.substring(0, key.indexOf('\n')));
        if (has > keep) {
          long take = has - keep;
          List<Lot> lots = groups.get(key);
          for (int i = lots.size() - 1; i >= 0 && take > 0; i--) {
            Lot lot = lots.get(i);
            long part = Math.min(take, lot.amount() - lot.reversed());
            if (part > 0) {
              takeBack(lot, part, purchase, why);
              take -= part;
            }
          }
        } else if (has < keep) {
          long give = Math.min(keep - has, room(rule, unit, purchase.occurredAt()));
          if (give > 0) {
            tx.earnFor(purchase.id(), purchase.occurredAt(), unit, give, funded(
                Attribution.rule(rule).withLines(linesOf.getOrDefault(key, List.of())), unit,
                book.fundedBy(rule).or(() -> partner)));
            effects.add(new Effect.PointsRestored(unit, give, purchase.id()));
            statusPoints(unit, purchase.occurredAt(), give);
            claimCaps(rule, unit, purchase.occurredAt(), give);
            trace.add(new TraceEntry(rule, true, Optional.of(unit), give, 0, 0, BigDecimal.ZERO,
                why + " gives back " + give + " the rest of the order earns"));
          }
        }
      }
    });
  }

  private void takeBack(Lot lot, long points, Purchase purchase, String why) {
    RuleId rule = lot.rule().orElseThrow();
    tx.reverseEarning(lot.id(), points);
    effects.add(new Effect.PointsReversed(lot.unit(), points, purchase.id()));
    statusPoints(lot.unit(), purchase.occurredAt(), -points);
    releaseCaps(rule, lot.unit(), purchase.occurredAt(), points);
    trace.add(new TraceEntry(rule, true, Optional.of(lot.unit()), 0, 0, 0, BigDecimal.ZERO,
        why + " takes back " + points + " of " + lot.amount()));
  }


  /**
   * Grants the event bonuses the event earns, as often as each rule's frequency allows, and
   * counts it toward challenges and badges.
   */
  void event(EngagementEvent event) {
    challenges.event(event);
    LocalDateTime local = local(event.occurredAt());
    PurchaseContext context = new PurchaseContext(member.tierId(), member.profile().segments(),
        member.profile().attributes(), java.util.Set.of())
        .withBirthdayMonth(member.profile().isBirthdayMonth(local.toLocalDate()));
    java.util.Set<Integer> exclusiveGroups = new java.util.HashSet<>();
    newActivity();
    for (RuleSpec.EventBonus rule : book.events) {
      if (rule.event() != event.type() || !rule.attributes().entrySet().stream()
          .allMatch(e -> e.getValue().equals(event.attributes().get(e.getKey())))) {
        continue;
      }
      Optional<String> whyNot = rule.head().whyNot(context, Optional.empty(),
          event.occurredAt(), program.zone());
      String key = rule.frequency() == Frequency.EVERY_TIME ? null
          : EVENT + rule.head().id() + "/" + rule.frequency() + "/"
              + period(rule.frequency(), local.toLocalDate());
      Outcome outcome;
      if (whyNot.isPresent()) {
        outcome = Outcome.notMatched(rule.head(), whyNot.get());
      } else if (key != null && progress(key).signum() > 0) {
        outcome = Outcome.notMatched(rule.head(), "already earned "
            + rule.frequency().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      } else if (rule.head().exclusive() && !exclusiveGroups.add(rule.head().group())) {
        outcome = Outcome.excluded(rule.head(), rule.unit(), rule.points(),
            "excluded by an earlier exclusive rule of group " + rule.head().group());
      } else {
        outcome = new Outcome(rule.head(), Optional.of(rule.unit()), true, rule.points(), 0,
            BigDecimal.ZERO, List.of(), false, event.type() + " bonus");
      }
      if (grant(outcome, event.occurredAt(), Optional.empty()) > 0 && key != null) {
        set(key, BigDecimal.ONE);
      }
    }
    gamification().event(event);
  }

  /**
   * The coalition partner a purchase was made with, which funds what it earns: the purchase's
   * own, or else the one its lines name; empty if none is named.
   *
   * @throws UnknownReferenceException if the program has no such partner
   * @throws IllegalArgumentException if lines name a partner other than the purchase's, or
   *     different partners with none named on the purchase
   */
  static Optional<PartnerId> partnerOf(Program program, Purchase purchase) {
    java.util.Set<PartnerId> named = new java.util.TreeSet<>();
    purchase.partner().ifPresent(named::add);
    for (PurchaseLine line : purchase.lines()) {
      line.partner().ifPresent(named::add);
      if (purchase.partner().isPresent() && line.partner().isPresent()
          && !line.partner().equals(purchase.partner())) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "purchase %s: line %s "
                + "names partner %s, but the purchase was made with partner %s; a purchase is "
                + "made with one partner, so split the order", purchase.id(), line.id(),
            line.partner().get(), purchase.partner().get()));
      }
    }
    if (named.size() > 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "purchase %s: its lines "
              + "name partners %s; a purchase is made with one partner, so split the order",
          purchase.id(), named));
    }
    for (PartnerId id : named) {
      if (!program.partners().containsKey(id)) {
        throw new UnknownReferenceException("partner", id.value(), "program " + program.id()
            + " (purchase " + purchase.id() + "; its partners are "
            + program.partners().keySet() + ")");
      }
    }
    return named.stream().findFirst();
  }

  /**
   * What an earning in {@code unit} is attributed to: its rule and lines, and the partner that
   * funds it when the unit can be spent (status-only points cost a partner nothing).
   */
  private Attribution funded(Attribution attribution, UnitId unit, Optional<PartnerId> partner) {
    return partner.isPresent() && program.unit(unit).isRedeemable()
        ? attribution.withPartner(partner.get()) : attribution;
  }

  /** Starts counting caps per activity afresh. */
  private void newActivity() {
    grantedInActivity.clear();
    rateGranted.clear();
  }

  /** Applies the rule's caps, earns what is left, and traces it; returns the points granted. */
  private long grant(Outcome outcome, Instant occurredAt, Optional<PartnerId> partner) {
    if (outcome.error().isPresent()) {
      fail(outcome);
      trace.add(outcome.trace(0));
      return 0;
    }
    if (!outcome.matched() || outcome.points() == 0 || outcome.unit().isEmpty()) {
      trace.add(outcome.trace(0));
      return 0;
    }
    UnitId unit = outcome.unit().get();
    LocalDate day = local(occurredAt).toLocalDate();
    long granted = outcome.points();
    boolean perActivity = false;
    for (Cap cap : outcome.head().caps()) {
      perActivity |= cap.scope() == CapScope.ACTIVITY;
    }
    String ruleUnit = perActivity ? outcome.head().id() + "\n" + unit : null;
    if (outcome.multiplies().isPresent() && !rateGranted.isEmpty()) {
      // The evaluator already multiplied what a cap per activity lets the rate grant; what else
      // held the rate back (a cap per period, a budget, the ledger's ceiling) holds back the
      // multiplier's extra in the same proportion.
      long[] rate = rateGranted.get(outcome.multiplies().get() + "\n" + unit);
      if (rate != null && rate[0] < rate[1]) {
        granted = BigDecimal.valueOf(granted).multiply(BigDecimal.valueOf(rate[0]))
            .divide(BigDecimal.valueOf(rate[1]), 0, RoundingMode.DOWN).longValueExact();
      }
    }
    for (Cap cap : outcome.head().caps()) {
      long used = cap.scope() == CapScope.ACTIVITY
          ? grantedInActivity.getOrDefault(ruleUnit, 0L)
          : progress(capKey(outcome.head().id(), unit, cap.scope(), day)).longValueExact();
      granted = Math.min(granted, Math.max(0, cap.points() - used));
    }
    Optional<Budget> budget = outcome.head().budget();
    if (budget.isPresent()) {
      long spent = state.budgetSpent(budget.get().id())
          + budgetUsed.getOrDefault(budget.get().id(), 0L);
      granted = Math.min(granted, Math.max(0, budget.get().points() - spent));
    }
    long room = Ledger.MAX_POINTS - earnedSoFar(unit);
    long couldHave = PurchaseEvaluator.activityCap(outcome.head(), outcome.points());
    long given = granted > room ? 0 : granted;
    if (given < couldHave && outcome.multiplies().isEmpty()) {
      // Only a rate held back beyond its caps per activity scales what multiplies it.
      rateGranted.put(outcome.head().id() + "\n" + unit, new long[] {given, couldHave});
    }
    if (granted > room) {
      fail(new Outcome(outcome.head(), outcome.unit(), false, 0, 0, BigDecimal.ZERO, List.of(),
          false, outcome.note(), Optional.of(granted + " points would take the member's "
              + unit + " past the ledger's ceiling of " + Ledger.MAX_POINTS)));
      trace.add(Outcome.failed(outcome.head(), "the points exceed the ledger's ceiling")
          .trace(0));
      return 0;
    }
    trace.add(outcome.trace(granted));
    if (granted == 0) {
      return 0;
    }
    if (ruleUnit != null) {
      grantedInActivity.merge(ruleUnit, granted, Long::sum);
    }
    earnedInRun.merge(unit, granted, Long::sum);
    for (Cap cap : outcome.head().caps()) {
      if (cap.scope() != CapScope.ACTIVITY) {
        String key = capKey(outcome.head().id(), unit, cap.scope(), day);
        set(key, progress(key).add(BigDecimal.valueOf(granted)));
      }
    }
    if (budget.isPresent()) {
      spendBudget(budget.get().id(), granted);
    }
    LotId lot = tx.earn(unit, granted, funded(Attribution.rule(outcome.head().id())
        .withLines(outcome.lines()), unit, outcome.head().fundedBy().or(() -> partner)));
    statusPoints(unit, occurredAt, granted);
    Optional<Instant> pendingUntil = Optional.of(program.unit(unit).vestsAt(occurredAt,
        program.zone())).filter(vests -> vests.isAfter(at));
    effects.add(new Effect.PointsEarned(unit, granted, Optional.of(outcome.head().id()), lot,
        pendingUntil));
    return granted;
  }

  /**
   * What each rule granted in each unit on the activity being decided, for caps per activity
   * across a multiplier's outcomes; cleared for each activity.
   */
  private final Map<String, Long> grantedInActivity = new java.util.HashMap<>();
  /** Per rule and unit on the activity being decided: what it granted, of what it could have. */
  private final Map<String, long[]> rateGranted = new java.util.HashMap<>();
  private final Map<UnitId, Long> earnedInRun = new java.util.HashMap<>();
  private final Map<UnitId, Long> earnedBefore = new java.util.HashMap<>();

  /** The points ever earned into lots of a unit, including this run's; the ledger is read once. */
  private long earnedSoFar(UnitId unit) {
    long before = earnedBefore.computeIfAbsent(unit, u -> member.ledger().lots().stream()
        .filter(lot -> lot.unit().equals(u)).mapToLong(Lot::amount).sum());
    return before + earnedInRun.getOrDefault(unit, 0L);
  }

  /** Reports a rule that could not be evaluated, and refuses the decision if it says so. */
  private void fail(Outcome outcome) {
    boolean refuse = outcome.head().onError() == OnError.REFUSE_DECISION;
    errors.add(new DecisionError(Optional.of(outcome.head().id()), "rule " + outcome.head().id()
        + ": " + outcome.error().orElseThrow(), refuse
        ? DecisionError.Consequence.DECISION_REFUSED : DecisionError.Consequence.RULE_SKIPPED));
    refused |= refuse;
  }

  private void spendBudget(BudgetId budget, long points) {
    budgetUsed.merge(budget, points, Long::sum);
    changes.add(new ProgramStateChange.BudgetSpent(budget, points));
  }

  /** The exclusive, capped or budgeted rules with no room left in the periods of an instant. */
  private java.util.Set<RuleId> exhausted(Instant occurredAt) {
    java.util.Set<RuleId> none = new java.util.TreeSet<>();
    List<java.util.Map.Entry<RuleSpec.Head, UnitId>> heads = new ArrayList<>();
    book.rates.forEach(r -> heads.add(Map.entry(r.head(), r.unit())));
    book.multipliers.forEach(m -> m.unit().ifPresent(u -> heads.add(Map.entry(m.head(), u))));
    book.bonuses.forEach(b -> heads.add(Map.entry(b.head(), b.unit())));
    book.customs.forEach(c -> heads.add(Map.entry(c.head(), c.unit())));
    for (Map.Entry<RuleSpec.Head, UnitId> e : heads) {
      RuleSpec.Head head = e.getKey();
      if (head.exclusive() && (head.budget().isPresent()
          || head.caps().stream().anyMatch(c -> c.scope() != CapScope.ACTIVITY))
          && room(head.id(), e.getValue(), occurredAt) == 0) {
        none.add(head.id());
      }
    }
    return none;
  }

  /** The most points a rule may still grant in the periods of {@code occurredAt}. */
  private long room(RuleId rule, UnitId unit, Instant occurredAt) {
    RuleSpec.Head head = head(rule);
    if (head == null) {
      return Long.MAX_VALUE;
    }
    long room = Long.MAX_VALUE;
    LocalDate day = local(occurredAt).toLocalDate();
    for (Cap cap : head.caps()) {
      if (cap.scope() != CapScope.ACTIVITY) {
        room = Math.min(room, Math.max(0, cap.points()
            - progress(capKey(rule, unit, cap.scope(), day)).longValueExact()));
      }
    }
    if (head.budget().isPresent()) {
      Budget b = head.budget().get();
      room = Math.min(room, Math.max(0, b.points() - state.budgetSpent(b.id())
          - budgetUsed.getOrDefault(b.id(), 0L)));
    }
    return room;
  }

  /** Counts points given back toward the caps and budget they were first counted against. */
  private void claimCaps(RuleId rule, UnitId unit, Instant occurredAt, long points) {
    RuleSpec.Head head = head(rule);
    if (head == null) {
      return;
    }
    head.budget().ifPresent(b -> spendBudget(b.id(), points));
    LocalDate day = local(occurredAt).toLocalDate();
    for (Cap cap : head.caps()) {
      if (cap.scope() != CapScope.ACTIVITY) {
        String key = capKey(rule, unit, cap.scope(), day);
        set(key, progress(key).add(BigDecimal.valueOf(points)));
      }
    }
  }

  private void releaseCaps(RuleId rule, UnitId unit, Instant occurredAt, long points) {
    RuleSpec.Head head = head(rule);
    if (head == null) {
      return;
    }
    head.budget().ifPresent(b -> {
      long back = Math.min(points, state.budgetSpent(b.id())
          + budgetUsed.getOrDefault(b.id(), 0L));
      if (back > 0) {
        spendBudget(b.id(), -back);
      }
    });
    LocalDate day = local(occurredAt).toLocalDate();
    for (Cap cap : head.caps()) {
      if (cap.scope() != CapScope.ACTIVITY) {
        String key = capKey(rule, unit, cap.scope(), day);
        BigDecimal used = progress(key);
        if (used.signum() > 0) {
          set(key, used.subtract(BigDecimal.valueOf(points)).max(BigDecimal.ZERO));
        }
      }
    }
  }

  private RuleSpec.Head head(RuleId rule) {
    return book.heads.get(rule);
  }


  /** The member with the ledger, purchases and counters this run produced. */
  Member finish(Ledger ledger) {
    Member.Builder b = member.toBuilder().ledger(ledger).purchases(history)
        .vouchers(List.copyOf(vouchers.values()));
    changed.forEach(b::progress);
    tier.ifPresent(b::tier);
    memberships.values().forEach(b::membership);
    return b.build();
  }

  /** The referrals of this run: the friend's purchases and returns, the referrer's credits. */
  Referrals referrals() {
    return new Referrals(program, member, tx, vouchers, this);
  }

  /** A progress counter as this run has it; zero if never counted. */
  BigDecimal progress(String key) {
    return progress.getOrDefault(key, BigDecimal.ZERO);
  }

  /** Every progress counter as this run has it, sorted by name; not to be changed. */
  java.util.NavigableMap<String, BigDecimal> counters() {
    return java.util.Collections.unmodifiableNavigableMap(progress);
  }

  /** The member as given to the decision, advanced to its instant. */
  Member member() {
    return member;
  }

  /** The decision's ledger transaction. */
  LedgerTransaction transaction() {
    return tx;
  }

  /** The member's vouchers as this run has them, in the order issued. */
  Map<VoucherId, Voucher> vouchers() {
    return java.util.Collections.unmodifiableMap(vouchers);
  }

  /** Keeps a voucher issued or changed by this run. */
  void keepVoucher(Voucher voucher) {
    vouchers.put(voucher.id(), voucher);
  }

  /** Sets a progress counter; zero removes it when the member is built. */
  void set(String key, BigDecimal value) {
    progress.put(key, value);
    changed.put(key, value);
  }

  private LocalDateTime local(Instant instant) {
    return instant.atZone(program.zone()).toLocalDateTime();
  }

  private static String capKey(RuleId rule, UnitId unit, CapScope scope, LocalDate day) {
    String period = switch (scope) {
      case DAY -> day.toString();
      case MONTH -> YearMonth.from(day).toString();
      case YEAR -> String.valueOf(day.getYear());
      case MEMBER, ACTIVITY -> "all";
    };
    return CAP + rule + "/" + unit + "/" + scope + "/" + period;
  }

  private static String period(Frequency frequency, LocalDate day) {
    return switch (frequency) {
      case ONCE_PER_DAY -> day.toString();
      case ONCE_PER_MONTH -> YearMonth.from(day).toString();
      case ONCE_PER_YEAR -> String.valueOf(day.getYear());
      case ONCE_EVER, EVERY_TIME -> "all";
    };
  }

  /**
   * Returns the counters of periods that ended before {@code day}: those the member no longer
   * needs. Counters of the member's whole membership are kept.
   */
  static List<String> expiredCounters(Map<String, BigDecimal> progress, LocalDate day) {
    List<String> expired = new ArrayList<>();
    for (String key : progress.keySet()) {
      if (!key.startsWith(CAP) && !key.startsWith(EVENT)
          && !key.startsWith(Gamification.COUNTER)) {
        continue;
      }
      String[] parts = key.split("/");
      String scope = parts[parts.length - 2];
      String period = parts[parts.length - 1];
      String current = switch (scope) {
        case "DAY", "ONCE_PER_DAY" -> day.toString();
        case "MONTH", "ONCE_PER_MONTH" -> YearMonth.from(day).toString();
        case "YEAR", "ONCE_PER_YEAR" -> String.valueOf(day.getYear());
        default -> null;
      };
      if (current != null && period.compareTo(current) < 0) {
        expired.add(key);
      }
    }
    expired.sort(Comparator.naturalOrder());
    return expired;
  }

  /** The random source of the decision, for instant-win plays; set before the activity. */
  java.util.random.RandomGenerator random;
  private Gamification gamification;

  /** The decision's draw entries and instant-win plays. */
  private Gamification gamification() {
    if (gamification == null) {
      gamification = new Gamification(program, state, member.id(), random, this::progress,
          this::set, (grant, rule, voucher, source, when) -> Grants.give(program, grant, rule,
              voucher, source, when, tx, v -> vouchers.put(v.id(), v), effects),
          changes, effects, trace);
    }
    return gamification;
  }

  /** The instant the decision is made at. */
  Instant at() {
    return at;
  }

  /** The activity this run decides, for messages. */
  ActivityId activity() {
    return tx.activity();
  }
}
