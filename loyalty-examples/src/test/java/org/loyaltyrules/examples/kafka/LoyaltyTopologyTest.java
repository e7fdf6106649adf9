package org.loyaltyrules.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.examples.kafka.ActivityJson.MemberActivity;
import org.loyaltyrules.examples.kafka.ActivityStream.Input;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.config.StateJson;

/**
 * The library inside Kafka Streams, on Kafka's in-memory test driver: the topology's decisions
 * are the library's own, a replayed record changes nothing, and an instance restored from the
 * changelogs continues where the last one stopped.
 */
class LoyaltyTopologyTest {
  private static final long SEED = 12;
  private static final CompiledProgram PROGRAM = StreamPoints.PROGRAM;
  private static final String PROGRAM_ID = PROGRAM.program().id().value();
  private static final UnitId POINTS = UnitId.of("points");
  private static final LoyaltyTopology.Settings SETTINGS = LoyaltyTopology.Settings.defaults(SEED)
      .inMemory();

  @TempDir
  Path stateDir;

  @Test
  void theProgramFileIsValid() {
    assertThat(StreamPoints.read().problems()).isEmpty();
  }

  @Test
  void decisionsThroughTheTopologyAreTheDirectCallsDecisions() {
    List<Input> inputs = ActivityStream.generate(SEED, 10_000, 100_000, 120);
    Checker checker = new Checker(PROGRAM, SEED);
    try (StreamsRun run = new StreamsRun(PROGRAM, SETTINGS, stateDir)) {
      pipeAndCheck(run, inputs, checker);
      checker.finish();
      assertSameState(run, checker.direct());
    }

    assertThat(checker.activities + checker.rejected).isEqualTo(100_000);
    assertThat(checker.replays).as("replays").isGreaterThan(1_000);
    assertThat(checker.rejected).as("rejected records").isGreaterThan(1_000);
    assertThat(checker.advances).as("advances by the punctuator").isGreaterThan(10_000);
    assertThat(checker.expiries).as("expiries").isGreaterThan(1_000);
    assertThat(checker.tierChanges).as("tier changes").isGreaterThan(100);
    assertThat(checker.direct().state().budgetSpent(BudgetId.of("spring-campaign")))
        .as("the campaign budget, shared by every member, is used up exactly")
        .isEqualTo(150_000);
  }

  @Test
  void timeMovesTheSameWithOrWithoutThePunctuator() {
    List<Input> inputs = ActivityStream.generate(SEED + 1, 500, 5_000, 120);
    Checker checker = new Checker(PROGRAM, SEED);
    DirectRun withoutAdvances = new DirectRun(PROGRAM, SEED);
    try (StreamsRun run = new StreamsRun(PROGRAM, SETTINGS, stateDir)) {
      pipeAndCheck(run, inputs, checker);
      checker.finish();
    }
    inputs.forEach(input -> withoutAdvances.decide(input.activity()));

    Instant end = ActivityStream.START.plus(Duration.ofDays(200));
    assertThat(checker.advances).isPositive();
    checker.direct().members().forEach((member, state) ->
        assertThat(StateJson.write(PROGRAM.advance(checker.direct().state(), state, end).member()))
            .as("member %s", member)
            .isEqualTo(StateJson.write(PROGRAM.advance(withoutAdvances.state(),
                withoutAdvances.member(member), end).member())));
    assertThat(checker.direct().state()).isEqualTo(withoutAdvances.state());
  }

  @Test
  void aReplayedRecordChangesNothing() {
    MemberId ana = MemberId.of("ana");
    Instant monday = Instant.parse("2026-03-02T09:00:00Z");
    Purchase purchase = Purchase.builder(ActivityId.of("ana-1"), monday)
        .line(PurchaseLine.of("l1", "bread", "bakery", 2, Money.of("40.00", "USD"))).build();
    Input first = input(ana, purchase, monday);
    try (StreamsRun run = new StreamsRun(PROGRAM, SETTINGS, stateDir)) {
      run.pipe(first);
      StreamsRun.Outputs decided = run.drain();
      String stored = run.members().get("ana");
      String state = run.programStateView(PROGRAM_ID);

      run.pipe(new Input("ana", first.json(), monday.plusSeconds(60).toEpochMilli(),
          first.activity()));
      StreamsRun.Outputs replayed = run.drain();

      Decision original = StateJson.readDecision(decided.decisions().get(0).value);
      assertThat(original.replay()).isFalse();
      assertThat(original.member().pending(POINTS)).isEqualTo(80 + 25);
      assertThat(original.programStateChanges()).isNotEmpty();
      assertThat(replayed.decisions()).hasSize(1);
      Decision replay = StateJson.readDecision(replayed.decisions().get(0).value);
      assertThat(replay.replay()).isTrue();
      assertThat(replay.effects()).isEmpty();
      assertThat(replay.postings()).isEmpty();
      assertThat(replay.programStateChanges()).isEmpty();
      assertThat(replay.member()).isEqualTo(original.member());
      assertThat(run.members().get("ana")).isEqualTo(stored);
      assertThat(run.programStateView(PROGRAM_ID)).isEqualTo(state);
      assertThat(replayed.rejections()).isEmpty();
    }
  }

