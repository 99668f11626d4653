package com.amply.policysuite.aws;

/**
 * How many Access Analyzer calls a run made, by operation (each page of ValidatePolicy is one call; retried
 * attempts count once). CheckAccessNotGranted and CheckNoNewAccess are custom policy checks, which AWS bills per
 * call; ValidatePolicy is free.
 */
public record AccessAnalyzerCalls(int validatePolicy, int checkAccessNotGranted, int checkNoNewAccess) {
    public static final AccessAnalyzerCalls NONE = new AccessAnalyzerCalls(0, 0, 0);

    /** The custom policy checks AWS bills. */
    public int billed() {
        return checkAccessNotGranted + checkNoNewAccess;
    }

    /** "Access Analyzer: 9 ValidatePolicy calls (free); 13 CheckAccessNotGranted, 0 CheckNoNewAccess: 13 billed custom policy checks." */
    public String summary() {
        return "Access Analyzer: " + validatePolicy + " ValidatePolicy call" + (validatePolicy == 1 ? "" : "s") + " (free); "
                + checkAccessNotGranted + " CheckAccessNotGranted, " + checkNoNewAccess + " CheckNoNewAccess: " + billed()
                + " billed custom policy check" + (billed() == 1 ? "" : "s") + ".";
    }
}
