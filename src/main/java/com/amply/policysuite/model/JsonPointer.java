package com.amply.policysuite.model;

/** Building RFC 6901 JSON pointers one token at a time. */
public final class JsonPointer {
    private JsonPointer() {
    }

    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
