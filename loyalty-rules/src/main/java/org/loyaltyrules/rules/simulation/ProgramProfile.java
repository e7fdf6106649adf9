package org.loyaltyrules.rules.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.Draw;
import org.loyaltyrules.core.program.EntryTrigger;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.MembershipPlan;
import org.loyaltyrules.core.program.Offer;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;

/**
 * What a host needs to know about a program to send it realistic activities: the categories,
 * tags, skus, partners and payment instruments its rules name, the engagement events it
 * rewards, the paid plan members join, the value of a point, and what cannot be aimed at.
 * Computed once per run from the program alone. Immutable after construction.
 */
final class ProgramProfile {
  /**
   * The category of lines the program's rules do not single out: drawn beside the categories
   * they name when a rate rule earns on every category, alone when no rule names one.
   */
  static final String GENERAL = "general";
  private static final int VALUE_SCALE = 12;

  /** An engagement event the program rewards, with the values each attribute may take. */
  record EventTemplate(EngagementType type, Map<String, List<String>> attributes) {}

  final Program program;
  final List<String> categories;
  final Set<String> nightCategories;
  final List<String> tags;
  final List<String> skus;
  final List<PartnerId> sellers;
  final boolean sellsWithoutPartner;
  final List<String> instruments;
  final List<EventTemplate> events;
  final boolean rewardsAccountCreated;
  final boolean rewardsBirthdayShared;
  final boolean eventsOnly;
  final Optional<MembershipPlan> plan;
  final List<UnitId> redeemable;
  final Map<UnitId, Money> pointValues;
  /**
   * Whether the mere passage of time can change the points members hold: a unit whose points
   * expire, or a birthday or anniversary that grants points (which may also lift the tier and
   * give its entry bonus). Vesting only moves points from pending to available.
   */
  final boolean balancesMoveWithTime;
  final List<String> notes = new ArrayList<>();

