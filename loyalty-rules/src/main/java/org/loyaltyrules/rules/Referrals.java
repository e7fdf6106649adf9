package org.loyaltyrules.rules;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.ReferralCredit;
import org.loyaltyrules.core.activity.ReferralWithdrawal;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.PurchaseRecord;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.ReferralTerms;

/**
 * Two-sided referrals within one decision. The decision function is per member, so each side is
 * decided on its own member's state and the host carries the news between them:
 *
 * <ul>
 *   <li>friend side, on the referred member: the first purchase whose qualifying spend reaches
 *       the minimum gives the friend's grant and announces {@link Effect.ReferralQualified}; a
 *       return of that purchase within the return window that leaves it below the minimum takes
 *       the grant back and announces {@link Effect.ReferralWithdrawn};
 *   <li>referrer side, on the referrer: a {@link ReferralCredit} gives the referrer's grant
 *       unless the limit is reached, each friend at most once; a {@link ReferralWithdrawal} takes
 *       back exactly what its credit gave and frees its place under the limit.
 * </ul>
 *
 * <p>Progress counters it keeps in the member's state: on the friend, {@code referral/qualified}
 * once the referral qualified and {@code referral/purchase/PURCHASE} while that purchase's
 * rewards can still be taken back; on the referrer, {@code referral/friend/FRIEND} the number
 * {@code n} given to each friend credited (or withdrawn), {@code referral/last} the last such
 * number, {@code referral/slot/n} the date ({@code yyyymmdd}) of a rewarded credit still
 * counting toward the limit, {@code referral/withdrawn/n} a withdrawn referral, and
 * {@code referral/count/PERIOD} the rewarded referrals of a calendar period (its first day) and of
 * all time ({@code all}). What a referrer's credit gave is found again by its points' posting
 * reason, {@code referral of FRIEND}, and its voucher's id, {@code CREDIT/referral:referrer/n}.
 *
 * <p>Made per decision by {@link Run}; not thread-safe.
 */
final class Referrals {
  /** The rule the friend's grant is traced and attributed to. */
  static final RuleId FRIEND = RuleId.of("referral:friend");
  /** The rule the referrer's grant is traced and attributed to. */
  static final RuleId REFERRER = RuleId.of("referral:referrer");

  private static final String QUALIFIED = "referral/qualified";
  private static final String PURCHASE = "referral/purchase/";
  private static final String FRIEND_NUMBER = "referral/friend/";
  private static final String LAST = "referral/last";
  private static final String SLOT = "referral/slot/";
  private static final String WITHDRAWN = "referral/withdrawn/";
  private static final String COUNT = "referral/count/";
  private static final String ALL = COUNT + "all";

  private final Program program;
  private final Member member;
  private final LedgerTransaction tx;
  private final Map<VoucherId, Voucher> vouchers;
  private final Run run;

  Referrals(Program program, Member member, LedgerTransaction tx,
      Map<VoucherId, Voucher> vouchers, Run run) {
    this.program = program;
    this.member = member;
    this.tx = tx;
    this.vouchers = vouchers;
    this.run = run;
  }

  /** Whether a lot's rule is a referral's, which no re-evaluation of a purchase touches. */
  static boolean isReferral(RuleId rule) {
    return rule.equals(FRIEND) || rule.equals(REFERRER);
  }

  // ------------------------------------------------------------------------------------------
  // The friend's side
  // ------------------------------------------------------------------------------------------

  /** Gives the friend's grant if this is the referred member's first qualifying purchase. */
  void purchase(Purchase purchase) {
    if (program.referral().isEmpty() || member.referredBy().isEmpty()) {
      return;
    }
    ReferralTerms terms = program.referral().get();
    MemberId referrer = member.referredBy().get();
    if (run.progress(QUALIFIED).signum() > 0) {
      trace(FRIEND, false, Optional.empty(), 0, "the referral by " + referrer
          + " already qualified with an earlier purchase");
      return;
    }
    Money spend = spend(terms, purchase, PurchaseLine::quantity);
    if (!qualifies(terms, spend)) {
      trace(FRIEND, false, Optional.empty(), 0, "qualifying spend " + spend
          + (spend.isPositive() ? " is below the referral minimum of " + terms.minimumSpend()
              : ": no line of the purchase counts toward the referral"));
      return;
    }
    long points = give(terms.friend(), FRIEND, friendVoucher(purchase.id()), purchase.id(),
        purchase.occurredAt(), Attribution.rule(FRIEND));
    run.set(QUALIFIED, BigDecimal.ONE);
    run.set(PURCHASE + purchase.id(), BigDecimal.ONE);
    run.effects.add(new Effect.ReferralQualified(referrer, purchase.id()));
    trace(FRIEND, true, unitOf(terms.friend()), points, "first qualifying purchase of the "
        + "referral by " + referrer + ": spend " + spend + ", at least " + terms.minimumSpend());
  }

