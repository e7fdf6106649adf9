package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;

/**
 * One movement of points in the double-entry ledger: {@link #amount()} points of one unit from
 * one account to another. Every posting debits one account and credits another by the same
 * amount, so the sum over all accounts is always zero. Balances are derived from postings, never
 * stored as loose counters.
 *
 * <p>A posting records why the points moved ({@link #type()}), when, the activity that caused
 * it, the lot it touched, the rule that granted the points, the activity it undoes (for
 * restorations), the lot whose earning it reverses (for reversals and repayments) and a free-text
 * reason (for adjustments and closures).
 *
 * <p>For coalition settlement it also records who funded the points that moved: the
 * {@linkplain #funder() partner} whose lot they came from or went into, empty when the program
 * operator funded them. Who honoured them is the partner account a spending went to (or a
 * restoration came from); see {@link #honouredBy()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Posting {
  private final long sequence;
  private final Instant at;
  private final UnitId unit;
  private final Account from;
  private final Account to;
  private final long amount;
  private final PostingType type;
  private final ActivityId activity;
  private final LotId lot;
  private final RuleId rule;
  private final ActivityId undoes;
  private final LotId reversalOf;
  private final String reason;
  private final PartnerId funder;

  private Posting(Builder b) {
    this.sequence = b.sequence;
    this.at = b.at;
    this.unit = b.unit;
    this.from = b.from;
    this.to = b.to;
    this.amount = b.amount;
    this.type = b.type;
    this.activity = b.activity;
    this.lot = b.lot;
    this.rule = b.rule;
    this.undoes = b.undoes;
    this.reversalOf = b.reversalOf;
    this.reason = b.reason;
    this.funder = b.funder;
  }

  /**
   * Starts a posting with its required parts.
   *
   * @param sequence the posting's position in its ledger, from 1
   * @param at when the points moved
   * @param unit the unit of the points
   * @param from the account debited
   * @param to the account credited; must differ from {@code from}
   * @param amount how many points; positive
   * @param type why they moved
   * @return a builder; {@link Builder#build()} validates
   */
  public static Builder builder(long sequence, Instant at, UnitId unit, Account from, Account to,
      long amount, PostingType type) {
    return new Builder(sequence, at, unit, from, to, amount, type);
  }

  /** Returns the posting's position in its ledger, starting at 1. */
  public long sequence() {
    return sequence;
  }

  /** Returns when the points moved. */
  public Instant at() {
    return at;
  }

  /** Returns the unit of the points. */
  public UnitId unit() {
    return unit;
  }

  /** Returns the account debited. */
  public Account from() {
    return from;
  }

  /** Returns the account credited. */
  public Account to() {
    return to;
  }

  /** Returns how many points moved; always positive. */
  public long amount() {
    return amount;
  }

  /** Returns why the points moved. */
  public PostingType type() {
    return type;
  }

  /** Returns the activity that caused the movement; empty for vesting and expiry. */
  public Optional<ActivityId> activity() {
    return Optional.ofNullable(activity);
  }

  /** Returns the lot the points came from or went into; empty for a negative-balance part. */
  public Optional<LotId> lot() {
    return Optional.ofNullable(lot);
  }

  /** Returns the rule that granted the points, for earnings a rule produced. */
  public Optional<RuleId> rule() {
    return Optional.ofNullable(rule);
  }

  /** Returns the activity whose spending this posting gives back, for restorations. */
  public Optional<ActivityId> undoes() {
    return Optional.ofNullable(undoes);
  }

  /**
   * Returns the lot whose earning this posting reverses: for a {@link PostingType#REVERSE}, the
   * lot the reversal was asked to take back (also when the points came from another lot or left
   * the balance negative), and for a {@link PostingType#REPAY}, the lot whose reversal had taken
   * the repaid points. Empty for other postings.
   */
  public Optional<LotId> reversalOf() {
    return Optional.ofNullable(reversalOf);
  }

  /** Returns the reason given, for adjustments and closures. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * Returns the coalition partner that funded the points that moved: for a posting that touches
   * a lot, the partner that funded that lot; empty when the program operator funded them, and for
   * the parts of a balance that no lot holds (a negative balance, or its write-off), which are
   * the operator's.
   */
  public Optional<PartnerId> funder() {
    return Optional.ofNullable(funder);
  }

  /**
   * Returns the coalition partner that honoured the points: the partner a redemption or transfer
   * went to, or that a restoration of such a spending came back from; empty for other postings.
   */
  public Optional<PartnerId> honouredBy() {
    if ((type == PostingType.REDEEM || type == PostingType.TRANSFER)
        && to.type() == AccountType.PARTNER) {
      return Optional.of(PartnerId.of(to.owner()));
    }
    if (type == PostingType.RESTORE && from.type() == AccountType.PARTNER) {
      return Optional.of(PartnerId.of(from.owner()));
    }
    return Optional.empty();
  }

  /** Returns the signed effect of this posting on {@code account}: +amount, -amount or 0. */
  public long effectOn(Account account) {
    if (to.equals(account)) {
      return amount;
    }
    return from.equals(account) ? -amount : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Posting p && sequence == p.sequence && amount == p.amount
        && at.equals(p.at) && unit.equals(p.unit) && from.equals(p.from) && to.equals(p.to)
        && type == p.type && Objects.equals(activity, p.activity) && Objects.equals(lot, p.lot)
        && Objects.equals(rule, p.rule) && Objects.equals(undoes, p.undoes)
        && Objects.equals(reversalOf, p.reversalOf) && Objects.equals(reason, p.reason)
        && Objects.equals(funder, p.funder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, at, unit, from, to, amount, type, activity, lot, rule, undoes,
        reversalOf, reason, funder);
  }

  @Override
  public String toString() {
    return "#" + sequence + " " + at + " " + type + " " + amount + " " + unit + " " + from + " -> "
        + to + (activity == null ? "" : " activity=" + activity) + (lot == null ? "" : " lot=" + lot)
        + (rule == null ? "" : " rule=" + rule) + (undoes == null ? "" : " undoes=" + undoes)
        + (reversalOf == null ? "" : " reversal-of=" + reversalOf)
        + (reason == null ? "" : " reason='" + reason + "'")
        + (funder == null ? "" : " funder=" + funder);
  }

  /**
   * Builds a {@link Posting}. Not thread-safe; {@link #build()} validates and may be called more
   * than once.
   */
  public static final class Builder {
    private final long sequence;
    private final Instant at;
    private final UnitId unit;
    private final Account from;
    private final Account to;
    private final long amount;
    private final PostingType type;
    private ActivityId activity;
    private LotId lot;
    private RuleId rule;
    private ActivityId undoes;
    private LotId reversalOf;
    private String reason;
    private PartnerId funder;

    private Builder(long sequence, Instant at, UnitId unit, Account from, Account to, long amount,
        PostingType type) {
      this.sequence = sequence;
      this.at = at;
      this.unit = unit;
      this.from = from;
      this.to = to;
      this.amount = amount;
      this.type = type;
    }

    /** Sets the activity that caused the movement. */
    public Builder activity(ActivityId activity) {
      this.activity = activity;
      return this;
    }

    /** Sets the lot the points came from or went into. */
    public Builder lot(LotId lot) {
      this.lot = lot;
      return this;
    }

    /** Sets the rule that granted the points. */
    public Builder rule(RuleId rule) {
      this.rule = rule;
      return this;
    }

    /** Sets the activity whose spending this posting gives back. */
    public Builder undoes(ActivityId undoes) {
      this.undoes = undoes;
      return this;
    }

    /** Sets the lot whose earning the posting reverses, for reversals and repayments. */
    public Builder reversalOf(LotId reversalOf) {
      this.reversalOf = reversalOf;
      return this;
    }

    /** Sets the reason, for adjustments and closures. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /** Sets the coalition partner that funded the points; leave unset for the operator. */
    public Builder funder(PartnerId funder) {
      this.funder = funder;
      return this;
    }

    /**
     * Returns the posting.
     *
     * @throws IllegalArgumentException naming the bad value if a required part is null, the
     *     sequence or amount is not positive, the amount is above {@link Ledger#MAX_POINTS}, the
     *     accounts are the same, the reason is blank, a reversal-of lot is given for a posting
     *     that neither reverses nor repays, a repayment lacks its lot or reversal-of lot, or an
     *     earning from a partner's account does not name that partner as its funder (or one from
     *     elsewhere names a funder)
     */
    public Posting build() {
      checkArgument(sequence > 0, "posting sequence must be positive, was %s", sequence);
      checkArgument(at != null, "posting #%s: instant must not be null", sequence);
      checkArgument(unit != null, "posting #%s: unit must not be null", sequence);
      checkArgument(from != null, "posting #%s: from account must not be null", sequence);
      checkArgument(to != null, "posting #%s: to account must not be null", sequence);
      checkArgument(type != null, "posting #%s: type must not be null", sequence);
      checkArgument(amount > 0 && amount <= Ledger.MAX_POINTS,
          "posting #%s: amount must be between 1 and %s, was %s", sequence, Ledger.MAX_POINTS,
          amount);
      checkArgument(!from.equals(to), "posting #%s: from and to must differ, both were %s",
          sequence, from);
      checkArgument(reason == null || !reason.isBlank(),
          "posting #%s: reason must not be blank when given", sequence);
      checkArgument(reversalOf == null || type == PostingType.REVERSE || type == PostingType.REPAY,
          "posting #%s: only a reversal or repayment names a reversal-of lot, not %s", sequence,
          type);
      checkArgument(type != PostingType.REPAY || (lot != null && reversalOf != null),
          "posting #%s: a repayment must name its lot and reversal-of lot", sequence);
      if (type == PostingType.EARN) {
        PartnerId source = from.type() == AccountType.PARTNER ? PartnerId.of(from.owner()) : null;
        checkArgument(Objects.equals(source, funder),
            "posting #%s: an earning from %s must name %s as its funder, was %s", sequence, from,
            source == null ? "no partner" : source, funder == null ? "none" : funder);
      }
      return new Posting(this);
    }
  }
}
