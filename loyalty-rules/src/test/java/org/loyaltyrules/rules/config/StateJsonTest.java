package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.MemberProfile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broken state documents, each refused with the exact path and reason; and misuse of the API.
 * Every document starts from a valid one, a member who bought two mugs, and changes one thing.
 */
class StateJsonTest {
  private static final JsonMapper PLAIN = JsonMapper.builder().build();
  private static final Instant AT = StateHistory.START.plus(Duration.ofHours(2));
  private static final Decision BOUGHT = StateHistory.COMPILED.decide(StateHistory.INITIAL,
      Member.enroll(MemberId.of("ana"), StateHistory.START)
          .withProfile(MemberProfile.empty().withSegments(Set.of("students"))),
      Purchase.builder(ActivityId.of("p-1"), AT)
          .line(PurchaseLine.of("l1", "mug", "merch", 2, Money.of("12.50", "USD"))).build(),
      AT, RandomGenerator.of("L64X128MixRandom"));
  private static final String MEMBER = StateJson.write(BOUGHT.member());
  private static final String DECISION = StateJson.write(BOUGHT);

  // -- not a document --------------------------------------------------------------------------

  @Test
  void textThatIsNotJsonIsMalformedAtTheLineAndColumnAndPathReached() {
    assertRefused(StateJson::readMember, "{\"format\":\"loyalty-member/1\",\"id\":\"ana\",\n"
            + "\"ledger\":{\"lots\":[{\"amount\":5,}]}}",
        "ledger.lots[0].amount", "malformed JSON at line 2, column 31: Unexpected character "
            + "('}' (code 125)): was expecting double-quote to start property name");
  }

  @Test
  void anEmptyOrNonObjectDocumentIsRefused() {
    assertRefused(StateJson::readMember, "", "", "empty document, expected a JSON object");
    assertRefused(StateJson::readMember, "  \n ", "", "empty document, expected a JSON object");
    assertRefused(StateJson::readMember, "[1, 2]", "", "expected a JSON object, was an array");
    assertRefused(StateJson::readMember, "\"loyalty-member/1\"", "",
        "expected a JSON object, was \"loyalty-member/1\"");
  }

  @Test
  void contentAfterTheDocumentIsRefused() {
    assertRefused(StateJson::readMember, MEMBER + " {}", "",
        "unexpected content after the document at line 1, column " + (MEMBER.length() + 2));
  }

  @Test
  void aPropertyGivenTwiceIsRefused() {
    assertRefused(StateJson::readMember, MEMBER.replace("\"id\":\"ana\",",
        "\"id\":\"ana\",\"id\":\"bo\","), "id", "malformed JSON at line 1, column 45: "
            + "Duplicate Object property \"id\"");
  }

  // -- format ----------------------------------------------------------------------------------