  ProgramProfile(Program program) {
    this.program = program;
    Set<String> cats = new LinkedHashSet<>();
    Set<String> tagSet = new LinkedHashSet<>();
    Set<String> skuSet = new LinkedHashSet<>();
    Set<PartnerId> partnerSet = new LinkedHashSet<>();
    Set<String> instrumentSet = new LinkedHashSet<>();
    Set<EventTemplate> templates = new LinkedHashSet<>();
    boolean accountCreated = false;
    boolean birthdayShared = false;
    boolean purchaseEarning = false;
    boolean anyWithoutPartner = false;
    boolean anyCategory = false;
    List<String> conditioned = new ArrayList<>();
    for (EarnRule rule : program.earnRules()) {
      Audience audience = rule.settings().audience();
      instrumentSet.addAll(audience.instruments());
      if (rule.settings().when().isPresent() || rule.settings().condition().isPresent()
          || rule instanceof EarnRule.Formula || rule instanceof EarnRule.Custom) {
        conditioned.add(rule.id().value());
      }
      LineFilter lines = null;
      if (rule instanceof EarnRule.Rate r) {
        lines = r.lines();
      } else if (rule instanceof EarnRule.Multiplier m) {
        lines = m.lines();
      }
      if (lines != null) {
        addFilter(lines, cats, tagSet, skuSet, partnerSet);
        anyWithoutPartner |= lines.partners().isEmpty();
        anyCategory |= rule instanceof EarnRule.Rate && lines.categories().isEmpty();
      }
      if (rule instanceof EarnRule.EventBonus e) {
        if (e.event() == EngagementType.ACCOUNT_CREATED) {
          accountCreated = true;
        } else if (e.event() == EngagementType.BIRTHDAY_SHARED) {
          birthdayShared = true;
        } else {
          templates.add(new EventTemplate(e.event(), single(e.attributes())));
        }
      } else if (!(rule instanceof EarnRule.DateReward)) {
        purchaseEarning = true;
        if (!(rule instanceof EarnRule.Rate) && !(rule instanceof EarnRule.Multiplier)) {
          anyWithoutPartner = true;
        }
      }
    }
    boolean purchaseChallenges = false;
    for (Challenge c : program.challenges().values()) {
      cats.addAll(c.categories());
      if (c.goal() == ChallengeGoal.EVENTS) {
        c.event().ifPresent(type -> templates.add(new EventTemplate(type, single(c.attributes()))));
      } else {
        purchaseChallenges = true;
      }
    }
    for (Draw draw : program.draws().values()) {
      for (EntryTrigger trigger : draw.earnedBy()) {
        if (trigger instanceof EntryTrigger.Event e) {
          Map<String, List<String>> choices = new TreeMap<>();
          e.attributes().forEach((k, v) -> choices.put(k, List.copyOf(v)));
          templates.add(new EventTemplate(e.type(), choices));
        }
      }
    }
    program.referral().ifPresent(r -> addFilter(r.lines(), cats, tagSet, skuSet, partnerSet));
    for (Offer offer : program.offers().values()) {
      if (offer.when().isPresent()) {
        conditioned.add(offer.id().value());
      }
    }
    if (cats.isEmpty() || anyCategory) {
      cats.add(GENERAL);
    }
    this.categories = List.copyOf(cats);
    this.tags = List.copyOf(tagSet);
    this.skus = List.copyOf(skuSet);
    this.sellers = List.copyOf(partnerSet);
    this.sellsWithoutPartner = anyWithoutPartner || partnerSet.isEmpty();
    this.instruments = List.copyOf(instrumentSet);
    this.events = List.copyOf(templates);
    this.rewardsAccountCreated = accountCreated;
    this.rewardsBirthdayShared = birthdayShared;
    this.eventsOnly = !events.isEmpty() && !purchaseEarning && !purchaseChallenges;
    this.plan = program.plans().values().stream().findFirst();
    this.nightCategories = nightCategories(program, categories);
    List<UnitId> units = new ArrayList<>();
    for (PointUnit unit : program.units().values()) {
      if (unit.isRedeemable()) {
        units.add(unit.id());
      }
    }
    this.redeemable = List.copyOf(units);
    this.pointValues = values(program, redeemable);
    this.balancesMoveWithTime = program.units().values().stream()
        .anyMatch(u -> !(u.expiry() instanceof ExpiryPolicy.Never))
        || program.earnRules().stream().anyMatch(r -> r instanceof EarnRule.DateReward d
            && d.grant() instanceof Grant.Points);
    notes(program, conditioned);
  }

  private static void addFilter(LineFilter lines, Set<String> cats, Set<String> tags,
      Set<String> skus, Set<PartnerId> partners) {
    cats.addAll(lines.categories());
    tags.addAll(lines.tags());
    skus.addAll(lines.skus());
    partners.addAll(lines.partners());
  }

  private static Map<String, List<String>> single(Map<String, String> attributes) {
    Map<String, List<String>> choices = new TreeMap<>();
    attributes.forEach((k, v) -> choices.put(k, List.of(v)));
    return choices;
  }

  /** The categories whose lines are hotel nights, where the ladder counts nights or stays. */
  private static Set<String> nightCategories(Program program, List<String> categories) {
    boolean counts = program.tiers().map(l -> l.metric() == TierMetric.NIGHTS
        || l.metric() == TierMetric.STAYS).orElse(false);
    if (!counts) {
      return Set.of();
    }
    Set<String> nights = new LinkedHashSet<>();
    for (String c : categories) {
      String lower = c.toLowerCase(Locale.ROOT);
      if (lower.contains("stay") || lower.contains("night") || lower.contains("room")
          || lower.contains("hotel")) {
        nights.add(c);
      }
    }
    if (nights.isEmpty()) {
      nights.add(categories.get(0));
    }
    return Set.copyOf(nights);
  }

