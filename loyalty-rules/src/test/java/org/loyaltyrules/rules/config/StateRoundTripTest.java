package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.ledger.Ledger;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.MemberProfile;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Round trips of realistic state: members, decisions, postings, program states and draw results
 * from seeded
 * histories under a program that uses most of what the engine decides ({@link StateHistory}),
 * and values built by hand for what the engine does not produce yet ({@link StateSamples}).
 * Reading what was written gives an equal value; writing what was read gives the same bytes.
 */
class StateRoundTripTest {
  private static final int HISTORIES = 12;
  private static final int STEPS = 40;
  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  @Test
  void seededHistoriesRoundTripAndTogetherUseEveryPartOfTheModel() {
    Coverage seen = new Coverage();
    SplittableRandom random = new SplittableRandom(0x5747_E150_2026L);
    for (int h = 0; h < HISTORIES; h++) {
      List<StateHistory.Step> steps = new ArrayList<>();
      for (int i = 0; i < STEPS; i++) {
        steps.add(new StateHistory.Step(random.nextInt(15), random.nextInt(100),
            random.nextInt(100), random.nextInt(4 * 24 * 60)));
      }
      StateHistory.Result result = StateHistory.run(steps);
      for (Decision d : result.decisions()) {
        assertRoundTrip(d);
        seen.decision(d);
      }
      assertRoundTrip(result.member());
      assertRoundTrip(result.state());
      seen.member(result.member());
      seen.state(result.state());
    }
    assertThat(seen.effects).as("effect kinds the histories produced").containsAll(List.of(
        "PointsEarned", "PointsReversed", "PointsRestored", "PointsShortfall", "PointsExpired",
        "RewardRedeemed", "PaidWithPoints", "VoucherIssued", "VoucherRevoked", "VoucherExpired",
        "DonationMade", "AccountClosed"));
    assertThat(seen.features).as("parts of the model the histories used").containsAll(List.of(
        "advance", "replay", "budget spent", "pending lot", "expired lot", "lot without expiry",
        "reversed lot", "written off", "open reversal", "deficit", "closed", "payment",
        "restored payment", "partial return", "fractional quantity", "line partner",
        "payment instrument", "voucher issued", "voucher expired", "voucher revoked",
        "tier", "membership", "membership of several terms", "trial term", "membership trial",
        "membership lapsed", "birthday", "attributes", "progress", "rounding lost",
        "posting with reason", "posting undoes", "posting reversal of", "partner account",
        "cause account", "breakage account"));
  }

  @Test
  void aDecisionWithEveryKindOfEffectChangeTraceAndErrorRoundTrips() {
    Decision decision = StateSamples.everyEffect();
    assertRoundTrip(decision);
    String json = StateJson.write(decision);
    assertThat(json).contains("\"lostToRounding\":\"0.50\"", "\"lostToRounding\":\"1E+1\"",
        "{\"type\":\"tier-changed\",\"to\":\"green\"}",
        "{\"type\":\"budget-spent\",\"budget\":\"spring\",\"points\":-20}",
        "{\"type\":\"settlement-accrued\",\"partner\":\"airline\",\"amount\":\"-1.25\","
            + "\"currency\":\"USD\"}",
        "{\"type\":\"membership-changed\",\"plan\":\"plus\",\"status\":\"TRIAL\",",
        "{\"type\":\"discount-granted\",\"plan\":\"plus\",\"amount\":\"1.30\","
            + "\"currency\":\"USD\"}",
        "{\"type\":\"dividend-adjusted\",\"plan\":\"coop\",\"year\":2025,\"amount\":\"0.75\","
            + "\"currency\":\"USD\",\"policy\":\"KEEP\"}",
        "{\"type\":\"dividend-adjusted\",\"plan\":\"coop\",\"year\":2025,\"amount\":\"0.00\","
            + "\"currency\":\"USD\",\"policy\":\"REDUCE_NEXT\"}");
    TraceEntry odd = StateJson.readDecision(json).trace().get(2);
    assertThat(odd.lostToRounding().scale()).isEqualTo(-1);
    assertRoundTrip(StateSamples.refused());
    assertThat(StateJson.readDecision(StateJson.write(StateSamples.refused())).isRefused())
        .isTrue();
  }

