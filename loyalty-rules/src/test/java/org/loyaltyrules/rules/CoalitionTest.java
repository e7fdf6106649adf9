package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.settlement.PartnerSettlement;
import org.loyaltyrules.core.settlement.PointFlows;
import org.loyaltyrules.core.settlement.SettlementStatement;
import org.loyaltyrules.rules.config.ProgramFiles;
import org.junit.jupiter.api.Test;

/**
 * A coalition of a dog-food maker, a vet and a groomer: partner earn rates, a co-branded card,
 * funding and honouring on every posting, and the settlement statement's money, by hand.
 */
class CoalitionTest {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final UnitId PAWS = UnitId.of("paws");
  private static final PartnerId KIBBLE = PartnerId.of("kibble");
  private static final PartnerId VET = PartnerId.of("vet");
  private static final PartnerId GROOMER = PartnerId.of("groomer");
  private static final org.loyaltyrules.core.LineId L1 = org.loyaltyrules.core.LineId.of("l1");

  private static final String YAML = """
      format: loyalty-program/1
      id: pack
      currency: USD
      zone: America/Chicago
      units:
        - {id: paws, name: Paws}
        - {id: pack-credits, name: Pack credits, kind: status}
      earnRules:
        - {id: kibble-rate, kind: rate, unit: paws, points: 10, per: 1, lines: {partners: [kibble]}}
        - {id: vet-rate, kind: rate, unit: paws, points: 5, per: 1, lines: {partners: [vet]}}
        - {id: groomer-rate, kind: rate, unit: paws, points: 8, per: 1, lines: {partners: [groomer]}}
        - {id: credits, kind: rate, unit: pack-credits, points: 1, per: 1}
        - id: paws-card
          kind: rate
          unit: paws
          points: 10
          per: 1
          audience: {instruments: [paws-card]}
          fundedBy: bank
      rewards:
        - {id: nail-trim, name: Nail trim, unit: paws, cost: 500, kind: free-item, partner: groomer}
        - {id: paws-tote, name: Tote bag, unit: paws, cost: 100, kind: free-item}
      partners:
        - {id: kibble, name: Kibble Co, fundingCost: 0.012, reimbursement: 0.01}
        - {id: vet, name: City Vet, fundingCost: 0.01, reimbursement: 0.008}
        - {id: groomer, name: Groom Room, fundingCost: 0.011, reimbursement: 0.0125}
        - {id: bank, name: Paws card issuer, fundingCost: 0.015, reimbursement: 0.01}
      causes:
        - {id: shelter, name: Shelter, pointValue: 0.005, minimumPoints: 100, stepPoints: 100}
      pointsPayment: {unit: paws, pointsPerStep: 100, valuePerStep: 1}
      """;

  private static Program program(String yaml) {
    return ProgramFiles.read(yaml, ProgramFiles.Syntax.YAML).program();
  }

  private static final Program PACK = program(YAML);
  private static final CompiledProgram COMPILED = LoyaltyRules.compile(PACK);

  private static Instant at(int month, int day) {
    return LocalDateTime.of(2026, month, day, 12, 0).atZone(ZONE).toInstant();
  }

  private static Purchase at(PartnerId partner, String id, Instant when, String amount) {
    return Purchase.builder(ActivityId.of(id), when).partner(partner)
        .line(PurchaseLine.of("l1", "sku", "goods", 1, Money.of(amount, "USD"))).build();
  }

