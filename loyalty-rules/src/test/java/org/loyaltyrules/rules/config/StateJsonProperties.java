package org.loyaltyrules.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties of {@link StateJson} over random member histories ({@link StateHistory}) and random
 * damage to valid documents.
 *
 * <p>(a) Whatever a history did, every decision, the member's state, the program-level state and
 * every decision's postings read back equal to what was written, and writing what was read gives
 * the same text; so do members with random memberships and decisions with random membership,
 * discount and dividend effects, which the engine does not produce yet. (b) A document damaged at random (characters deleted, replaced or inserted;
 * values changed or swapped; properties dropped or added; array elements dropped, repeated or
 * swapped) either reads, and then writes and reads back to an equal value, or is refused with a
 * {@link StateFormatException} that has a path; never another exception.
 */
class StateJsonProperties {
  /** Examples per property: the two together run in a few seconds on 2 cores. */
  private static final int HISTORIES = 100;
  private static final int MUTATIONS = 2_000;

  private static final JsonMapper PLAIN = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Valid documents to damage, each with the reader that reads it. */
  private static final List<Sample> SAMPLES = samples();

  @Test
  void everyPartOfARandomHistoryRoundTripsExactly() {
    qt().withExamples(HISTORIES).withShrinkCycles(2_000)
        .forAll(StateHistory.steps(14))
        .checkAssert(steps -> {
          StateHistory.Result result = StateHistory.run(steps);
          for (Decision d : result.decisions()) {
            String text = StateJson.write(d);
            Decision back = StateJson.readDecision(text);
            assertThat(back).as("decision read back from %s", text).isEqualTo(d);
            assertThat(StateJson.write(back)).as("decision written again").isEqualTo(text);
            String postings = StateJson.writePostings(d.postings());
            assertThat(StateJson.readPostings(postings)).isEqualTo(d.postings());
          }
          String member = StateJson.write(result.member());
          Member back = StateJson.readMember(member);
          assertThat(back).as("member read back from %s", member).isEqualTo(result.member());
          assertThat(back.hashCode()).isEqualTo(result.member().hashCode());
          assertThat(StateJson.write(back)).as("member written again").isEqualTo(member);
          String state = StateJson.write(result.state());
          assertThat(StateJson.readProgramState(state)).isEqualTo(result.state());
          assertThat(StateJson.write(StateJson.readProgramState(state))).isEqualTo(state);
        });
  }

  /**
   * Members with random memberships (every status, several terms, trials, lifetime terms) and
   * decisions with random membership, discount and dividend effects round-trip exactly.
   */
  @Test
  void randomMembershipsAndTheirEffectsRoundTripExactly() {
    qt().withExamples(HISTORIES).withShrinkCycles(2_000)
        .forAll(StateHistory.membershipDecisions())
        .checkAssert(d -> {
          String text = StateJson.write(d);
          Decision back = StateJson.readDecision(text);
          assertThat(back).as("decision read back from %s", text).isEqualTo(d);
          assertThat(StateJson.write(back)).as("decision written again").isEqualTo(text);
          String member = StateJson.write(d.member());
          Member read = StateJson.readMember(member);
          assertThat(read).as("member read back from %s", member).isEqualTo(d.member());
          assertThat(read.memberships()).isEqualTo(d.member().memberships());
          assertThat(StateJson.write(read)).as("member written again").isEqualTo(member);
        });
  }

  @Test
  void aDamagedDocumentReadsOrIsRefusedWithAPath() {
    qt().withExamples(MUTATIONS).withShrinkCycles(2_000)
        .forAll(Generate.range(0, SAMPLES.size() - 1),
            lists().of(mutations()).ofSizeBetween(1, 3))
        .checkAssert((index, mutations) -> {
          Sample sample = SAMPLES.get(index);
          String text = sample.text();
          for (Mutation m : mutations) {
            text = m.apply(text);
          }
          String damaged = text;
          Object[] read = new Object[1];
          Throwable thrown = catchThrowable(() -> read[0] = sample.read().apply(damaged));
          if (thrown != null) {
            assertThat(thrown).as("reading %s damaged by %s", sample.kind(), mutations)
                .isExactlyInstanceOf(StateFormatException.class);
            StateFormatException e = (StateFormatException) thrown;
            assertThat(e.path()).isNotNull();
            assertThat(e.reason()).isNotBlank();
            assertThat(e.getMessage()).isEqualTo(e.path().isEmpty() ? e.reason()
                : e.path() + ": " + e.reason());
          } else {
            String again = sample.write().apply(read[0]);
            assertThat(sample.read().apply(again)).as("%s damaged by %s, read, written and "
                + "read again", sample.kind(), mutations).isEqualTo(read[0]);
            assertThat(sample.write().apply(sample.read().apply(again))).isEqualTo(again);
          }
        });
  }

