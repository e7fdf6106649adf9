package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.RuleSettings;

class DateRewardsTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final UnitId STARS = UnitId.of("stars");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RewardId DRINK = RewardId.of("handcrafted-drink");

  private static Program.Builder starbucks() {
    return Program.builder(ProgramId.of("starbucks"), Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .reward(Reward.of(DRINK.value(), "Handcrafted drink", STARS, 200, RewardKind.FREE_ITEM))
        .earnRule(EarnRule.DateReward.birthday("birthday-drink", Grant.reward(DRINK)));
  }

  private static Instant at(int year, int month, int day, int hour) {
    return LocalDate.of(year, month, day).atTime(hour, 0).atZone(ZONE).toInstant();
  }

  private static Member bornOn(LocalDate birthday) {
    Member m = Member.enroll(MemberId.of("ana"), at(2026, 1, 10, 12));
    return m.withProfile(m.profile().withBirthday(birthday));
  }

  @Test
  void aBirthdayFreeDrinkOnceAYearWhenTheDayBegins() {
    CompiledProgram program = LoyaltyRules.compile(starbucks().build());
    Member ana = bornOn(LocalDate.of(1990, 6, 15));

    Decision before = program.advance(STATE, ana, at(2026, 6, 14, 23));
    assertThat(before.effects()).isEmpty();
    Decision on = program.advance(STATE, before.member(), at(2026, 6, 15, 0));
    assertThat(on.effects()).containsExactly(new Effect.RewardRedeemed(DRINK, 1, STARS, 0));
    Decision again = program.advance(STATE, on.member(), at(2026, 12, 31, 23));
    assertThat(again.effects()).as("once a year").isEmpty();
    Decision nextYear = program.advance(STATE, again.member(), at(2027, 6, 15, 9));
    assertThat(nextYear.effects()).containsExactly(new Effect.RewardRedeemed(DRINK, 1, STARS,
        0));
    assertThat(program.advance(STATE, ana, at(2027, 6, 15, 9)).effects())
        .as("two birthdays at once, in one step").hasSize(2);
  }

  @Test
  void decideGivesTheBirthdayRewardFirstSoTheHostNeverHasToAdvance() {
    CompiledProgram program = LoyaltyRules.compile(starbucks().build());
    Member ana = bornOn(LocalDate.of(1990, 6, 15));
    Instant checkIn = at(2026, 6, 15, 10);
    Decision d = program.decide(STATE, ana, EngagementEvent.of(ActivityId.of("c-1"), checkIn,
        EngagementType.CHECK_IN), checkIn, RANDOM);
    assertThat(d.effects()).contains(new Effect.RewardRedeemed(DRINK, 1, STARS, 0));
  }

  @Test
  void aLeapDayBirthdayFallsOnTheTwentyEighthUnlessTheProgramSaysMarchFirst() {
    Member leap = bornOn(LocalDate.of(2000, 2, 29));
    CompiledProgram feb28 = LoyaltyRules.compile(starbucks().build());
    Member after2026 = feb28.advance(STATE, leap, at(2026, 12, 31, 0)).member();
    assertThat(feb28.advance(STATE, leap, at(2026, 2, 28, 0)).effects())
        .as("28 February 2026").hasSize(1);
    assertThat(feb28.advance(STATE, after2026, at(2027, 2, 27, 23)).effects()).isEmpty();
    assertThat(feb28.advance(STATE, after2026, at(2027, 2, 28, 0)).effects()).hasSize(1);
    Member after2027 = feb28.advance(STATE, after2026, at(2027, 12, 31, 0)).member();
    assertThat(feb28.advance(STATE, after2027, at(2028, 2, 28, 23)).effects())
        .as("2028 is a leap year: the 29th").isEmpty();
    assertThat(feb28.advance(STATE, after2027, at(2028, 2, 29, 0)).effects()).hasSize(1);

    CompiledProgram march1 = LoyaltyRules.compile(Program.builder(ProgramId.of("p"),
            Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(new EarnRule.DateReward(RuleId.of("bday"), RuleSettings.defaults(),
            EarnRule.DateReward.Occasion.BIRTHDAY, Grant.points(STARS, 50), true))
        .build());
    assertThat(march1.advance(STATE, leap, at(2026, 2, 28, 23)).member().available(STARS))
        .isZero();
    assertThat(march1.advance(STATE, leap, at(2026, 3, 1, 0)).member().available(STARS))
        .isEqualTo(50);
  }

  @Test
  void anniversaryPointsFromTheFirstYearOn() {
    CompiledProgram program = LoyaltyRules.compile(Program.builder(ProgramId.of("p"),
            Money.currency("USD"), ZONE)
        .unit(PointUnit.redeemable("stars", "Stars"))
        .earnRule(new EarnRule.DateReward(RuleId.of("anniversary"), RuleSettings.defaults(),
            EarnRule.DateReward.Occasion.ANNIVERSARY, Grant.points(STARS, 100), false))
        .build());
    Member ana = bornOn(LocalDate.of(1990, 6, 15));
    assertThat(program.advance(STATE, ana, at(2026, 12, 31, 0)).member().available(STARS))
        .as("no anniversary in the enrollment year").isZero();
    Decision d = program.advance(STATE, ana, at(2028, 1, 10, 0));
    assertThat(d.member().available(STARS)).isEqualTo(200);
    assertThat(program.advance(STATE, program.advance(STATE, ana, at(2027, 5, 1, 0)).member(),
        at(2028, 1, 10, 0)).member()).as("in steps equals at once").isEqualTo(d.member());
  }
}
