package org.loyaltyrules.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.CauseId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.AccountClosure;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Adjustment;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.PointsTransfer;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.AccountType;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Cause;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.PointsPayment;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.ShortfallPolicy;
import org.loyaltyrules.core.program.TransferTerms;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.core.settlement.CauseSettlement;
import org.loyaltyrules.core.settlement.PartnerSettlement;
import org.loyaltyrules.core.settlement.PointFlows;
import org.loyaltyrules.core.settlement.SettlementStatement;
import org.quicktheories.core.Gen;

/**
 * Invariants of coalition settlement over random histories of three members across three
 * partners and the operator: purchases with a partner or none, partial and whole returns,
 * rewards of a partner or of the program, points paying orders, donations, transfers to a
 * partner's program, adjustments up and down, expiry, pending points and account closures,
 * under each shortfall policy, with partners' rates that are fractions of a cent.
 *
 * <ul>
 *   <li>every statement's positions (partners, causes, operator) sum to zero;
 *   <li>each partner's and cause's figures are what its ledger account implies: the points its
 *       account moved equal honoured less funded (or donated), and the money is those points at
 *       its rates, rounded once;
 *   <li>from the first posting, for each funder, issued = redeemed + donated + transferred +
 *       reversed + expired + forfeited + adjusted + outstanding, and the funders' outstanding
 *       points are the members' balances (per partner, its lots' remaining points, where no
 *       balance can go negative);
 *   <li>two consecutive periods add up to the period they make, and the second opens where the
 *       first closed.
 * </ul>
 */
class CoalitionSettlementProperties {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final Instant START = LocalDateTime.of(2026, 1, 5, 9, 0).atZone(ZONE)
      .toInstant();
  private static final UnitId PAWS = UnitId.of("paws");
  private static final List<PartnerId> PARTNERS = List.of(PartnerId.of("kibble"),
      PartnerId.of("vet"), PartnerId.of("groomer"));
  private static final int EXAMPLES = 300;

  /**
   * One step of member {@code member}: {@code kind} 0-4 purchase (with partner {@code pick} %
   * 4, the fourth none), 5-6 return, 7 partner reward, 8 program reward, 9 pay with points,
   * 10 donation, 11 transfer, 12 adjustment, 13 closure (only when {@code amount} is below
   * 20); after some hours.
   */
  record Step(int hours, int member, int kind, int amount, int pick) {}

  /** A program variant and a history. */
  record Spec(int shortfall, int units, int rates, List<Step> steps) {}

  private static Program program(int shortfall, int units, int rates) {
    PointUnit paws = PointUnit.redeemable("paws", "Paws")
        .withShortfall(ShortfallPolicy.values()[shortfall % ShortfallPolicy.values().length]);
    if (units % 2 == 1) {
      paws = paws.withPendingPeriod(Period.ofDays(14));
    }
    if (units / 2 % 2 == 1) {
      paws = paws.withExpiry(ExpiryPolicy.afterPeriod(Period.ofMonths(3)));
    }
    String[][] costs = {{"0.012", "0.01"}, {"0.0105", "0.0125"}, {"0.013", "0.007"}};
    Program.Builder b = Program.builder(ProgramId.of("pack"), Money.currency("USD"), ZONE)
        .unit(paws)
        .earnRule(EarnRule.Rate.of("operator-rate", PAWS, 2, usd("1")));
    for (int i = 0; i < PARTNERS.size(); i++) {
      String[] c = costs[(i + rates) % costs.length];
      b.partner(new Partner(PARTNERS.get(i), "Partner " + i, usd(c[0]), usd(c[1])));
      b.earnRule(new EarnRule.Rate(org.loyaltyrules.core.RuleId.of("rate-" + i),
          RuleSettings.defaults(), PAWS, BigDecimal.valueOf(5 + 3L * i), usd("1"),
          LineFilter.partners(PARTNERS.get(i))));
      b.reward(Reward.of("treat-" + i, "Treat " + i, PAWS, 150 + 50L * i, RewardKind.FREE_ITEM)
          .offeredBy(PARTNERS.get(i)));
    }
    return b.partner(new Partner(PartnerId.of("airline"), "Airline", usd("0.011"),
            usd("0.0085")).withTransfers(new TransferTerms("miles", 5, 2, 250, 125)))
        .reward(Reward.of("tote", "Tote", PAWS, 120, RewardKind.FREE_ITEM))
        .cause(new Cause(CauseId.of("shelter"), "Shelter", usd("0.005"), 100, 50))
        .pointsPayment(new PointsPayment(PAWS, 100, usd("1"), BigDecimal.ONE))
        .build();
  }

  private static Gen<Spec> specs() {
    Gen<Step> step = integers().between(1, 24 * 20).zip(integers().between(0, 2),
        integers().between(0, 13), integers().between(1, 300), integers().between(0, 1000),
        Step::new);
    return integers().between(0, 2).zip(integers().between(0, 3), integers().between(0, 2),
        lists().of(step).ofSizeBetween(1, 40), Spec::new);
  }

