package org.loyaltyrules.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.core.program.ProgramFixtures.usd;

import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;

class CauseAndPartnerTest {
  /** TOMS: donated points are worth $0.01 each, one-to-one with their value to the member. */
  private static final Cause TOMS = Cause.of("toms-giving-fund", "TOMS giving fund", usd("0.01"));
  /** PetSmart: 1,000 points = $5, donated at the same $0.005 each. */
  private static final Cause PETSMART = Cause.of("petsmart-charities", "PetSmart Charities",
      usd("0.005"));

  @Test
  void donationValueIsExactMoney() {
    assertThat(TOMS.valueOf(500)).isEqualTo(usd("5.00"));
    assertThat(TOMS.valueOf(0)).isEqualTo(usd("0.00"));
    assertThat(PETSMART.valueOf(1000)).isEqualTo(usd("5.00"));
    assertThat(PETSMART.valueOf(1)).isEqualTo(usd("0.005"));
    assertThat(PETSMART.valueOf(333).amount().toPlainString()).isEqualTo("1.665");
    assertThat(PETSMART.valueOf(2_000_000_001L)).isEqualTo(usd("10000000.005"));
  }

  @Test
  void minimumAndStep() {
    Cause stepped = new Cause(CauseId.of("fund"), "Fund", usd("0.01"), 1000, 500);

    assertThat(TOMS.accepts(1)).isTrue();
    assertThat(stepped.accepts(1000)).isTrue();
    assertThat(stepped.accepts(1500)).isTrue();
    assertThat(stepped.accepts(500)).as("below the minimum").isFalse();
    assertThat(stepped.accepts(1250)).as("not a whole step").isFalse();
  }

  @Test
  void causeRejectsBadPartsNamingThem() {
    assertThatThrownBy(() -> Cause.of("fund", "Fund", usd("0")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cause fund: point value must be positive, was USD 0.00");
    assertThatThrownBy(() -> new Cause(CauseId.of("fund"), "Fund", usd("0.01"), 0, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cause fund: minimum points must be positive, was 0");
    assertThatThrownBy(() -> new Cause(CauseId.of("fund"), "Fund", usd("0.01"), 100, -5))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cause fund: step points must be positive, was -5");
    assertThatThrownBy(() -> Cause.of("fund", "", usd("0.01")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("cause fund: name must not be blank, was ''");
  }

  @Test
  void partnerSettlesAtAFractionOfACent() {
    Partner kibble = Partner.of("kibble-co", "Kibble Co", usd("0.0125"));

    assertThat(kibble.id()).isEqualTo(PartnerId.of("kibble-co"));
    assertThat(kibble.fundingCost().times(1000)).isEqualTo(usd("12.50"));
    assertThat(kibble.reimbursement()).isEqualTo(kibble.fundingCost());
    assertThatThrownBy(() -> Partner.of("vet", "City Vet", usd("-0.01")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner vet: funding cost must be positive, was USD -0.01");
    assertThatThrownBy(() -> Partner.of("vet", "City Vet", null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner vet: funding cost must not be null");
  }

  @Test
  void partnerFundsAndIsReimbursedAtItsOwnRates() {
    Partner vet = Partner.of("vet", "City Vet", usd("0.012"), usd("0.01"));

    assertThat(vet.fundingCost()).isEqualTo(usd("0.012"));
    assertThat(vet.reimbursement()).isEqualTo(usd("0.01"));
    assertThatThrownBy(() -> Partner.of("vet", "City Vet", usd("0.01"), usd("0")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner vet: reimbursement must be positive, was USD 0.00");
    assertThatThrownBy(() -> Partner.of("vet", "City Vet", usd("0.01"),
        Money.of("0.01", "EUR")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner vet: funding cost USD 0.01 and reimbursement EUR 0.01 must be in one "
            + "currency");
  }
}
