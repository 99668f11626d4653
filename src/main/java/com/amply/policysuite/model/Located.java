package com.amply.policysuite.model;

/** A string value together with the JSON pointer it was read from. */
public record Located(String value, String pointer) {
}
