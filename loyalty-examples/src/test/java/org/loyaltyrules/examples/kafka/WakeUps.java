package org.loyaltyrules.examples.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.rules.CompiledProgram;

/**
 * When a member should next be advanced, read from the member's state: the next instant one of
 * the member's lots with points left expires, a voucher expires, or the tier held comes up for
 * review — what a host announces and books (breakage) when it happens — and at the latest
 * {@code maxSleep} after the member's state, for what this does not look for (birthday and
 * anniversary rewards, membership terms, dividends). Pending points vesting is not a wake-up of
 * its own: it happens, with its postings, at the member's next decision or advance. The
 * punctuator advances only the members whose wake-up has come, instead of reading every member's
 * state every day.
 *
 * <p>Keys of the wake-up store are {@code <epoch millis, 19 digits>|<member id>}, so that they
 * sort by time and a range read finds the members due. Stateless.
 */
final class WakeUps {
  private WakeUps() {}

  /** The next instant, after the member's state, at which the member should be advanced. */
  static Instant next(CompiledProgram program, ProgramState state, Member member,
      Duration maxSleep) {
    Instant asOf = member.asOf();
    Instant next = asOf.plus(maxSleep);
    for (Lot lot : member.ledger().lots()) {
      if (lot.remaining() > 0) {
        next = earlier(next, asOf, lot.expiresAt());
      }
    }
    for (Voucher voucher : member.vouchers().values()) {
      if (voucher.status() == VoucherStatus.ISSUED) {
        next = earlier(next, asOf, voucher.expiresAt());
      }
    }
    if (program.program().tiers().isPresent() && member.tier().isPresent()) {
      next = earlier(next, asOf, program.tierProgress(state, member, asOf).validThrough());
    }
    return next;
  }

  private static Instant earlier(Instant next, Instant asOf, Optional<Instant> candidate) {
    return candidate.filter(at -> at.isAfter(asOf) && at.isBefore(next)).orElse(next);
  }

  /** The wake-up store's key of a member due at an instant. */
  static String key(Instant at, String member) {
    return String.format(Locale.ROOT, "%019d|%s", at.toEpochMilli(), member);
  }

  /** The key of the first member due after {@code at}: a range read up to it finds those due. */
  static String after(Instant at) {
    return String.format(Locale.ROOT, "%019d}", at.toEpochMilli());
  }

  /** The member id of a wake-up key. */
  static String member(String key) {
    return key.substring(key.indexOf('|') + 1);
  }
}
