package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.ledger.InstantBeforeStateException;
import org.loyaltyrules.core.ledger.Ledger;

/**
 * A member's whole state in one program: identity, enrollment, profile (birthday, segments,
 * attributes), tier status, paid memberships, the points {@link Ledger} with its balances and
 * lots, money vouchers, progress counters (stamp cards, challenges, caps), the purchases that
 * can still be returned, and the member who referred this one, if any.
 *
 * <p>The state is as of one instant, the ledger's {@link Ledger#asOf()}: decisions never move it
 * backwards, and an instant before it is refused with {@link InstantBeforeStateException}. The
 * host loads a member, passes it to a decision, and stores the member the decision returns.
 *
 * <p>Immutable and thread-safe: every {@code with} method returns a new member.
 */
public final class Member {
  private final MemberId id;
  private final Instant enrolledAt;
  private final MemberProfile profile;
  private final Optional<TierStatus> tier;
  private final ImmutableMap<PlanId, Membership> memberships;
  private final Ledger ledger;
  private final ImmutableMap<VoucherId, Voucher> vouchers;
  private final ImmutableSortedMap<String, BigDecimal> progress;
  private final PurchaseHistory purchases;
  private final Optional<MemberId> referredBy;

  private Member(Builder b) {
    this.id = b.id;
    this.enrolledAt = b.enrolledAt;
    this.profile = b.profile;
    this.tier = b.tier;
    this.memberships = ImmutableMap.copyOf(b.memberships);
    this.ledger = b.ledger;
    this.vouchers = ImmutableMap.copyOf(b.vouchers);
    this.progress = ImmutableSortedMap.copyOfSorted(b.progress);
    this.purchases = b.purchases;
    this.referredBy = b.referredBy;
  }

  /**
   * Returns a new member enrolled at {@code at}: an empty profile, no tier yet, no memberships,
   * an empty ledger as of {@code at}.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public static Member enroll(MemberId id, Instant at) {
    Checks.present(id, "member id");
    Checks.present(at, "member " + id + ": enrolled at");
    return builder(id, at, Ledger.open(id, at)).build();
  }

  /**
   * Starts building a member from stored parts.
   *
   * @param id the member's id
   * @param enrolledAt when the member enrolled
   * @param ledger the member's ledger; its member must be {@code id}
   * @return a builder; {@link Builder#build()} checks the parts agree
   * @throws IllegalArgumentException if an argument is null
   */
  public static Builder builder(MemberId id, Instant enrolledAt, Ledger ledger) {
    return new Builder(id, enrolledAt, ledger);
  }

  /** Returns a builder holding this member's parts, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id, enrolledAt, ledger);
    b.profile = profile;
    b.tier = tier;
    b.memberships.putAll(memberships);
    b.vouchers.putAll(vouchers);
    b.progress.putAll(progress);
    b.purchases = purchases;
    b.referredBy = referredBy;
    return b;
  }

  /** Returns the member's id. */
  public MemberId id() {
    return id;
  }

  /** Returns when the member enrolled. */
  public Instant enrolledAt() {
    return enrolledAt;
  }

  /** Returns the instant this state is as of: its ledger's. */
  public Instant asOf() {
    return ledger.asOf();
  }

  /** Returns the member's profile. */
  public MemberProfile profile() {
    return profile;
  }

  /** Returns the member's tier status, if the program has tiers and one was assigned. */
  public Optional<TierStatus> tier() {
    return tier;
  }

  /** Returns the id of the tier held, if any. */
  public Optional<TierId> tierId() {
    return tier.map(TierStatus::tier);
  }

  /** Returns the member's paid memberships, by plan. */
  public Map<PlanId, Membership> memberships() {
    return memberships;
  }

  /** Returns the membership of a plan, if the member ever had one. */
  public Optional<Membership> membership(PlanId plan) {
    Checks.present(plan, "member " + id + ": plan");
    return Optional.ofNullable(memberships.get(plan));
  }

  /** Returns the member's points ledger. */
  public Ledger ledger() {
    return ledger;
  }

  /** Returns the spendable balance of a unit; see {@link Ledger#available(UnitId)}. */
  public long available(UnitId unit) {
    return ledger.available(unit);
  }

  /** Returns the pending balance of a unit; see {@link Ledger#pending(UnitId)}. */
  public long pending(UnitId unit) {
    return ledger.pending(unit);
  }

  /** Returns the member's vouchers, by id, in the order issued. */
  public Map<VoucherId, Voucher> vouchers() {
    return vouchers;
  }

