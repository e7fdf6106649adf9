package org.loyaltyrules.rules.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Java rules and conditions a program may name, by kind. Each kind maps to a factory that
 * turns the parameters the program states into an extension, once, when the program is
 * compiled; a factory that rejects its parameters (by throwing {@link IllegalArgumentException})
 * makes compiling report the problem at the rule's path.
 *
 * <pre>{@code
 * Extensions extensions = Extensions.builder()
 *     .rule("per-item", params -> {
 *       long each = Long.parseLong(params.get("points"));
 *       return ctx -> ctx.purchase().lines().size() * each;
 *     })
 *     .build();
 * CompiledProgram compiled = LoyaltyRules.compile(program, extensions);
 * }</pre>
 *
 * <p>Immutable and thread-safe; built with a {@link Builder}, which is not.
 */
public final class Extensions {
  private static final Extensions NONE = new Extensions(Map.of(), Map.of());

  private final ImmutableMap<String, Function<Map<String, String>, RuleExtension>> rules;
  private final ImmutableMap<String, Function<Map<String, String>, ConditionExtension>>
      conditions;

  private Extensions(Map<String, Function<Map<String, String>, RuleExtension>> rules,
      Map<String, Function<Map<String, String>, ConditionExtension>> conditions) {
    this.rules = ImmutableMap.copyOf(rules);
    this.conditions = ImmutableMap.copyOf(conditions);
  }

  /** Returns the registry with no extensions. */
  public static Extensions none() {
    return NONE;
  }

  /** Starts a registry. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the factory of the rule kind, if registered. */
  public Optional<Function<Map<String, String>, RuleExtension>> rule(String kind) {
    return Optional.ofNullable(rules.get(kind));
  }

  /** Returns the factory of the condition kind, if registered. */
  public Optional<Function<Map<String, String>, ConditionExtension>> condition(String kind) {
    return Optional.ofNullable(conditions.get(kind));
  }

  /** Returns the registered rule kinds. */
  public java.util.Set<String> ruleKinds() {
    return rules.keySet();
  }

  /** Returns the registered condition kinds. */
  public java.util.Set<String> conditionKinds() {
    return conditions.keySet();
  }

  /** Builds {@link Extensions}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Function<Map<String, String>, RuleExtension>> rules =
        new LinkedHashMap<>();
    private final Map<String, Function<Map<String, String>, ConditionExtension>> conditions =
        new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers a rule kind.
     *
     * @throws IllegalArgumentException if the kind is blank or already registered, or the
     *     factory is null
     */
    public Builder rule(String kind, Function<Map<String, String>, RuleExtension> factory) {
      checkKind(kind, rules.containsKey(kind));
      checkArgument(factory != null, "rule kind %s: factory must not be null", kind);
      rules.put(kind, factory);
      return this;
    }

    /**
     * Registers a condition kind.
     *
     * @throws IllegalArgumentException if the kind is blank or already registered, or the
     *     factory is null
     */
    public Builder condition(String kind,
        Function<Map<String, String>, ConditionExtension> factory) {
      checkKind(kind, conditions.containsKey(kind));
      checkArgument(factory != null, "condition kind %s: factory must not be null", kind);
      conditions.put(kind, factory);
      return this;
    }

    private static void checkKind(String kind, boolean taken) {
      checkArgument(kind != null && !kind.isBlank(), "kind must not be blank, was '%s'", kind);
      checkArgument(!taken, "kind %s is already registered", kind);
    }

    /** Returns the registry. */
    public Extensions build() {
      return new Extensions(rules, conditions);
    }
  }
}