  private static Map<UnitId, Money> values(Program program, List<UnitId> redeemable) {
    Map<UnitId, Money> values = new LinkedHashMap<>();
    Optional<PointsPayment> payment = program.pointsPayment();
    Optional<Cause> cause = program.causes().values().stream().findFirst();
    Optional<Money> reimbursement = program.partners().values().stream()
        .map(Partner::reimbursement).max(Money::compareTo);
    for (UnitId unit : redeemable) {
      Money value = null;
      if (payment.isPresent() && payment.get().unit().equals(unit)) {
        PointsPayment p = payment.get();
        value = Money.of(p.valuePerStep().amount().divide(BigDecimal.valueOf(p.pointsPerStep()),
            VALUE_SCALE, RoundingMode.DOWN), program.currency());
      } else if (cause.isPresent()) {
        value = cause.get().pointValue();
      } else {
        for (Reward r : program.rewards().values()) {
          if (r.unit().equals(unit) && r.value().isPresent()) {
            Money v = Money.of(r.value().get().amount().divide(BigDecimal.valueOf(r.cost()),
                VALUE_SCALE, RoundingMode.DOWN), program.currency());
            if (value == null || v.compareTo(value) > 0) {
              value = v;
            }
          }
        }
        if (value == null && reimbursement.isPresent()) {
          value = reimbursement.get();
        }
      }
      if (value != null && value.isPositive()) {
        values.put(unit, value);
      }
    }
    return values;
  }

  private void notes(Program program, List<String> conditioned) {
    if (eventsOnly) {
      notes.add("the program earns on engagement events, not purchases: every member visit also "
          + "sends one of the events it rewards");
    }
    if (!sellers.isEmpty()) {
      notes.add("purchases are made at the partners " + sellers
          + (sellsWithoutPartner ? " or at the program itself" : "") + ", with equal chance");
    }
    if (!instruments.isEmpty()) {
      notes.add("some purchases are paid with " + instruments);
    }
    if (!nightCategories.isEmpty()) {
      notes.add("lines of " + nightCategories.stream().sorted().toList()
          + " are hotel stays of 1 to 3 nights, measured in nights");
    }
    plan.ifPresent(p -> notes.add("members join the plan " + p.id() + " when they enrol, "
        + (p.trial().isPresent() ? "starting its free trial" : "paying its fee of "
            + p.fee())));
    if (program.plans().size() > 1) {
      notes.add("only the first plan is joined; the others " + program.plans().keySet()
          .stream().skip(1).toList() + " are not simulated");
    }
    if (!program.draws().isEmpty()) {
      notes.add("the sweepstakes " + program.draws().keySet() + " are drawn at the start of "
          + "each Monday");
    }
    if (program.referral().isPresent()) {
      notes.add("new members may have been referred by an earlier member; referrers are "
          + "credited when the friend's purchase qualifies");
    }
    if (!program.segments().isEmpty()) {
      notes.add("members are given no segments, so what is aimed at the segments "
          + program.segments().stream().sorted().toList() + " never applies");
    }
    if (!conditioned.isEmpty()) {
      notes.add("the conditions of " + conditioned + " are expressions or code the simulator "
          + "cannot aim at: they apply only when generated activities happen to meet them");
    }
    if (redeemable.isEmpty()) {
      notes.add("the program has no redeemable unit, so no points liability");
    } else if (pointValues.isEmpty()) {
      notes.add("the program puts no money value on a point: liability is in points only");
    }
    boolean spendable = program.rewards().values().stream()
        .anyMatch(r -> redeemable.contains(r.unit())) || !program.causes().isEmpty()
        || program.pointsPayment().isPresent()
        || program.partners().values().stream().anyMatch(p -> p.transfers().isPresent());
    if (!redeemable.isEmpty() && !spendable) {
      notes.add("the program offers no reward, cause, points payment or transfer: members "
          + "never spend points");
    }
  }
}
