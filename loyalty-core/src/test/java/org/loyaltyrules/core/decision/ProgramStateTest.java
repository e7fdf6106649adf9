package org.loyaltyrules.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.decision.ProgramStateChange.BudgetSpent;
import org.loyaltyrules.core.decision.ProgramStateChange.DrawEntered;
import org.loyaltyrules.core.decision.ProgramStateChange.PrizeAwarded;
import org.loyaltyrules.core.decision.ProgramStateChange.SettlementAccrued;

class ProgramStateTest {
  private static final BudgetId SPRING = BudgetId.of("spring-bonus");
  private static final BudgetId SUMMER = BudgetId.of("summer-bonus");
  private static final PartnerId KIBBLE = PartnerId.of("kibble-co");
  private static final PartnerId VET = PartnerId.of("city-vet");
  private static final DrawId WEEKLY = DrawId.of("swarm-weekly");
  private static final PrizeId TRIP = PrizeId.of("trip");
  private static final MemberId M1 = MemberId.of("m-1");
  private static final MemberId M2 = MemberId.of("m-2");

  private static final ProgramState INITIAL = ProgramState.initial(Money.currency("USD"));

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  @Test
  void initialStateIsEmpty() {
    assertThat(INITIAL.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(INITIAL.budgetsSpent()).isEmpty();
    assertThat(INITIAL.budgetSpent(SPRING)).isZero();
    assertThat(INITIAL.settlement()).isEmpty();
    assertThat(INITIAL.drawEntries(WEEKLY)).isEmpty();
    assertThat(INITIAL.prizesAwarded(WEEKLY)).isZero();
    assertThat(INITIAL.apply(List.of())).isEqualTo(INITIAL);
    assertThatThrownBy(() -> ProgramState.initial(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program state currency must not be null");
  }

  @Test
  void eachRunOfADrawIsCountedInOrderAndOnlyOnce() {
    assertThat(INITIAL.drawRuns()).isEmpty();
    assertThat(INITIAL.drawRuns(WEEKLY)).isZero();
    ProgramState once = INITIAL.apply(List.of(new DrawEntered(WEEKLY, M1, 2),
        new ProgramStateChange.DrawRun(WEEKLY, 1), new DrawEntered(WEEKLY, M1, -2)));
    assertThat(once.drawRuns(WEEKLY)).isEqualTo(1);
    assertThat(once.drawRuns()).containsExactly(Map.entry(WEEKLY, 1L));
    assertThat(once).isNotEqualTo(INITIAL).doesNotHaveSameHashCodeAs(INITIAL);
    assertThat(once.toString()).endsWith("draw runs {swarm-weekly=1}]");
    assertThat(once.apply(List.of(new ProgramStateChange.DrawRun(WEEKLY, 2))).drawRuns(WEEKLY))
        .isEqualTo(2);

    assertThatThrownBy(() -> once.apply(List.of(new ProgramStateChange.DrawRun(WEEKLY, 1))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program state changes[0] DrawRun[draw=swarm-weekly, run=1]: the draw has "
            + "run once, so its next run is 2 (a draw result is applied once, to the state it "
            + "was drawn from)");
    assertThatThrownBy(() -> INITIAL.apply(List.of(new ProgramStateChange.DrawRun(WEEKLY, 3))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the draw has run 0 times, so its next run is 1");
    assertThatThrownBy(() -> new ProgramStateChange.DrawRun(WEEKLY, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw swarm-weekly: run must be positive, was 0");
    assertThatThrownBy(() -> new ProgramStateChange.DrawRun(null, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw must not be null");

    ProgramState copy = ProgramState.of(once.currency(), once.budgetsSpent(),
        once.settlement(), once.drawEntries(), once.prizesAwarded(), once.drawRuns());
    assertThat(copy).isEqualTo(once).hasSameHashCodeAs(once);
    assertThatThrownBy(() -> ProgramState.of(once.currency(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(WEEKLY, 0L)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw runs[swarm-weekly] must be positive, was 0");
  }

  @Test
  void aStoredStateIsRebuiltFromItsParts() {
    ProgramState state = INITIAL.apply(List.of(new BudgetSpent(SPRING, 500),
        new SettlementAccrued(KIBBLE, usd("-12.50")), new DrawEntered(WEEKLY, M1, 3),
        new PrizeAwarded(WEEKLY, TRIP, 1)));

    ProgramState copy = ProgramState.of(state.currency(), state.budgetsSpent(),
        state.settlement(), state.drawEntries(), state.prizesAwarded());

    assertThat(copy).isEqualTo(state);
    assertThat(copy.drawEntries(WEEKLY)).containsEntry(M1, 3L);
    assertThatThrownBy(() -> ProgramState.of(state.currency(), Map.of(SPRING, 0L), Map.of(),
            Map.of(), Map.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("budgets spent[spring-bonus] must be positive, was 0");
    assertThatThrownBy(() -> ProgramState.of(state.currency(), Map.of(),
            Map.of(VET, Money.of("1", "EUR")), Map.of(), Map.of()))
        .isExactlyInstanceOf(CurrencyMismatchException.class)
        .hasMessage("settlement[city-vet]: currency must be USD, was EUR");
    assertThatThrownBy(() -> ProgramState.of(state.currency(), Map.of(), Map.of(),
            Map.of(WEEKLY, Map.of(M2, -1L)), Map.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw entries[swarm-weekly][m-2] must be positive, was -1");
  }

  @Test
  void budgetSpendingSumsExactlyAndAReturnGivesPointsBack() {
    ProgramState state = INITIAL.apply(List.of(new BudgetSpent(SPRING, 500),
        new BudgetSpent(SUMMER, 50), new BudgetSpent(SPRING, 250), new BudgetSpent(SPRING, -100)));

    assertThat(state.budgetSpent(SPRING)).isEqualTo(650);
    assertThat(state.budgetSpent(SUMMER)).isEqualTo(50);
    assertThat(state.budgetsSpent().keySet()).as("sorted by budget")
        .containsExactly(SPRING, SUMMER);

    ProgramState back = state.apply(List.of(new BudgetSpent(SUMMER, -50)));

    assertThat(back.budgetsSpent()).as("a budget back at zero is dropped").containsOnlyKeys(SPRING);
    assertThat(state.budgetSpent(SUMMER)).as("the original is unchanged").isEqualTo(50);
  }

  @Test
  void aBudgetCannotGoNegativeAndTheErrorNamesTheChange() {
    ProgramState spent = INITIAL.apply(List.of(new BudgetSpent(SPRING, 500)));

    assertThatThrownBy(() -> spent.apply(List.of(new BudgetSpent(SUMMER, 10),
            new BudgetSpent(SPRING, -600))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program state changes[1] BudgetSpent[budget=spring-bonus, points=-600]: "
            + "budget spent would fall to -100");
    assertThat(spent.budgetsSpent()).as("nothing applied, not even changes[0]")
        .containsExactly(Map.entry(SPRING, 500L));
  }

  @Test
  void settlementSumsExactlyPerPartner() {
    ProgramState state = INITIAL.apply(List.of(
        new SettlementAccrued(KIBBLE, usd("12.50")),
        new SettlementAccrued(VET, usd("-5.00")),
        new SettlementAccrued(KIBBLE, usd("-2.505"))));

    assertThat(state.settlement().get(KIBBLE)).isEqualTo(usd("9.995"));
    assertThat(state.settlement().get(KIBBLE).amount().toPlainString()).isEqualTo("9.995");
    assertThat(state.settlement().get(VET)).as("the partner owes the program")
        .isEqualTo(usd("-5"));
    assertThat(state.settlement().keySet()).as("sorted by partner").containsExactly(VET, KIBBLE);

    ProgramState settled = state.apply(List.of(new SettlementAccrued(VET, usd("5"))));

    assertThat(settled.settlement()).containsOnlyKeys(KIBBLE);
  }

  @Test
  void settlementInAnotherCurrencyIsRejectedAndChangesNothing() {
    ProgramState state = INITIAL.apply(List.of(new SettlementAccrued(KIBBLE, usd("12.50"))));

    CurrencyMismatchException e = catchThrowableOfType(CurrencyMismatchException.class,
        () -> state.apply(List.of(new SettlementAccrued(KIBBLE, usd("1.00")),
            new SettlementAccrued(VET, Money.of("3.20", "EUR")))));

    assertThat(e).isNotNull()
        .hasMessageContaining("program state changes[1]")
        .hasMessageContaining("EUR 3.20")
        .hasMessageContaining("currency must be USD, was EUR");
    assertThat(e.expected().getCurrencyCode()).isEqualTo("USD");
    assertThat(e.actual().getCurrencyCode()).isEqualTo("EUR");
    assertThat(state.settlement()).containsExactly(Map.entry(KIBBLE, usd("12.50")));
    assertThat(state).isEqualTo(INITIAL.apply(List.of(new SettlementAccrued(KIBBLE,
        usd("12.50")))));
  }

  @Test
  void drawEntriesPerMember() {
    ProgramState state = INITIAL.apply(List.of(new DrawEntered(WEEKLY, M2, 2),
        new DrawEntered(WEEKLY, M1, 3), new DrawEntered(WEEKLY, M1, -1)));

    assertThat(state.drawEntries(WEEKLY)).containsExactly(Map.entry(M1, 2L),
        Map.entry(M2, 2L));
    assertThat(state.drawEntries(DrawId.of("other"))).isEmpty();

    ProgramState withdrawn = state.apply(List.of(new DrawEntered(WEEKLY, M1, -2),
        new DrawEntered(WEEKLY, M2, -2)));

    assertThat(withdrawn.drawEntries(WEEKLY)).isEmpty();
    assertThat(withdrawn).as("an emptied draw is dropped").isEqualTo(INITIAL);
    assertThatThrownBy(() -> state.apply(List.of(new DrawEntered(WEEKLY, M2, -3))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program state changes[0] DrawEntered[draw=swarm-weekly, member=m-2, "
            + "entries=-3]: entries would fall to -1");
  }

  @Test
  void prizesAccumulate() {
    ProgramState state = INITIAL.apply(List.of(new PrizeAwarded(WEEKLY, TRIP, 1),
        new PrizeAwarded(WEEKLY, TRIP, 2), new PrizeAwarded(WEEKLY, PrizeId.of("spa"), 1)));

    assertThat(state.prizesAwarded(WEEKLY)).isEqualTo(4);
    assertThat(state.prizesAwarded(WEEKLY, TRIP)).isEqualTo(3);
    assertThat(state.prizesAwarded(WEEKLY, PrizeId.of("none"))).isZero();
    assertThat(state.prizesAwarded()).containsOnlyKeys(WEEKLY);
    assertThatThrownBy(() -> new PrizeAwarded(WEEKLY, TRIP, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw swarm-weekly: prizes trip awarded must be positive, was 0");
  }

  @Test
  void theOrderOfIndependentChangesDoesNotMatter() {
    List<ProgramStateChange> changes = List.of(new BudgetSpent(SPRING, 500),
        new SettlementAccrued(KIBBLE, usd("0.005")), new DrawEntered(WEEKLY, M1, 1),
        new PrizeAwarded(WEEKLY, TRIP, 1), new BudgetSpent(SPRING, 250));
    List<ProgramStateChange> reversed = new ArrayList<>(changes);
    Collections.reverse(reversed);

    ProgramState a = INITIAL.apply(changes);
    ProgramState b = INITIAL.apply(reversed);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("spring-bonus=750").contains("kibble-co=USD 0.005");
  }

  @Test
  void anOverflowIsRejectedNamingTheChangeAndChangesNothing() {
    ProgramState full = INITIAL.apply(List.of(new BudgetSpent(SPRING, Long.MAX_VALUE)));

    assertThatThrownBy(() -> full.apply(List.of(new BudgetSpent(SPRING, 1))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("program state changes[0]")
        .hasMessageContaining("spring-bonus")
        .hasMessageContaining("overflows a long");
    assertThat(full.budgetSpent(SPRING)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aNullChangeIsRejected() {
    assertThatThrownBy(() -> INITIAL.apply(Arrays.asList(new BudgetSpent(SPRING, 1), null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program state changes[1] must not be null");
    assertThatThrownBy(() -> INITIAL.apply(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program state changes must not be null");
  }

  @Test
  void changesRejectNothingToChange() {
    assertThatThrownBy(() -> new BudgetSpent(SPRING, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("budget spring-bonus: points spent must not be zero");
    assertThatThrownBy(() -> new SettlementAccrued(KIBBLE, usd("0.000")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner kibble-co: settlement amount must not be zero");
    assertThatThrownBy(() -> new DrawEntered(WEEKLY, M1, 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw swarm-weekly: entries of m-1 must not be zero");
    assertThatThrownBy(() -> new PrizeAwarded(WEEKLY, TRIP, -1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw swarm-weekly: prizes trip awarded must be positive, was -1");
    assertThatThrownBy(() -> new SettlementAccrued(KIBBLE, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner kibble-co: settlement amount must not be null");
  }
}