  private static Member run(Member member, List<Posting> postings, Activity... activities) {
    for (Activity a : activities) {
      Decision d = COMPILED.decide(STATE, member, a, a.occurredAt(), RANDOM);
      assertThat(d.isRefused()).as("%s refused: %s", a.id(), d.errors()).isFalse();
      postings.addAll(d.postings());
      member = d.member();
    }
    return member;
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), at(1, 1));
  }

  @Test
  void eachPartnerEarnsAtItsOwnRateAndFundsWhatItIssues() {
    List<Posting> postings = new java.util.ArrayList<>();
    Member ana = run(ana(), postings,
        at(KIBBLE, "food", at(3, 2), "40.00"),
        at(VET, "checkup", at(3, 3), "100.00"),
        at(GROOMER, "bath", at(3, 4), "25.00"));

    assertThat(ana.available(PAWS)).isEqualTo(400 + 500 + 200);
    assertThat(postings).filteredOn(p -> p.type() == PostingType.EARN && p.unit().equals(PAWS))
        .extracting(p -> p.funder().orElseThrow(), Posting::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(KIBBLE, 400L),
            org.assertj.core.groups.Tuple.tuple(VET, 500L),
            org.assertj.core.groups.Tuple.tuple(GROOMER, 200L));
    assertThat(postings).filteredOn(p -> p.unit().equals(UnitId.of("pack-credits")))
        .as("status-only credits cost a partner nothing").allMatch(p -> p.funder().isEmpty());

    SettlementStatement march = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 3),
        postings);
    assertThat(march.partner(KIBBLE).orElseThrow().net()).isEqualTo(usd("-4.80"));
    assertThat(march.partner(VET).orElseThrow().net()).isEqualTo(usd("-5.00"));
    assertThat(march.partner(GROOMER).orElseThrow().net()).isEqualTo(usd("-2.20"));
    assertThat(march.operatorNet()).isEqualTo(usd("12.00"));
    assertThat(march.partner(VET).orElseThrow().funded())
        .isEqualTo(new PointFlows(0, 500, 0, 0, 0, 0, 0, 0, 0, 500));
  }

  @Test
  void theCoBrandedCardEarnsMoreAndItsIssuerFundsIt() {
    Purchase withCard = Purchase.builder(ActivityId.of("food"), at(3, 2)).partner(KIBBLE)
        .paymentInstrument("paws-card")
        .line(PurchaseLine.of("l1", "sku", "goods", 1, Money.of("40.00", "USD"))).build();
    List<Posting> postings = new java.util.ArrayList<>();

    Member ana = run(ana(), postings, withCard);

    assertThat(ana.available(PAWS)).isEqualTo(800);
    SettlementStatement march = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 3),
        postings);
    assertThat(march.partner(KIBBLE).orElseThrow().net()).isEqualTo(usd("-4.80"));
    assertThat(march.partner(PartnerId.of("bank")).orElseThrow().net())
        .as("400 paws at $0.015").isEqualTo(usd("-6.00"));
    Member without = run(ana(), new java.util.ArrayList<>(), at(KIBBLE, "food", at(3, 2),
        "40.00"));
    assertThat(without.available(PAWS)).isEqualTo(400);
  }

  @Test
  void pointsEarnedAtOnePartnerAndSpentAtAnotherSettleBetweenThem() {
    List<Posting> postings = new java.util.ArrayList<>();
    run(ana(), postings,
        at(KIBBLE, "food", at(3, 2), "40.00"),
        at(VET, "checkup", at(3, 3), "100.00"),
        RedeemReward.of(ActivityId.of("trim"), at(3, 10), RewardId.of("nail-trim")));

    SettlementStatement march = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 3),
        postings);
    PartnerSettlement groomer = march.partner(GROOMER).orElseThrow();
    assertThat(groomer.honoured()).isEqualTo(500);
    assertThat(groomer.reimbursementDue()).isEqualTo(usd("6.25"));
    assertThat(groomer.net()).isEqualTo(usd("6.25"));
    // Kibble's 400 points went first (earned first), then 100 of the vet's.
    assertThat(march.partner(KIBBLE).orElseThrow().funded().redeemed()).isEqualTo(400);
    assertThat(march.partner(VET).orElseThrow().funded().redeemed()).isEqualTo(100);
    assertThat(march.partner(VET).orElseThrow().funded().outstanding()).isEqualTo(400);
    assertThat(march.operatorNet()).as("4.80 + 5.00 in, 6.25 out").isEqualTo(usd("3.55"));
    assertThat(postings).filteredOn(p -> p.type() == PostingType.REDEEM)
        .allMatch(p -> p.honouredBy().equals(java.util.Optional.of(GROOMER)));
  }

  @Test
  void aReturnCreditsTheFunderEvenWhenAnotherPartnersPointsAreTaken() {
    List<Posting> postings = new java.util.ArrayList<>();
    Purchase food = at(KIBBLE, "food", at(3, 2), "40.00");
    run(ana(), postings, food,
        at(VET, "checkup", at(3, 3), "100.00"),
        RedeemReward.of(ActivityId.of("trim"), at(3, 10), RewardId.of("nail-trim")),
        Return.ofWholeLines(ActivityId.of("back"), at(3, 12), food, List.of(L1)));

    SettlementStatement march = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 3),
        postings);
    PartnerSettlement kibble = march.partner(KIBBLE).orElseThrow();
    assertThat(kibble.fundedPoints()).isZero();
    assertThat(kibble.net()).isEqualTo(usd("0.00"));
    // The vet's remaining 400 points paid for the return of points already spent.
    assertThat(march.partner(VET).orElseThrow().funded())
        .isEqualTo(new PointFlows(0, 500, 100, 0, 0, 400, 0, 0, 0, 0));
    assertThat(march.operatorNet()).as("5.00 in, 6.25 out").isEqualTo(usd("-1.25"));
  }

  @Test
  void pointsPayingAnOrderAreHonouredByItsPartnerAndComeBackOnReturn() {
    List<Posting> postings = new java.util.ArrayList<>();
    Purchase bath = at(GROOMER, "bath", at(3, 4), "60.00");
    run(ana(), postings, at(VET, "checkup", at(3, 3), "100.00"), bath,
        new PayWithPoints(ActivityId.of("pay"), at(3, 4), bath.id(), PAWS, 200));

    SettlementStatement march = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 3),
        postings);
    assertThat(march.partner(GROOMER).orElseThrow().honoured()).isEqualTo(200);

    run(ana(), postings = new java.util.ArrayList<>(), at(VET, "checkup", at(3, 3), "100.00"),
        bath, new PayWithPoints(ActivityId.of("pay"), at(3, 4), bath.id(), PAWS, 200),
        Return.ofWholeLines(ActivityId.of("back"), at(3, 5), bath, List.of(L1)));
    march = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 3), postings);
    assertThat(march.partner(GROOMER).orElseThrow().honoured()).isZero();
    assertThat(march.partner(GROOMER).orElseThrow().net()).isEqualTo(usd("0.00"));
  }

  @Test
  void donationsAreOwedToTheCauseAndCountAgainstTheirFunder() {
    List<Posting> postings = new java.util.ArrayList<>();
    run(ana(), postings, at(VET, "checkup", at(3, 3), "100.00"),
        new Donation(ActivityId.of("give"), at(3, 5), CauseId.of("shelter"), PAWS, 300));

    SettlementStatement march = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 3),
        postings);
    assertThat(march.cause(CauseId.of("shelter")).orElseThrow().due()).isEqualTo(usd("1.50"));
    assertThat(march.partner(VET).orElseThrow().funded().donated()).isEqualTo(300);
    assertThat(march.operatorNet()).as("5.00 in, 1.50 out").isEqualTo(usd("3.50"));
  }

  @Test
  void eachMonthSettlesItsOwnPostingsAndCarriesWhatIsOutstanding() {
    List<Posting> postings = new java.util.ArrayList<>();
    run(ana(), postings,
        at(KIBBLE, "food", at(3, 2), "40.00"),
        RedeemReward.of(ActivityId.of("tote"), at(4, 1), RewardId.of("paws-tote")));

    SettlementStatement april = SettlementStatement.forMonth(PACK, PAWS, YearMonth.of(2026, 4),
        postings);
    assertThat(april.partner(KIBBLE).orElseThrow().funded())
        .isEqualTo(new PointFlows(400, 0, 100, 0, 0, 0, 0, 0, 0, 300));
    assertThat(april.partner(KIBBLE).orElseThrow().net()).isEqualTo(usd("0.00"));
    assertThat(april.operatorNet()).isEqualTo(usd("0.00"));
  }

  @Test
  void netPositionsRoundOnceHalfEvenUnlessTheProgramSaysOtherwise() {
    // A $25.25 bath earns 202 points; at a funding cost of $0.0125 the groomer owes $2.525.
    String yaml = YAML.replace("fundingCost: 0.011", "fundingCost: 0.0125");
    List<Posting> postings = new java.util.ArrayList<>();
    run(ana(), postings, at(GROOMER, "bath", at(3, 4), "25.25"));

    PartnerSettlement evenly = SettlementStatement.forMonth(program(yaml), PAWS,
        YearMonth.of(2026, 3), postings).partner(GROOMER).orElseThrow();
    assertThat(evenly.fundingOwed()).isEqualTo(usd("2.525"));
    assertThat(evenly.exactNet()).isEqualTo(usd("-2.525"));
    assertThat(evenly.net()).isEqualTo(usd("-2.52"));
    assertThat(net(yaml + "settlement: {rounding: half-up}\n", postings)).isEqualTo(usd("-2.53"));
    assertThat(net(yaml + "settlement: {rounding: ceiling}\n", postings)).isEqualTo(usd("-2.52"));
    assertThat(net(yaml + "settlement: {rounding: floor}\n", postings)).isEqualTo(usd("-2.53"));
    SettlementStatement statement = SettlementStatement.forMonth(program(yaml), PAWS,
        YearMonth.of(2026, 3), postings);
    assertThat(statement.operatorNet()).isEqualTo(usd("2.52"));
    assertThat(program(yaml + "settlement: {rounding: half-down}\n").settlementRounding())
        .isEqualTo(RoundingMode.HALF_DOWN);
  }

  private static Money net(String yaml, List<Posting> postings) {
    return SettlementStatement.forMonth(program(yaml), PAWS, YearMonth.of(2026, 3), postings)
        .partner(GROOMER).orElseThrow().net();
  }

  @Test
  void aPurchaseIsMadeWithOnePartner() {
    Purchase mixed = Purchase.builder(ActivityId.of("mixed"), at(3, 2))
        .line(PurchaseLine.of("l1", "sku", "goods", 1, Money.of("10", "USD")).withPartner(VET))
        .line(PurchaseLine.of("l2", "sku", "goods", 1, Money.of("10", "USD"))
            .withPartner(GROOMER)).build();
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana(), mixed, mixed.occurredAt(), RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase mixed: its lines name partners [groomer, vet]; a purchase is made "
            + "with one partner, so split the order");

    Purchase unknown = at(PartnerId.of("cattery"), "cats", at(3, 2), "10.00");
    assertThatThrownBy(() -> COMPILED.decide(STATE, ana(), unknown, unknown.occurredAt(), RANDOM))
        .isExactlyInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("cattery");
  }

  @Test
  void aStatementRefusesPostingsOfPartnersTheProgramDoesNotDeclare() {
    List<Posting> postings = new java.util.ArrayList<>();
    run(ana(), postings, at(VET, "checkup", at(3, 3), "100.00"));
    Program withoutVet = program(YAML.replace(
        "  - {id: vet, name: City Vet, fundingCost: 0.01, reimbursement: 0.008}\n", "")
        .replace("lines: {partners: [vet]}", "lines: {partners: [kibble]}"));

    assertThatThrownBy(() -> SettlementStatement.forMonth(withoutVet, PAWS,
        YearMonth.of(2026, 3), postings))
        .isExactlyInstanceOf(UnknownReferenceException.class)
        .hasMessageContaining("vet");
    assertThatThrownBy(() -> SettlementStatement.forMonth(PACK, UnitId.of("pack-credits"),
        YearMonth.of(2026, 3), postings))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pack-credits is not a redeemable unit");
  }

  private static Money usd(String amount) {
    return Money.of(new BigDecimal(amount), Money.currency("USD"));
  }
}
