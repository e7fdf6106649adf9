package org.loyaltyrules.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.LedgerPolicy;
import org.loyaltyrules.core.ledger.LedgerResult;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.PurchaseContext;

/**
 * REF-10 written by hand, with no rule engine: the floor for the library's output. It decides
 * the purchase into the same {@link Decision} as {@code CompiledProgram.decide} — the same
 * effects, postings, member state and trace — using only the core domain model and the ledger.
 * The ten rules are Java code; their conditions (channel, segment, window, tier, birthday month,
 * first order, minimum spend) are checked on every call, and the points are computed exactly as
 * the library does: per rate, multipliers adding their extra parts before rounding, the rounded
 * extra shared among the multipliers by weight, caps on the rate's own points and the
 * multipliers multiplying what the capped rate grants.
 *
 * <p>It covers what REF-10 can meet for a member who already holds the top tier, Gold: a member
 * whose purchase would move the tier, or whose state is due a review or an expiry, is refused
 * with {@link IllegalStateException} rather than decided differently from the library.
 * Immutable and thread-safe.
 */
final class Ref10HandCoded {
  private static final UnitId POINTS = UnitId.of("points");
  private static final RuleId BASE = RuleId.of("base");
  private static final RuleId APP_BONUS = RuleId.of("app-bonus");
  private static final RuleId FIRST_APP_ORDER = RuleId.of("first-app-order");
  private static final RuleId BIG_BASKET = RuleId.of("big-basket");
  private static final String FIRST_KEY = "first/first-app-order";
  private static final TierId GOLD = TierId.of("gold");
  private static final String SEGMENT = "spring-promo";
  private static final LocalDateTime OFFER_FROM = LocalDateTime.of(2026, 3, 1, 0, 0);
  private static final LocalDateTime OFFER_UNTIL = LocalDateTime.of(2026, 4, 1, 0, 0);
  private static final BigDecimal ONE_DOLLAR = new BigDecimal("1.00");
  private static final BigDecimal MINIMUM = new BigDecimal("100.00");
  private static final long MINIMUM_BONUS = 50;
  private static final long FIRST_BONUS = 100;
  private static final long APP_CAP = 200;
  private static final int TRACE_SCALE = 6;

  /** A rate: points per $1 on every line. */
  private record Rate(RuleId id, BigDecimal points) {}

  /** A multiplier: its category (null for every line) and whether it applies to this member. */
  private record Multiplier(RuleId id, BigDecimal factor, String category) {}

  private static final Rate BASE_RATE = new Rate(BASE, BigDecimal.ONE);
  private static final Rate APP_RATE = new Rate(APP_BONUS, BigDecimal.valueOf(5));
  private static final Multiplier ELECTRONICS =
      new Multiplier(RuleId.of("electronics-2x"), BigDecimal.valueOf(2), "electronics");
  private static final Multiplier OUTDOOR =
      new Multiplier(RuleId.of("outdoor-3x"), BigDecimal.valueOf(3), "outdoor");
  private static final Multiplier BOOKS =
      new Multiplier(RuleId.of("books-2x"), BigDecimal.valueOf(2), "books");
  private static final Multiplier GOLD_X =
      new Multiplier(RuleId.of("gold-1.5x"), new BigDecimal("1.5"), null);
  private static final Multiplier SPRING =
      new Multiplier(RuleId.of("spring-double"), BigDecimal.valueOf(2), null);
  private static final Multiplier BIRTHDAY =
      new Multiplier(RuleId.of("birthday-month"), BigDecimal.valueOf(2), null);

  private final LedgerPolicy ledgerPolicy;
  private final java.time.ZoneId zone;

  Ref10HandCoded(org.loyaltyrules.core.program.Program program) {
    this.ledgerPolicy = program.ledgerPolicy();
    this.zone = program.zone();
  }

  /** Decides the purchase for the member at {@code at}, as the library does. */
  Decision decide(Member member, Purchase purchase, Instant at) {
    // Time: nothing vests or expires in REF-10; moving the ledger to `at` is all there is.
    LedgerResult moved = member.ledger().advance(at, ledgerPolicy);
    if (!moved.postings().isEmpty()) {
      throw new IllegalStateException("REF-10 by hand does not expire or vest points");
    }
    member = member.withLedger(moved.ledger());
    LedgerTransaction tx = member.ledger().begin(ledgerPolicy, purchase.id(),
        purchase.occurredAt(), at);

    LocalDateTime local = LocalDateTime.ofInstant(purchase.occurredAt(), zone);
    Optional<TierId> tier = member.tierId();
    Set<String> segments = member.profile().segments();
    boolean app = purchase.channel() == Channel.APP;
    boolean birthdayMonth = member.profile().isBirthdayMonth(local.toLocalDate());
    boolean gold = tier.filter(GOLD::equals).isPresent();
    if (!gold) {
      // A purchase could move a lower tier; REF-10's member is Gold, the top.
      throw new IllegalStateException("REF-10 by hand covers Gold members only, was " + tier);
    }
    boolean inOffer = segments.contains(SEGMENT) && !local.isBefore(OFFER_FROM)
        && local.isBefore(OFFER_UNTIL);

    List<PurchaseLine> lines = purchase.lines();
    int n = lines.size();
    BigDecimal[] amounts = new BigDecimal[n];
    BigDecimal earning = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      PurchaseLine l = lines.get(i);
      amounts[i] = l.unitPrice().amount().multiply(l.quantity());
      earning = earning.add(amounts[i]);
    }

