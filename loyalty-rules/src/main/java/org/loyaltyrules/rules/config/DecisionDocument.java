package org.loyaltyrules.rules.config;

import java.util.List;

/**
 * A decision as stored, format {@value StateJson#DECISION_FORMAT}: the activity (absent for an
 * advance), the instant, the replay flag, the member's new state as a complete member document,
 * the effects, the postings added, the program-state changes, the trace and the errors.
 *
 * <p>Immutable apart from the lists Jackson fills, which nothing changes afterwards.
 */
record DecisionDocument(String format, String activity, String at, Boolean replay,
    MemberDocument member, List<EffectDocument> effects, List<PostingDocument> postings,
    List<ChangeDocument> programStateChanges, List<Trace> trace, List<ErrorItem> errors) {

  /** What one rule did. */
  record Trace(String rule, Boolean matched, String unit, Long granted, Long lostToCap,
      Long lostToStacking, String lostToRounding, String note) {}

  /** A problem met while deciding. */
  record ErrorItem(String rule, String message, String consequence) {}
}
