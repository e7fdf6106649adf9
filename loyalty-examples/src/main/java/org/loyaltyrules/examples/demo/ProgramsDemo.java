package org.loyaltyrules.examples.demo;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.Donation;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.MembershipFeePayment;
import org.loyaltyrules.core.activity.PayWithPoints;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.examples.programs.AmazonPrime;
import org.loyaltyrules.examples.programs.CoffeeStampCard;
import org.loyaltyrules.examples.programs.Odacite;
import org.loyaltyrules.examples.programs.PetSmartTreats;
import org.loyaltyrules.examples.programs.ReiCoop;
import org.loyaltyrules.examples.programs.Sephora;
import org.loyaltyrules.examples.programs.Starbucks;
import org.loyaltyrules.examples.programs.Sweetgreen;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * Eight programs of {@link org.loyaltyrules.examples.programs}, each compiled and decided by
 * the library for one member: what a purchase earns, a redemption, a donation, vouchers, bonuses,
 * paying with points, tiers, paid memberships and a stamp card, with the figures each program states. Every line is a real
 * {@link CompiledProgram#decide} or {@link CompiledProgram#advance}; the output is the same on
 * every machine, in every locale and time zone.
 */
public final class ProgramsDemo {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);

  private PrintWriter out;

  /** Runs the eight sections, writing them to {@code out}. */
  public void run(PrintWriter out) {
    this.out = out;
    out.println("Four points programs, a tiered one, two paid ones and a stamp card, compiled "
        + "and decided by loyalty-rules (org.loyaltyrules.examples.programs):");
    starbucks();
    petSmart();
    sweetgreen();
    odacite();
    sephora();
    amazonPrime();
    reiCoop();
    coffeeStampCard();
  }

  private void coffeeStampCard() {
    Program program = CoffeeStampCard.program();
    CompiledProgram compiled = LoyaltyRules.compile(program);
    ProgramState none = ProgramState.initial(program.currency());
    heading(program, "gamified: a stamp for every purchase with a drink; 10 stamps give a "
        + CoffeeStampCard.FREE_DRINK + " free-drink voucher and the card starts again",
        "a return takes its stamp back, and the voucher if it is still unused");
    Story s = new Story(program, Member.enroll(MemberId.of("eve"),
        local(program, 2026, 6, 1, 8)), m -> compiled.challengeProgress(none, m, m.asOf())
            .stream().filter(c -> c.challenge().equals(CoffeeStampCard.CARD)).findFirst()
            .map(c -> "stamps " + c.progress().toPlainString() + " of "
                + c.target().toPlainString() + ", cards " + c.completionsEver())
            .orElseThrow());
    for (int day = 1; day <= 11; day++) {
      Purchase drink = Purchase.builder(ActivityId.of("cs-" + day),
              local(program, 2026, 6, day, 9))
          .line(PurchaseLine.of("l1", "latte", CoffeeStampCard.DRINK, 1,
              Money.of("4.50", "USD"))).build();
      if (day <= 3 || day >= 9) {
        s.decide("buys a USD 4.50 latte", drink);
      } else {
        s.quietly(drink);
        if (day == 8) {
          out.println("  ... and one a day from 4 to 8 June");
        }
      }
      if (day == 10) {
        s.decide("returns the 10th latte", Return.of(ActivityId.of("cs-r1"),
            local(program, 2026, 6, 10, 12), drink.id(), List.of(ReturnLine.of("l1", 1))));
      }
    }
  }

  private void sephora() {
    Program program = Sephora.program();
    heading(program, "earn: 1 point per $1; status by spend in the calendar year: Insider, VIB "
        + "from $350, Rouge from $1,000", "up as soon as the spend reaches a tier; down only when "
        + "the year closes, on the spend that remains");
    Story s = new Story(program, Member.enroll(MemberId.of("vi"),
        local(program, 2026, 3, 1, 9)), m -> "points " + m.available(Sephora.POINTS) + ", "
            + m.tierId().map(Object::toString).orElse("-"));
    s.decide("buys a USD 349.99 order", purchase(s, "s-1", local(program, 2026, 3, 1, 10),
        Channel.IN_STORE, "349.99"));
    s.decide("buys a USD 0.01 order", purchase(s, "s-2", local(program, 2026, 3, 2, 10),
        Channel.IN_STORE, "0.01"));
    s.decide("returns the USD 0.01 order", Return.of(ActivityId.of("s-r1"),
        local(program, 2026, 3, 3, 10), ActivityId.of("s-2"), List.of(ReturnLine.of("l1", 1))));
    s.advance("the year closes", local(program, 2027, 1, 1, 0));
  }

  private void amazonPrime() {
    Program program = AmazonPrime.program();
    heading(program, "paid: USD 139.00 a year (a 30-day free trial) for free two-day shipping "
        + "on every order while active");
    Story s = new Story(program, Member.enroll(MemberId.of("pat"),
        local(program, 2026, 2, 1, 9)), m -> m.membership(AmazonPrime.PRIME)
            .map(x -> "prime " + x.status().name().toLowerCase(Locale.ROOT)).orElse("no plan"));
    s.decide("pays the USD 139.00 fee", new MembershipFeePayment(ActivityId.of("a-f1"),
        local(program, 2026, 2, 1, 10), AmazonPrime.PRIME, AmazonPrime.FEE));
    s.decide("orders on the term's last day", purchase(s, "a-1", local(program, 2027, 1, 31, 20),
        Channel.ONLINE, "25.00"));
    s.decide("orders the day after it ends", purchase(s, "a-2", local(program, 2027, 2, 2, 10),
        Channel.ONLINE, "25.00"));
  }

  private void reiCoop() {
    Program program = ReiCoop.program();
    heading(program, "paid: USD 20.00 once for life; each January 1, 10 % of the previous year's "
        + "member spend as a voucher");
    Story s = new Story(program, Member.enroll(MemberId.of("rey"),
        local(program, 2026, 1, 10, 9)), m -> m.membership(ReiCoop.CO_OP)
            .map(x -> "co-op " + x.status().name().toLowerCase(Locale.ROOT)).orElse("no plan"));
    s.decide("buys USD 300.00 before joining", purchase(s, "r-0", local(program, 2026, 1, 10, 10),
        Channel.IN_STORE, "300.00"));
    s.decide("pays the USD 20.00 fee", new MembershipFeePayment(ActivityId.of("r-f1"),
        local(program, 2026, 2, 1, 10), ReiCoop.CO_OP, ReiCoop.FEE));
    s.decide("buys USD 500.00 as a member", purchase(s, "r-1", local(program, 2026, 5, 1, 10),
        Channel.IN_STORE, "500.00"));
    s.advance("the year closes", local(program, 2027, 1, 1, 0));
  }

  private void starbucks() {
    Program program = Starbucks.program();
    heading(program, "earn: 2 stars per $1; Double Star Day " + Starbucks.DOUBLE_STAR_DAY
        + " doubles them", "burn: a handcrafted drink for 200 stars; a free one on the birthday");
    Member ana = Member.enroll(MemberId.of("ana"), local(program, 2026, 3, 1, 8));
    ana = ana.withProfile(ana.profile().withBirthday(LocalDate.of(1991, 7, 4)));
    Story s = new Story(program, ana, m -> "stars " + m.available(Starbucks.STARS));
    s.decide("buys a USD 12.50 order", purchase(s, "s-1", local(program, 2026, 3, 16, 9),
        Channel.IN_STORE, "12.50"));
    s.decide("buys a USD 12.50 order on Double Star Day", purchase(s, "s-2",
        local(program, 2026, 3, 18, 9), Channel.IN_STORE, "12.50"));
    s.decide("buys a USD 62.00 order", purchase(s, "s-3", local(program, 2026, 3, 20, 9),
        Channel.IN_STORE, "62.00"));
    s.refuse("asks for a handcrafted drink", RedeemReward.of(ActivityId.of("s-r1"),
        local(program, 2026, 3, 20, 9, 5), Starbucks.HANDCRAFTED_DRINK));
    s.decide("buys a USD 0.50 order", purchase(s, "s-4", local(program, 2026, 3, 21, 9),
        Channel.IN_STORE, "0.50"));
    s.decide("asks for a handcrafted drink", RedeemReward.of(ActivityId.of("s-r2"),
        local(program, 2026, 3, 21, 9, 5), Starbucks.HANDCRAFTED_DRINK));
    s.advance("her birthday begins (4 July)", local(program, 2026, 7, 4, 0));
    s.decide("buys a USD 12.50 order on her birthday", purchase(s, "s-5",
        local(program, 2026, 7, 4, 15), Channel.IN_STORE, "12.50"));
  }

  private void petSmart() {
    Program program = PetSmartTreats.program();
    heading(program, "earn: 8 points per $1", "burn: 1,000 points = a $5 reward; points "
        + "donated to the animal charity at $0.005 each");
    Story s = new Story(program, Member.enroll(MemberId.of("ben"),
        local(program, 2026, 4, 11, 8)), m -> "points " + m.available(PetSmartTreats.POINTS));
    s.decide("buys a USD 12.50 order in store", purchase(s, "ps-1",
        local(program, 2026, 4, 11, 9), Channel.IN_STORE, "12.50"));
    s.decide("buys a USD 237.50 order online", purchase(s, "ps-2",
        local(program, 2026, 4, 12, 20), Channel.ONLINE, "237.50"));
    s.decide("redeems the $5 reward", RedeemReward.of(ActivityId.of("ps-r1"),
        local(program, 2026, 4, 13, 10), PetSmartTreats.FIVE_DOLLAR_REWARD));
    s.decide("donates 1,000 points", new Donation(ActivityId.of("ps-d1"),
        local(program, 2026, 4, 13, 10, 5), PetSmartTreats.CHARITY, PetSmartTreats.POINTS,
        1000));
  }

  private void sweetgreen() {
    Program program = Sweetgreen.program();
    heading(program, "earn: a $5 voucher for every $35 spent, the rest carried over; $5 off "
        + "the first online order", "burn: the vouchers, at checkout");
    Story s = new Story(program, Member.enroll(MemberId.of("cy"), local(program, 2026, 4, 6, 8)),
        m -> String.format(Locale.ROOT, "vouchers %d, %s to next",
            m.vouchers().values().stream().filter(v -> v.status() == VoucherStatus.ISSUED)
                .count(), Money.of(m.progress(Sweetgreen.SPEND_PROGRESS), program.currency())));
    s.decide("buys a USD 70.00 order in store", purchase(s, "sg-1",
        local(program, 2026, 4, 6, 12), Channel.IN_STORE, "70.00"));
    s.decide("buys a USD 34.99 order in store", purchase(s, "sg-2",
        local(program, 2026, 4, 7, 12), Channel.IN_STORE, "34.99"));
    s.decide("buys a USD 0.02 order in store", purchase(s, "sg-3",
        local(program, 2026, 4, 8, 12), Channel.IN_STORE, "0.02"));
    s.decide("buys a USD 12.00 order online, her first", purchase(s, "sg-4",
        local(program, 2026, 4, 9, 12), Channel.ONLINE, "12.00"));
    s.decide("buys a USD 12.00 order online again", purchase(s, "sg-5",
        local(program, 2026, 4, 10, 12), Channel.ONLINE, "12.00"));
  }

  private void odacite() {
    Program program = Odacite.program();
    heading(program, "earn: 1 point per $1; once ever each: 100 for creating an account, 100 "
        + "for sharing a birthday,", "      50 for following on Instagram, 50 for sharing the "
        + "Facebook page",
        "bonus: 50 points on a $100 order holding a new product, when "
            + Odacite.NEW_PRODUCT_CONDITION,
        "burn: 100 points = $5 off at checkout; status: 3 tiers by spend");
    Story s = new Story(program, Member.enroll(MemberId.of("dee"),
        local(program, 2026, 5, 4, 8)), m -> "points " + m.available(Odacite.POINTS));
    s.decide("creates her account", event(s, "o-e1", local(program, 2026, 5, 4, 8),
        EngagementType.ACCOUNT_CREATED, null));
    s.decide("shares her birthday", event(s, "o-e2", local(program, 2026, 5, 4, 8, 5),
        EngagementType.BIRTHDAY_SHARED, null));
    s.decide("follows on Instagram", event(s, "o-e3", local(program, 2026, 5, 4, 8, 10),
        EngagementType.SOCIAL_FOLLOW, "instagram"));
    s.decide("shares the Facebook page", event(s, "o-e4", local(program, 2026, 5, 4, 8, 15),
        EngagementType.SOCIAL_SHARE, "facebook"));
    s.decide("follows on Instagram again", event(s, "o-e5", local(program, 2026, 5, 5, 9),
        EngagementType.SOCIAL_FOLLOW, "instagram"));
    Instant bought = local(program, 2026, 5, 6, 9);
    s.decide("buys a USD 40.00 order", purchase(s, "o-1", bought, Channel.ONLINE, "40.00"));
    s.decide("pays 100 points toward o-1 (that $5 earns 0)", new PayWithPoints(ActivityId.of("o-pp1"),
        bought.plusSeconds(60), ActivityId.of("o-1"), Odacite.POINTS, 100));
    s.decide("buys USD 120.00 with a new product", Purchase.builder(
            ActivityId.of("o-2"), bought.plusSeconds(3_600))
        .line(PurchaseLine.of("l1", "serum", "skincare", 1, Money.of("70.00", "USD")))
        .line(PurchaseLine.of("l2", "oil", "skincare", 1, Money.of("50.00", "USD"))
            .withTags(java.util.Set.of(Odacite.NEW_TAG)))
        .build());
    TierLadder ladder = program.tiers().orElseThrow();
    out.println("  tiers by spend in the calendar year: " + ladder.tiers().stream()
        .map(t -> t.name() + " from USD " + t.threshold().toPlainString())
        .collect(Collectors.joining(", ")));
  }

  private void heading(Program program, String... figures) {
    out.println();
    out.printf(Locale.ROOT, "%s (%s), prices in %s, dates in %s%n", program.name(), program.id(),
        program.currency().getCurrencyCode(), program.zone());
    for (String line : figures) {
      out.println("  " + line);
    }
  }

  private static Purchase purchase(Story s, String id, Instant at, Channel channel,
      String price) {
    return Purchase.builder(ActivityId.of(id), at).channel(channel)
        .line(PurchaseLine.of("l1", "item", "goods", 1, Money.of(price,
            s.program.currency().getCurrencyCode())))
        .build();
  }

  private static EngagementEvent event(Story s, String id, Instant at, EngagementType type,
      String network) {
    EngagementEvent event = EngagementEvent.of(ActivityId.of(id), at, type);
    return network == null ? event : event.withAttribute(Odacite.NETWORK, network);
  }

  private static Instant local(Program program, int year, int month, int day, int hour) {
    return local(program, year, month, day, hour, 0);
  }

  private static Instant local(Program program, int year, int month, int day, int hour,
      int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(program.zone()).toInstant();
  }

  /** One member's story in one program: the host's part, keeping the member's state. */
  private final class Story {
    private final Program program;
    private final CompiledProgram compiled;
    private final ProgramState state;
    private final RandomGenerator random = new SplittableRandom(2026);
    private final Function<Member, String> status;
    private Member member;

    Story(Program program, Member member, Function<Member, String> status) {
      this.program = program;
      this.compiled = LoyaltyRules.compile(program);
      this.state = ProgramState.initial(program.currency());
      this.member = member;
      this.status = status;
    }

    void decide(String what, Activity activity) {
      Decision d = compiled.decide(state, member, activity, activity.occurredAt(), random);
      member = d.member();
      line(activity.occurredAt(), what, describe(d));
    }

    /** Decides an activity without printing it, to move a story along. */
    void quietly(Activity activity) {
      member = compiled.decide(state, member, activity, activity.occurredAt(), random).member();
    }

    void advance(String what, Instant to) {
      Decision d = compiled.advance(state, member, to);
      member = d.member();
      line(to, what, describe(d));
    }

    void refuse(String what, Activity activity) {
      Member before = member;
      try {
        compiled.decide(state, member, activity, activity.occurredAt(), random);
        throw new IllegalStateException("expected the library to refuse " + activity.id());
      } catch (LoyaltyException e) {
        line(activity.occurredAt(), what, "refused: " + e.getClass().getSimpleName() + ": "
            + e.getMessage());
      }
      if (!member.equals(before)) {
        throw new IllegalStateException("a refused activity changed the member's state");
      }
    }

    private void line(Instant at, String what, String result) {
      out.printf(Locale.ROOT, "  %-17s %-44s %-31s %s%n", WHEN.format(at.atZone(zone())), what,
          status.apply(member), result);
    }

    private ZoneId zone() {
      return program.zone();
    }

    private String describe(Decision d) {
      List<String> parts = new ArrayList<>();
      int same = 0;
      for (int i = 0; i < d.effects().size(); i++) {
        String part = describe(d.effects().get(i));
        same++;
        if (i + 1 == d.effects().size() || !describe(d.effects().get(i + 1)).equals(part)) {
          parts.add(same == 1 ? part : same + " x " + part);
          same = 0;
        }
      }
      if (parts.isEmpty()) {
        List<String> notes = d.trace().stream().filter(t -> !t.matched())
            .map(t -> t.rule() + ": " + t.note()).toList();
        return notes.isEmpty() ? "nothing" : "nothing (" + String.join("; ", notes) + ")";
      }
      return String.join(", ", parts);
    }

    private String describe(Effect effect) {
      if (effect instanceof Effect.PointsEarned e) {
        return "+" + e.points() + " " + e.unit() + e.rule().map(r -> " (" + r + ")").orElse("");
      } else if (effect instanceof Effect.PointsReversed e) {
        return "-" + e.points() + " " + e.unit() + " taken back from " + e.activity();
      } else if (effect instanceof Effect.RewardRedeemed e) {
        String name = program.reward(e.reward()).name().toLowerCase(Locale.ROOT);
        String what = e.quantity() == 1 ? "a " + name : e.quantity() + " x " + name;
        return e.points() == 0 ? what + ", free" : what + " for " + e.points() + " " + e.unit();
      } else if (effect instanceof Effect.VoucherIssued e) {
        return e.voucher().value() + " voucher" + e.voucher().expiresAt()
            .map(x -> " (until " + WHEN.format(x.atZone(zone())) + ")").orElse("");
      } else if (effect instanceof Effect.DonationMade e) {
        return e.points() + " " + e.unit() + " give " + e.cause() + " " + e.value();
      } else if (effect instanceof Effect.TierChanged e) {
        return e.from().map(f -> "tier " + f + " -> " + e.to()).orElse("tier " + e.to());
      } else if (effect instanceof Effect.PerkGranted e) {
        return e.perk() + " (" + e.source() + ")";
      } else if (effect instanceof Effect.MembershipChanged e) {
        boolean running = e.status() == org.loyaltyrules.core.member.MembershipStatus.ACTIVE
            || e.status() == org.loyaltyrules.core.member.MembershipStatus.TRIAL;
        return e.plan() + " " + e.status().name().toLowerCase(Locale.ROOT) + e.expiresAt()
            .map(x -> (running ? " until " : ", its term ended ") + WHEN.format(x.atZone(zone())))
            .orElse(" for life");
      } else if (effect instanceof Effect.ChallengeProgressed e) {
        return e.challenge() + " " + e.progress().toPlainString() + "/"
            + e.target().toPlainString();
      } else if (effect instanceof Effect.ChallengeCompleted e) {
        return e.challenge() + " completed";
      } else if (effect instanceof Effect.ChallengeCompletionRevoked e) {
        return e.challenge() + " completion taken back";
      } else if (effect instanceof Effect.VoucherRevoked e) {
        return e.voucher().value() + " voucher revoked";
      } else if (effect instanceof Effect.BadgeEarned e) {
        return "badge " + e.badge() + ": " + e.levelName();
      } else if (effect instanceof Effect.BadgeLost e) {
        return "badge " + e.badge() + " lost" + (e.to() > 0 ? " a level" : "");
      } else if (effect instanceof Effect.PaidWithPoints e) {
        return e.points() + " " + e.unit() + " pay " + e.value() + " of " + e.purchase();
      }
      return effect.toString();
    }
  }
}