    List<TraceEntry> rateTrace = new ArrayList<>(2);
    List<TraceEntry> multiplied = new ArrayList<>(12);
    List<Long> grants = new ArrayList<>(16);
    List<Attribution> attributions = new ArrayList<>(16);

    // The multipliers that apply to this member at this time, in declaration order.
    Multiplier[] all = {ELECTRONICS, OUTDOOR, BOOKS, GOLD_X, SPRING, BIRTHDAY};
    boolean[] on = {true, true, true, gold, inOffer, birthdayMonth};
    String[] whyNot = {null, null, null, "member not in its audience",
        "outside its window " + OFFER_FROM + " to " + OFFER_UNTIL,
        "not the member's birthday month"};

    Rate[] rates = app ? new Rate[] {BASE_RATE, APP_RATE} : new Rate[] {BASE_RATE};
    // One row of trace entries per multiplier, one column per rate.
    TraceEntry[][] byMultiplier = new TraceEntry[all.length][rates.length];
    for (int r = 0; r < rates.length; r++) {
      Rate rate = rates[r];
      BigDecimal[] numerators = new BigDecimal[n];
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        numerators[i] = amounts[i].multiply(rate.points());
        sum = sum.add(numerators[i]);
      }
      long base = sum.divide(ONE_DOLLAR, 0, RoundingMode.FLOOR).longValueExact();
      BigDecimal exact = sum.divide(ONE_DOLLAR, TRACE_SCALE, RoundingMode.DOWN);
      long granted = rate == APP_RATE ? Math.min(base, APP_CAP) : base;
      rateTrace.add(new TraceEntry(rate.id(), true, Optional.of(POINTS), granted,
          base - granted, 0, lost(exact, base), plain(earning) + " at "
              + plain(rate.points()) + " per " + plain(ONE_DOLLAR)));
      grants.add(granted);
      attributions.add(Attribution.rule(rate.id()).withLines(ids(lines, null)));
      // The multipliers multiply what the rate grants: a capped rate's exact points are scaled
      // by granted / base, kept exact over the denominator $1 x base.
      BigDecimal per = ONE_DOLLAR;
      String onWhat = rate.id() + "'s points";
      if (granted < base) {
        sum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
          numerators[i] = numerators[i].multiply(BigDecimal.valueOf(granted));
          sum = sum.add(numerators[i]);
        }
        per = ONE_DOLLAR.multiply(BigDecimal.valueOf(base));
        base = sum.divide(per, 0, RoundingMode.FLOOR).longValueExact();
        onWhat += ", as capped at " + granted;
      }

      // Each applying multiplier's exact extra, and the rounded extra of them all.
      BigDecimal[] weights = new BigDecimal[all.length];
      BigDecimal total = sum;
      BigDecimal weight = BigDecimal.ZERO;
      for (int k = 0; k < all.length; k++) {
        if (!on[k]) {
          continue;
        }
        BigDecimal extra = BigDecimal.ZERO;
        BigDecimal part = all[k].factor().subtract(BigDecimal.ONE);
        for (int i = 0; i < n; i++) {
          if (all[k].category() == null || all[k].category().equals(lines.get(i).category())) {
            extra = extra.add(numerators[i].multiply(part));
          }
        }
        weights[k] = extra;
        total = total.add(extra);
        weight = weight.add(extra);
      }
      long extraPoints = Math.max(0,
          total.divide(per, 0, RoundingMode.FLOOR).longValueExact() - base);
      long left = weight.signum() > 0 ? extraPoints : 0;
      int last = -1;
      for (int k = 0; k < all.length; k++) {
        if (on[k] && weights[k].signum() > 0) {
          last = k;
        }
      }
      for (int k = 0; k < all.length; k++) {
        if (!on[k] || weights[k].signum() == 0) {
          continue;
        }
        long share = k == last || left == 0 ? left : BigDecimal.valueOf(extraPoints)
            .multiply(weights[k]).divide(weight, 0, RoundingMode.FLOOR).longValueExact();
        share = Math.min(share, left);
        left -= share;
        byMultiplier[k][r] = new TraceEntry(all[k].id(), true, Optional.of(POINTS), share, 0, 0,
            lost(weights[k].divide(per, TRACE_SCALE, RoundingMode.DOWN), share),
            "x" + plain(all[k].factor()) + " on " + onWhat);
      }
    }
    List<Attribution> multipliedAttributions = new ArrayList<>(12);
    for (int k = 0; k < all.length; k++) {
      boolean any = false;
      for (int r = 0; r < rates.length; r++) {
        if (byMultiplier[k][r] != null) {
          multiplied.add(byMultiplier[k][r]);
          multipliedAttributions.add(Attribution.rule(all[k].id())
              .withLines(ids(lines, all[k].category())));
          any = true;
        }
      }
      if (!any) {
        multiplied.add(TraceEntry.notMatched(all[k].id(),
            on[k] ? "no earning it multiplies" : whyNot[k]));
        multipliedAttributions.add(null);
      }
    }
    if (!app) {
      rateTrace.add(TraceEntry.notMatched(APP_BONUS, "member not in its audience"));
      attributions.add(null);
      grants.add(0L);
    }

    List<TraceEntry> trace = new ArrayList<>(18);
    trace.addAll(rateTrace);
    trace.addAll(multiplied);
    for (int i = 0; i < multiplied.size(); i++) {
      grants.add(multiplied.get(i).granted());
      attributions.add(multipliedAttributions.get(i));
    }

    // Bonuses: the first order in the app, then $100 or more.
    boolean firstEarned = member.progress(FIRST_KEY).signum() > 0;
    boolean first = false;
    if (!app) {
      trace.add(TraceEntry.notMatched(FIRST_APP_ORDER, "member not in its audience"));
    } else if (firstEarned) {
      trace.add(TraceEntry.notMatched(FIRST_APP_ORDER,
          "the first-purchase bonus was already earned"));
    } else {
      trace.add(new TraceEntry(FIRST_APP_ORDER, true, Optional.of(POINTS), FIRST_BONUS, 0, 0,
          BigDecimal.ZERO, "bonus"));
      first = true;
    }
    grants.add(first ? FIRST_BONUS : 0L);
    attributions.add(first ? Attribution.rule(FIRST_APP_ORDER) : null);
    boolean big = earning.compareTo(MINIMUM) >= 0;
    trace.add(big
        ? new TraceEntry(BIG_BASKET, true, Optional.of(POINTS), MINIMUM_BONUS, 0, 0,
            BigDecimal.ZERO, "earning amount " + plain(earning) + " reaches " + plain(MINIMUM))
        : TraceEntry.notMatched(BIG_BASKET, String.format(Locale.ROOT,
            "earning amount %s is below the minimum %s", plain(earning), plain(MINIMUM))));
    grants.add(big ? MINIMUM_BONUS : 0L);
    attributions.add(big ? Attribution.rule(BIG_BASKET) : null);

    // The ledger: one lot per grant, in trace order.
    List<Effect> effects = new ArrayList<>(16);
    for (int i = 0; i < grants.size(); i++) {
      long points = grants.get(i);
      if (points > 0) {
        LotId lot = tx.earn(POINTS, points, attributions.get(i));
        effects.add(new Effect.PointsEarned(POINTS, points,
            Optional.of(trace.get(i).rule()), lot, Optional.empty()));
      }
    }
    LedgerResult result = tx.commit();

    // The member: the purchase remembered for returns, the first order counted, tier credit.
    String creditKey = "tier/" + local.getYear();
    BigDecimal credit = member.progress(creditKey).add(earning);
    PurchaseContext context = new PurchaseContext(tier, segments,
        member.profile().attributes(), Set.of(), Set.of(), birthdayMonth);
    Member.Builder after = member.toBuilder()
        .ledger(result.ledger())
        .purchases(member.purchases().withPurchase(purchase, context))
        .progress(creditKey, credit);
    if (first) {
      after.progress(FIRST_KEY, BigDecimal.ONE);
    }
    return new Decision(Optional.of(purchase.id()), at, false, after.build(), effects,
        result.postings(), List.of(), trace, List.of());
  }

  /** The ids of the lines of {@code category}, or of every line if it is null. */
  private static List<LineId> ids(List<PurchaseLine> lines, String category) {
    List<LineId> ids = new ArrayList<>(lines.size());
    for (PurchaseLine l : lines) {
      if (category == null || category.equals(l.category())) {
        ids.add(l.id());
      }
    }
    return ids;
  }

  private static BigDecimal lost(BigDecimal exact, long granted) {
    BigDecimal lost = exact.subtract(BigDecimal.valueOf(granted));
    return lost.signum() > 0 ? lost.stripTrailingZeros() : BigDecimal.ZERO;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
