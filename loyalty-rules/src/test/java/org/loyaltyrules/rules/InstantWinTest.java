package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.decision.TraceEntry;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.EntryTrigger;
import org.loyaltyrules.core.program.GamePrize;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.InstantWinGame;
import org.loyaltyrules.core.program.InvalidProgramException;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.rule.Frequency;

/**
 * Instant-win plays in decisions: declared odds met over many seeded plays, prize stock counted
 * in the program-level state, outcomes an auditor can recompute, and the 25 % rule.
 */
class InstantWinTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final DrawId SCRATCH = DrawId.of("scratch");
  private static final UnitId COINS = UnitId.of("coins");
  private static final ProgramState EMPTY = ProgramState.initial(Money.currency("EUR"));
  private static final Instant START = LocalDateTime.of(2026, 5, 1, 9, 0).atZone(ZONE)
      .toInstant();

  private static GamePrize prize(String id, String odds, long stock, Optional<Grant> grant) {
    return new GamePrize(PrizeId.of(id), id, new BigDecimal(odds), stock, grant);
  }

  private static InstantWinGame game(Frequency frequency, GamePrize... prizes) {
    return new InstantWinGame(SCRATCH, "Scratch card",
        List.of(EntryTrigger.event(EngagementType.CHECK_IN),
            EntryTrigger.purchase(Money.of("10", "EUR"))),
        frequency, Optional.empty(), List.of(prizes), Optional.empty());
  }

  private static Program.Builder program() {
    return Program.builder(ProgramId.of("cafe"), Money.currency("EUR"), ZONE)
        .unit(PointUnit.redeemable("coins", "Coins"));
  }

  private static CompiledProgram compile(InstantWinGame game) {
    return LoyaltyRules.compile(program().game(game).build());
  }

  private static EngagementEvent checkIn(int n) {
    return EngagementEvent.of(ActivityId.of("e-" + n), START, EngagementType.CHECK_IN);
  }

  private static Optional<PrizeId> won(Decision d) {
    return d.effects().stream().filter(e -> e instanceof Effect.InstantWinPlayed)
        .map(e -> ((Effect.InstantWinPlayed) e).prize()).findFirst().orElseThrow();
  }

  @Test
  void overAHundredThousandSeededPlaysTheWinRateIsWithinOnePointOfTheDeclaredOdds() {
    // 30 % to win: a coffee at 20 %, a cake at 10 %; stock enough for every play.
    CompiledProgram compiled = compile(game(Frequency.EVERY_TIME,
        prize("coffee", "0.2", 1_000_000, Optional.empty()),
        prize("cake", "0.1", 1_000_000, Optional.empty())));
    Member ana = Member.enroll(MemberId.of("ana"), START);
    SplittableRandom random = new SplittableRandom(20_260_501L);
    int plays = 100_000;
    int coffee = 0;
    int cake = 0;
    for (int i = 0; i < plays; i++) {
      Optional<PrizeId> prize = won(compiled.decide(EMPTY, ana, checkIn(i), START, random));
      if (prize.isPresent()) {
        if (prize.get().value().equals("coffee")) {
          coffee++;
        } else {
          cake++;
        }
      }
    }
    // Within one percentage point of the declared odds: 30 % of 100,000 plays is 30,000, and
    // one point is 1,000 plays either way.
    assertThat(coffee + cake).isBetween(29_000, 31_000);
    assertThat(coffee).isBetween(19_000, 21_000);
    assertThat(cake).isBetween(9_000, 11_000);
  }

  @Test
  void theSameSeedAndActivityGiveTheSameOutcomeWhichTheTraceLetsAnAuditorRecompute() {
    CompiledProgram compiled = compile(game(Frequency.EVERY_TIME,
        prize("coffee", "0.5", 100, Optional.empty())));
    Member ana = Member.enroll(MemberId.of("ana"), START);
    for (int i = 0; i < 20; i++) {
      Decision a = compiled.decide(EMPTY, ana, checkIn(i), START, new SplittableRandom(i));
      Decision b = compiled.decide(EMPTY, ana, checkIn(i), START, new SplittableRandom(i));
      assertThat(b).isEqualTo(a);
      long seed = new SplittableRandom(i).nextLong();
      long value = Chance.value(seed, "scratch", "e-" + i);
      boolean wins = Long.compareUnsigned(value, Long.MIN_VALUE) < 0; // below half of 2^64
      assertThat(won(a).isPresent()).isEqualTo(wins);
      String note = a.trace().stream().filter(t -> t.rule().value().equals("draw/scratch"))
          .map(TraceEntry::note).findFirst().orElseThrow();
      assertThat(note).startsWith("play of game scratch by activity e-" + i + ": seed " + seed
          + " drew " + Long.toUnsignedString(value) + " (0.");
    }
  }

  @Test
  void aPrizeWhoseStockIsGivenAwayIsNotWon() {
    CompiledProgram compiled = compile(game(Frequency.EVERY_TIME,
        prize("mug", "1", 2, Optional.empty())));
    Member ana = Member.enroll(MemberId.of("ana"), START);
    ProgramState state = EMPTY;
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 2; i++) {
      Decision d = compiled.decide(state, ana, checkIn(i), START, random);
      assertThat(won(d)).contains(PrizeId.of("mug"));
      assertThat(d.programStateChanges()).containsExactly(
          new ProgramStateChange.PrizeAwarded(SCRATCH, PrizeId.of("mug"), 1));
      state = state.apply(d.programStateChanges());
    }
    Decision third = compiled.decide(state, ana, checkIn(2), START, random);
    assertThat(won(third)).isEmpty();
    assertThat(third.programStateChanges()).isEmpty();
    assertThat(third.trace()).extracting(TraceEntry::note).anyMatch(n -> n.endsWith(
        ": prize mug, but all 2 of it are given away"));
    assertThat(state.prizesAwarded(SCRATCH, PrizeId.of("mug"))).isEqualTo(2);
  }

  @Test
  void aPrizeGrantIsGivenAndAReturnOfThePurchaseDoesNotTakeItBack() {
    CompiledProgram compiled = compile(game(Frequency.ONCE_PER_DAY,
        prize("coins", "1", 10, Optional.of(Grant.points(COINS, 50)))));
    Member ana = Member.enroll(MemberId.of("ana"), START);
    Purchase order = Purchase.builder(ActivityId.of("p-1"), START)
        .line(PurchaseLine.of("l1", "cake", "food", 1, Money.of("12.00", "EUR"))).build();

    Decision bought = compiled.decide(EMPTY, ana, order, START, new SplittableRandom(1));
    assertThat(won(bought)).contains(PrizeId.of("coins"));
    assertThat(bought.member().available(COINS)).isEqualTo(50);
    ProgramState state = EMPTY.apply(bought.programStateChanges());

    Decision again = compiled.decide(state, bought.member(), checkIn(1), START.plusSeconds(60),
        new SplittableRandom(1));
    assertThat(again.effects()).noneMatch(e -> e instanceof Effect.InstantWinPlayed);
    assertThat(again.trace()).extracting(TraceEntry::note)
        .contains("scratch already earned once per day");

    Decision returned = compiled.decide(state, again.member(), Return.ofWholeLines(
        ActivityId.of("r-1"), START.plusSeconds(120), order, List.of(LineId.of("l1"))),
        START.plusSeconds(120), new SplittableRandom(1));
    assertThat(returned.member().available(COINS)).as("the prize stands").isEqualTo(50);
  }

  @Test
  void oddsBelowTwentyFivePercentAreRefusedUnlessAReasonIsStated() {
    InstantWinGame tenPercent = game(Frequency.EVERY_TIME,
        prize("coffee", "0.1", 100, Optional.empty()));
    assertThatThrownBy(() -> program().game(tenPercent).build())
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("games[0].prizes: declared odds of winning 10 % are below the 25 % "
            + "minimum for a game of chance; raise them, or state why this game may be lower in "
            + "lowOddsReason");

    InstantWinGame explained = new InstantWinGame(SCRATCH, "Scratch card",
        tenPercent.earnedBy(), Frequency.EVERY_TIME, Optional.empty(), tenPercent.prizes(),
        Optional.of("national grand-prize game approved by legal"));
    assertThat(program().game(explained).build().games()).containsKey(SCRATCH);

    InstantWinGame quarter = game(Frequency.EVERY_TIME,
        prize("coffee", "0.15", 100, Optional.empty()),
        prize("cake", "0.10", 100, Optional.empty()));
    assertThat(program().game(quarter).build().games().get(SCRATCH).odds())
        .isEqualByComparingTo("0.25");
    assertThatThrownBy(() -> program().game(game(Frequency.EVERY_TIME,
            prize("coffee", "0.6", 100, Optional.empty()),
            prize("cake", "0.5", 100, Optional.of(Grant.points(UnitId.of("stars"), 5)))))
            .build())
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("games[0].prizes: the prizes' odds add up to 110 %")
        .hasMessageContaining("games[0].prizes[1].grant.unit: unknown unit 'stars'");
    assertThatThrownBy(() -> prize("coffee", "0", 1, Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("prize coffee: odds must be more than 0 and at most 1, was 0");
    assertThatThrownBy(() -> EntryTrigger.purchase(Money.of("0", "EUR")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimum spend must be positive, was EUR 0.00");
  }
}
