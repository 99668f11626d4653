package com.amply.policysuite.model;

/** A finding that a current waiver covers: still counted and listed, but it does not fail the run. */
public record WaivedFinding(Finding finding, Waiver waiver) {
}
