package com.amply.policysuite.report;

/** One output format. Each format is one small class; none of them decides the exit code. */
public interface Reporter {
    String render(Report report);
}