  /** A history's outcome: every posting, the members at the end, and the end instant. */
  private record Run(List<Posting> postings, List<Member> members, Instant end) {}

  private static Run run(Program program, List<Step> steps) {
    CompiledProgram compiled = LoyaltyRules.compile(program);
    RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    List<Member> members = new ArrayList<>();
    List<List<Purchase>> purchases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(Member.enroll(MemberId.of("m" + i), START));
      purchases.add(new ArrayList<>());
    }
    List<Posting> postings = new ArrayList<>();
    Instant t = START;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      t = t.plusSeconds(s.hours() * 3600L);
      int who = s.member();
      Activity activity = activity(i, s, t, purchases.get(who));
      if (activity == null) {
        continue;
      }
      try {
        Decision d = compiled.decide(STATE, members.get(who), activity, t, random);
        if (!d.isRefused()) {
          postings.addAll(d.postings());
          members.set(who, d.member());
          if (activity instanceof Purchase p) {
            purchases.get(who).add(p);
          }
        }
      } catch (LoyaltyException | IllegalArgumentException | IllegalStateException e) {
        // A refused activity (too few points, a closed account, an amount off the steps)
        // changes nothing; the history goes on.
      }
    }
    Instant end = t.plus(java.time.Duration.ofDays(200));
    for (int i = 0; i < members.size(); i++) {
      Decision d = compiled.advance(STATE, members.get(i), end);
      postings.addAll(d.postings());
      members.set(i, d.member());
    }
    return new Run(postings, members, end);
  }

  private static Activity activity(int i, Step s, Instant t, List<Purchase> bought) {
    ActivityId id = ActivityId.of("a-" + i);
    int kind = s.kind();
    if (kind <= 4) {
      Purchase.Builder b = Purchase.builder(id, t)
          .line(PurchaseLine.of("l1", "sku", "goods", 2, usd(s.amount() + ".25")))
          .line(PurchaseLine.of("l2", "sku", "goods", 1, usd("9.99")));
      if (s.pick() % 4 < 3) {
        b.partner(PARTNERS.get(s.pick() % 4));
      }
      return b.build();
    }
    if (bought.isEmpty() && (kind <= 6 || kind == 9)) {
      return null;
    }
    Purchase p = bought.isEmpty() ? null : bought.get(s.pick() % bought.size());
    return switch (kind) {
      case 5 -> Return.of(id, t, p.id(), List.of(ReturnLine.of(LineId.of("l1"),
          BigDecimal.ONE)));
      case 6 -> Return.of(id, t, p.id(), List.of(ReturnLine.of(LineId.of("l2"),
          BigDecimal.ONE)));
      case 7 -> RedeemReward.of(id, t, RewardId.of("treat-" + s.pick() % 3));
      case 8 -> RedeemReward.of(id, t, RewardId.of("tote"));
      case 9 -> new PayWithPoints(id, t, p.id(), PAWS, 100L * (1 + s.pick() % 2));
      case 10 -> new Donation(id, t, CauseId.of("shelter"), PAWS, 100 + 50L * (s.pick() % 3));
      case 11 -> new PointsTransfer(id, t, PartnerId.of("airline"), PAWS,
          250 + 125L * (s.pick() % 2));
      case 12 -> new Adjustment(id, t, PAWS, s.pick() % 2 == 0 ? s.amount() : -s.amount(),
          "service");
      default -> s.amount() < 20 ? new AccountClosure(id, t, "closed") : null;
    };
  }

  @Test
  void positionsSumToZeroAndEqualWhatThePostingsImply() {
    qt().withExamples(EXAMPLES).withShrinkCycles(200).forAll(specs()).checkAssert(spec -> {
      Program program = program(spec.shortfall(), spec.units(), spec.rates());
      Run run = run(program, spec.steps());
      Instant middle = START.plusSeconds(
          (run.end().getEpochSecond() - START.getEpochSecond()) / 2);
      for (Instant[] period : List.of(new Instant[] {START, run.end().plusSeconds(1)},
          new Instant[] {START, middle}, new Instant[] {middle, run.end().plusSeconds(1)})) {
        SettlementStatement statement = SettlementStatement.of(program, PAWS, period[0],
            period[1], run.postings());
        Money sum = statement.operatorNet();
        for (PartnerSettlement line : statement.partners()) {
          sum = sum.plus(line.net());
          Partner partner = program.partners().get(line.partner());
          long moved = run.postings().stream().filter(p -> inside(p, period))
              .mapToLong(p -> p.effectOn(Account.partner(line.partner()))).sum();
          assertThat(moved).as("points into %s's account", line.partner())
              .isEqualTo(line.honoured() - line.fundedPoints());
          assertThat(line.exactNet()).isEqualTo(partner.reimbursement().times(line.honoured())
              .minus(partner.fundingCost().times(line.fundedPoints())));
          assertThat(line.net()).isEqualTo(line.exactNet().rounded(
              program.settlementRounding()));
        }
        for (CauseSettlement line : statement.causes()) {
          sum = sum.plus(line.due());
          long donated = run.postings().stream().filter(p -> inside(p, period))
              .mapToLong(p -> p.effectOn(Account.cause(line.cause()))).sum();
          assertThat(line.donated()).isEqualTo(donated);
          assertThat(line.due()).isEqualTo(program.causes().get(line.cause()).pointValue()
              .times(donated).rounded(program.settlementRounding()));
        }
        assertThat(sum).as("every party's position").isEqualTo(usd("0"));
      }
    });
  }

  @Test
  void everyPointAFunderIssuedIsAccountedFor() {
    qt().withExamples(EXAMPLES).withShrinkCycles(200).forAll(specs()).checkAssert(spec -> {
      Program program = program(spec.shortfall(), spec.units(), spec.rates());
      Run run = run(program, spec.steps());
      SettlementStatement all = SettlementStatement.of(program, PAWS, START,
          run.end().plusSeconds(1), run.postings());
      long outstanding = all.operatorFunded().outstanding();
      for (PartnerSettlement line : all.partners()) {
        PointFlows f = line.funded();
        assertThat(f.opening()).isZero();
        assertThat(f.issued()).as("issued by %s", line.partner()).isEqualTo(f.redeemed()
            + f.donated() + f.transferred() + f.reversed() + f.expired() + f.forfeited()
            + f.adjusted() + f.outstanding());
        assertThat(f.issued()).isEqualTo(run.postings().stream()
            .filter(p -> p.from().equals(Account.partner(line.partner()))
                && p.type() == org.loyaltyrules.core.ledger.PostingType.EARN)
            .mapToLong(Posting::amount).sum());
        outstanding += f.outstanding();
        boolean negativeAllowed = program.units().get(PAWS).shortfall()
            == ShortfallPolicy.ALLOW_NEGATIVE;
        if (!negativeAllowed) {
          long inLots = run.members().stream().flatMap(m -> m.ledger().lots().stream())
              .filter(l -> l.fundedBy().equals(Account.partner(line.partner())))
              .mapToLong(Lot::remaining).sum();
          assertThat(f.outstanding()).as("%s's points left in lots", line.partner())
              .isEqualTo(inLots);
        }
      }
      long balances = run.members().stream()
          .mapToLong(m -> m.available(PAWS) + m.pending(PAWS)).sum();
      assertThat(outstanding).as("outstanding points of every funder").isEqualTo(balances);
    });
  }

  @Test
  void consecutivePeriodsAddUpToTheWhole() {
    qt().withExamples(EXAMPLES).withShrinkCycles(200).forAll(specs(),
        integers().between(1, 99)).checkAssert((spec, percent) -> {
          Program program = program(spec.shortfall(), spec.units(), spec.rates());
          Run run = run(program, spec.steps());
          Instant end = run.end().plusSeconds(1);
          Instant cut = START.plusSeconds(
              (end.getEpochSecond() - START.getEpochSecond()) * percent / 100);
          SettlementStatement whole = SettlementStatement.of(program, PAWS, START, end,
              run.postings());
          SettlementStatement first = SettlementStatement.of(program, PAWS, START, cut,
              run.postings());
          SettlementStatement second = SettlementStatement.of(program, PAWS, cut, end,
              run.postings());
          Map<String, PointFlows> w = flows(whole);
          Map<String, PointFlows> a = flows(first);
          Map<String, PointFlows> b = flows(second);
          w.forEach((funder, flows) -> {
            PointFlows x = a.get(funder);
            PointFlows y = b.get(funder);
            assertThat(y.opening()).as("%s opens where it closed", funder)
                .isEqualTo(x.outstanding());
            assertThat(new PointFlows(x.opening(), x.issued() + y.issued(),
                x.redeemed() + y.redeemed(), x.donated() + y.donated(),
                x.transferred() + y.transferred(), x.reversed() + y.reversed(),
                x.expired() + y.expired(), x.forfeited() + y.forfeited(),
                x.adjusted() + y.adjusted(), y.outstanding())).as(funder).isEqualTo(flows);
          });
          for (PartnerSettlement line : whole.partners()) {
            PartnerSettlement x = first.partner(line.partner()).orElseThrow();
            PartnerSettlement y = second.partner(line.partner()).orElseThrow();
            assertThat(x.honoured() + y.honoured()).isEqualTo(line.honoured());
            assertThat(x.fundedPoints() + y.fundedPoints()).isEqualTo(line.fundedPoints());
            assertThat(x.exactNet().plus(y.exactNet())).isEqualTo(line.exactNet());
          }
        });
  }

  private static Map<String, PointFlows> flows(SettlementStatement s) {
    Map<String, PointFlows> flows = new TreeMap<>();
    flows.put("(operator)", s.operatorFunded());
    s.partners().forEach(p -> flows.put(p.partner().value(), p.funded()));
    return flows;
  }

  private static boolean inside(Posting p, Instant[] period) {
    return p.unit().equals(PAWS) && !p.at().isBefore(period[0]) && p.at().isBefore(period[1]);
  }

  private static Money usd(String amount) {
    return Money.of(new BigDecimal(amount), Money.currency("USD"));
  }
}
