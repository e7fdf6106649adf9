package org.loyaltyrules.rules.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A program file as written, bound by Jackson: every field as the author wrote it, enums and
 * durations still text, absent fields null. {@link ProgramConverter} turns it into a
 * {@link org.loyaltyrules.core.program.Program} and back. The JSON Schema
 * ({@code program.schema.json}) describes the same shape; a test keeps the two in step.
 *
 * <p>Immutable apart from the lists and maps Jackson fills, which nothing changes afterwards.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ProgramDefinition(String format, String id, String name, String currency, String zone,
    String activityHorizon, EarnPolicyDefinition earnPolicy, List<String> segments,
    List<UnitDefinition> units, List<RuleDefinition> earnRules, List<RewardDefinition> rewards,
    List<OfferDefinition> offers, TiersDefinition tiers, List<PlanDefinition> plans,
    List<PartnerDefinition> partners, List<CauseDefinition> causes,
    List<ChallengeDefinition> challenges, List<BadgeDefinition> badges,
    PointsPaymentDefinition pointsPayment, SettlementDefinition settlement,
    ReferralDefinition referral, List<DrawDefinition> draws, List<GameDefinition> games) {

  /** The format this version reads and writes. */
  static final String FORMAT = "loyalty-program/1";

  /** What earns and how points round. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record EarnPolicyDefinition(Boolean taxEarns, Boolean shippingEarns, Boolean pointsPaidEarns,
      String rounding, String scope, String multipliers) {}

  /** A point unit. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record UnitDefinition(String id, String name, String kind, String pending,
      ExpiryDefinition expiry, String shortfall) {}

  /** When a unit's points expire; absent for never. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ExpiryDefinition(String after, String endOf, Integer periodsAfter,
      String inactivity) {}

  /**
   * An earning rule: its kind, the fields of its kind, and its settings, all at one level.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record RuleDefinition(String id, String kind, String unit, BigDecimal points, BigDecimal per,
      BigDecimal factor, LinesDefinition lines, String event, Map<String, String> attributes,
      String frequency, BigDecimal minimum, GrantDefinition grant, BigDecimal every,
      BigDecimal value, String validity, BigDecimal percent, Boolean leapDayOnMarchFirst,
      String extension, Map<String, String> parameters, String formula, Integer group,
      Integer priority, String stacking, AudienceDefinition audience, WindowDefinition window,
      List<CapDefinition> caps, BudgetDefinition budget, ConditionDefinition condition,
      String when, String onError, String fundedBy) {}

  /** Which lines a rule earns on, or a plan's discount covers; absent for all. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record LinesDefinition(List<String> categories, List<String> skus, List<String> tags,
      List<String> partners) {}

  /**
   * What a rule, challenge or tier's entry bonus grants: points, a reward, or a money voucher.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record GrantDefinition(Long points, String unit, String reward, BigDecimal voucher) {}

  /** Who a rule applies to; absent for everyone. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record AudienceDefinition(List<String> segments, List<String> tiers,
      Map<String, String> attributes, List<String> channels, List<String> instruments,
      Boolean birthdayMonth) {}

  /** When a rule applies, local date-times in the program's zone. */
  record WindowDefinition(String from, String until) {}

  /** A cap: at most {@code points} per {@code per}. */
  record CapDefinition(String per, Long points) {}

  /** A campaign budget shared by all members. */
  record BudgetDefinition(String id, Long points) {}

  /** A condition written in Java, by the kind it is registered under. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ConditionDefinition(String kind, Map<String, String> parameters) {}

  /** A reward in the catalogue. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record RewardDefinition(String id, String name, String unit, Long cost, String kind,
      BigDecimal value, BigDecimal percent, List<String> tiers, String partner) {}

  /** A limited-time offer. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record OfferDefinition(String id, String name, String from, String until,
      List<String> segments, List<String> tiers, String unit, BigDecimal multiplier,
      Long bonusPoints, String when) {}

  /**
   * The tier ladder: {@code credit} is the expression counted for the metric
   * {@code expression}; {@code downgrade} is absent for {@code to-earned}, {@code grace} for none.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record TiersDefinition(String metric, String statusUnit, String credit, String window,
      String downgrade, String grace, List<TierDefinition> tiers) {}

  /**
   * One tier: {@code window} only to count it over the lifetime window instead of the ladder's;
   * {@code entryBonus} what reaching it from below gives, as a rule's grant.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record TierDefinition(String id, String name, BigDecimal threshold, BigDecimal earnMultiplier,
      List<String> perks, String window, GrantDefinition entryBonus) {}

  /**
   * A paid membership plan; no term for a lifetime plan, no trial, grace, discount or dividend
   * for none.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record PlanDefinition(String id, String name, BigDecimal fee, String term, List<String> perks,
      BigDecimal earnMultiplier, String trial, String grace, DiscountDefinition discount,
      DividendDefinition dividend) {}

  /** A plan's member price: a percentage off the lines it covers; absent lines for all. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record DiscountDefinition(BigDecimal percent, LinesDefinition lines) {}

  /**
   * A plan's annual dividend: {@code onReturn} absent for {@code keep}, {@code validity} absent
   * for vouchers that do not expire.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record DividendDefinition(BigDecimal percent, String onReturn, String validity) {}

  /**
   * A coalition partner: what it pays per point it issues and is paid per point it honours; no
   * transfers if it takes none.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record PartnerDefinition(String id, String name, BigDecimal fundingCost,
      BigDecimal reimbursement, TransfersDefinition transfers) {}

  /** How coalition settlement rounds each party's net position; absent for half-even. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record SettlementDefinition(String rounding) {}

  /** The terms of transfers to a partner's program: {@code points:partnerUnits}, min, step. */
  record TransfersDefinition(String partnerUnit, Long points, Long partnerUnits, Long minimum,
      Long step) {}

  /** A cause members can donate points to. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record CauseDefinition(String id, String name, BigDecimal pointValue, Long minimumPoints,
      Long stepPoints) {}

  /**
   * A challenge, stamp card, bundle or streak; {@code runs} is when it runs, {@code streak} the
   * consecutive windows it needs.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ChallengeDefinition(String id, String name, String goal, BigDecimal target,
      List<String> categories, String event, Map<String, String> attributes, String window,
      WindowDefinition runs, Integer streak, GrantDefinition grant, Boolean restarts) {}

  /** A badge: what it counts, its levels, and how long it lasts if it is temporary. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record BadgeDefinition(String id, String name, String metric, String challenge, String event,
      List<BadgeLevelDefinition> levels, String validity) {}

  /** One level of a badge. */
  record BadgeLevelDefinition(String name, BigDecimal threshold) {}

  /**
   * Two-sided referrals: what the referred friend and the referrer get, the spend that
   * qualifies (on {@code lines}, all if absent), the limit per referrer (none if absent), and the
   * window in which a return takes both back.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ReferralDefinition(GrantDefinition friend, GrantDefinition referrer,
      BigDecimal minimumSpend, LinesDefinition lines, ReferralLimitDefinition limit,
      String returnWindow) {}

  /** The most rewarded referrals per referrer: in each calendar {@code per}, or ever if absent. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ReferralLimitDefinition(Integer referrals, String per) {}

  /**
   * A sweepstakes draw: {@code entries} absent for 1, {@code frequency} for every time,
   * {@code window} for always.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record DrawDefinition(String id, String name, List<TriggerDefinition> earnedBy, Long entries,
      String frequency, WindowDefinition window, List<PrizeDefinition> prizes) {}

  /**
   * What earns a draw's entries or a game's play: an engagement event, with the values each
   * named attribute may have, or a purchase of at least a minimum spend.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record TriggerDefinition(String event, Map<String, List<String>> attributes,
      BigDecimal minimumSpend) {}

  /** A prize of a draw: how many each run gives away, and what it grants, if anything. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record PrizeDefinition(String id, String name, Long quantity, GrantDefinition grant) {}

  /**
   * An instant-win game: {@code frequency} absent for every time, {@code window} for always,
   * {@code lowOddsReason} unless its odds of winning are below 25 %.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record GameDefinition(String id, String name, List<TriggerDefinition> earnedBy,
      String frequency, WindowDefinition window, List<GamePrizeDefinition> prizes,
      String lowOddsReason) {}

  /** A prize of a game: the odds of one play winning it, its stock, and its grant, if any. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record GamePrizeDefinition(String id, String name, BigDecimal odds, Long stock,
      GrantDefinition grant) {}

  /** Paying part of an order with points. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record PointsPaymentDefinition(String unit, Long pointsPerStep, BigDecimal valuePerStep,
      BigDecimal maxShare) {}
}
