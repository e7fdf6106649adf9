package org.loyaltyrules.rules.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;

/**
 * The running counts of a simulation: points moved by unit and posting type, money given, and
 * problems met. Counts only what the host stores. Mutable; owned by one {@link Engine}.
 */
final class Tally {
  private static final int MAX_PROBLEMS = 20;
  private static final PostingType[] TYPES = PostingType.values();

  private final Program program;
  private final Pattern ids;
  /** For each unit, in the program's order, the net flow into members by posting type. */
  final Map<UnitId, long[]> flows = new LinkedHashMap<>();
  final Map<RewardId, Long> rewards = new LinkedHashMap<>();
  final Map<String, Long> errors = new TreeMap<>();
  final List<SimulationResult.DecisionProblem> firstProblems = new ArrayList<>();

  long memberVisits;
  long nonMemberVisits;
  Money memberRevenue;
  Money nonMemberRevenue;
  long returns;
  Money returnedValue;
  Money membershipFees;
  long decisions;
  long advances;
  long refusals;
  long rewardsRedeemed;
  Money discountRewardValue;
  long vouchersIssued;
  Money voucherValue;
  Money voucherRevokedValue;
  Money paidWithPointsValue;
  Money donatedValue;
  Money memberDiscountValue;
  long referralsQualified;
  long challengesCompleted;
  long drawPrizes;
  long instantWinPrizes;

  Tally(Program program, Pattern ids) {
    this.program = program;
    this.ids = ids;
    Money zero = Money.zero(program.currency());
    memberRevenue = zero;
    nonMemberRevenue = zero;
    returnedValue = zero;
    membershipFees = zero;
    discountRewardValue = zero;
    voucherValue = zero;
    voucherRevokedValue = zero;
    paidWithPointsValue = zero;
    donatedValue = zero;
    memberDiscountValue = zero;
    program.units().keySet().forEach(u -> flows.put(u, new long[TYPES.length]));
    program.rewards().keySet().forEach(r -> rewards.put(r, 0L));
  }

  /** Counts what a stored decision or advance moved and gave. */
  void record(Decision decision) {
    for (Posting p : decision.postings()) {
      long effect = (p.to().isMember() ? p.amount() : 0) - (p.from().isMember() ? p.amount() : 0);
      if (effect != 0) {
        flows.computeIfAbsent(p.unit(), u -> new long[TYPES.length])[p.type().ordinal()] +=
            effect;
      }
    }
    for (Effect e : decision.effects()) {
      if (e instanceof Effect.RewardRedeemed r) {
        rewardsRedeemed += r.quantity();
        rewards.merge(r.reward(), (long) r.quantity(), Long::sum);
        Reward reward = program.reward(r.reward());
        if (reward.kind() == RewardKind.DISCOUNT && reward.value().isPresent()) {
          discountRewardValue = discountRewardValue.plus(reward.value().get()
              .times(r.quantity()));
        }
      } else if (e instanceof Effect.VoucherIssued v) {
        vouchersIssued++;
        voucherValue = voucherValue.plus(v.voucher().value());
      } else if (e instanceof Effect.VoucherRevoked v) {
        voucherRevokedValue = voucherRevokedValue.plus(v.voucher().value());
      } else if (e instanceof Effect.PaidWithPoints p) {
        paidWithPointsValue = paidWithPointsValue.plus(p.value());
      } else if (e instanceof Effect.DonationMade d) {
        donatedValue = donatedValue.plus(d.value());
      } else if (e instanceof Effect.DiscountGranted d) {
        memberDiscountValue = memberDiscountValue.plus(d.amount());
      } else if (e instanceof Effect.ReferralQualified) {
        referralsQualified++;
      } else if (e instanceof Effect.ChallengeCompleted) {
        challengesCompleted++;
      } else if (e instanceof Effect.InstantWinPlayed w && w.prize().isPresent()) {
        instantWinPrizes++;
      }
    }
  }

  /** Counts a problem; the message's simulated ids are replaced so like problems count as one. */
  void problem(LocalDate date, Customer customer, String activity, String message,
      boolean refused) {
    String text = message == null ? "(no message)" : message;
    errors.merge(activity + ": " + ids.matcher(text).replaceAll("<id>")
        + (refused ? " (refused)" : ""), 1L, Long::sum);
    if (firstProblems.size() < MAX_PROBLEMS) {
      firstProblems.add(new SimulationResult.DecisionProblem(date, customer.id, activity, text,
          refused));
    }
  }

  /** Returns the net flow of one type into members, in one unit. */
  long flow(UnitId unit, PostingType type) {
    long[] f = flows.get(unit);
    return f == null ? 0 : f[type.ordinal()];
  }

  /** Returns the flows of one unit as a map, in the enum's order, zeros left out. */
  Map<PostingType, Long> flowMap(UnitId unit) {
    Map<PostingType, Long> map = new EnumMap<>(PostingType.class);
    long[] f = flows.get(unit);
    for (PostingType t : TYPES) {
      if (f != null && f[t.ordinal()] != 0) {
        map.put(t, f[t.ordinal()]);
      }
    }
    return map;
  }
}
