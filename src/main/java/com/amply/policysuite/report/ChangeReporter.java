package com.amply.policysuite.report;

/** One output format of {@code diff}. None of them decides the exit code. */
public interface ChangeReporter {
    String render(ChangeReport report);
}
