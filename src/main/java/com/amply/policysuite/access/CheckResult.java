package com.amply.policysuite.access;

/** PASS or FAIL, as in AWS Access Analyzer custom policy checks. */
public enum CheckResult {
    PASS,
    FAIL
}