  /**
   * Takes the friend's grant back if a return within the window leaves the referral's purchase
   * no longer qualifying; after the window, or while the rest still qualifies, it stands.
   *
   * @param ret the return
   * @param after the purchase's record with this return applied
   */
  void ret(Return ret, PurchaseRecord after) {
    Purchase purchase = after.purchase();
    String key = PURCHASE + purchase.id();
    if (run.progress(key).signum() == 0) {
      return;
    }
    if (program.referral().isEmpty()) {
      // The program no longer rewards referrals: what was given stands, as it would after the
      // window.
      run.set(key, BigDecimal.ZERO);
      return;
    }
    ReferralTerms terms = program.referral().get();
    Money left = spend(terms, purchase,
        line -> line.quantity().subtract(after.returnedOf(line.id())));
    if (qualifies(terms, left)) {
      trace(FRIEND, false, Optional.empty(), 0, "return " + ret.id() + ": the rest of purchase "
          + purchase.id() + ", spend " + left + ", still qualifies; the referral stands");
      return;
    }
    Instant closes = purchase.occurredAt().atZone(program.zone()).plus(terms.returnWindow())
        .toInstant();
    if (ret.occurredAt().isAfter(closes)) {
      run.set(key, BigDecimal.ZERO);
      trace(FRIEND, false, Optional.empty(), 0, "return " + ret.id() + " came after the "
          + "referral's return window of " + terms.returnWindow() + " closed; the referral stands");
      return;
    }
    String why = "return " + ret.id() + " within the referral's return window of "
        + terms.returnWindow() + " leaves purchase " + purchase.id() + " below the minimum";
    List<Lot> lots = new ArrayList<>();
    for (Lot lot : member.ledger().lots()) {
      if (lot.activity().equals(purchase.id()) && lot.rule().filter(FRIEND::equals).isPresent()) {
        lots.add(lot);
      }
    }
    takeBack(lots, Optional.ofNullable(vouchers.get(friendVoucher(purchase.id()))),
        terms.friend(), FRIEND, why);
    run.set(key, BigDecimal.ZERO);
    member.referredBy().ifPresent(r -> run.effects.add(
        new Effect.ReferralWithdrawn(r, purchase.id())));
  }

  private static boolean qualifies(ReferralTerms terms, Money spend) {
    return spend.isPositive() && spend.compareTo(terms.minimumSpend()) >= 0;
  }

  /** The spend of the lines the terms count, at the given quantities. */
  private Money spend(ReferralTerms terms, Purchase purchase,
      Function<PurchaseLine, BigDecimal> quantity) {
    Money total = Money.zero(program.currency());
    for (PurchaseLine line : purchase.lines()) {
      if (terms.lines().matches(PurchaseEvaluator.atPartner(purchase, line))) {
        total = total.plus(line.unitPrice().times(quantity.apply(line)));
      }
    }
    return total;
  }

  private static VoucherId friendVoucher(ActivityId purchase) {
    return VoucherId.of(purchase + "/" + FRIEND + "/1");
  }

  // ------------------------------------------------------------------------------------------
  // The referrer's side
  // ------------------------------------------------------------------------------------------