  @Test
  void everyEffectAndChangeHasAStableTypeName() {
    assertThat(Effect.class.getPermittedSubclasses()).extracting(Class::getSimpleName)
        .containsExactlyInAnyOrderElementsOf(StateSamples.effects().stream()
            .map(e -> e.getClass().getSimpleName()).distinct().toList());
    assertThat(ProgramStateChange.class.getPermittedSubclasses()).extracting(
        Class::getSimpleName).containsExactlyInAnyOrderElementsOf(StateSamples.changes()
            .stream().map(e -> e.getClass().getSimpleName()).distinct().toList());
    assertThat(typeNames(EffectDocument.class)).containsExactly("points-earned",
        "points-reversed", "points-restored", "points-shortfall", "points-expired",
        "reward-redeemed", "paid-with-points", "voucher-issued", "voucher-revoked",
        "voucher-expired", "donation-made", "tier-changed", "membership-changed", "perk-granted",
        "discount-granted", "dividend-adjusted", "points-transferred", "account-closed",
        "challenge-progressed", "challenge-completed", "challenge-completion-revoked",
        "badge-earned", "badge-lost",
        "referral-qualified", "referral-withdrawn",
        "draw-entries-earned", "draw-entries-withdrawn", "instant-win-played");
    assertThat(typeNames(ChangeDocument.class)).containsExactly("budget-spent",
        "settlement-accrued", "draw-entered", "prize-awarded", "draw-run");
    assertThat(EffectDocument.class.getPermittedSubclasses())
        .hasSameSizeAs(Effect.class.getPermittedSubclasses());
  }

  @Test
  void programStatesRoundTripAsChangesApplyToThem() {
    ProgramState state = StateSamples.fullProgramState();
    assertRoundTrip(state);
    assertRoundTrip(ProgramState.initial(Money.currency("JPY")));
    ProgramState changed = state;
    for (ProgramStateChange change : StateSamples.changes()) {
      changed = changed.apply(List.of(change));
      assertRoundTrip(changed);
    }
    assertThat(StateJson.write(state)).isEqualTo("{\"format\":\"loyalty-program-state/1\","
        + "\"currency\":\"USD\",\"budgetsSpent\":{\"autumn\":1,\"spring\":250},"
        + "\"settlement\":{\"airline\":\"-1.25\",\"hotel\":\"0.001\"},"
        + "\"drawEntries\":{\"summer\":{\"ana\":3,\"bo\":1},\"winter\":{\"cy\":2}},"
        + "\"prizesAwarded\":{\"summer\":{\"trip\":1}},\"drawRuns\":{\"winter\":4}}");
    assertThat(changed.drawRuns()).containsExactly(Map.entry(DrawId.of("summer"), 1L),
        Map.entry(DrawId.of("winter"), 4L));
  }

  @Test
  void drawResultsRoundTripAndAreWrittenExactlyAsDocumented() {
    DrawResult sample = StateSamples.drawResult();
    assertRoundTrip(sample);
    assertThat(StateJson.write(sample)).isEqualTo("{\"format\":\"loyalty-draw-result/1\","
        + "\"draw\":\"summer\",\"at\":\"" + sample.at() + "\","
        + "\"seed\":-8765432109876543210,\"winners\":["
        + "{\"prize\":\"trip\",\"member\":\"bo\",\"ticket\":3,\"pool\":6},"
        + "{\"prize\":\"spa\",\"member\":\"ana\",\"ticket\":0,\"pool\":5}],"
        + "\"entrants\":3,\"entries\":6,\"changes\":["
        + "{\"type\":\"draw-run\",\"draw\":\"summer\",\"run\":3},"
        + "{\"type\":\"prize-awarded\",\"draw\":\"summer\",\"prize\":\"trip\",\"prizes\":1},"
        + "{\"type\":\"prize-awarded\",\"draw\":\"summer\",\"prize\":\"spa\",\"prizes\":1},"
        + "{\"type\":\"draw-entered\",\"draw\":\"summer\",\"member\":\"ana\",\"entries\":-3},"
        + "{\"type\":\"draw-entered\",\"draw\":\"summer\",\"member\":\"bo\",\"entries\":-1},"
        + "{\"type\":\"draw-entered\",\"draw\":\"summer\",\"member\":\"cy\",\"entries\":-2}"
        + "]}");
    assertThat(StateJson.readDrawResult(reorder(StateJson.write(sample)))).isEqualTo(sample);

    // What the engine draws: every run of a draw over a growing pool, nobody entered included.
    CompiledProgram compiled = LoyaltyRules.compile(ProgramFiles.read("""
        format: loyalty-program/1
        id: swarm
        currency: USD
        zone: America/New_York
        units:
          - {id: coins, name: Coins}
        draws:
          - id: weekly
            name: Weekly sweepstakes
            earnedBy:
              - event: check-in
            prizes:
              - {id: trip, name: A weekend in Lisbon, quantity: 1}
              - {id: spa, name: A spa day, quantity: 2}
        """, ProgramFiles.Syntax.YAML).program());
    ProgramState state = ProgramState.initial(Money.currency("USD"));
    RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    for (int run = 0; run < 6; run++) {
      DrawResult result = compiled.runDraw(state, DrawId.of("weekly"),
          StateHistory.START.plusSeconds(run), random);
      assertRoundTrip(result);
      state = state.apply(result.changes());
      assertRoundTrip(state);
      List<ProgramStateChange> entered = new ArrayList<>();
      for (int m = 0; m <= run; m++) {
        entered.add(new ProgramStateChange.DrawEntered(DrawId.of("weekly"),
            MemberId.of("m-" + m), m + 1));
      }
      state = state.apply(entered);
    }
    assertThat(state.drawRuns(DrawId.of("weekly"))).isEqualTo(6);
  }

