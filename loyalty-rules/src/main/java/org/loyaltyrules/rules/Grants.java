package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;

/**
 * What a program gives without charge — birthday rewards, tier entry bonuses — and money that is
 * a percentage of an amount (cashback, dividends, member discounts). Stateless.
 */
final class Grants {
  private Grants() {}

  /**
   * Gives a grant in a transaction: points earned into a lot of {@code rule}, a voucher with the
   * given id handed to {@code vouchers}, or a catalogue reward free of its cost; each announced.
   */
  static void give(Program program, Grant grant, RuleId rule, VoucherId voucherId,
      ActivityId source, Instant at, LedgerTransaction tx, Consumer<Voucher> vouchers,
      List<Effect> effects) {
    if (grant instanceof Grant.Points g) {
      LotId lot = tx.earn(g.unit(), g.points(), Attribution.rule(rule));
      Optional<Instant> pendingUntil = Optional.of(program.unit(g.unit()).vestsAt(at,
          program.zone())).filter(vests -> vests.isAfter(at));
      effects.add(new Effect.PointsEarned(g.unit(), g.points(), Optional.of(rule), lot,
          pendingUntil));
    } else if (grant instanceof Grant.Voucher g) {
      Voucher voucher = new Voucher(voucherId, g.value(), at, Optional.empty(), source,
          VoucherStatus.ISSUED);
      vouchers.accept(voucher);
      effects.add(new Effect.VoucherIssued(voucher));
    } else if (grant instanceof Grant.FreeReward g) {
      Reward reward = program.reward(g.reward());
      effects.add(new Effect.RewardRedeemed(reward.id(), 1, reward.unit(), 0));
    }
  }

  /** Returns {@code percent} % of {@code amount}, rounded to the currency's minor unit. */
  static Money percentOf(BigDecimal amount, BigDecimal percent, Program program,
      RoundingMode rounding) {
    return Money.of(amount.multiply(percent).movePointLeft(2).setScale(
        program.currency().getDefaultFractionDigits(), rounding), program.currency());
  }
}