  // ------------------------------------------------------------------------------------------

  /** A valid document, and how to read and write its kind. */
  record Sample(String kind, String text, Function<String, Object> read,
      Function<Object, String> write) {
    @Override
    public String toString() {
      return kind;
    }
  }

  private static List<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(20260302L);
    for (int h = 0; h < 6; h++) {
      List<StateHistory.Step> steps = new ArrayList<>();
      for (int i = 0; i < 3 + h; i++) {
        steps.add(new StateHistory.Step(random.nextInt(15), random.nextInt(100),
            random.nextInt(100), random.nextInt(3 * 24 * 60)));
      }
      StateHistory.Result result = StateHistory.run(steps);
      samples.add(new Sample("member", StateJson.write(result.member()),
          StateJson::readMember, m -> StateJson.write((Member) m)));
      samples.add(new Sample("program state", StateJson.write(result.state()),
          StateJson::readProgramState, s -> StateJson.write((ProgramState) s)));
      if (!result.decisions().isEmpty()) {
        Decision last = result.decisions().get(result.decisions().size() - 1);
        samples.add(new Sample("decision", StateJson.write(last), StateJson::readDecision,
            d -> StateJson.write((Decision) d)));
        samples.add(new Sample("postings", StateJson.writePostings(last.postings()),
            StateJson::readPostings, p -> StateJson.writePostings(postings(p))));
      }
    }
    samples.add(new Sample("decision", StateJson.write(StateSamples.everyEffect()),
        StateJson::readDecision, d -> StateJson.write((Decision) d)));
    samples.add(new Sample("member", StateJson.write(StateSamples.withMemberships()),
        StateJson::readMember, m -> StateJson.write((Member) m)));
    samples.add(new Sample("program state", StateJson.write(StateSamples.fullProgramState()),
        StateJson::readProgramState, s -> StateJson.write((ProgramState) s)));
    return samples;
  }

  @SuppressWarnings("unchecked")
  private static List<Posting> postings(Object list) {
    return (List<Posting>) list;
  }

  // ------------------------------------------------------------------------------------------
  // Mutations
  // ------------------------------------------------------------------------------------------

  private static final String CHARACTERS = "{}[]\":,0123456789-+.eEaz \\\u0000\u00e9";

  private static final List<JsonNode> VALUES = List.of(
      NODES.stringNode(""), NODES.stringNode("x"), NODES.stringNode("0"),
      NODES.stringNode("-1"), NODES.stringNode("1.5"), NODES.stringNode("12.50"),
      NODES.stringNode("1E+3"), NODES.stringNode("1E+99999"), NODES.stringNode("NaN"),
      NODES.stringNode("2026-03-02T13:00:00Z"), NODES.stringNode("2100-01-01T00:00:00Z"),
      NODES.stringNode("1990-02-30"), NODES.stringNode("USD"), NODES.stringNode("EUR"),
      NODES.stringNode("XXX"), NODES.stringNode("ISSUANCE:program"),
      NODES.stringNode("MEMBER_AVAILABLE:bob"), NODES.stringNode("EARN"),
      NODES.stringNode("points-earned"), NODES.stringNode("loyalty-member/2"),
      NODES.stringNode(" padded "), NODES.stringNode("tab\there"),
      NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1), NODES.numberNode(7),
      NODES.numberNode(new BigDecimal("1.5")),
      NODES.numberNode(BigInteger.TEN.pow(30)), NODES.numberNode(Long.MAX_VALUE),
      NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(1_000_000_000_000_000L),
      NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(),
      NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()),
      NODES.objectNode().put("a", 1));

  /** One change to a document's text; {@code at} and {@code pick} choose where and what. */
  record Mutation(Kind kind, int at, int pick) {
    enum Kind {
      DELETE_CHARACTER, REPLACE_CHARACTER, INSERT_CHARACTER, REPLACE_VALUE, NUDGE_VALUE,
      SWAP_VALUES, DROP_PROPERTY, ADD_PROPERTY, DROP_ELEMENT, REPEAT_ELEMENT
    }

    String apply(String text) {
      switch (kind) {
        case DELETE_CHARACTER: {
          int i = Math.floorMod(at, text.length() + 1);
          return i >= text.length() ? text : text.substring(0, i) + text.substring(i + 1);
        }
        case REPLACE_CHARACTER: {
          int i = Math.floorMod(at, text.length() + 1);
          return i >= text.length() ? text : text.substring(0, i) + character() + text
              .substring(i + 1);
        }
        case INSERT_CHARACTER: {
          int i = Math.floorMod(at, text.length() + 1);
          return text.substring(0, i) + character() + text.substring(i);
        }
        default:
          return onTree(text);
      }
    }

    private char character() {
      return CHARACTERS.charAt(Math.floorMod(pick, CHARACTERS.length()));
    }

    private String onTree(String text) {
      JsonNode root;
      try {
        root = PLAIN.readTree(text);
      } catch (JacksonException e) {
        return text;
      }
      if (root == null || !root.isContainer()) {
        return text;
      }
      List<Slot> slots = new ArrayList<>();
      collect(root, slots);
      if (slots.isEmpty()) {
        return text;
      }
      Slot slot = slots.get(Math.floorMod(at, slots.size()));
      JsonNode value = slot.get();
      switch (kind) {
        case REPLACE_VALUE:
          slot.set(VALUES.get(Math.floorMod(pick, VALUES.size())).deepCopy());
          break;
        case NUDGE_VALUE:
          slot.set(nudged(value));
          break;
        case SWAP_VALUES: {
          Slot other = slots.get(Math.floorMod(pick, slots.size()));
          JsonNode otherValue = other.get();
          if (other.parent() == slot.parent() || value == null || otherValue == null) {
            return text;
          }
          slot.set(otherValue.deepCopy());
          other.set(value.deepCopy());
          break;
        }
        case DROP_PROPERTY:
          if (!(slot.parent() instanceof ObjectNode o)) {
            return text;
          }
          o.remove(slot.name());
          break;
        case ADD_PROPERTY: {
          JsonNode container = value != null && value.isObject() ? value : slot.parent();
          if (!(container instanceof ObjectNode o)) {
            return text;
          }
          List<String> names = List.of("extra", "format", "type", "id", "amount", "Amount",
              "lots", "note");
          o.set(names.get(Math.floorMod(pick, names.size())), VALUES.get(Math.floorMod(pick,
              VALUES.size())).deepCopy());
          break;
        }
        case DROP_ELEMENT:
        case REPEAT_ELEMENT:
          if (!(slot.parent() instanceof ArrayNode a)) {
            return text;
          }
          if (kind == Kind.DROP_ELEMENT) {
            a.remove(slot.index());
          } else {
            a.insert(slot.index(), value.deepCopy());
          }
          break;
        default:
          throw new IllegalStateException(kind.toString());
      }
      return PLAIN.writeValueAsString(root);
    }

    private JsonNode nudged(JsonNode value) {
      if (value.isIntegralNumber()) {
        return NODES.numberNode(value.bigIntegerValue().add(BigInteger.valueOf(pick % 2 == 0 ? 1
            : -1)));
      }
      if (value.isString()) {
        String s = value.stringValue();
        if (s.isEmpty()) {
          return NODES.stringNode("0");
        }
        switch (Math.floorMod(pick, 4)) {
          case 0:
            return NODES.stringNode(s + "0");
          case 1:
            return NODES.stringNode(s.substring(0, s.length() - 1));
          case 2:
            return NODES.stringNode(s.toUpperCase(Locale.ROOT));
          default:
            int i = Math.floorMod(at, s.length());
            char c = s.charAt(i);
            return NODES.stringNode(s.substring(0, i) + (Character.isDigit(c)
                ? (char) ('0' + (c - '0' + 1) % 10) : '9') + s.substring(i + 1));
        }
      }
      if (value.isBoolean()) {
        return NODES.booleanNode(!value.booleanValue());
      }
      return NODES.nullNode();
    }

    @Override
    public String toString() {
      return kind + "@" + at + "/" + pick;
    }
  }

  /** A place in a tree: a property of an object or an element of an array. */
  record Slot(JsonNode parent, String name, int index) {
    JsonNode get() {
      return name != null ? parent.get(name) : parent.get(index);
    }

    void set(JsonNode value) {
      if (name != null) {
        ((ObjectNode) parent).set(name, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        slots.add(new Slot(node, e.getKey(), -1));
        collect(e.getValue(), slots);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        slots.add(new Slot(node, null, i));
        collect(node.get(i), slots);
      }
    }
  }

  private static Gen<Mutation> mutations() {
    return Generate.enumValues(Mutation.Kind.class).zip(Generate.range(0, 1 << 20),
        Generate.range(0, 1 << 10), Mutation::new);
  }
}