  @Test
  void aSmallMemberIsWrittenExactlyAsDocumented() {
    Member ana = StateHistory.COMPILED.decide(StateHistory.INITIAL,
        Member.enroll(MemberId.of("ana"), StateHistory.START),
        new Adjustment(ActivityId.of("welcome"), StateHistory.START, StateHistory.STARS, 100,
            "welcome"), StateHistory.START, RandomGenerator.of("L64X128MixRandom")).member();
    String json = StateJson.write(ana);
    assertThat(json).isEqualTo("{\"format\":\"loyalty-member/1\",\"id\":\"ana\","
        + "\"enrolledAt\":\"2026-03-02T13:00:00Z\",\"profile\":{\"segments\":[],"
        + "\"attributes\":{}},\"tier\":{\"tier\":\"green\",\"since\":\"2026-03-02T13:00:00Z\"},"
        + "\"memberships\":[],\"ledger\":{\"asOf\":\"2026-03-02T13:00:00Z\","
        + "\"closed\":false,\"lots\":[{\"id\":\"lot-1\",\"unit\":\"stars\",\"amount\":100,"
        + "\"remaining\":100,\"consumed\":0,\"lapsed\":0,\"reversed\":0,\"writtenOff\":0,"
        + "\"earnedAt\":\"2026-03-02T13:00:00Z\",\"vestsAt\":\"2026-03-02T13:00:00Z\","
        + "\"expiresAt\":\"2026-03-22T12:00:00Z\",\"vested\":true,\"activity\":\"welcome\","
        + "\"lines\":[],\"fundedBy\":\"ISSUANCE:program\"}],\"postings\":[{\"sequence\":1,"
        + "\"at\":\"2026-03-02T13:00:00Z\",\"unit\":\"stars\",\"from\":\"ISSUANCE:program\","
        + "\"to\":\"MEMBER_AVAILABLE:ana\",\"amount\":100,\"type\":\"ADJUST\","
        + "\"activity\":\"welcome\",\"lot\":\"lot-1\",\"reason\":\"welcome\"}],"
        + "\"deficits\":{},\"openReversals\":[],"
        + "\"recentActivities\":{\"welcome\":\"2026-03-02T13:00:00Z\"}},\"vouchers\":[],"
        + "\"progress\":{},\"purchases\":[]}");
    assertThat(StateJson.readMember(json)).isEqualTo(ana);
  }

  @Test
  void equalStatesGiveIdenticalBytesWhateverTheOrderTheirMapsWereFilledIn() {
    Member m = StateHistory.run(List.of(new StateHistory.Step(0, 3, 5, 10),
        new StateHistory.Step(11, 0, 0, 60), new StateHistory.Step(2, 7, 1, 90))).member();
    Ledger l = m.ledger();
    Map<ActivityId, Instant> reversed = new LinkedHashMap<>();
    List<ActivityId> ids = new ArrayList<>(l.recentActivities().keySet());
    Collections.reverse(ids);
    ids.forEach(a -> reversed.put(a, l.recentActivities().get(a)));
    Ledger same = Ledger.restore(l.member(), l.asOf(), l.lots(), l.postings(), l.deficits(),
        l.openReversals(), reversed, l.isClosed());
    Map<String, String> attributes = new TreeMap<>(Comparator.reverseOrder());
    attributes.putAll(m.profile().attributes());
    Member rebuilt = m.toBuilder().ledger(same).profile(new MemberProfile(
        m.profile().birthday(), new TreeSet<>(m.profile().segments()).descendingSet(),
        attributes)).build();
    assertThat(rebuilt).isEqualTo(m);
    assertThat(StateJson.write(rebuilt)).isEqualTo(StateJson.write(m));
  }

