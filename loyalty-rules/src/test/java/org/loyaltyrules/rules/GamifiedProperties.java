package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Draw;
import org.loyaltyrules.core.program.EntryTrigger;
import org.loyaltyrules.core.program.GamePrize;
import org.loyaltyrules.core.program.InstantWinGame;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Prize;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.rules.config.StateJson;

/**
 * Invariants of draws and instant-win games over random entries, prizes, seeds and plays:
 *
 * <ul>
 *   <li>a draw never awards more prizes than it declares, nor more than there are entrants, and
 *       never picks a member twice; each winner held entries; every ticket is in its pool; the
 *       changes consume every entry and count exactly the prizes won; the same seed picks the
 *       same winners;
 *   <li>over any sequence of plays by several members, each prize's count in the program-level
 *       state never exceeds its stock, and a play wins only while stock is left;
 *   <li>over any sequence of purchases, full returns and runs of a draw, every-time or
 *       once-a-day, the entries a member holds are exactly those of the purchases made since
 *       the last run and not returned: a return never takes entries already drawn, nor entries
 *       of another purchase, and a returned purchase frees its day for the next one; the state
 *       and every draw result round-trip through their JSON form.
 * </ul>
 */
class GamifiedProperties {
  private static final int EXAMPLES = 200;
  private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
  private static final Instant AT = Instant.parse("2026-07-01T03:00:00Z");
  private static final DrawId DRAW = DrawId.of("draw");
  private static final ProgramState EMPTY = ProgramState.initial(Money.currency("KRW"));

  private static Program.Builder program() {
    return Program.builder(ProgramId.of("p"), Money.currency("KRW"), ZONE)
        .unit(PointUnit.redeemable("points", "Points"));
  }

  @Test
  void aDrawAwardsAtMostItsPrizesToDistinctEntrantsAndConsumesEveryEntry() {
    qt().withExamples(EXAMPLES).forAll(lists().of(integers().between(1, 20)).ofSizeBetween(0, 25),
        lists().of(integers().between(1, 4)).ofSizeBetween(1, 4), longs().all())
        .checkAssert((entries, quantities, seed) -> {
          List<Prize> prizes = new ArrayList<>();
          for (int i = 0; i < quantities.size(); i++) {
            prizes.add(Prize.of("prize-" + i, "Prize " + i, quantities.get(i)));
          }
          Draw draw = new Draw(DRAW, "Draw", List.of(EntryTrigger.event(EngagementType.CHECK_IN)),
              1, Frequency.EVERY_TIME, Optional.empty(), prizes);
          CompiledProgram compiled = LoyaltyRules.compile(program().draw(draw).build());
          List<ProgramStateChange> entered = new ArrayList<>();
          for (int i = 0; i < entries.size(); i++) {
            entered.add(new ProgramStateChange.DrawEntered(DRAW, MemberId.of("m-" + i),
                entries.get(i)));
          }
          ProgramState state = EMPTY.apply(entered);

          DrawResult result = compiled.runDraw(state, DRAW, AT, new SplittableRandom(seed));

          long declared = quantities.stream().mapToLong(Integer::longValue).sum();
          assertThat(result.winners()).hasSize((int) Math.min(declared, entries.size()));
          Set<MemberId> winners = new HashSet<>();
          for (DrawResult.Winner w : result.winners()) {
            assertThat(winners.add(w.member())).as("%s wins once", w.member()).isTrue();
            assertThat(state.drawEntries(DRAW)).containsKey(w.member());
            assertThat(w.ticket()).isLessThan(w.pool());
          }
          ProgramState after = state.apply(result.changes());
          assertThat(after.drawEntries(DRAW)).isEmpty();
          assertThat(after.drawRuns(DRAW)).isEqualTo(1);
          assertThat(StateJson.readDrawResult(StateJson.write(result))).isEqualTo(result);
          assertThat(after.prizesAwarded(DRAW)).isEqualTo(result.winners().size());
          for (int i = 0; i < quantities.size(); i++) {
            assertThat(after.prizesAwarded(DRAW, PrizeId.of("prize-" + i)))
                .isLessThanOrEqualTo(quantities.get(i));
          }
          assertThat(compiled.runDraw(state, DRAW, AT, new SplittableRandom(seed)))
              .isEqualTo(result);
        });
  }

