package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.rule.Frequency;

class DrawTest {
  private static final DrawId WEEKLY = DrawId.of("weekly");
  private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void anEventTriggerMatchesItsTypeAndAnyOfTheValuesOfEachAttributeNamed() {
    EntryTrigger.Event places = new EntryTrigger.Event(EngagementType.CHECK_IN,
        Map.of("place", Set.of("spa-9", "blue-bottle")));
    EngagementEvent checkIn = EngagementEvent.of(ActivityId.of("c-1"), AT,
        EngagementType.CHECK_IN);

    assertThat(places.matches(checkIn.withAttribute("place", "blue-bottle"))).isTrue();
    assertThat(places.matches(checkIn.withAttribute("place", "gas-station"))).isFalse();
    assertThat(places.matches(checkIn)).isFalse();
    assertThat(((EntryTrigger.Event) EntryTrigger.event(EngagementType.CHECK_IN))
        .matches(checkIn)).isTrue();
    assertThat(((EntryTrigger.Event) EntryTrigger.event(EngagementType.REVIEW))
        .matches(checkIn)).isFalse();
    assertThatThrownBy(() -> new EntryTrigger.Event(EngagementType.CHECK_IN,
            Map.of("place", Set.of())))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("trigger attribute place must list at least one value");
  }

  @Test
  void aDrawNeedsATriggerAPrizeAndEntriesInRange() {
    List<EntryTrigger> checkIns = List.of(EntryTrigger.event(EngagementType.CHECK_IN));
    List<Prize> trip = List.of(Prize.of("trip", "Trip", 1));

    Draw draw = new Draw(WEEKLY, "Weekly", checkIns, 2, Frequency.ONCE_PER_DAY,
        Optional.empty(), List.of(Prize.of("trip", "Trip", 1), Prize.of("spa", "Spa", 2)));
    assertThat(draw.prizeCount()).isEqualTo(3);
    assertThatThrownBy(() -> new Draw(WEEKLY, "Weekly", List.of(), 1, Frequency.EVERY_TIME,
            Optional.empty(), trip))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw weekly: earnedBy must name at least one trigger");
    assertThatThrownBy(() -> new Draw(WEEKLY, "Weekly", checkIns, 0, Frequency.EVERY_TIME,
            Optional.empty(), trip))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw weekly: entries must be from 1 to 1000000, was 0");
    assertThatThrownBy(() -> new Draw(WEEKLY, "Weekly", checkIns, 1, Frequency.EVERY_TIME,
            Optional.empty(), List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw weekly: prizes must name at least one prize");
    assertThatThrownBy(() -> Prize.of("trip", "Trip", 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("prize trip: quantity must be positive, was 0");
  }

  @Test
  void aGameStatesItsOddsAndAnyReasonIsNotBlank() {
    InstantWinGame game = new InstantWinGame(WEEKLY, "Scratch",
        List.of(EntryTrigger.event(EngagementType.CHECK_IN)), Frequency.EVERY_TIME,
        Optional.empty(), List.of(
            new GamePrize(PrizeId.of("coffee"), "Coffee", new BigDecimal("0.20"), 10,
                Optional.empty()),
            new GamePrize(PrizeId.of("cake"), "Cake", new BigDecimal("0.05"), 10,
                Optional.empty())), Optional.empty());
    assertThat(game.odds()).isEqualByComparingTo("0.25");
    assertThatThrownBy(() -> new InstantWinGame(WEEKLY, "Scratch", game.earnedBy(),
            Frequency.EVERY_TIME, Optional.empty(), game.prizes(), Optional.of(" ")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("game weekly: low odds reason must not be blank, was ' '");
    assertThatThrownBy(() -> new GamePrize(PrizeId.of("mug"), "Mug", BigDecimal.ONE, 0,
            Optional.empty()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("prize mug: stock must be positive, was 0");
  }

  @Test
  void aDrawResultNeverNamesAWinnerTwiceNorATicketOutsideItsPool() {
    MemberId ana = MemberId.of("ana");
    DrawResult.Winner trip = new DrawResult.Winner(PrizeId.of("trip"), ana, 2, 5);
    assertThatThrownBy(() -> new DrawResult(WEEKLY, AT, 1, List.of(trip,
            new DrawResult.Winner(PrizeId.of("spa"), ana, 0, 2)), 2, 5, List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw weekly: member ana wins twice");
    assertThatThrownBy(() -> new DrawResult.Winner(PrizeId.of("spa"), ana, 5, 5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("prize spa: ticket 5 is not in a pool of 5");
  }
}
