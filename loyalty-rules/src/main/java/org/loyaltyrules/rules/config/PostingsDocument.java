package org.loyaltyrules.rules.config;

import java.util.List;

/**
 * A list of postings as stored, format {@value StateJson#POSTINGS_FORMAT}.
 *
 * <p>Immutable apart from the list Jackson fills, which nothing changes afterwards.
 */
record PostingsDocument(String format, List<PostingDocument> postings) {}