  @Test
  void prizeStockNeverRunsOutBelowZeroOverAnySequenceOfPlays() {
    qt().withExamples(EXAMPLES).forAll(lists().of(integers().between(1, 100)).ofSizeBetween(1, 3),
        lists().of(integers().between(1, 4)).ofSizeBetween(3, 3),
        lists().of(integers().between(0, 3)).ofSizeBetween(1, 40), longs().all())
        .checkAssert((percents, stocks, players, seed) -> {
          List<GamePrize> prizes = new ArrayList<>();
          int left = 100;
          for (int i = 0; i < percents.size() && left > 0; i++) {
            int percent = Math.min(percents.get(i), left);
            left -= percent;
            prizes.add(new GamePrize(PrizeId.of("prize-" + i), "Prize " + i,
                BigDecimal.valueOf(percent, 2), stocks.get(i), Optional.empty()));
          }
          InstantWinGame game = new InstantWinGame(DRAW, "Game",
              List.of(EntryTrigger.event(EngagementType.CHECK_IN)), Frequency.EVERY_TIME,
              Optional.empty(), prizes, Optional.of("a property test"));
          CompiledProgram compiled = LoyaltyRules.compile(program().game(game).build());
          Member[] members = new Member[4];
          for (int m = 0; m < members.length; m++) {
            members[m] = Member.enroll(MemberId.of("m-" + m), AT);
          }
          ProgramState state = EMPTY;
          SplittableRandom random = new SplittableRandom(seed);
          for (int i = 0; i < players.size(); i++) {
            int m = players.get(i);
            Decision d = compiled.decide(state, members[m],
                EngagementEvent.of(ActivityId.of("e-" + i), AT, EngagementType.CHECK_IN), AT,
                random);
            ProgramState before = state;
            state = state.apply(d.programStateChanges());
            members[m] = d.member();
            for (ProgramStateChange change : d.programStateChanges()) {
              ProgramStateChange.PrizeAwarded won = (ProgramStateChange.PrizeAwarded) change;
              GamePrize prize = prizes.stream().filter(p -> p.id().equals(won.prize()))
                  .findFirst().orElseThrow();
              assertThat(before.prizesAwarded(DRAW, prize.id())).isLessThan(prize.stock());
            }
          }
          for (GamePrize prize : prizes) {
            assertThat(state.prizesAwarded(DRAW, prize.id())).isBetween(0L, prize.stock());
          }
          for (Map.Entry<DrawId, Map<PrizeId, Long>> e : state.prizesAwarded().entrySet()) {
            assertThat(e.getKey()).isEqualTo(DRAW);
          }
        });
  }

  @Test
  void aMemberHoldsExactlyTheEntriesOfPurchasesSinceTheLastRunThatWereNotReturned() {
    // Steps: 0-3 buy (twice as likely), 4-5 return a purchase still held (the one at that
    // position among them, counted from a step-dependent offset), 6 run the draw.
    qt().withExamples(EXAMPLES).forAll(lists().of(integers().between(0, 6)).ofSizeBetween(1, 40),
        integers().between(0, 1), longs().all())
        .checkAssert((steps, daily, seed) -> {
          Frequency frequency = daily == 1 ? Frequency.ONCE_PER_DAY : Frequency.EVERY_TIME;
          Draw draw = new Draw(DRAW, "Draw",
              List.of(EntryTrigger.purchase(Money.of("25", "KRW"))), 3, frequency,
              Optional.empty(), List.of(Prize.of("prize", "Prize", 1)));
          CompiledProgram compiled = LoyaltyRules.compile(program().draw(draw).build());
          MemberId ana = MemberId.of("ana");
          Member member = Member.enroll(ana, AT);
          ProgramState state = EMPTY;
          SplittableRandom random = new SplittableRandom(seed);
          List<Purchase> kept = new ArrayList<>();
          Map<ActivityId, Long> runOf = new java.util.HashMap<>();
          Map<java.time.LocalDate, ActivityId> claimedBy = new java.util.HashMap<>();
          for (int i = 0; i < steps.size(); i++) {
            int step = steps.get(i);
            Instant at = AT.plus(java.time.Duration.ofHours(5L * i));
            java.time.LocalDate day = at.atZone(ZONE).toLocalDate();
            if (step == 6) {
              DrawResult result = compiled.runDraw(state, DRAW, at, random);
              assertThat(StateJson.readDrawResult(StateJson.write(result))).isEqualTo(result);
              state = state.apply(result.changes());
              continue;
            }
            Decision d;
            if (step <= 3 || kept.isEmpty()) {
              Purchase p = Purchase.builder(ActivityId.of("p-" + i), at)
                  .line(PurchaseLine.of("l1", "mug", "goods", 1, Money.of("30", "KRW")))
                  .build();
              d = compiled.decide(state, member, p, at, random);
              boolean earns = frequency == Frequency.EVERY_TIME || !claimedBy.containsKey(day);
              assertThat(d.programStateChanges()).as("step %s earns", i).hasSize(earns ? 1 : 0);
              if (earns) {
                runOf.put(p.id(), state.drawRuns(DRAW) + 1);
                claimedBy.put(day, p.id());
              }
              kept.add(p);
            } else {
              Purchase p = kept.remove((step + i) % kept.size());
              d = compiled.decide(state, member, Return.ofWholeLines(ActivityId.of("r-" + i),
                  at, p, List.of(LineId.of("l1"))), at, random);
              Long run = runOf.remove(p.id());
              boolean pending = run != null && run > state.drawRuns(DRAW);
              assertThat(d.programStateChanges()).as("step %s withdraws", i)
                  .isEqualTo(pending ? List.of(new ProgramStateChange.DrawEntered(DRAW, ana, -3))
                      : List.of());
              if (pending) {
                claimedBy.values().remove(p.id());
              }
            }
            assertThat(d.isRefused()).as("%s", d.errors()).isFalse();
            member = d.member();
            state = state.apply(d.programStateChanges());
            long runs = state.drawRuns(DRAW);
            long expected = 3 * runOf.values().stream().filter(r -> r > runs).count();
            assertThat(state.drawEntries(DRAW).getOrDefault(ana, 0L)).as("after step %s", i)
                .isEqualTo(expected);
            assertThat(StateJson.readProgramState(StateJson.write(state))).isEqualTo(state);
          }
        });
  }
}