  /**
   * Returns the progress counters by name (stamp cards, challenges, caps), sorted by name: a
   * {@link java.util.SortedMap}.
   */
  public Map<String, BigDecimal> progress() {
    return progress;
  }

  /** Returns one progress counter; zero if it was never counted. */
  public BigDecimal progress(String counter) {
    Checks.present(counter, "member " + id + ": progress counter name");
    return progress.getOrDefault(counter, BigDecimal.ZERO);
  }

  /** Returns the purchases that can still be returned. */
  public PurchaseHistory purchases() {
    return purchases;
  }

  /**
   * Returns the member who referred this one, as the host recorded it at enrollment; empty if no
   * one did. A referral program rewards both when this member's first qualifying purchase is
   * made.
   */
  public Optional<MemberId> referredBy() {
    return referredBy;
  }

  /** Returns true once the member's account was closed. */
  public boolean isClosed() {
    return ledger.isClosed();
  }

  /**
   * Checks that an instant is not before this state's.
   *
   * @return {@code at}
   * @throws InstantBeforeStateException if {@code at} is before {@link #asOf()}
   * @throws IllegalArgumentException if it is null
   */
  public Instant checkNotBefore(Instant at) {
    Checks.present(at, "member " + id + ": instant");
    if (at.isBefore(asOf())) {
      throw new InstantBeforeStateException(asOf(), at);
    }
    return at;
  }

  /** Returns a copy with the given profile. */
  public Member withProfile(MemberProfile profile) {
    return toBuilder().profile(profile).build();
  }

  /** Returns a copy holding the given tier status. */
  public Member withTier(TierStatus status) {
    return toBuilder().tier(status).build();
  }

  /** Returns a copy with the given membership, replacing any of the same plan. */
  public Member withMembership(Membership membership) {
    return toBuilder().membership(membership).build();
  }

  /** Returns a copy with the given ledger, which must be this member's and not older. */
  public Member withLedger(Ledger ledger) {
    Builder changed = toBuilder().ledger(ledger);
    checkNotBefore(ledger.asOf());
    return changed.build();
  }

  /** Returns a copy with the given voucher, replacing any with the same id. */
  public Member withVoucher(Voucher voucher) {
    return toBuilder().voucher(voucher).build();
  }

  /** Returns a copy with one progress counter set; zero removes it. */
  public Member withProgress(String counter, BigDecimal value) {
    return toBuilder().progress(counter, value).build();
  }

  /**
   * Returns a copy referred by the given member.
   *
   * @throws IllegalArgumentException if the referrer is null or this member
   */
  public Member withReferrer(MemberId referrer) {
    return toBuilder().referredBy(referrer).build();
  }

  /** Returns a copy with the given purchase history. */
  public Member withPurchases(PurchaseHistory purchases) {
    return toBuilder().purchases(purchases).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Member m && id.equals(m.id) && enrolledAt.equals(m.enrolledAt)
        && profile.equals(m.profile) && tier.equals(m.tier) && memberships.equals(m.memberships)
        && ledger.equals(m.ledger) && vouchers.equals(m.vouchers) && progress.equals(m.progress)
        && purchases.equals(m.purchases) && referredBy.equals(m.referredBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, enrolledAt, profile, tier, memberships, ledger, vouchers, progress,
        purchases, referredBy);
  }

  @Override
  public String toString() {
    return "Member[" + id + " as of " + asOf() + tier.map(t -> ", tier " + t.tier()).orElse("")
        + ", " + ledger + (memberships.isEmpty() ? "" : ", memberships " + memberships.keySet())
        + (vouchers.isEmpty() ? "" : ", " + vouchers.size() + " vouchers")
        + referredBy.map(r -> ", referred by " + r).orElse("") + "]";
  }

  /**
   * Builds a {@link Member} from its parts. Setters check their argument at once;
   * {@link #build()} checks that the parts agree. Not thread-safe.
   */
  public static final class Builder {
    private final MemberId id;
    private final Instant enrolledAt;
    private Ledger ledger;
    private MemberProfile profile = MemberProfile.empty();
    private Optional<TierStatus> tier = Optional.empty();
    private final Map<PlanId, Membership> memberships = new TreeMap<>();
    private final Map<VoucherId, Voucher> vouchers = new LinkedHashMap<>();
    private final TreeMap<String, BigDecimal> progress = new TreeMap<>();
    private PurchaseHistory purchases = PurchaseHistory.empty();
    private Optional<MemberId> referredBy = Optional.empty();

