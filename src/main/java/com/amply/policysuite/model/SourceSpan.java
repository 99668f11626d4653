package com.amply.policysuite.model;

/**
 * Where a value lies in its file: start and end (exclusive) as 1-based line and column and as 0-based character
 * offset, the way IAM Access Analyzer reports a location's span.
 */
public record SourceSpan(int startLine, int startColumn, long startOffset, int endLine, int endColumn, long endOffset) {
}