  @Test
  void theReadmeExampleStoresAndLoadsWhatADecisionChanged() {
    ProgramState programState = StateHistory.INITIAL;
    Decision decision = StateHistory.run(List.of(new StateHistory.Step(0, 2, 1, 10)))
        .decisions().get(0);
    String member = StateJson.write(decision.member());
    String postings = StateJson.writePostings(decision.postings());
    String program = StateJson.write(programState.apply(decision.programStateChanges()));
    Member ana = StateJson.readMember(member);
    ProgramState state = StateJson.readProgramState(program);
    assertThat(member).startsWith("{\"format\":\"loyalty-member/1\",");
    assertThat(ana).isEqualTo(decision.member());
    assertThat(StateJson.readPostings(postings)).isEqualTo(decision.postings());
    assertThat(state).isEqualTo(programState.apply(decision.programStateChanges()));
  }

  @Test
  void readingDoesNotDependOnTheOrderOfProperties() {
    StateHistory.Result result = StateHistory.run(List.of(new StateHistory.Step(0, 3, 5, 10),
        new StateHistory.Step(6, 0, 0, 60), new StateHistory.Step(4, 1, 3, 90)));
    Decision last = result.decisions().get(result.decisions().size() - 1);
    String reordered = reorder(StateJson.write(last));
    assertThat(reordered).isNotEqualTo(StateJson.write(last));
    assertThat(StateJson.readDecision(reordered)).isEqualTo(last);
    assertThat(StateJson.write(StateJson.readDecision(reordered)))
        .isEqualTo(StateJson.write(last));
  }

  @Test
  void membershipsOfEveryStatusWithTrialsAndSeveralTermsRoundTrip() {
    Member member = StateSamples.withMemberships();
    assertRoundTrip(member);
    String json = StateJson.write(member);
    assertThat(json).contains("{\"plan\":\"prime\",\"startedAt\":\"2025-01-26T15:30:00Z\","
        + "\"status\":\"ACTIVE\",\"terms\":[{\"payment\":\"trial-prime\",\"paid\":\"0.00\","
        + "\"currency\":\"USD\",\"from\":\"2025-01-26T15:30:00Z\","
        + "\"until\":\"2025-02-25T15:30:00Z\"},{\"payment\":\"fee-1\",\"paid\":\"139.00\",",
        "\"status\":\"TRIAL\"", "\"status\":\"GRACE\"", "\"status\":\"LAPSED\"",
        "\"status\":\"CANCELLED\"",
        "{\"payment\":\"fee-coop\",\"paid\":\"20.00\",\"currency\":\"USD\","
            + "\"from\":\"2025-11-22T15:30:00Z\"}");
    assertThat(StateJson.readMember(json).membership(org.loyaltyrules.core.PlanId.of("prime"))
        .orElseThrow().terms()).hasSize(3).first().satisfies(t -> assertThat(t.isTrial())
            .isTrue());
  }

  @Test
  void valuesTheEngineDoesNotProduceYetRoundTripToo() {
    Member m = StateHistory.start();
    Voucher applied = new Voucher(VoucherId.of("gift"),
        Money.of("25", "EUR"), StateHistory.START, Optional.empty(), ActivityId.of("gift-1"),
        VoucherStatus.APPLIED);
    Member withAll = m.withVoucher(applied).withProgress("stamps", new BigDecimal("7"))
        .withProgress("fraction", new BigDecimal("0.000000000001"));
    assertRoundTrip(withAll);
    assertThat(StateJson.write(withAll)).contains("\"value\":\"25.00\",\"currency\":\"EUR\"",
        "\"status\":\"APPLIED\"", "\"fraction\":\"0.000000000001\"");
  }

  // -- helpers ---------------------------------------------------------------------------------

  private static void assertRoundTrip(Member member) {
    String json = StateJson.write(member);
    Member back = StateJson.readMember(json);
    assertThat(back).as("member read back from %s", json).isEqualTo(member);
    assertThat(StateJson.write(back)).as("member written again").isEqualTo(json);
    assertThat(StateJson.write(member)).as("member written twice").isEqualTo(json);
  }

  private static void assertRoundTrip(Decision decision) {
    String json = StateJson.write(decision);
    Decision back = StateJson.readDecision(json);
    assertThat(back).as("decision read back from %s", json).isEqualTo(decision);
    assertThat(StateJson.write(back)).as("decision written again").isEqualTo(json);
    String postings = StateJson.writePostings(decision.postings());
    assertThat(StateJson.readPostings(postings)).isEqualTo(decision.postings());
    assertThat(StateJson.writePostings(StateJson.readPostings(postings))).isEqualTo(postings);
  }