    private Builder(MemberId id, Instant enrolledAt, Ledger ledger) {
      this.id = Checks.present(id, "member id");
      this.enrolledAt = Checks.present(enrolledAt, "member " + id + ": enrolled at");
      ledger(ledger);
    }

    /** Sets the ledger; it must be this member's. */
    public Builder ledger(Ledger ledger) {
      Checks.present(ledger, "member " + id + ": ledger");
      checkArgument(ledger.member().equals(id), "member %s: the ledger is member %s's", id,
          ledger.member());
      this.ledger = ledger;
      return this;
    }

    /** Sets the profile. */
    public Builder profile(MemberProfile profile) {
      this.profile = Checks.present(profile, "member " + id + ": profile");
      return this;
    }

    /** Sets the tier status. */
    public Builder tier(TierStatus status) {
      this.tier = Optional.of(Checks.present(status, "member " + id + ": tier status"));
      return this;
    }

    /** Clears the tier status. */
    public Builder noTier() {
      this.tier = Optional.empty();
      return this;
    }

    /** Adds a membership, replacing any of the same plan. */
    public Builder membership(Membership membership) {
      Checks.present(membership, "member " + id + ": membership");
      memberships.put(membership.plan(), membership);
      return this;
    }

    /** Adds a voucher, replacing any with the same id. */
    public Builder voucher(Voucher voucher) {
      Checks.present(voucher, "member " + id + ": voucher");
      vouchers.put(voucher.id(), voucher);
      return this;
    }

    /** Adds several vouchers, in order. */
    public Builder vouchers(Collection<Voucher> vouchers) {
      Checks.list(vouchers, "member " + id + ": vouchers").forEach(this::voucher);
      return this;
    }

    /**
     * Sets a progress counter; zero removes it.
     *
     * @throws IllegalArgumentException if the name is blank or the value null or negative
     */
    public Builder progress(String counter, BigDecimal value) {
      Checks.text(counter, "member " + id + ": progress counter name");
      Checks.present(value, "member " + id + ": progress " + counter);
      checkArgument(value.signum() >= 0, "member %s: progress %s must not be negative, was %s", id,
          counter, value.toPlainString());
      if (value.signum() == 0) {
        progress.remove(counter);
      } else {
        progress.put(counter, Checks.stripped(value));
      }
      return this;
    }

    /** Sets the purchases that can still be returned. */
    public Builder purchases(PurchaseHistory purchases) {
      this.purchases = Checks.present(purchases, "member " + id + ": purchases");
      return this;
    }

    /**
     * Sets the member who referred this one.
     *
     * @throws IllegalArgumentException if the referrer is null or this member: no one refers
     *     themselves
     */
    public Builder referredBy(MemberId referrer) {
      Checks.present(referrer, "member " + id + ": referrer");
      checkArgument(!referrer.equals(id), "member %s cannot be their own referrer", id);
      this.referredBy = Optional.of(referrer);
      return this;
    }

    /** Clears the referrer. */
    public Builder noReferrer() {
      this.referredBy = Optional.empty();
      return this;
    }

    /**
     * Returns the member.
     *
     * @throws IllegalArgumentException if the state is dated before enrollment, or a tier,
     *     membership, voucher or remembered purchase begins after the state's instant
     */
    public Member build() {
      Instant asOf = ledger.asOf();
      checkArgument(!asOf.isBefore(enrolledAt), "member %s: state as of %s is before enrollment %s",
          id, asOf, enrolledAt);
      tier.ifPresent(t -> checkArgument(!t.since().isAfter(asOf),
          "member %s: tier %s since %s is after the state's instant %s", id, t.tier(), t.since(),
          asOf));
      memberships.values().forEach(m -> checkArgument(!m.startedAt().isAfter(asOf),
          "member %s: membership %s started at %s, after the state's instant %s", id, m.plan(),
          m.startedAt(), asOf));
      vouchers.values().forEach(v -> checkArgument(!v.issuedAt().isAfter(asOf),
          "member %s: voucher %s issued at %s, after the state's instant %s", id, v.id(),
          v.issuedAt(), asOf));
      purchases.records().forEach(r -> checkArgument(
          !r.purchase().occurredAt().isAfter(asOf),
          "member %s: purchase %s made at %s, after the state's instant %s", id,
          r.purchase().id(), r.purchase().occurredAt(), asOf));
      return new Member(this);
    }
  }
}
