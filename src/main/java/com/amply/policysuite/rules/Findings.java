package com.amply.policysuite.rules;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Where rules put what they find; it turns a document and a pointer into a located finding. */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();

    /** A finding at the value {@code pointer} points to in {@code document}. */
    public void at(RuleInfo rule, LocatedDocument document, String pointer, String message) {
        add(rule, document.file(), pointer, document.positionOf(pointer), message);
    }

    /** A finding at the key of the member {@code pointer} points to (for unknown or misnamed keys). */
    public void atKey(RuleInfo rule, LocatedDocument document, String pointer, String message) {
        add(rule, document.file(), pointer, document.keyPositionOf(pointer), message);
    }

    public void add(RuleInfo rule, String file, String pointer, SourcePosition position, String message) {
        list.add(new Finding(rule.id(), rule.severity(), file, pointer, position.line(), position.column(), message));
    }

    public List<Finding> list() {
        return List.copyOf(list);
    }
}
