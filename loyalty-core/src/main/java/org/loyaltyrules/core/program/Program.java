package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.OfferId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.ledger.LedgerPolicy;
import org.loyaltyrules.core.rule.Budget;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;

/**
 * What a loyalty program is, as plain data: its currency and time zone, the point units it
 * issues, and its catalogues — tiers, rewards, offers, paid membership plans, coalition partners,
 * causes and challenges. Any of the six program types, and any mix of them, is a combination of
 * these parts: a points program has a redeemable unit and rewards; a tiered one a
 * {@link TierLadder}; a paid (VIP) one {@link MembershipPlan}s; a value-based one
 * {@link Cause}s; a coalition {@link Partner}s; a gamified one {@link Challenge}s and
 * {@link Badge}s; a referral program {@link ReferralTerms}.
 *
 * <p>A program holds no behaviour: the rules module validates it further and compiles it into
 * the form decisions run on. {@link Builder#build()} checks that the parts fit together — every
 * reference resolves, every amount of money is in the program's currency, no id is used twice —
 * and reports every problem at once in an {@link InvalidProgramException}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Program {
  /**
   * The beginnings of the rule ids the library gives what it grants itself — offers, tier and
   * plan multipliers, tier entry bonuses, challenge grants, prizes, referral rewards and draw
   * entries — which an earning rule's id may not begin with.
   */
  public static final List<String> RESERVED_RULE_PREFIXES = List.of("offer:", "tier:", "plan:",
      "tier-entry:", "challenge:", "prize:", "referral:", "draw/");

  /** How long activity ids are remembered unless the program says otherwise: 400 days. */
  public static final Duration DEFAULT_ACTIVITY_HORIZON = Duration.ofDays(400);
  /** The longest activity horizon a program may declare: 100 years of 366 days. */
  public static final Duration MAX_HORIZON = Duration.ofDays(36_600);

  private final ProgramId id;
  private final String name;
  private final Currency currency;
  private final ZoneId zone;
  private final Duration activityHorizon;
  private final EarnPolicy earnPolicy;
  private final RoundingMode settlementRounding;
  private final Optional<PointsPayment> pointsPayment;
  private final ImmutableList<EarnRule> earnRules;
  private final com.google.common.collect.ImmutableSet<String> segments;
  private final ImmutableMap<UnitId, PointUnit> units;
  private final Optional<TierLadder> tiers;
  private final ImmutableMap<RewardId, Reward> rewards;
  private final ImmutableMap<OfferId, Offer> offers;
  private final ImmutableMap<PlanId, MembershipPlan> plans;
  private final ImmutableMap<PartnerId, Partner> partners;
  private final ImmutableMap<CauseId, Cause> causes;
  private final ImmutableMap<ChallengeId, Challenge> challenges;
  private final ImmutableMap<BadgeId, Badge> badges;
  private final LedgerPolicy ledgerPolicy;
  private final Optional<ReferralTerms> referral;
  private final ImmutableMap<DrawId, Draw> draws;
  private final ImmutableMap<DrawId, InstantWinGame> games;

  private Program(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.currency = b.currency;
    this.zone = b.zone;
    this.activityHorizon = b.activityHorizon;
    this.earnPolicy = b.earnPolicy;
    this.settlementRounding = b.settlementRounding;
    this.pointsPayment = Optional.ofNullable(b.pointsPayment);
    this.earnRules = ImmutableList.copyOf(b.earnRules);
    this.segments = com.google.common.collect.ImmutableSet.copyOf(b.segments);
    this.units = byId(b.units, PointUnit::id);
    this.tiers = Optional.ofNullable(b.tiers);
    this.rewards = byId(b.rewards, Reward::id);
    this.offers = byId(b.offers, Offer::id);
    this.plans = byId(b.plans, MembershipPlan::id);
    this.partners = byId(b.partners, Partner::id);
    this.causes = byId(b.causes, Cause::id);
    this.challenges = byId(b.challenges, Challenge::id);
    this.badges = byId(b.badges, Badge::id);
    this.ledgerPolicy = new LedgerPolicy(zone, activityHorizon, units);
    this.referral = Optional.ofNullable(b.referral);
    this.draws = byId(b.draws, Draw::id);
    this.games = byId(b.games, InstantWinGame::id);
  }

  private static <K, V> ImmutableMap<K, V> byId(List<V> values, Function<V, K> id) {
    ImmutableMap.Builder<K, V> map = ImmutableMap.builderWithExpectedSize(values.size());
    values.forEach(v -> map.put(id.apply(v), v));
    return map.buildOrThrow();
  }

  /**
   * Starts a program.
   *
   * @param id the program's id
   * @param currency the currency all its money is in
   * @param zone the time zone its calendar days, years, birthdays and windows are read in
   * @return a builder
   * @throws IllegalArgumentException if an argument is null
   */
  public static Builder builder(ProgramId id, Currency currency, ZoneId zone) {
    return new Builder(id, currency, zone);
  }

  /** Returns the program's id. */
  public ProgramId id() {
    return id;
  }

  /** Returns the program's display name; its id unless one was set. */
  public String name() {
    return name;
  }

  /** Returns the currency all the program's money is in. */
  public Currency currency() {
    return currency;
  }

  /** Returns the time zone the program's dates are read in. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns how long activity ids are remembered, so a retried activity is not applied twice. */
  public Duration activityHorizon() {
    return activityHorizon;
  }

  /** Returns how fractional points are rounded; {@link RoundingMode#FLOOR} unless declared. */
  public RoundingMode pointRounding() {
    return earnPolicy.mode();
  }

  /**
   * Returns how a coalition settlement rounds each partner's net position to the currency's
   * minor unit; {@link RoundingMode#HALF_EVEN} unless declared.
   */
  public RoundingMode settlementRounding() {
    return settlementRounding;
  }

  /** Returns how money turns into points: what earns, and how points are rounded. */
  public EarnPolicy earnPolicy() {
    return earnPolicy;
  }

  /** Returns how members pay part of an order with points, if they can. */
  public Optional<PointsPayment> pointsPayment() {
    return pointsPayment;
  }

  /** Returns the member segments the program declares; empty if it declares none. */
  public java.util.Set<String> segments() {
    return segments;
  }

  /** Returns the built-in earning rules, in declaration order. */
  public List<EarnRule> earnRules() {
    return earnRules;
  }

  /** Returns the point units, in declaration order. */
  public Map<UnitId, PointUnit> units() {
    return units;
  }

  /**
   * Returns the unit with the given id.
   *
   * @throws UnknownReferenceException naming the id and the program's units if there is none
   * @throws IllegalArgumentException if the id is null
   */
  public PointUnit unit(UnitId unit) {
    return lookup(units, unit, "unit");
  }

  /** Returns the tier ladder, if the program has tiers. */
  public Optional<TierLadder> tiers() {
    return tiers;
  }

  /** Returns the reward catalogue, in declaration order. */
  public Map<RewardId, Reward> rewards() {
    return rewards;
  }

  /**
   * Returns the reward with the given id.
   *
   * @throws UnknownReferenceException naming the id and the catalogue if there is none
   * @throws IllegalArgumentException if the id is null
   */
  public Reward reward(RewardId reward) {
    return lookup(rewards, reward, "reward");
  }

  /** Returns the offers, in declaration order. */
  public Map<OfferId, Offer> offers() {
    return offers;
  }

  /** Returns the paid membership plans, in declaration order. */
  public Map<PlanId, MembershipPlan> plans() {
    return plans;
  }

  /** Returns the coalition partners, in declaration order. */
  public Map<PartnerId, Partner> partners() {
    return partners;
  }

  /** Returns the causes members can donate to, in declaration order. */
  public Map<CauseId, Cause> causes() {
    return causes;
  }

  /** Returns the challenges, stamp cards and bundles, in declaration order. */
  public Map<ChallengeId, Challenge> challenges() {
    return challenges;
  }

  /** Returns the badges members can earn, in declaration order. */
  public Map<BadgeId, Badge> badges() {
    return badges;
  }

  /** Returns what the ledger needs of the program: zone, activity horizon and units. */
  public LedgerPolicy ledgerPolicy() {
    return ledgerPolicy;
  }

  /** Returns the terms of the program's two-sided referrals, if it rewards referrals. */
  public Optional<ReferralTerms> referral() {
    return referral;
  }

  /** Returns the sweepstakes draws, in declaration order. */
  public Map<DrawId, Draw> draws() {
    return draws;
  }

  /**
   * Returns the draw with the given id.
   *
   * @throws UnknownReferenceException naming the id and the program's draws if there is none
   * @throws IllegalArgumentException if the id is null
   */
  public Draw draw(DrawId draw) {
    return lookup(draws, draw, "draw");
  }

  /** Returns the instant-win games, in declaration order. */
  public Map<DrawId, InstantWinGame> games() {
    return games;
  }

  private <K, V> V lookup(Map<K, V> map, K key, String kind) {
    Checks.present(key, kind + " id");
    V value = map.get(key);
    if (value == null) {
      throw new UnknownReferenceException(kind, String.valueOf(key),
          "program " + id + " (it has " + map.keySet() + ")");
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Program p && id.equals(p.id) && name.equals(p.name)
        && currency.equals(p.currency) && zone.equals(p.zone)
        && activityHorizon.equals(p.activityHorizon) && earnPolicy.equals(p.earnPolicy)
        && settlementRounding == p.settlementRounding
        && pointsPayment.equals(p.pointsPayment)
        && earnRules.equals(p.earnRules) && segments.equals(p.segments)
        && units.equals(p.units) && tiers.equals(p.tiers) && rewards.equals(p.rewards)
        && offers.equals(p.offers) && plans.equals(p.plans) && partners.equals(p.partners)
        && causes.equals(p.causes) && challenges.equals(p.challenges)
        && badges.equals(p.badges) && referral.equals(p.referral)
        && draws.equals(p.draws) && games.equals(p.games);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, currency, zone, activityHorizon, earnPolicy, settlementRounding,
        pointsPayment,
        earnRules, segments, units,
        tiers,
        rewards, offers, plans, partners, causes, challenges, badges, referral, draws, games);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Program[%s, %s, %s, units %s, %d tiers, %d rewards, "
            + "%d offers, %d plans, %d partners, %d causes, %d challenges]", id,
        currency.getCurrencyCode(), zone, units.keySet(),
        tiers.map(t -> t.tiers().size()).orElse(0), rewards.size(), offers.size(), plans.size(),
        partners.size(), causes.size(), challenges.size());
  }

  /**
   * Builds a {@link Program}. Setters check their argument at once; {@link #build()} checks that
   * the parts fit together. Not thread-safe.
   */
  public static final class Builder {
    private final ProgramId id;
    private final Currency currency;
    private final ZoneId zone;
    private String name;
    private Duration activityHorizon = DEFAULT_ACTIVITY_HORIZON;
    private EarnPolicy earnPolicy = EarnPolicy.defaults();
    private RoundingMode settlementRounding = RoundingMode.HALF_EVEN;
    private PointsPayment pointsPayment;
    private final List<EarnRule> earnRules = new ArrayList<>();
    private final java.util.Set<String> segments = new java.util.LinkedHashSet<>();
    private final List<PointUnit> units = new ArrayList<>();
    private TierLadder tiers;
    private final List<Reward> rewards = new ArrayList<>();
    private final List<Offer> offers = new ArrayList<>();
    private final List<MembershipPlan> plans = new ArrayList<>();
    private final List<Partner> partners = new ArrayList<>();
    private final List<Cause> causes = new ArrayList<>();
    private final List<Challenge> challenges = new ArrayList<>();
    private final List<Badge> badges = new ArrayList<>();
    private ReferralTerms referral;
    private final List<Draw> draws = new ArrayList<>();
    private final List<InstantWinGame> games = new ArrayList<>();

    private Builder(ProgramId id, Currency currency, ZoneId zone) {
      this.id = Checks.present(id, "program id");
      this.currency = Checks.present(currency, "program " + id + ": currency");
      this.zone = Checks.present(zone, "program " + id + ": zone");
      Money.zero(currency); // rejects pseudo-currencies without decimal places
      this.name = id.value();
    }

    /**
     * Sets the display name.
     *
     * @throws IllegalArgumentException if it is null or blank
     */
    public Builder name(String name) {
      this.name = Checks.text(name, "program " + id + ": name");
      return this;
    }

    /**
     * Sets how long activity ids are remembered; at least as long as the longest pending period
     * (the return window), which {@link #build()} checks, and at most {@link #MAX_HORIZON}.
     *
     * @throws IllegalArgumentException if it is null, not positive or longer than the maximum
     */
    public Builder activityHorizon(Duration horizon) {
      Checks.present(horizon, "program " + id + ": activity horizon");
      checkArgument(!horizon.isNegative() && !horizon.isZero()
              && horizon.compareTo(MAX_HORIZON) <= 0,
          "program %s: activity horizon must be positive and at most %s, was %s", id,
          MAX_HORIZON, horizon);
      this.activityHorizon = horizon;
      return this;
    }

    /**
     * Sets how fractional points are rounded.
     *
     * @throws IllegalArgumentException if it is null or {@link RoundingMode#UNNECESSARY}
     */
    public Builder pointRounding(RoundingMode mode) {
      Checks.present(mode, "program " + id + ": point rounding");
      checkArgument(mode != RoundingMode.UNNECESSARY,
          "program %s: point rounding must say how to round, was %s", id, mode);
      this.earnPolicy = earnPolicy.withMode(mode);
      return this;
    }

    /**
     * Sets how a coalition settlement rounds each partner's net position to the currency's minor
     * unit; {@link RoundingMode#HALF_EVEN} unless set.
     *
     * @throws IllegalArgumentException if it is null or {@link RoundingMode#UNNECESSARY}
     */
    public Builder settlementRounding(RoundingMode mode) {
      Checks.present(mode, "program " + id + ": settlement rounding");
      checkArgument(mode != RoundingMode.UNNECESSARY,
          "program %s: settlement rounding must say how to round, was %s", id, mode);
      this.settlementRounding = mode;
      return this;
    }

    /**
     * Adds a point unit.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder unit(PointUnit unit) {
      units.add(Checks.present(unit, "program " + id + ": units[" + units.size() + "]"));
      return this;
    }

    /**
     * Sets how money turns into points.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder earnPolicy(EarnPolicy policy) {
      this.earnPolicy = Checks.present(policy, "program " + id + ": earn policy");
      return this;
    }

    /**
     * Lets members pay part of an order with points on these terms.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder pointsPayment(PointsPayment payment) {
      this.pointsPayment = Checks.present(payment, "program " + id + ": points payment");
      return this;
    }

    /**
     * Declares the member segments the program knows, such as {@code students}. Once any are
     * declared, every segment a rule's audience, an offer or an expression's
     * {@code inSegment('...')} names must be one of them, so a misspelt segment is a problem
     * instead of a rule that silently never applies.
     *
     * @throws IllegalArgumentException if a segment is null or blank
     */
    public Builder segments(java.util.Collection<String> segments) {
      Checks.present(segments, "program " + id + ": segments");
      for (String segment : segments) {
        this.segments.add(Checks.text(segment, "program " + id + ": segment"));
      }
      return this;
    }

    /**
     * Adds an earning rule.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder earnRule(EarnRule rule) {
      earnRules.add(Checks.present(rule,
          "program " + id + ": earnRules[" + earnRules.size() + "]"));
      return this;
    }

    /**
     * Sets the tier ladder.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder tiers(TierLadder ladder) {
      this.tiers = Checks.present(ladder, "program " + id + ": tiers");
      return this;
    }

    /**
     * Adds a reward to the catalogue.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder reward(Reward reward) {
      rewards.add(Checks.present(reward, "program " + id + ": rewards[" + rewards.size() + "]"));
      return this;
    }

    /**
     * Adds an offer.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder offer(Offer offer) {
      offers.add(Checks.present(offer, "program " + id + ": offers[" + offers.size() + "]"));
      return this;
    }

    /**
     * Adds a paid membership plan.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder plan(MembershipPlan plan) {
      plans.add(Checks.present(plan, "program " + id + ": plans[" + plans.size() + "]"));
      return this;
    }

    /**
     * Adds a coalition partner.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder partner(Partner partner) {
      partners.add(Checks.present(partner,
          "program " + id + ": partners[" + partners.size() + "]"));
      return this;
    }

    /**
     * Adds a cause members can donate to.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder cause(Cause cause) {
      causes.add(Checks.present(cause, "program " + id + ": causes[" + causes.size() + "]"));
      return this;
    }

    /**
     * Adds a challenge, stamp card or bundle.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder challenge(Challenge challenge) {
      challenges.add(Checks.present(challenge,
          "program " + id + ": challenges[" + challenges.size() + "]"));
      return this;
    }

    /**
     * Adds a badge.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder badge(Badge badge) {
      badges.add(Checks.present(badge, "program " + id + ": badges[" + badges.size() + "]"));
      return this;
    }

    /**
     * Adds a sweepstakes draw.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder draw(Draw draw) {
      draws.add(Checks.present(draw, "program " + id + ": draws[" + draws.size() + "]"));
      return this;
    }

    /**
     * Rewards two-sided referrals on these terms.
     *
     * @throws IllegalArgumentException if they are null
     */
    public Builder referral(ReferralTerms terms) {
      this.referral = Checks.present(terms, "program " + id + ": referral");
      return this;
    }

    /**
     * Adds an instant-win game.
     *
     * @throws IllegalArgumentException if it is null
     */
    public Builder game(InstantWinGame game) {
      games.add(Checks.present(game, "program " + id + ": games[" + games.size() + "]"));
      return this;
    }

    /**
     * Returns the program, after checking that its parts fit together.
     *
     * @throws InvalidProgramException listing every problem found: no unit, an id used twice, a
     *     reference to a unit, tier or reward the program does not have, a reward paid in a
     *     status-only unit, money in another currency, or a game whose odds add up to more than
     *     1 or, without a stated reason, to less than 25 %
     */
    public Program build() {
      List<Problem> problems = new ArrayList<>();
      if (units.isEmpty()) {
        problems.add(new Problem("units", "a program needs at least one point unit"));
      }
      Map<UnitId, PointUnit> unitIds = unique("units", units, PointUnit::id, problems);
      Map<RewardId, Reward> rewardIds = unique("rewards", rewards, Reward::id, problems);
      unique("offers", offers, Offer::id, problems);
      unique("plans", plans, MembershipPlan::id, problems);
      unique("partners", partners, Partner::id, problems);
      unique("causes", causes, Cause::id, problems);
      Map<ChallengeId, Challenge> challengeIds = unique("challenges", challenges, Challenge::id,
          problems);
      unique("badges", badges, Badge::id, problems);
      unique("earnRules", earnRules, EarnRule::id, problems);
      for (int i = 0; i < earnRules.size(); i++) {
        String rule = earnRules.get(i).id().value();
        String at = "earnRules[" + i + "].id";
        RESERVED_RULE_PREFIXES.stream().filter(rule::startsWith).findFirst().ifPresent(
            prefix -> problems.add(new Problem(at, "'" + rule
                + "' begins with '" + prefix + "', which the library keeps for what it grants "
                + "itself (" + String.join(", ", RESERVED_RULE_PREFIXES) + "); choose another "
                + "id")));
      }

      for (int i = 0; i < units.size(); i++) {
        PointUnit unit = units.get(i);
        Instant reference = Instant.EPOCH;
        if (reference.atZone(zone).plus(unit.pendingPeriod()).toInstant()
            .isAfter(reference.plus(activityHorizon))) {
          problems.add(new Problem("units[" + i + "].pendingPeriod", "pending period "
              + unit.pendingPeriod() + " is longer than the activity horizon of "
              + activityHorizon.toDays() + " days, so a return inside the window could no "
              + "longer be matched to its purchase"));
        }
        // The longest the pending period can be against the shortest the expiry can be: 30 days
        // pending with expiry after a month fails in February.
        if (unit.expiry() instanceof ExpiryPolicy.AfterPeriod after
            && longestDays(unit.pendingPeriod()) >= shortestDays(after.period())) {
          problems.add(new Problem("units[" + i + "].pendingPeriod", "pending period "
              + unit.pendingPeriod() + " is not always shorter than the expiry after "
              + after.period() + ", so points could expire before members can spend them"));
        }
      }
      if (tiers != null) {
        checkTiers(unitIds, rewardIds, problems);
      }
      for (int i = 0; i < rewards.size(); i++) {
        Reward r = rewards.get(i);
        String at = "rewards[" + i + "]";
        knownUnit(at + ".unit", r.unit(), unitIds, problems);
        PointUnit unit = unitIds.get(r.unit());
        if (unit != null && !unit.isRedeemable()) {
          problems.add(new Problem(at + ".unit", "unit '" + r.unit()
              + "' is status-only and cannot pay for a reward"));
        }
        r.value().ifPresent(v -> inCurrency(at + ".value", v, problems));
        int t = 0;
        for (TierId tier : r.tiers()) {
          knownTier(at + ".tiers[" + t++ + "]", tier, problems);
        }
        r.partner().ifPresent(p -> knownPartner(at + ".partner", p, problems));
      }
      for (int i = 0; i < offers.size(); i++) {
        Offer o = offers.get(i);
        knownUnit("offers[" + i + "].unit", o.unit(), unitIds, problems);
        int g = 0;
        for (String segment : o.segments()) {
          knownSegment("offers[" + i + "].segments[" + g++ + "]", segment, problems);
        }
        int t = 0;
        for (TierId tier : o.tiers()) {
          knownTier("offers[" + i + "].tiers[" + t++ + "]", tier, problems);
        }
      }
      for (int i = 0; i < plans.size(); i++) {
        inCurrency("plans[" + i + "].fee", plans.get(i).fee(), problems);
        String at = "plans[" + i + "].discount.lines.partners";
        plans.get(i).discount().ifPresent(d -> knownPartners(at, d.lines(), problems));
      }
      // A member-only offer names its plan in its expression, hasPlan('prime'), which the
      // expression checker resolves against the plans declared here.
      for (int i = 0; i < partners.size(); i++) {
        // The partner itself keeps its two rates in one currency.
        inCurrency("partners[" + i + "].fundingCost", partners.get(i).fundingCost(), problems);
      }
      for (int i = 0; i < causes.size(); i++) {
        inCurrency("causes[" + i + "].pointValue", causes.get(i).pointValue(), problems);
      }
      for (int i = 0; i < badges.size(); i++) {
        Optional<ChallengeId> counted = badges.get(i).challenge();
        if (counted.isPresent() && !challengeIds.containsKey(counted.get())) {
          problems.add(new Problem("badges[" + i + "].challenge", "unknown challenge '"
              + counted.get() + "'; the program has " + challengeIds.keySet()));
        }
      }
      for (int i = 0; i < challenges.size(); i++) {
        Challenge challenge = challenges.get(i);
        if (challenge.grant().isEmpty() && badges.stream()
            .noneMatch(b -> b.challenge().filter(challenge.id()::equals).isPresent())) {
          problems.add(new Problem("challenges[" + i + "].grant", "challenge '" + challenge.id()
              + "' gives nothing: give it a grant, or a badge that counts its completions"));
        }
        if (challenge.grant().isEmpty()) {
          continue;
        }
        checkGrant("challenges[" + i + "].grant", challenge.grant().get(), unitIds, rewardIds,
            problems);
      }
      if (pointsPayment != null) {
        knownUnit("pointsPayment.unit", pointsPayment.unit(), unitIds, problems);
        PointUnit unit = unitIds.get(pointsPayment.unit());
        if (unit != null && !unit.isRedeemable()) {
          problems.add(new Problem("pointsPayment.unit", "unit '" + pointsPayment.unit()
              + "' is status-only and cannot pay for orders"));
        }
        inCurrency("pointsPayment.valuePerStep", pointsPayment.valuePerStep(), problems);
      }
      Map<BudgetId, Budget> budgets = new LinkedHashMap<>();
      for (int i = 0; i < earnRules.size(); i++) {
        checkRule("earnRules[" + i + "]", earnRules.get(i), unitIds, rewardIds, problems);
        Optional<Budget> budget = earnRules.get(i).settings().budget();
        if (budget.isPresent()) {
          Budget first = budgets.putIfAbsent(budget.get().id(), budget.get());
          if (first != null && first.points() != budget.get().points()) {
            problems.add(new Problem("earnRules[" + i + "].settings.budget", "budget '"
                + budget.get().id() + "' of " + budget.get().points() + " points is declared "
                + "elsewhere with " + first.points()));
          }
        }
      }
      if (referral != null) {
        checkReferral(unitIds, rewardIds, problems);
      }
      Gamified.check(draws, games, this::checkGrant, this::inCurrency, unitIds, rewardIds,
          problems);
      if (!problems.isEmpty()) {
        throw new InvalidProgramException(id.value(), problems);
      }
      return new Program(this);
    }

    /**
     * Checks that the referral grants and lines name what the program has, that the minimum
     * spend is in its currency, and that the return window fits in the activity horizon, so a
     * return inside it can still be matched to its purchase.
     */
    private void checkReferral(Map<UnitId, PointUnit> unitIds, Map<RewardId, Reward> rewardIds,
        List<Problem> problems) {
      checkGrant("referral.friend", referral.friend(), unitIds, rewardIds, problems);
      checkGrant("referral.referrer", referral.referrer(), unitIds, rewardIds, problems);
      inCurrency("referral.minimumSpend", referral.minimumSpend(), problems);
      knownPartners("referral.lines.partners", referral.lines(), problems);
      Instant reference = Instant.EPOCH;
      if (reference.atZone(zone).plus(referral.returnWindow()).toInstant()
          .isAfter(reference.plus(activityHorizon))) {
        problems.add(new Problem("referral.returnWindow", "return window "
            + referral.returnWindow() + " is longer than the activity horizon of "
            + activityHorizon.toDays() + " days, so a return inside the window could no longer "
            + "be matched to its purchase"));
      }
    }

    private static long longestDays(java.time.Period p) {
      return p.getYears() * 366L + p.getMonths() * 31L + p.getDays();
    }

    private static long shortestDays(java.time.Period p) {
      return p.getYears() * 365L + p.getMonths() * 28L + p.getDays();
    }

    private void checkRule(String at, EarnRule rule, Map<UnitId, PointUnit> unitIds,
        Map<RewardId, Reward> rewardIds, List<Problem> problems) {
      int t = 0;
      for (TierId tier : rule.settings().audience().tiers()) {
        knownTier(at + ".settings.audience.tiers[" + t++ + "]", tier, problems);
      }
      int g = 0;
      for (String segment : rule.settings().audience().segments()) {
        knownSegment(at + ".settings.audience.segments[" + g++ + "]", segment, problems);
      }
      rule.settings().fundedBy().ifPresent(p -> knownPartner(at + ".settings.fundedBy", p,
          problems));
      if (rule instanceof EarnRule.Rate r) {
        knownUnit(at + ".unit", r.unit(), unitIds, problems);
        inCurrency(at + ".per", r.per(), problems);
        knownPartners(at + ".lines.partners", r.lines(), problems);
      } else if (rule instanceof EarnRule.Multiplier r) {
        knownUnit(at + ".unit", r.unit(), unitIds, problems);
        knownPartners(at + ".lines.partners", r.lines(), problems);
      } else if (rule instanceof EarnRule.EventBonus r) {
        knownUnit(at + ".unit", r.unit(), unitIds, problems);
      } else if (rule instanceof EarnRule.MinimumSpendBonus r) {
        knownUnit(at + ".unit", r.unit(), unitIds, problems);
        inCurrency(at + ".minimum", r.minimum(), problems);
      } else if (rule instanceof EarnRule.FirstPurchase r) {
        checkGrant(at + ".grant", r.grant(), unitIds, rewardIds, problems);
      } else if (rule instanceof EarnRule.DateReward r) {
        checkGrant(at + ".grant", r.grant(), unitIds, rewardIds, problems);
      } else if (rule instanceof EarnRule.Custom r) {
        knownUnit(at + ".unit", r.unit(), unitIds, problems);
      } else if (rule instanceof EarnRule.Formula r) {
        knownUnit(at + ".unit", r.unit(), unitIds, problems);
      } else if (rule instanceof EarnRule.SpendVoucher r) {
        inCurrency(at + ".every", r.every(), problems);
        inCurrency(at + ".value", r.value(), problems);
      }
    }

    /**
     * Checks that the ladder's units and entry bonuses exist and that every tier can be
     * reached: a nights threshold no window can hold leaves the tier empty for ever.
     */
    private void checkTiers(Map<UnitId, PointUnit> unitIds, Map<RewardId, Reward> rewardIds,
        List<Problem> problems) {
      tiers.statusUnit().ifPresent(u -> knownUnit("tiers.statusUnit", u, unitIds, problems));
      for (int i = 0; i < tiers.tiers().size(); i++) {
        Tier tier = tiers.tiers().get(i);
        String at = "tiers.tiers[" + i + "]";
        Optional<Grant> bonus = tier.entryBonus();
        if (bonus.isPresent()) {
          checkGrant(at + ".entryBonus", bonus.get(), unitIds, rewardIds, problems);
          if (bonus.get() instanceof Grant.Points p && tiers.statusUnit().isPresent()
              && tiers.statusUnit().get().equals(p.unit())) {
            problems.add(new Problem(at + ".entryBonus.unit", "an entry bonus in the status unit '"
                + p.unit() + "' would count toward the tier it rewards"));
          }
          if (i == 0) {
            problems.add(new Problem(at + ".entryBonus", "the base tier is never entered from "
                + "below, so its entry bonus would never be given"));
          }
        }
        long most = mostNights(tiers.windowOf(tier));
        if (tiers.metric() == TierMetric.NIGHTS
            && tier.threshold().compareTo(BigDecimal.valueOf(most)) > 0) {
          problems.add(new Problem(at + ".threshold", "tier '" + tier.id() + "' needs "
              + tier.threshold().toPlainString() + " nights, more than the " + most
              + " a " + describe(tiers.windowOf(tier)) + " holds, so it cannot be reached"));
        }
      }
    }

    private static long mostNights(QualificationWindow window) {
      if (window instanceof QualificationWindow.RollingMonths r) {
        return 31L * r.months();
      }
      return window instanceof QualificationWindow.Lifetime ? Long.MAX_VALUE : 366;
    }

    private static String describe(QualificationWindow window) {
      if (window instanceof QualificationWindow.RollingMonths r) {
        return "window of " + r.months() + " months";
      }
      return window instanceof QualificationWindow.MembershipYear ? "membership year"
          : "calendar year";
    }

    private void checkGrant(String at, Grant grant, Map<UnitId, PointUnit> unitIds,
        Map<RewardId, Reward> rewardIds, List<Problem> problems) {
      if (grant instanceof Grant.FreeReward g && !rewardIds.containsKey(g.reward())) {
        problems.add(new Problem(at + ".reward", "unknown reward '" + g.reward()
            + "'; the catalogue has " + rewardIds.keySet()));
      } else if (grant instanceof Grant.Points g) {
        knownUnit(at + ".unit", g.unit(), unitIds, problems);
      } else if (grant instanceof Grant.Voucher g) {
        inCurrency(at + ".value", g.value(), problems);
      }
    }

    private static <K, V> Map<K, V> unique(String path, Collection<V> values, Function<V, K> id,
        List<Problem> problems) {
      Map<K, V> seen = new LinkedHashMap<>();
      Map<K, Integer> index = new LinkedHashMap<>();
      int i = 0;
      for (V value : values) {
        K key = id.apply(value);
        if (seen.containsKey(key)) {
          problems.add(new Problem(path + "[" + i + "].id",
              "'" + key + "' is already used by " + path + "[" + index.get(key) + "]"));
        } else {
          seen.put(key, value);
          index.put(key, i);
        }
        i++;
      }
      return seen;
    }

    private static void knownUnit(String path, UnitId unit, Map<UnitId, PointUnit> units,
        List<Problem> problems) {
      if (!units.containsKey(unit)) {
        problems.add(new Problem(path, "unknown unit '" + unit + "'; the program's units are "
            + units.keySet()));
      }
    }

    private void knownSegment(String path, String segment, List<Problem> problems) {
      if (!segments.isEmpty() && !segments.contains(segment)) {
        problems.add(new Problem(path, "unknown segment '" + segment + "'"
            + org.loyaltyrules.core.internal.Names.nearest(segment, segments)
                .map(n -> "; did you mean '" + n + "'?")
                .orElse("; the program's segments are " + segments)));
      }
    }

    private void knownTier(String path, TierId tier, List<Problem> problems) {
      if (tiers == null) {
        problems.add(new Problem(path, "tier '" + tier + "' named but the program has no tiers"));
      } else if (tiers.tier(tier).isEmpty()) {
        problems.add(new Problem(path, "unknown tier '" + tier + "'; the program's tiers are "
            + ImmutableList.copyOf(tiers.tiers().stream().map(Tier::id).iterator())));
      }
    }

    private void knownPartners(String path, LineFilter lines, List<Problem> problems) {
      int i = 0;
      for (PartnerId partner : lines.partners()) {
        knownPartner(path + "[" + i++ + "]", partner, problems);
      }
    }

    private void knownPartner(String path, PartnerId partner, List<Problem> problems) {
      if (partners.stream().noneMatch(p -> p.id().equals(partner))) {
        problems.add(new Problem(path, "unknown partner '" + partner + "'; the program's partners "
            + "are " + ImmutableList.copyOf(partners.stream().map(Partner::id).iterator())));
      }
    }

    private void inCurrency(String path, Money money, List<Problem> problems) {
      if (!money.currency().equals(currency)) {
        problems.add(new Problem(path, "currency must be " + currency.getCurrencyCode()
            + ", was " + money.currency().getCurrencyCode() + " (" + money + ")"));
      }
    }
  }
}