  @Test
  void aRestartedInstanceContinuesFromTheRestoredStores(@TempDir Path secondDir) {
    List<Input> inputs = ActivityStream.generate(SEED + 2, 2_000, 20_000, 120);
    int half = inputs.size() / 2;
    Checker checker = new Checker(PROGRAM, SEED);
    StreamsRun first = new StreamsRun(PROGRAM, SETTINGS, stateDir);
    pipeAndCheck(first, inputs.subList(0, half), checker);
    first.close();

    try (StreamsRun second = first.restart(PROGRAM, SETTINGS, secondDir)) {
      Input last = inputs.get(half - 1);
      String before = second.members().get(last.member());
      assertThat(before).as("the restored state of %s", last.member()).isNotNull();

      checker.pipeAndCheck(second, last);
      assertThat(checker.last().replay())
          .as("the last record before the restart, sent again after it, is a replay").isTrue();
      assertThat(checker.last().member()).isEqualTo(StateJson.readMember(before));

      pipeAndCheck(second, inputs.subList(half, inputs.size()), checker);
      checker.finish();
      assertSameState(second, checker.direct());
    }
    assertThat(checker.activities + checker.rejected).isEqualTo(inputs.size() + 1);
  }

  @Test
  void quietMembersAreAdvancedWhenTheirPointsExpire() {
    MemberId quiet = MemberId.of("quiet");
    Instant day1 = Instant.parse("2026-03-02T09:00:00Z");
    Purchase purchase = Purchase.builder(ActivityId.of("quiet-1"), day1)
        .line(PurchaseLine.of("l1", "soap", "household", 1, Money.of("30.00", "USD"))).build();
    try (StreamsRun run = new StreamsRun(PROGRAM, SETTINGS, stateDir)) {
      run.pipe(input(quiet, purchase, day1));
      assertThat(run.drain().decisions()).hasSize(1);
      List<Decision> advances = new ArrayList<>();
      for (int day = 1; day <= 50; day++) {
        Instant at = day1.plus(Duration.ofDays(day));
        Purchase other = Purchase.builder(ActivityId.of("busy-" + day), at)
            .line(PurchaseLine.of("l1", "tea", "drinks", 1, Money.of("3.00", "USD"))).build();
        run.pipe(input(MemberId.of("busy"), other, at));
        run.drain().decisions().stream()
            .filter(kv -> kv.key.equals("quiet"))
            .map(kv -> StateJson.readDecision(kv.value))
            .forEach(advances::add);
      }

      assertThat(advances).extracting(d -> d.activity().isPresent()).containsOnly(false);
      assertThat(advances).flatExtracting(Decision::effects)
          .hasAtLeastOneElementOfType(Effect.PointsExpired.class);
      Decision expiry = advances.stream()
          .filter(d -> !d.effects(Effect.PointsExpired.class).isEmpty()).findFirst().orElseThrow();
      assertThat(expiry.effects(Effect.PointsExpired.class).get(0).points()).isEqualTo(30);
      Member stored = StateJson.readMember(run.members().get("quiet"));
      assertThat(stored.asOf()).isEqualTo(expiry.at());
      assertThat(stored.available(POINTS)).isZero();
    }
  }

  @Test
  void aRecordTheLibraryRejectsGoesToRejectionsAndChangesNothing() {
    MemberId bo = MemberId.of("bo");
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    try (StreamsRun run = new StreamsRun(PROGRAM, SETTINGS, stateDir)) {
      run.pipe(input(bo, RedeemReward.of(ActivityId.of("bo-1"), at, RewardId.of("coffee")), at));
      run.pipe(new Input("bo", "{\"format\":\"example-activity/1\"}", at.toEpochMilli(), null));
      run.pipe(new Input("someone-else", input(bo, Purchase.builder(ActivityId.of("bo-2"), at)
          .line(PurchaseLine.of("l1", "tea", "drinks", 1, Money.of("3.00", "USD"))).build(), at)
          .json(), at.toEpochMilli(), null));
      StreamsRun.Outputs out = run.drain();

      assertThat(out.decisions()).isEmpty();
      assertThat(out.rejections()).extracting(kv -> kv.value)
          .satisfiesExactly(
              r -> assertThat(r).contains("\"error\":\"InsufficientPointsException\""),
              r -> assertThat(r).contains("activity document: type must be text, was null"),
              r -> assertThat(r).contains("record key 'someone-else' is not the activity's"));
      assertThat(run.members().get("bo")).isNull();
    }
  }

  @Test
  void theTopologyRunsExactlyOnce() {
    assertThat(LoyaltyTopology.config("app", "broker:9092"))
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
  }

  private static Input input(MemberId member, org.loyaltyrules.core.activity.Activity activity,
      Instant at) {
    return new Input(member.value(), ActivityJson.write(member, activity), at.toEpochMilli(),
        new MemberActivity(member, activity));
  }

  /** Sends the inputs one by one, checking each one's output against the direct call. */
  private static void pipeAndCheck(StreamsRun run, List<Input> inputs, Checker checker) {
    inputs.forEach(input -> checker.pipeAndCheck(run, input));
  }

  /** The stores hold exactly the states the direct calls arrived at. */
  private static void assertSameState(StreamsRun run, DirectRun direct) {
    Map<String, String> stored = new TreeMap<>();
    KeyValueStore<String, String> members = run.members();
    try (KeyValueIterator<String, String> all = members.all()) {
      all.forEachRemaining((KeyValue<String, String> kv) -> stored.put(kv.key, kv.value));
    }
    Map<String, String> expected = new TreeMap<>();
    direct.members().forEach((id, member) -> expected.put(id.value(), StateJson.write(member)));
    assertThat(stored.keySet()).isEqualTo(expected.keySet());
    expected.forEach((id, json) -> assertThat(stored.get(id)).as("member %s", id).isEqualTo(json));
    String state = StateJson.write(direct.state());
    assertThat(run.programState(PROGRAM_ID)).isEqualTo(state);
    assertThat(run.programStateView(PROGRAM_ID)).isEqualTo(state);
  }
}
