package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.program.CalendarPeriod;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Dividend;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.ShortfallPolicy;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.program.UnitKind;
import org.loyaltyrules.core.rule.CapScope;
import org.loyaltyrules.core.rule.EarnPolicy;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.core.rule.Stacking;
import tools.jackson.databind.JsonNode;

/**
 * The shipped JSON Schema and the definition records describe the same format: the same fields
 * in every part, and every enum the values of the model's enum, so neither can drift.
 */
class ProgramSchemaTest {
  private static final JsonNode SCHEMA = Documents.mapper(ProgramFiles.Syntax.JSON)
      .readTree(ProgramFiles.schema());

  private static JsonNode def(String name) {
    return SCHEMA.get("$defs").get(name);
  }

  private static Set<String> properties(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.get("properties").propertyNames().forEach(names::add);
    return names;
  }

  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
  }

  private static List<String> values(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.get("enum").forEach(v -> out.add(v.asString()));
    return out;
  }

  private static List<String> kebab(Enum<?>... constants) {
    return Arrays.stream(constants).map(Texts::kebab).toList();
  }

  @Test
  void everyPartHasTheFieldsOfItsRecord() {
    assertThat(properties(SCHEMA)).containsExactlyElementsOf(
        components(ProgramDefinition.class));
    assertThat(properties(def("unit"))).containsExactlyElementsOf(
        components(ProgramDefinition.UnitDefinition.class));
    assertThat(properties(def("unit").get("properties").get("expiry")))
        .containsExactlyElementsOf(components(ProgramDefinition.ExpiryDefinition.class));
    assertThat(properties(def("reward"))).containsExactlyElementsOf(
        components(ProgramDefinition.RewardDefinition.class));
    assertThat(properties(def("offer"))).containsExactlyElementsOf(
        components(ProgramDefinition.OfferDefinition.class));
    assertThat(properties(def("tiers"))).containsExactlyElementsOf(
        components(ProgramDefinition.TiersDefinition.class));
    assertThat(properties(def("tiers").get("properties").get("tiers").get("items")))
        .containsExactlyElementsOf(components(ProgramDefinition.TierDefinition.class));
    assertThat(properties(def("plan"))).containsExactlyElementsOf(
        components(ProgramDefinition.PlanDefinition.class));
    assertThat(properties(def("partner"))).containsExactlyElementsOf(
        components(ProgramDefinition.PartnerDefinition.class));
    assertThat(properties(def("cause"))).containsExactlyElementsOf(
        components(ProgramDefinition.CauseDefinition.class));
    assertThat(properties(def("challenge"))).containsExactlyElementsOf(
        components(ProgramDefinition.ChallengeDefinition.class));
    assertThat(properties(def("badge"))).containsExactlyElementsOf(
        components(ProgramDefinition.BadgeDefinition.class));
    assertThat(properties(def("badge").get("properties").get("levels").get("items")))
        .containsExactlyElementsOf(components(ProgramDefinition.BadgeLevelDefinition.class));
    assertThat(properties(def("pointsPayment"))).containsExactlyElementsOf(
        components(ProgramDefinition.PointsPaymentDefinition.class));
    assertThat(properties(def("earnPolicy"))).containsExactlyElementsOf(
        components(ProgramDefinition.EarnPolicyDefinition.class));
    assertThat(properties(def("grant"))).containsExactlyElementsOf(
        components(ProgramDefinition.GrantDefinition.class));
    assertThat(properties(def("lines"))).containsExactlyElementsOf(
        components(ProgramDefinition.LinesDefinition.class));
    assertThat(properties(def("referral"))).containsExactlyElementsOf(
        components(ProgramDefinition.ReferralDefinition.class));
    assertThat(properties(def("referral").get("properties").get("limit")))
        .containsExactlyElementsOf(components(ProgramDefinition.ReferralLimitDefinition.class));
    assertThat(def("referral").get("properties").get("friend").get("$ref").asString())
        .isEqualTo("#/$defs/grant");
    assertThat(def("referral").get("properties").get("lines").get("$ref").asString())
        .isEqualTo("#/$defs/lines");
    assertThat(properties(def("draw"))).containsExactlyElementsOf(
        components(ProgramDefinition.DrawDefinition.class));
    assertThat(properties(def("draw").get("properties").get("prizes").get("items")))
        .containsExactlyElementsOf(components(ProgramDefinition.PrizeDefinition.class));
    assertThat(properties(def("game"))).containsExactlyElementsOf(
        components(ProgramDefinition.GameDefinition.class));
    assertThat(properties(def("game").get("properties").get("prizes").get("items")))
        .containsExactlyElementsOf(components(ProgramDefinition.GamePrizeDefinition.class));
    assertThat(properties(def("trigger"))).containsExactlyElementsOf(
        components(ProgramDefinition.TriggerDefinition.class));
    JsonNode plan = def("plan").get("properties");
    assertThat(properties(plan.get("discount"))).containsExactlyElementsOf(
        components(ProgramDefinition.DiscountDefinition.class));
    assertThat(properties(plan.get("dividend"))).containsExactlyElementsOf(
        components(ProgramDefinition.DividendDefinition.class));
    JsonNode tier = def("tiers").get("properties").get("tiers").get("items").get("properties");
    assertThat(tier.get("entryBonus").get("$ref").asString()).isEqualTo("#/$defs/grant");
    assertThat(plan.get("discount").get("properties").get("lines").get("$ref").asString())
        .isEqualTo("#/$defs/lines");
    Set<String> ruleFields = new LinkedHashSet<>();
    def("rule").get("allOf").forEach(branch -> ruleFields.addAll(properties(branch.get("then"))));
    assertThat(ruleFields).containsExactlyInAnyOrderElementsOf(
        components(ProgramDefinition.RuleDefinition.class));
  }

  @Test
  void everyEnumHasTheModelsValues() {
    JsonNode rule = def("rule").get("allOf").get(0).get("then").get("properties");
    assertThat(values(rule.get("stacking"))).isEqualTo(kebab(Stacking.values()));
    assertThat(values(rule.get("onError"))).isEqualTo(kebab(OnError.values()));
    assertThat(values(rule.get("caps").get("items").get("properties").get("per")))
        .isEqualTo(kebab(CapScope.values()));
    assertThat(values(rule.get("audience").get("properties").get("channels").get("items")))
        .isEqualTo(kebab(Channel.values()));
    JsonNode events = def("rule").get("allOf").get(2).get("then").get("properties");
    assertThat(values(events.get("frequency"))).isEqualTo(kebab(Frequency.values()));
    assertThat(values(def("engagement"))).isEqualTo(kebab(EngagementType.values()));
    JsonNode unit = def("unit").get("properties");
    assertThat(values(unit.get("kind"))).isEqualTo(kebab(UnitKind.values()));
    assertThat(values(unit.get("shortfall"))).containsExactlyInAnyOrderElementsOf(
        kebab(ShortfallPolicy.values()));
    assertThat(values(unit.get("expiry").get("properties").get("endOf")))
        .isEqualTo(kebab(CalendarPeriod.values()));
    assertThat(values(def("reward").get("properties").get("kind")))
        .isEqualTo(kebab(RewardKind.values()));
    assertThat(values(def("tiers").get("properties").get("metric")))
        .isEqualTo(kebab(TierMetric.values()));
    assertThat(values(def("tiers").get("properties").get("downgrade")))
        .isEqualTo(kebab(TierDowngrade.values()));
    assertThat(values(def("plan").get("properties").get("dividend").get("properties")
        .get("onReturn"))).isEqualTo(kebab(Dividend.ReturnPolicy.values()));
    assertThat(values(def("referral").get("properties").get("limit").get("properties")
        .get("per"))).isEqualTo(kebab(CalendarPeriod.values()));
    assertThat(values(def("challenge").get("properties").get("goal")))
        .isEqualTo(kebab(ChallengeGoal.values()));
    assertThat(values(def("challenge").get("properties").get("window")))
        .isEqualTo(kebab(ChallengeWindow.values()));
    assertThat(values(def("badge").get("properties").get("metric")))
        .isEqualTo(kebab(org.loyaltyrules.core.program.BadgeMetric.values()));
    assertThat(values(def("draw").get("properties").get("frequency")))
        .isEqualTo(kebab(Frequency.values()));
    assertThat(values(def("game").get("properties").get("frequency")))
        .isEqualTo(kebab(Frequency.values()));
    JsonNode policy = def("earnPolicy").get("properties");
    assertThat(values(policy.get("rounding"))).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(RoundingMode.values()).filter(m -> m != RoundingMode.UNNECESSARY)
            .map(Texts::kebab).toList());
    assertThat(values(policy.get("scope"))).containsExactlyInAnyOrderElementsOf(
        kebab(EarnPolicy.Scope.values()));
    assertThat(values(policy.get("multipliers"))).containsExactlyInAnyOrderElementsOf(
        kebab(EarnPolicy.MultiplierTiming.values()));
  }

  @Test
  void theScenarioSchemaHasTheFieldsOfTheScenarioRecords() {
    JsonNode scenario = Documents.mapper(ProgramFiles.Syntax.JSON).readTree(Scenarios.schema());
    assertThat(properties(scenario)).containsExactlyElementsOf(
        components(ScenarioDefinition.class));
    JsonNode step = scenario.get("properties").get("steps").get("items");
    assertThat(properties(step)).containsExactlyElementsOf(
        components(ScenarioDefinition.StepDefinition.class).stream()
            .map(c -> c.equals("giveBack") ? "return" : c).toList());
    assertThat(properties(step.get("properties").get("expect"))).containsExactlyElementsOf(
        components(ScenarioDefinition.ExpectDefinition.class));
    assertThat(properties(step.get("properties").get("purchase"))).containsExactlyElementsOf(
        components(ScenarioDefinition.PurchaseDefinition.class));
    assertThat(properties(scenario.get("properties").get("member"))).containsExactlyElementsOf(
        components(ScenarioDefinition.MemberDefinition.class));
    Map<String, Class<? extends Record>> activities = Map.of(
        "payFee", ScenarioDefinition.PayFeeDefinition.class,
        "refundFee", ScenarioDefinition.RefundFeeDefinition.class,
        "startTrial", ScenarioDefinition.TrialDefinition.class,
        "adjust", ScenarioDefinition.AdjustDefinition.class,
        "payWithPoints", ScenarioDefinition.PayDefinition.class,
        "donate", ScenarioDefinition.DonateDefinition.class,
        "redeem", ScenarioDefinition.RedeemDefinition.class,
        "event", ScenarioDefinition.EventDefinition.class,
        "return", ScenarioDefinition.ReturnDefinition.class);
    activities.forEach((name, type) -> assertThat(properties(step.get("properties").get(name)))
        .as(name).containsExactlyElementsOf(components(type)));
    for (String name : List.of("referralCredit", "referralWithdrawal")) {
      assertThat(properties(step.get("properties").get(name))).as(name)
          .containsExactlyElementsOf(components(ScenarioDefinition.ReferralStepDefinition.class));
    }
    assertThat(properties(step.get("properties").get("expect").get("properties")
        .get("referral"))).containsExactlyElementsOf(
            components(ScenarioDefinition.ReferralExpectation.class));
  }
}