  private static void assertRoundTrip(DrawResult result) {
    String json = StateJson.write(result);
    DrawResult back = StateJson.readDrawResult(json);
    assertThat(back).as("draw result read back from %s", json).isEqualTo(result);
    assertThat(StateJson.write(back)).as("draw result written again").isEqualTo(json);
  }

  private static void assertRoundTrip(ProgramState state) {
    String json = StateJson.write(state);
    ProgramState back = StateJson.readProgramState(json);
    assertThat(back).as("program state read back from %s", json).isEqualTo(state);
    assertThat(StateJson.write(back)).as("program state written again").isEqualTo(json);
  }

  /** Returns the document with every object's properties in reverse order, as a store may. */
  private static String reorder(String json) {
    return PLAIN.writeValueAsString(reversed(PLAIN.readTree(json)));
  }

  private static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
      Collections.reverse(entries);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      entries.forEach(e -> out.set(e.getKey(), reversed(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(reversed(e)));
      return out;
    }
    return node;
  }

  private static List<String> typeNames(Class<?> base) {
    return Arrays.stream(base.getAnnotation(JsonSubTypes.class).value())
        .map(JsonSubTypes.Type::name).toList();
  }

  /** What a set of histories used, by name. */
  private static final class Coverage {
    final Set<String> effects = new TreeSet<>();
    final Set<String> features = new TreeSet<>();

    void decision(Decision d) {
      d.effects().forEach(e -> effects.add(e.getClass().getSimpleName()));
      mark(d.activity().isEmpty(), "advance");
      mark(d.replay(), "replay");
      mark(!d.programStateChanges().isEmpty(), "budget spent");
      d.trace().forEach(t -> mark(t.lostToRounding().signum() > 0, "rounding lost"));
      d.postings().forEach(p -> {
        mark(p.reason().isPresent(), "posting with reason");
        mark(p.undoes().isPresent(), "posting undoes");
        mark(p.reversalOf().isPresent(), "posting reversal of");
        mark(p.to().type().name().equals("PARTNER"), "partner account");
        mark(p.to().type().name().equals("CAUSE"), "cause account");
        mark(p.to().type().name().equals("BREAKAGE"), "breakage account");
      });
      member(d.member());
    }

    void member(Member m) {
      Ledger l = m.ledger();
      for (Lot lot : l.lots()) {
        mark(!lot.isVested(), "pending lot");
        mark(lot.lapsed() > 0, "expired lot");
        mark(lot.expiresAt().isEmpty(), "lot without expiry");
        mark(lot.reversed() > 0, "reversed lot");
        mark(lot.writtenOff() > 0, "written off");
      }
      mark(!l.openReversals().isEmpty(), "open reversal");
      mark(!l.deficits().isEmpty(), "deficit");
      mark(l.isClosed(), "closed");
      m.purchases().records().forEach(r -> {
        mark(!r.payments().isEmpty(), "payment");
        mark(r.payments().stream().anyMatch(p -> p.restored() > 0), "restored payment");
        mark(!r.returned().isEmpty() && !r.isFullyReturned(), "partial return");
        mark(r.purchase().lines().stream().anyMatch(x -> x.quantity().scale() > 0),
            "fractional quantity");
        mark(r.purchase().lines().stream().anyMatch(x -> x.partner().isPresent()),
            "line partner");
        mark(r.purchase().paymentInstrument().isPresent(), "payment instrument");
      });
      m.vouchers().values().forEach(v -> features.add("voucher " + v.status().name()
          .toLowerCase(Locale.ROOT)));
      mark(m.tier().isPresent(), "tier");
      mark(!m.memberships().isEmpty(), "membership");
      m.memberships().values().forEach(x -> {
        mark(x.terms().size() > 1, "membership of several terms");
        mark(x.terms().stream().anyMatch(t -> t.isTrial()), "trial term");
        features.add("membership " + x.status().name().toLowerCase(Locale.ROOT));
      });
      mark(m.profile().birthday().isPresent(), "birthday");
      mark(!m.profile().attributes().isEmpty(), "attributes");
      mark(!m.progress().isEmpty(), "progress");
    }

    void state(ProgramState s) {
      mark(!s.budgetsSpent().isEmpty(), "budget spent");
    }

    private void mark(boolean condition, String feature) {
      if (condition) {
        features.add(feature);
      }
    }
  }
}