  @Test
  void aMissingFormatNamesTheOneExpected() {
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.remove("format")), "format",
        "missing, expected \"loyalty-member/1\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.putNull("format")), "format",
        "missing, expected \"loyalty-member/1\"");
  }

  @Test
  void anotherVersionNamesWhatWasFoundAndWhatIsSupported() {
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("format",
        "loyalty-member/2")), "format", "unsupported version \"loyalty-member/2\", this "
            + "version of the library reads \"loyalty-member/1\"");
    assertRefused(StateJson::readDecision, edit(DECISION, "/member", o -> o.put("format",
        "loyalty-member/0")), "member.format", "unsupported version \"loyalty-member/0\", "
            + "this version of the library reads \"loyalty-member/1\"");
  }

  @Test
  void anotherKindOfDocumentIsNamedAsSuch() {
    assertRefused(StateJson::readMember, DECISION, "format",
        "\"loyalty-decision/1\" is another kind of document, expected \"loyalty-member/1\"");
    assertRefused(StateJson::readPostings, MEMBER, "format",
        "\"loyalty-member/1\" is another kind of document, expected \"loyalty-postings/1\"");
    assertRefused(StateJson::readProgramState, edit(MEMBER, "", o -> o.put("format",
        "loyalty-program/1")), "format",
        "unknown format \"loyalty-program/1\", expected \"loyalty-program-state/1\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("format", 1)), "format",
        "expected a string, was 1");
  }

  // -- properties ------------------------------------------------------------------------------

  @Test
  void anUnknownPropertyIsRefusedListingTheKnownOnes() {
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("colour", "red")), "ledger.lots[0].colour", "unknown property, expected "
            + "one of [id, unit, amount, remaining, consumed, lapsed, reversed, writtenOff, "
            + "earnedAt, vestsAt, expiresAt, vested, activity, lines, rule, fundedBy]");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("Id", "ana")), "Id",
        "unknown property, expected one of [format, id, enrolledAt, profile, tier, "
            + "memberships, ledger, vouchers, progress, purchases, referredBy]");
  }

  @Test
  void aMissingOrNullRequiredPropertyIsMissing() {
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.remove("amount")), "ledger.lots[0].amount", "missing");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.putNull("remaining")), "ledger.lots[0].remaining", "missing");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger", o -> o.remove("postings")),
        "ledger.postings", "missing");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.remove("ledger")), "ledger",
        "missing");
    assertRefused(StateJson::readMember, edit(MEMBER, "/purchases/0/purchase/lines/0",
        o -> o.remove("unitOfMeasure")), "purchases[0].purchase.lines[0].unitOfMeasure",
        "missing");
  }

  @Test
  void anOptionalValueMayBeLeftOutOrNull() {
    assertThat(MEMBER).doesNotContain("null");
    String withNull = edit(MEMBER, "/ledger/lots/1", o -> o.putNull("expiresAt"));
    assertThat(StateJson.readMember(withNull)).isEqualTo(BOUGHT.member());
    String noRule = edit(MEMBER, "/ledger/lots/1", o -> o.remove("rule"));
    Member read = StateJson.readMember(noRule);
    assertThat(read.ledger().lots().get(1).rule()).isEmpty();
    assertThat(StateJson.write(read)).isEqualTo(noRule);
  }

  @Test
  void aNullInsideAListOrMapIsRefused() {
    assertRefused(StateJson::readMember, edit(MEMBER, "/profile", o -> o.putArray("segments")
        .addNull()), "profile.segments[0]", "must not be null");
    assertRefused(StateJson::readMember, edit(MEMBER, "/progress",
        o -> o.putNull("stamps")), "progress.stamps", "must not be null");
  }

  // -- values ----------------------------------------------------------------------------------

  @Test
  void aValueOfTheWrongJsonTypeNamesWhatWasExpectedAndFound() {
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("amount", "50")), "ledger.lots[0].amount",
        "expected a whole number, was \"50\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("amount", new BigDecimal("50.0"))), "ledger.lots[0].amount",
        "expected a whole number, was 50.0");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("amount", new BigInteger("100000000000000000000"))),
        "ledger.lots[0].amount",
        "expected a whole number in range, was 100000000000000000000");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("vested", "true")), "ledger.lots[0].vested",
        "expected true or false, was \"true\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/purchases/0/purchase/lines/0",
        o -> o.put("unitPrice", 12.5)), "purchases[0].purchase.lines[0].unitPrice",
        "expected a string, was 12.5");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger", o -> o.put("lots", "none")),
        "ledger.lots", "expected an array, was \"none\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.putArray("profile")),
        "profile", "expected an object, was an array");
  }

  @Test
  void aMemberReferredByThemselvesOrByABlankIdIsRefused() {
    assertThat(StateJson.readMember(edit(MEMBER, "", o -> o.put("referredBy", "bo")))
        .referredBy()).contains(MemberId.of("bo"));
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("referredBy", "ana")),
        "referredBy", "member ana cannot be their own referrer");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("referredBy", " ")),
        "referredBy", "member id must not be blank, was ' '");
  }

  @Test
  void aMalformedScalarNamesItsForm() {
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("enrolledAt",
        "2026-03-02 13:00")), "enrolledAt", "not an ISO-8601 instant such as "
            + "\"2026-03-02T13:00:00Z\": \"2026-03-02 13:00\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/profile", o -> o.put("birthday",
        "1990-02-30")), "profile.birthday",
        "not an ISO date such as \"1990-02-28\": \"1990-02-30\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/purchases/0/purchase/lines/0",
        o -> o.put("quantity", "1,5")), "purchases[0].purchase.lines[0].quantity",
        "not a decimal number such as \"12.50\": \"1,5\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/progress",
        o -> o.put("spend/five-per-35", "1E+99")), "progress[\"spend/five-per-35\"]",
        "decimal number out of range, at most 40 digits before and after the decimal point: "
            + "\"1E+99\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/purchases/0/purchase",
        o -> o.put("currency", "DOLLARS")), "purchases[0].purchase.currency",
        "unknown currency code: 'DOLLARS'");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("fundedBy", "ISSUANCE")), "ledger.lots[0].fundedBy",
        "not an account such as \"MEMBER_AVAILABLE:ana\": \"ISSUANCE\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/postings/0",
        o -> o.put("to", "WALLET:ana")), "ledger.postings[0].to", "unknown value \"WALLET\", "
            + "expected one of [MEMBER_AVAILABLE, MEMBER_PENDING, ISSUANCE, PARTNER, CAUSE, "
            + "BREAKAGE]");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/postings/0",
        o -> o.put("type", "earn")), "ledger.postings[0].type", "unknown value \"earn\", "
            + "expected one of [EARN, VEST, REDEEM, DONATE, TRANSFER, ADJUST, EXPIRE, REVERSE, "
            + "RESTORE, REPAY, FORFEIT, WRITE_OFF]");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("id", " ana")), "id",
        "member id must not start or end with white space, was ' ana'");
  }

  @Test
  void aCounterAtZeroOrADuplicateIsRefused() {
    assertRefused(StateJson::readMember, edit(MEMBER, "/progress",
        o -> o.put("spend/five-per-35", "0.00")), "progress[\"spend/five-per-35\"]",
        "must be positive (a counter at zero is left out), was \"0.00\"");
    assertRefused(StateJson::readMember, edit(MEMBER, "/progress", o -> o.put(" ", "1")),
        "progress[\" \"]", "a progress counter's name must not be blank");
    assertRefused(StateJson::readMember, edit(MEMBER, "/profile",
        o -> ((ArrayNode) o.get("segments")).add("students")), "profile.segments[1]",
        "duplicate value \"students\"");
    assertRefused(StateJson::readMember, editArray(MEMBER, "/purchases",
        a -> a.add(a.get(0).deepCopy())), "purchases[1].purchase.id",
        "duplicate \"p-1\", the same as purchases[0]");
  }

  // -- values the model refuses ----------------------------------------------------------------

  @Test
  void aValueTheModelRefusesIsReportedWithTheModelsMessage() {
    StateFormatException e = refusal(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("remaining", 51)));
    assertThat(e.path()).isEqualTo("ledger.lots[0]");
    assertThat(e.reason()).isEqualTo("lot lot-1: remaining must be between 0 and 50, was 51");
    assertThat(e.getCause()).isExactlyInstanceOf(IllegalArgumentException.class);

    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/postings/1",
        o -> o.put("sequence", 3)), "ledger",
        "ledger of ana: postings[1] has sequence 3, expected 2");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger/lots/0",
        o -> o.put("remaining", 49).put("consumed", 1)), "ledger",
        "ledger of ana: pending stars from postings is 50 but lots give 49");
    assertRefused(StateJson::readMember, edit(MEMBER, "/ledger", o -> o.put("asOf",
        "2026-03-02T14:00:00Z")), "ledger", "ledger of ana: lot lot-1 is earned at "
            + "2026-03-02T15:00:00Z, after the ledger's as-of instant 2026-03-02T14:00:00Z");
    assertRefused(StateJson::readMember, edit(MEMBER, "", o -> o.put("enrolledAt",
        "2026-03-03T00:00:00Z")), "", "member ana: state as of 2026-03-02T15:00:00Z is before "
            + "enrollment 2026-03-03T00:00:00Z");
    assertRefused(StateJson::readMember, edit(MEMBER, "/purchases/0/purchase",
        o -> o.put("tax", "-1.00")), "purchases[0].purchase",
        "purchase p-1: tax must not be negative, was USD -1.00");
  }

  // -- decisions, program state and postings ---------------------------------------------------

  @Test
  void anEffectOfAnUnknownTypeOrWithoutOneIsRefusedListingTheTypes() {
    String types = "[points-earned, points-reversed, points-restored, points-shortfall, "
        + "points-expired, reward-redeemed, paid-with-points, voucher-issued, voucher-revoked, "
        + "voucher-expired, donation-made, tier-changed, membership-changed, perk-granted, "
        + "discount-granted, dividend-adjusted, points-transferred, account-closed, "
        + "challenge-progressed, challenge-completed, challenge-completion-revoked, "
        + "badge-earned, badge-lost, "
        + "referral-qualified, referral-withdrawn, "
        + "draw-entries-earned, draw-entries-withdrawn, instant-win-played]";
    assertRefused(StateJson::readDecision, edit(DECISION, "/effects/1",
        o -> o.put("type", "points-stolen")), "effects[1].type",
        "unknown type \"points-stolen\", expected one of " + types);
    assertRefused(StateJson::readDecision, edit(DECISION, "/effects/1",
        o -> o.remove("type")), "effects[1].type", "missing, expected one of " + types);
    assertRefused(StateJson::readDecision, edit(DECISION, "/effects/1",
        o -> o.put("type", 7)), "effects[1].type", "expected a string, one of " + types
            + ", was 7");
    assertRefused(StateJson::readDecision, edit(DECISION, "/effects/1",
        o -> o.put("activity", "p-1")), "effects[1].activity",
        "unknown property, expected one of [unit, points, rule, lot, pendingUntil]");
  }

  @Test
  void aBadMembershipOrMembershipEffectIsRefusedAtItsPath() {
    // Memberships are written by plan: club, coop, gym, plus, prime, video.
    String member = StateJson.write(StateSamples.withMemberships());
    assertRefused(StateJson::readMember, edit(member, "/memberships/0", o -> o.put("status",
        "PAUSED")), "memberships[0].status", "unknown value \"PAUSED\", expected one of "
            + "[TRIAL, ACTIVE, GRACE, LAPSED, CANCELLED]");
    assertRefused(StateJson::readMember, edit(member, "/memberships/4/terms/2", o -> o.put(
        "from", "2026-03-01T15:30:00Z")), "memberships[4]", "membership prime: terms[2] "
            + "begins at 2026-03-01T15:30:00Z, not where terms[1] ends, 2026-02-25T15:30:00Z");
    assertRefused(StateJson::readMember, edit(member, "/memberships/1/terms/0",
        o -> o.remove("paid")), "memberships[1].terms[0].paid", "missing");
    assertRefused(StateJson::readMember, editArray(member, "/memberships", a -> a.add(
        a.get(0).deepCopy())), "memberships[6].plan", "duplicate \"club\", the same as "
            + "memberships[0]");
    String decision = StateJson.write(StateSamples.everyEffect());
    int discount = StateSamples.effects().indexOf(StateSamples.effects().stream()
        .filter(e -> e instanceof Effect.DiscountGranted).findFirst().orElseThrow());
    assertRefused(StateJson::readDecision, edit(decision, "/effects/" + discount,
        o -> o.put("amount", "0")), "effects[" + discount + "]",
        "plan plus: discount must be positive, was USD 0.00");
    assertRefused(StateJson::readDecision, edit(decision, "/effects/" + (discount + 1),
        o -> o.put("policy", "refund")), "effects[" + (discount + 1) + "].policy",
        "unknown value \"refund\", expected one of [KEEP, REDUCE_NEXT]");
    assertRefused(StateJson::readDecision, edit(decision, "/effects/" + (discount + 1),
        o -> o.remove("year")), "effects[" + (discount + 1) + "].year", "missing");
    assertRefused(StateJson::readDecision, edit(decision, "/effects/" + (discount + 1),
        o -> o.put("amount", "-0.01")), "effects[" + (discount + 1) + "]",
        "plan coop: dividend adjustment must not be negative, was USD -0.01");
  }

  @Test
  void aDecisionTheModelRefusesIsReportedAtItsRoot() {
    assertRefused(StateJson::readDecision, edit(DECISION, "", o -> o.put("at",
        "2026-03-02T16:00:00Z")), "", "decision at 2026-03-02T16:00:00Z: the member's state is "
            + "as of 2026-03-02T15:00:00Z");
    assertRefused(StateJson::readDecision, edit(DECISION, "/effects/1", o -> o.put("points",
        0)), "effects[1]", "points earned must be positive, was 0");
    assertRefused(StateJson::readDecision, edit(DECISION, "/trace/0", o -> o.put(
        "lostToRounding", "-0.5")), "trace[0]",
        "rule base: lost to rounding must not be negative, was -0.5");
  }

  @Test
  void aProgramStateWithAValueItNeverHoldsIsRefused() {
    String state = StateJson.write(StateSamples.fullProgramState());
    assertRefused(StateJson::readProgramState, edit(state, "/budgetsSpent",
        o -> o.put("spring", 0)), "budgetsSpent.spring", "must be positive, was 0");
    assertRefused(StateJson::readProgramState, edit(state, "/settlement",
        o -> o.put("airline", "0.000")), "settlement.airline",
        "must not be zero (a settled partner is left out), was \"0.000\"");
    assertRefused(StateJson::readProgramState, edit(state, "/drawEntries",
        o -> o.putObject("autumn")), "drawEntries.autumn",
        "must not be empty (a draw without entries is left out)");
    assertRefused(StateJson::readProgramState, edit(state, "", o -> o.put("currency", "XXX")),
        "currency", "currency XXX has no decimal places defined and cannot hold money");
  }

  @Test
  void aProgramStateWithADrawRunAtZeroIsRefused() {
    String state = StateJson.write(StateSamples.fullProgramState());
    assertRefused(StateJson::readProgramState, edit(state, "/drawRuns",
        o -> o.put("winter", 0)), "drawRuns.winter", "must be positive, was 0");
    assertRefused(StateJson::readProgramState, edit(state, "", o -> o.remove("drawRuns")),
        "drawRuns", "missing");
    assertRefused(StateJson::readProgramState, edit(state, "/drawRuns",
        o -> o.put("winter", "4")), "drawRuns.winter", "expected a whole number, was \"4\"");
  }

  @Test
  void aDrawResultTheModelRefusesIsRefusedAtItsPath() {
    String result = StateJson.write(StateSamples.drawResult());
    assertRefused(StateJson::readDrawResult, edit(result, "/winners/0",
        o -> o.put("ticket", 6)), "winners[0]", "prize trip: ticket 6 is not in a pool of 6");
    assertRefused(StateJson::readDrawResult, edit(result, "/winners/1",
        o -> o.put("member", "bo")), "", "draw summer: member bo wins twice");
    assertRefused(StateJson::readDrawResult, edit(result, "", o -> o.put("entrants", 1)), "",
        "draw summer: 2 winners among 1 entrants");
    assertRefused(StateJson::readDrawResult, edit(result, "",
        o -> o.put("entrants", 3_000_000_000L)), "entrants", "must be at most 2147483647, was "
            + "3000000000");
    assertRefused(StateJson::readDrawResult, edit(result, "/changes/0", o -> o.put("run", 0)),
        "changes[0]", "draw summer: run must be positive, was 0");
    assertRefused(StateJson::readDrawResult, edit(result, "/changes/0", o -> o.remove("run")),
        "changes[0].run", "missing");
    assertRefused(StateJson::readDrawResult, edit(result, "", o -> o.put("seed", "12")),
        "seed", "expected a whole number, was \"12\"");
    assertRefused(StateJson::readDrawResult, edit(result, "", o -> o.put("at", "sunday")), "at",
        "not an ISO-8601 instant such as \"2026-03-02T13:00:00Z\": \"sunday\"");
    assertRefused(StateJson::readDrawResult, MEMBER, "format",
        "\"loyalty-member/1\" is another kind of document, expected \"loyalty-draw-result/1\"");
    assertRefused(StateJson::readProgramState, result, "format", "\"loyalty-draw-result/1\" is "
        + "another kind of document, expected \"loyalty-program-state/1\"");
    assertThatThrownBy(() -> StateJson.readDrawResult(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("json must not be null");
    assertThatThrownBy(() -> StateJson.write((org.loyaltyrules.core.decision.DrawResult) null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("draw result must not be null");
  }

  @Test
  void aPostingListWithABadPostingNamesIt() {
    String postings = StateJson.writePostings(BOUGHT.postings());
    assertRefused(StateJson::readPostings, edit(postings, "/postings/1",
        o -> o.put("from", "ISSUANCE:ana")), "postings[1].from",
        "ISSUANCE account: owner must be 'program', was 'ana'");
    assertRefused(StateJson::readPostings, edit(postings, "/postings/0",
        o -> o.put("reason", " ")), "postings[0]",
        "posting #1: reason must not be blank when given");
  }

  @Test
  void aPostingKeepsThePartnerThatFundedIt() {
    org.loyaltyrules.core.ledger.Posting funded = org.loyaltyrules.core.ledger.Posting.builder(1,
        AT, org.loyaltyrules.core.UnitId.of("stars"),
        org.loyaltyrules.core.ledger.Account.partner(org.loyaltyrules.core.PartnerId.of("vet")),
        org.loyaltyrules.core.ledger.Account.memberAvailable(MemberId.of("ana")), 40,
        org.loyaltyrules.core.ledger.PostingType.EARN).funder(
        org.loyaltyrules.core.PartnerId.of("vet")).build();
    String postings = StateJson.writePostings(java.util.List.of(funded));

    assertThat(postings).contains("\"funder\":\"vet\"");
    assertThat(StateJson.readPostings(postings)).containsExactly(funded);
    assertRefused(StateJson::readPostings, edit(postings, "/postings/0",
        o -> o.remove("funder")), "postings[0]",
        "posting #1: an earning from PARTNER:vet must name vet as its funder, was none");
    assertRefused(StateJson::readPostings, edit(postings, "/postings/0",
        o -> o.put("funder", "")), "postings[0].funder", "partner id must not be blank, was ''");
  }

  // -- misuse ----------------------------------------------------------------------------------

  @Test
  void nullArgumentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> StateJson.readMember(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("json must not be null");
    assertThatThrownBy(() -> StateJson.readDecision(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("json must not be null");
    assertThatThrownBy(() -> StateJson.readProgramState(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("json must not be null");
    assertThatThrownBy(() -> StateJson.readPostings(null))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("json must not be null");
    assertThatThrownBy(() -> StateJson.write((Member) null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("member must not be null");
    assertThatThrownBy(() -> StateJson.write((Decision) null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("decision must not be null");
    assertThatThrownBy(() -> StateJson.write((ProgramState) null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("program state must not be null");
    assertThatThrownBy(() -> StateJson.writePostings(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("postings must not be null");
    assertThatThrownBy(() -> StateJson.writePostings(Arrays.asList(
        BOUGHT.postings().get(0), null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("postings[1] must not be null");
  }

  @Test
  void theExceptionIsALoyaltyExceptionCarryingPathAndReason() {
    StateFormatException e = new StateFormatException("ledger.lots[3].amount", "missing");
    assertThat(e).isInstanceOf(LoyaltyException.class);
    assertThat(e.path()).isEqualTo("ledger.lots[3].amount");
    assertThat(e.reason()).isEqualTo("missing");
    assertThat(e).hasMessage("ledger.lots[3].amount: missing");
    assertThat(new StateFormatException("", "empty document")).hasMessage("empty document");
    assertThatThrownBy(() -> new StateFormatException(null, "x"))
        .isExactlyInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StateFormatException("x", " "))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }

  // -- helpers ---------------------------------------------------------------------------------

  private static void assertRefused(Function<String, ?> read, String json,
      String path, String reason) {
    StateFormatException e = refusal(read, json);
    assertThat(e.path()).as("path of %s", e.getMessage()).isEqualTo(path);
    assertThat(e.reason()).as("reason at %s", path).isEqualTo(reason);
    assertThat(e).hasMessage(path.isEmpty() ? reason : path + ": " + reason);
  }

  private static StateFormatException refusal(Function<String, ?> read,
      String json) {
    StateFormatException e = catchThrowableOfType(StateFormatException.class,
        () -> read.apply(json));
    assertThat(e).as("reading %s", json).isNotNull();
    return e;
  }

  /** Returns the document with the object at {@code pointer} changed. */
  private static String edit(String json, String pointer, Consumer<ObjectNode> change) {
    JsonNode root = PLAIN.readTree(json);
    change.accept((ObjectNode) root.at(pointer));
    return PLAIN.writeValueAsString(root);
  }

  /** Returns the document with the array at {@code pointer} changed. */
  private static String editArray(String json, String pointer, Consumer<ArrayNode> change) {
    JsonNode root = PLAIN.readTree(json);
    change.accept((ArrayNode) root.at(pointer));
    return PLAIN.writeValueAsString(root);
  }

  /** A number beyond what a decimal can hold is refused, not thrown (found by the property). */
  @org.junit.jupiter.api.Test
  void aNumberBeyondADecimalIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateJson.readMember(
            "{\"format\":\"loyalty-member/1\",\"id\":9e23372036854775807}"))
        .isExactlyInstanceOf(StateFormatException.class)
        .hasMessageContaining("a number is out of range");
  }
}