  /** Gives the referrer's grant for a friend's qualifying purchase, within the limit. */
  void credit(ReferralCredit credit) {
    ReferralTerms terms = program.referral().orElseThrow(() -> new IllegalArgumentException(
        "referral credit " + credit.id() + ": program " + program.id()
            + " does not reward referrals"));
    MemberId friend = credit.referred();
    checkArgument(!friend.equals(member.id()), "referral credit %s: member %s cannot be "
        + "credited for referring themselves", credit.id(), member.id());
    String friendKey = FRIEND_NUMBER + friend;
    if (run.progress(friendKey).signum() > 0) {
      long n = run.progress(friendKey).longValueExact();
      trace(REFERRER, false, Optional.empty(), 0, run.progress(WITHDRAWN + n).signum() > 0
          ? "the referral of " + friend + " was withdrawn; it is not rewarded again"
          : "the referral of " + friend + " was already credited; each friend counts once");
      return;
    }
    long n = run.progress(LAST).longValueExact() + 1;
    run.set(LAST, BigDecimal.valueOf(n));
    run.set(friendKey, BigDecimal.valueOf(n));
    LocalDate day = credit.occurredAt().atZone(program.zone()).toLocalDate();
    Optional<String> periodKey = periodKey(terms, day);
    if (terms.limit().isPresent()) {
      ReferralTerms.Limit limit = terms.limit().get();
      long used = run.progress(periodKey.orElse(ALL)).longValueExact();
      if (used >= limit.referrals()) {
        trace(REFERRER, false, Optional.empty(), 0, String.format(Locale.ROOT, "the limit of %d "
                + "rewarded referrals %s is reached; the referral of %s is not rewarded",
            limit.referrals(), limit.per().map(p -> "per " + p.name().toLowerCase(Locale.ROOT)).orElse("ever"),
            friend));
        return;
      }
    }
    long points = give(terms.referrer(), REFERRER, referrerVoucher(credit.id(), n), credit.id(),
        credit.occurredAt(), Attribution.rule(REFERRER).withReason(reason(friend)));
    run.set(SLOT + n, BigDecimal.valueOf(day.getYear() * 10_000L + day.getMonthValue() * 100L
        + day.getDayOfMonth()));
    add(ALL, 1);
    periodKey.ifPresent(k -> add(k, 1));
    trace(REFERRER, true, unitOf(terms.referrer()), points, "referral of " + friend
        + ", purchase " + credit.purchase());
  }

  /** Takes back exactly what the credit for a friend gave, and frees its place. */
  void withdraw(ReferralWithdrawal withdrawal) {
    MemberId friend = withdrawal.referred();
    checkArgument(!friend.equals(member.id()), "referral withdrawal %s: member %s cannot have "
        + "referred themselves", withdrawal.id(), member.id());
    String friendKey = FRIEND_NUMBER + friend;
    if (run.progress(friendKey).signum() == 0) {
      long n = run.progress(LAST).longValueExact() + 1;
      run.set(LAST, BigDecimal.valueOf(n));
      run.set(friendKey, BigDecimal.valueOf(n));
      run.set(WITHDRAWN + n, BigDecimal.ONE);
      trace(REFERRER, false, Optional.empty(), 0, "no credit for the referral of " + friend
          + " to take back; a later credit for " + friend + " gives nothing");
      return;
    }
    long n = run.progress(friendKey).longValueExact();
    if (run.progress(WITHDRAWN + n).signum() > 0) {
      trace(REFERRER, false, Optional.empty(), 0, "the referral of " + friend
          + " was already withdrawn");
      return;
    }
    run.set(WITHDRAWN + n, BigDecimal.ONE);
    BigDecimal slot = run.progress(SLOT + n);
    if (slot.signum() == 0) {
      trace(REFERRER, false, Optional.empty(), 0, "the referral of " + friend + " was not "
          + "rewarded, so nothing is taken back");
      return;
    }
    List<Lot> lots = new ArrayList<>();
    String reason = reason(friend);
    for (Posting p : member.ledger().postings()) {
      if (p.type() == PostingType.EARN && p.rule().filter(REFERRER::equals).isPresent()
          && p.reason().filter(reason::equals).isPresent() && p.lot().isPresent()) {
        member.ledger().lot(p.lot().get()).ifPresent(lots::add);
      }
    }
    Optional<Voucher> voucher = vouchers.values().stream().filter(v -> v.id()
        .equals(referrerVoucher(v.source(), n))).findFirst();
    Grant grant = program.referral().map(ReferralTerms::referrer).orElse(null);
    takeBack(lots, voucher, grant, REFERRER, "withdrawal " + withdrawal.id() + " of the "
        + "referral of " + friend);
    run.set(SLOT + n, BigDecimal.ZERO);
    add(ALL, -1);
    long date = slot.longValueExact();
    LocalDate day = LocalDate.of((int) (date / 10_000), (int) (date / 100 % 100),
        (int) (date % 100));
    program.referral().flatMap(t -> periodKey(t, day)).ifPresent(k -> add(k, -1));
  }

