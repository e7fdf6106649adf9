package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.rules.config.ProgramFiles;

/**
 * Sweepstakes entries earned and withdrawn in decisions, and draws run over the program-level
 * state, with numbers worked by hand: Swarm Perks' weekly draw, entered by check-ins at
 * participating places (once a day) and by purchases of at least $25 (3 entries).
 */
class SweepstakesTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final DrawId WEEKLY = DrawId.of("weekly");
  private static final DrawId SPEND = DrawId.of("spend");
  private static final MemberId ANA = MemberId.of("ana");
  private static final ProgramState EMPTY = ProgramState.initial(Money.currency("USD"));

  static final String YAML = """
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
              attributes: {participating: [yes]}
          frequency: once-per-day
          window: {from: 2026-03-02, until: 2026-03-30}
          prizes:
            - {id: trip, name: A weekend in Lisbon, quantity: 1}
            - {id: spa, name: A spa day, quantity: 2}
            - {id: shopping, name: $100 to spend, quantity: 1, grant: {voucher: 100}}
        - id: spend
          name: Shoppers' draw
          earnedBy:
            - minimumSpend: 25
          entries: 3
          prizes:
            - {id: bonus, name: 500 coins, quantity: 1, grant: {points: 500, unit: coins}}
      """;

  static final CompiledProgram SWARM = LoyaltyRules.compile(
      ProgramFiles.read(YAML, ProgramFiles.Syntax.YAML).program());

  private static Instant at(int day, int hour) {
    return LocalDateTime.of(2026, 3, day, hour, 0).atZone(ZONE).toInstant();
  }

  private static EngagementEvent checkIn(String id, Instant at, String participating) {
    return EngagementEvent.of(ActivityId.of(id), at, EngagementType.CHECK_IN)
        .withAttribute("place", "blue-bottle").withAttribute("participating", participating);
  }

  private static Decision decide(ProgramState state, Member member,
      org.loyaltyrules.core.activity.Activity activity) {
    Decision d = SWARM.decide(state, member, activity, activity.occurredAt(),
        new SplittableRandom(7));
    assertThat(d.isRefused()).as("%s", d.errors()).isFalse();
    return d;
  }

  private static List<String> notes(Decision d, DrawId draw) {
    return d.trace().stream().filter(t -> t.rule().value().equals("draw/" + draw))
        .map(TraceEntry::note).toList();
  }

  @Test
  void aParticipatingCheckInEarnsAnEntryOnceADayInsideTheWindow() {
    Member ana = Member.enroll(ANA, at(1, 9));

    Decision first = decide(EMPTY, ana, checkIn("c-1", at(3, 10), "yes"));
    assertThat(first.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(WEEKLY, ANA, 1));
    assertThat(first.effects()).contains(new Effect.DrawEntriesEarned(WEEKLY, 1));
    assertThat(notes(first, WEEKLY)).containsExactly("1 entry in draw weekly");
    ProgramState state = EMPTY.apply(first.programStateChanges());

    Decision again = decide(state, first.member(), checkIn("c-2", at(3, 18), "yes"));
    assertThat(again.programStateChanges()).isEmpty();
    assertThat(notes(again, WEEKLY)).containsExactly("weekly already earned once per day");

    Decision elsewhere = decide(state, again.member(), checkIn("c-3", at(4, 9), "no"));
    assertThat(elsewhere.programStateChanges()).isEmpty();
    assertThat(notes(elsewhere, WEEKLY)).as("not a participating place").isEmpty();

    Decision nextDay = decide(state, elsewhere.member(), checkIn("c-4", at(4, 10), "yes"));
    state = state.apply(nextDay.programStateChanges());
    assertThat(state.drawEntries(WEEKLY)).containsExactly(Map.entry(ANA, 2L));

    Decision late = decide(state, nextDay.member(), checkIn("c-5", at(30, 10), "yes"));
    assertThat(late.programStateChanges()).isEmpty();
    assertThat(notes(late, WEEKLY)).containsExactly(
        "outside the window of weekly, from 2026-03-02T00:00 until 2026-03-30T00:00");
  }

  @Test
  void aPurchaseOfTheMinimumEarnsEntriesAndAReturnBelowItWithdrawsThem() {
    Member ana = Member.enroll(ANA, at(1, 9));
    Purchase order = Purchase.builder(ActivityId.of("p-1"), at(5, 12))
        .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("20.00", "USD")))
        .line(PurchaseLine.of("l2", "tea", "goods", 1, Money.of("10.00", "USD"))).build();
    Purchase small = Purchase.builder(ActivityId.of("p-2"), at(5, 13))
        .line(PurchaseLine.of("l1", "tea", "goods", 1, Money.of("24.99", "USD"))).build();

    Decision bought = decide(EMPTY, ana, order);
    assertThat(bought.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(SPEND, ANA, 3));
    assertThat(bought.effects()).contains(new Effect.DrawEntriesEarned(SPEND, 3));
    ProgramState state = EMPTY.apply(bought.programStateChanges());
    Decision under = decide(state, bought.member(), small);
    assertThat(under.programStateChanges()).as("$24.99 is below $25").isEmpty();

    // Returning the tea leaves $20, below the minimum: the 3 entries go.
    Decision returned = decide(state, under.member(), Return.ofWholeLines(
        ActivityId.of("r-1"), at(6, 9), order, List.of(LineId.of("l2"))));
    assertThat(returned.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(SPEND, ANA, -3));
    assertThat(returned.effects()).contains(new Effect.DrawEntriesWithdrawn(SPEND, 3));
    assertThat(notes(returned, SPEND)).containsExactly("return r-1 leaves USD 20.00 of purchase p-1, "
        + "below the minimum spend: 3 of the 3 entries it earned in draw spend withdrawn");
    assertThat(state.apply(returned.programStateChanges()).drawEntries(SPEND)).isEmpty();
  }

  @Test
  void aReturnWithdrawsNoMoreThanTheMemberStillHoldsAndNothingWhileTheMinimumIsMet() {
    Member ana = Member.enroll(ANA, at(1, 9));
    Purchase order = Purchase.builder(ActivityId.of("p-1"), at(5, 12))
        .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("20.00", "USD")))
        .line(PurchaseLine.of("l2", "tea", "goods", 1, Money.of("6.00", "USD")))
        .line(PurchaseLine.of("l3", "pen", "goods", 1, Money.of("1.00", "USD"))).build();
    Decision bought = decide(EMPTY, ana, order);
    ProgramState state = EMPTY.apply(bought.programStateChanges());

    Decision pen = decide(state, bought.member(), Return.ofWholeLines(ActivityId.of("r-1"),
        at(6, 9), order, List.of(LineId.of("l3"))));
    assertThat(pen.programStateChanges()).as("$26 still meets $25").isEmpty();

    // The draw ran in between and consumed the entries: the return withdraws none.
    DrawResult drawn = SWARM.runDraw(state, SPEND, at(6, 20), new SplittableRandom(1));
    state = state.apply(drawn.changes());
    Decision tea = decide(state, pen.member(), Return.ofWholeLines(ActivityId.of("r-2"),
        at(7, 9), order, List.of(LineId.of("l2"))));
    assertThat(tea.programStateChanges()).isEmpty();
    assertThat(tea.effects()).noneMatch(e -> e instanceof Effect.DrawEntriesWithdrawn);
    assertThat(notes(tea, SPEND)).containsExactly("return r-2 leaves USD 20.00 of purchase p-1, "
        + "below the minimum spend: the 3 entries it earned in draw spend were in run 1, "
        + "already drawn (the draw has run once): none withdrawn");
  }

  @Test
  void aReturnAfterTheDrawDoesNotTakeTheNextRunsEntries() {
    Member ana = Member.enroll(ANA, at(1, 9));
    Purchase first = Purchase.builder(ActivityId.of("p-1"), at(2, 9))
        .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30.00", "USD"))).build();
    Decision d1 = decide(EMPTY, ana, first);
    assertThat(d1.member().progress()).containsEntry("draw/spend/purchase/p-1/DAY/2026-03-02",
        new java.math.BigDecimal("3")).containsEntry(
            "draw/spend/purchase-run/p-1/DAY/2026-03-02", java.math.BigDecimal.ONE);
    ProgramState state = EMPTY.apply(d1.programStateChanges());

    // The host runs the draw: p-1's 3 entries are in run 1, and every entry is consumed.
    DrawResult drawn = SWARM.runDraw(state, SPEND, at(8, 20), new SplittableRandom(3));
    assertThat(drawn.changes()).startsWith(new ProgramStateChange.DrawRun(SPEND, 1));
    state = state.apply(drawn.changes());
    assertThat(state.drawEntries(SPEND)).isEmpty();
    assertThat(state.drawRuns(SPEND)).isEqualTo(1);

    // p-2, after the draw, earns 3 entries for run 2.
    Purchase second = Purchase.builder(ActivityId.of("p-2"), at(9, 9))
        .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30.00", "USD"))).build();
    Decision d2 = decide(state, d1.member(), second);
    assertThat(d2.member().progress()).containsEntry(
        "draw/spend/purchase-run/p-2/DAY/2026-03-09", new java.math.BigDecimal("2"));
    state = state.apply(d2.programStateChanges());
    assertThat(state.drawEntries(SPEND)).containsExactly(Map.entry(ANA, 3L));

    // Returning p-1, already drawn, leaves p-2's entries alone.
    Decision r1 = decide(state, d2.member(), Return.ofWholeLines(ActivityId.of("r-1"),
        at(10, 9), first, List.of(LineId.of("l1"))));
    assertThat(r1.programStateChanges()).isEmpty();
    assertThat(r1.effects()).noneMatch(e -> e instanceof Effect.DrawEntriesWithdrawn);
    assertThat(notes(r1, SPEND)).containsExactly("return r-1 leaves USD 0.00 of purchase p-1, "
        + "below the minimum spend: the 3 entries it earned in draw spend were in run 1, "
        + "already drawn (the draw has run once): none withdrawn");
    assertThat(r1.member().progress()).doesNotContainKeys(
        "draw/spend/purchase/p-1/DAY/2026-03-02", "draw/spend/purchase-run/p-1/DAY/2026-03-02");
    state = state.apply(r1.programStateChanges());
    assertThat(state.drawEntries(SPEND)).containsExactly(Map.entry(ANA, 3L));

    // Returning p-2, not yet drawn, withdraws its own 3.
    Decision r2 = decide(state, r1.member(), Return.ofWholeLines(ActivityId.of("r-2"),
        at(10, 10), second, List.of(LineId.of("l1"))));
    assertThat(r2.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(SPEND, ANA, -3));
    assertThat(state.apply(r2.programStateChanges()).drawEntries(SPEND)).isEmpty();
  }

  @Test
  void aFullReturnReleasesTheDayItClaimedSoTheNextPurchaseThatDayEarns() {
    CompiledProgram daily = LoyaltyRules.compile(ProgramFiles.read(
        YAML.replace("entries: 3", "entries: 3\n    frequency: once-per-day"),
        ProgramFiles.Syntax.YAML).program());
    Member ana = Member.enroll(ANA, at(1, 9));
    Purchase first = Purchase.builder(ActivityId.of("p-1"), at(2, 9))
        .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30.00", "USD"))).build();
    Decision d = daily.decide(EMPTY, ana, first, at(2, 9), new SplittableRandom(1));
    ProgramState state = EMPTY.apply(d.programStateChanges());
    assertThat(d.member().progress()).containsKey("draw/spend/ONCE_PER_DAY/2026-03-02");

    d = daily.decide(state, d.member(), Return.ofWholeLines(ActivityId.of("r-1"), at(2, 10),
        first, List.of(LineId.of("l1"))), at(2, 10), new SplittableRandom(1));
    assertThat(d.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(SPEND, ANA, -3));
    assertThat(notes(d, SPEND)).containsExactly("return r-1 leaves USD 0.00 of purchase p-1, below "
        + "the minimum spend: 3 of the 3 entries it earned in draw spend withdrawn; the period "
        + "it claimed (once-per-day, 2026-03-02) is released");
    assertThat(d.member().progress()).doesNotContainKey("draw/spend/ONCE_PER_DAY/2026-03-02");
    state = state.apply(d.programStateChanges());

    Purchase again = Purchase.builder(ActivityId.of("p-2"), at(2, 11))
        .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30.00", "USD"))).build();
    d = daily.decide(state, d.member(), again, at(2, 11), new SplittableRandom(1));
    assertThat(d.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(SPEND, ANA, 3));
    state = state.apply(d.programStateChanges());
    assertThat(state.drawEntries(SPEND)).containsExactly(Map.entry(ANA, 3L));

    // The third purchase that day still earns nothing: p-2 holds the day.
    Decision third = daily.decide(state, d.member(), Purchase.builder(ActivityId.of("p-3"),
            at(2, 12)).line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30.00", "USD")))
        .build(), at(2, 12), new SplittableRandom(1));
    assertThat(third.programStateChanges()).isEmpty();
  }

  @Test
  void aReturnOfEntriesAlreadyDrawnKeepsTheDayClaimed() {
    CompiledProgram daily = LoyaltyRules.compile(ProgramFiles.read(
        YAML.replace("entries: 3", "entries: 3\n    frequency: once-per-day"),
        ProgramFiles.Syntax.YAML).program());
    Member ana = Member.enroll(ANA, at(1, 9));
    Purchase first = Purchase.builder(ActivityId.of("p-1"), at(2, 9))
        .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30.00", "USD"))).build();
    Decision d = daily.decide(EMPTY, ana, first, at(2, 9), new SplittableRandom(1));
    ProgramState state = EMPTY.apply(d.programStateChanges());
    state = state.apply(daily.runDraw(state, SPEND, at(2, 10), new SplittableRandom(1))
        .changes());

    d = daily.decide(state, d.member(), Return.ofWholeLines(ActivityId.of("r-1"), at(2, 11),
        first, List.of(LineId.of("l1"))), at(2, 11), new SplittableRandom(1));
    assertThat(d.programStateChanges()).isEmpty();
    assertThat(d.member().progress()).containsKey("draw/spend/ONCE_PER_DAY/2026-03-02");
    Decision again = daily.decide(state, d.member(), Purchase.builder(ActivityId.of("p-2"),
            at(2, 12)).line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30.00", "USD")))
        .build(), at(2, 12), new SplittableRandom(1));
    assertThat(again.programStateChanges()).as("the drawn entries used the day").isEmpty();
  }

  @Test
  void aDrawResultIsAppliedOnceAndOnlyToTheStateItWasDrawnFrom() {
    ProgramState state = fiveEntrants();
    DrawResult result = SWARM.runDraw(state, WEEKLY, at(29, 20), new SplittableRandom(4));
    ProgramState after = state.apply(result.changes());
    assertThat(after.drawRuns(WEEKLY)).isEqualTo(1);
    assertThat(after.drawRuns()).containsExactly(Map.entry(WEEKLY, 1L));
    assertThat(after.drawRuns(SPEND)).isZero();

    ProgramState refilled = after.apply(List.of(new ProgramStateChange.DrawEntered(WEEKLY, ANA,
        5)));
    assertThatThrownBy(() -> refilled.apply(result.changes()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DrawRun[draw=weekly, run=1]")
        .hasMessageContaining("the draw has run once, so its next run is 2");

    DrawResult next = SWARM.runDraw(refilled, WEEKLY, at(29, 21), new SplittableRandom(4));
    assertThat(next.changes()).startsWith(new ProgramStateChange.DrawRun(WEEKLY, 2));
    assertThat(refilled.apply(next.changes()).drawRuns(WEEKLY)).isEqualTo(2);
  }

  /** Ana 3 entries, Bo 1, Cy 5, Di 2, Ed 1: twelve tickets, 0-2 Ana's, 3 Bo's, 4-8 Cy's... */
  private static ProgramState fiveEntrants() {
    Map<MemberId, Long> entries = new LinkedHashMap<>();
    entries.put(MemberId.of("ed"), 1L);
    entries.put(MemberId.of("ana"), 3L);
    entries.put(MemberId.of("cy"), 5L);
    entries.put(MemberId.of("bo"), 1L);
    entries.put(MemberId.of("di"), 2L);
    List<ProgramStateChange> changes = new ArrayList<>();
    entries.forEach((m, n) -> changes.add(new ProgramStateChange.DrawEntered(WEEKLY, m, n)));
    return EMPTY.apply(changes);
  }

  @Test
  void aDrawWithAFixedSeedPicksTheSameWinnersOnEveryRunAndRecordsTheSeed() {
    ProgramState state = fiveEntrants();

    DrawResult first = SWARM.runDraw(state, WEEKLY, at(29, 20), new SplittableRandom(2026));
    DrawResult second = SWARM.runDraw(state, WEEKLY, at(29, 20), new SplittableRandom(2026));

    assertThat(second).isEqualTo(first);
    assertThat(first.seed()).isEqualTo(new SplittableRandom(2026).nextLong());
    assertThat(first.entrants()).isEqualTo(5);
    assertThat(first.entries()).isEqualTo(12);
    assertThat(first.winners()).extracting(DrawResult.Winner::prize).containsExactly(
        PrizeId.of("trip"), PrizeId.of("spa"), PrizeId.of("spa"), PrizeId.of("shopping"));
    assertThat(first.winners()).extracting(DrawResult.Winner::member).doesNotHaveDuplicates();
    assertThat(first.winners().get(0).pool()).isEqualTo(12);
    // Another seed draws another order (for these two seeds, at least).
    assertThat(SWARM.runDraw(state, WEEKLY, at(29, 20), new SplittableRandom(2027)).winners())
        .isNotEqualTo(first.winners());

    ProgramState after = state.apply(first.changes());
    assertThat(after.drawEntries(WEEKLY)).as("every entry consumed").isEmpty();
    assertThat(after.prizesAwarded(WEEKLY, PrizeId.of("spa"))).isEqualTo(2);
    assertThat(after.prizesAwarded(WEEKLY)).isEqualTo(4);
  }

  @Test
  void anAuditorRecomputesEveryWinnerFromTheRecordedSeed() {
    ProgramState state = fiveEntrants();
    DrawResult result = SWARM.runDraw(state, WEEKLY, at(29, 20), new SplittableRandom(99));

    // The pool in member-id order: ana 0-2, bo 3, cy 4-8, di 9-10, ed 11.
    Map<MemberId, Long> pool = new TreeMap<>(state.drawEntries(WEEKLY));
    long tickets = 12;
    for (int slot = 0; slot < result.winners().size(); slot++) {
      DrawResult.Winner w = result.winners().get(slot);
      long ticket = Long.remainderUnsigned(
          Chance.value(result.seed(), "weekly", "slot", Integer.toString(slot)), tickets);
      assertThat(w.ticket()).isEqualTo(ticket);
      assertThat(w.pool()).isEqualTo(tickets);
      long below = 0;
      MemberId holder = null;
      for (Map.Entry<MemberId, Long> e : pool.entrySet()) {
        if (ticket < below + e.getValue()) {
          holder = e.getKey();
          break;
        }
        below += e.getValue();
      }
      assertThat(w.member()).isEqualTo(holder);
      tickets -= pool.remove(holder);
    }
  }

  @Test
  void fewerEntrantsThanPrizesLeaveTheRestUnawardedAndNoEntrantsNoWinners() {
    ProgramState one = EMPTY.apply(List.of(new ProgramStateChange.DrawEntered(WEEKLY, ANA, 4)));

    DrawResult alone = SWARM.runDraw(one, WEEKLY, at(29, 20), new SplittableRandom(5));
    assertThat(alone.winners()).hasSize(1);
    assertThat(alone.winners().get(0).member()).isEqualTo(ANA);
    assertThat(alone.winners().get(0).prize()).isEqualTo(PrizeId.of("trip"));
    assertThat(alone.changes()).containsExactly(
        new ProgramStateChange.DrawRun(WEEKLY, 1),
        new ProgramStateChange.PrizeAwarded(WEEKLY, PrizeId.of("trip"), 1),
        new ProgramStateChange.DrawEntered(WEEKLY, ANA, -4));

    DrawResult none = SWARM.runDraw(EMPTY, WEEKLY, at(29, 20), new SplittableRandom(5));
    assertThat(none.winners()).isEmpty();
    assertThat(none.entrants()).isZero();
    assertThat(none.changes()).as("a run without entrants still counts")
        .containsExactly(new ProgramStateChange.DrawRun(WEEKLY, 1));
  }

  @Test
  void winnersArePickedInProportionToTheirEntries() {
    // Ana holds 9 of 10 tickets: she wins the first prize, the trip, about nine runs in ten.
    ProgramState state = EMPTY.apply(List.of(new ProgramStateChange.DrawEntered(WEEKLY, ANA, 9),
        new ProgramStateChange.DrawEntered(WEEKLY, MemberId.of("bo"), 1)));
    SplittableRandom random = new SplittableRandom(11);
    int ana = 0;
    int runs = 4_000;
    for (int i = 0; i < runs; i++) {
      DrawResult r = SWARM.runDraw(state, WEEKLY, at(29, 20), random);
      assertThat(r.winners()).hasSize(2);
      ana += r.winners().get(0).member().equals(ANA) ? 1 : 0;
    }
    assertThat(ana).isBetween(runs * 88 / 100, runs * 92 / 100);
  }

  @Test
  void anUnknownDrawIsAnErrorNamingTheDraws() {
    assertThatThrownBy(() -> SWARM.runDraw(EMPTY, DrawId.of("monthly"), at(29, 20),
            new SplittableRandom(1)))
        .isExactlyInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("monthly").hasMessageContaining("[weekly, spend]");
    assertThatThrownBy(() -> SWARM.runDraw(EMPTY, WEEKLY, at(29, 20), null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("random source must not be null");
    assertThatThrownBy(() -> SWARM.runDraw(ProgramState.initial(Money.currency("EUR")), WEEKLY,
            at(29, 20), new SplittableRandom(1)))
        .isInstanceOf(org.loyaltyrules.core.CurrencyMismatchException.class);
  }

  @Test
  void aScenarioExpectsTheEntriesTheMemberHolds() {
    String scenario = """
        format: loyalty-scenario/1
        name: weekly entries
        program: swarm.program.yaml
        seed: 42
        member: {id: ana, enrolled: 2026-03-01T08:00}
        steps:
          - at: 2026-03-03T10:00
            event: {id: c-1, type: check-in, attributes: {place: blue-bottle, participating: yes}}
            expect: {entries: {weekly: 1, spend: 0}, effects: {draw-entries-earned: 1}}
          - at: 2026-03-03T18:00
            event: {id: c-2, type: check-in, attributes: {participating: yes}}
            expect: {entries: {weekly: 1}}
          - at: 2026-03-04T09:00
            purchase:
              id: p-1
              lines: [{id: l1, category: goods, price: 30}]
            expect: {entries: {weekly: 1, spend: 3, monthly: 0}}
        """;
    org.loyaltyrules.rules.config.ScenarioResult result =
        org.loyaltyrules.rules.config.Scenarios.run(scenario,
            Map.of("swarm.program.yaml", YAML)::get);
    assertThat(result.problems()).isEmpty();
    assertThat(result.failures()).extracting(Object::toString).containsExactly(
        "step 3, steps[2].expect.entries.monthly: unknown draw 'monthly'; the program's draws "
            + "are [weekly, spend]");
  }
}