  /** The counter of the calendar period of the terms' limit that {@code day} falls in. */
  private static Optional<String> periodKey(ReferralTerms terms, LocalDate day) {
    return terms.limit().flatMap(ReferralTerms.Limit::per).map(p -> COUNT + p.startOf(day));
  }

  private void add(String key, long delta) {
    run.set(key, run.progress(key).add(BigDecimal.valueOf(delta)).max(BigDecimal.ZERO));
  }

  private static String reason(MemberId friend) {
    return "referral of " + friend;
  }

  private static VoucherId referrerVoucher(ActivityId credit, long n) {
    return VoucherId.of(credit + "/" + REFERRER + "/" + n);
  }

  // ------------------------------------------------------------------------------------------
  // Both sides
  // ------------------------------------------------------------------------------------------

  /** Gives a grant, announced; returns the points given, zero for a voucher or reward. */
  private long give(Grant grant, RuleId rule, VoucherId voucherId, ActivityId source,
      Instant at, Attribution attribution) {
    if (grant instanceof Grant.Points g) {
      LotId lot = tx.earn(g.unit(), g.points(), attribution);
      Optional<Instant> pendingUntil = Optional.of(program.unit(g.unit()).vestsAt(at,
          program.zone())).filter(vests -> vests.isAfter(run.at()));
      run.effects.add(new Effect.PointsEarned(g.unit(), g.points(), Optional.of(rule), lot,
          pendingUntil));
      return g.points();
    }
    Grants.give(program, grant, rule, voucherId, source, at, tx,
        v -> vouchers.put(v.id(), v), run.effects);
    return 0;
  }

  /**
   * Takes back what a grant gave: the points still reversible of its lots, its voucher if it is
   * still unused; a voucher already used, or a free reward delivered, is traced as kept.
   */
  private void takeBack(List<Lot> lots, Optional<Voucher> voucher, Grant grant, RuleId rule,
      String why) {
    List<String> taken = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Lot lot : lots) {
      long points = lot.amount() - lot.reversed();
      if (points > 0) {
        tx.reverseEarning(lot.id(), points);
        run.effects.add(new Effect.PointsReversed(lot.unit(), points, lot.activity()));
        taken.add(points + " " + lot.unit());
      }
    }
    if (voucher.isPresent()) {
      Voucher v = voucher.get();
      if (v.status() == VoucherStatus.ISSUED) {
        Voucher revoked = v.withStatus(VoucherStatus.REVOKED);
        vouchers.put(v.id(), revoked);
        run.effects.add(new Effect.VoucherRevoked(revoked));
        taken.add("voucher " + v.id() + " of " + v.value());
      } else {
        kept.add("voucher " + v.id() + " of " + v.value() + " was already "
            + v.status().name().toLowerCase(Locale.ROOT) + " and is kept");
      }
    }
    if (grant instanceof Grant.FreeReward r && lots.isEmpty() && voucher.isEmpty()) {
      kept.add("the free reward " + r.reward() + " was delivered and is kept");
    }
    trace(rule, true, Optional.empty(), 0, why + ": takes back "
        + (taken.isEmpty() ? "nothing" : String.join(", ", taken))
        + (kept.isEmpty() ? "" : "; " + String.join("; ", kept)));
  }

  private static Optional<UnitId> unitOf(Grant grant) {
    return grant instanceof Grant.Points p ? Optional.of(p.unit()) : Optional.empty();
  }

  private void trace(RuleId rule, boolean matched, Optional<UnitId> unit, long granted,
      String note) {
    run.trace.add(new TraceEntry(rule, matched, unit, granted, 0, 0, BigDecimal.ZERO, note));
  }
}
