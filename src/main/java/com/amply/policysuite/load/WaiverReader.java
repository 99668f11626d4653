package com.amply.policysuite.load;

import com.amply.policysuite.model.FileGlob;
import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.RepositoryModel.ConfigProblem;
import com.amply.policysuite.model.Waiver;
import com.amply.policysuite.model.WaiverFile;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code waivers.yaml} strictly: a mapping with one key, {@code waivers}, a list of entries with a
 * {@code rule}, a {@code file} glob, an optional {@code pointer}, a {@code reason} and an {@code expires} date. A
 * malformed entry is a problem located by pointer and waives nothing. Whether a rule id exists and whether the
 * date is current are checked by the rules (CFG003), which know the catalog and {@code --today}.
 */
public final class WaiverReader {
    private static final Set<String> ENTRY_KEYS = Set.of("rule", "file", "pointer", "reason", "expires");

    private final List<ConfigProblem> problems = new ArrayList<>();

    private WaiverReader() {
    }

    public static WaiverFile read(LocatedDocument document) {
        WaiverReader reader = new WaiverReader();
        List<Waiver> waivers = reader.waivers(document.root());
        return new WaiverFile(document, waivers, reader.problems);
    }

    private List<Waiver> waivers(JsonNode root) {
        List<Waiver> out = new ArrayList<>();
        if (!root.isObject()) {
            problem("", "waivers.yaml must be a mapping with one key, waivers, holding a list");
            return out;
        }
        for (String key : root.propertyNames()) {
            if (!key.equals("waivers")) {
                problem(JsonPointer.child("", key), "unknown key " + key + "; expected only waivers");
            }
        }
        JsonNode list = root.get("waivers");
        if (list == null) {
            problem("", "waivers.yaml has no waivers list (write waivers: [] for none)");
            return out;
        }
        if (!list.isArray()) {
            problem("/waivers", "waivers must be a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = JsonPointer.child("/waivers", i);
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                problem(at, "each waiver must be a mapping with rule, file, reason and expires");
                continue;
            }
            Waiver w = entry(entry, at);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private Waiver entry(JsonNode entry, String at) {
        int before = problems.size();
        for (String key : entry.propertyNames()) {
            if (!ENTRY_KEYS.contains(key)) {
                problem(JsonPointer.child(at, key), "unknown key " + key + "; expected one of " + new TreeSet<>(ENTRY_KEYS));
            }
        }
        String rule = text(entry, at, "rule", "the id of the rule it waives, such as TD007");
        String glob = text(entry, at, "file", "a file glob relative to the repository root, such as task-definitions/sandbox/*.json");
        FileGlob file = null;
        if (glob != null) {
            try {
                file = FileGlob.parse(glob);
            } catch (IllegalArgumentException e) {
                problem(at + "/file", "file glob " + glob + " " + e.getMessage());
            }
        }
        String pointer = null;
        if (entry.has("pointer")) {
            JsonNode p = entry.get("pointer");
            if (!p.isString() || !(p.stringValue().isEmpty() || p.stringValue().startsWith("/"))) {
                problem(at + "/pointer", "pointer must be a JSON pointer such as /containerDefinitions/0/environment/3"
                        + " (or \"\" for the whole file)");
            } else {
                pointer = p.stringValue();
            }
        }
        String reason = text(entry, at, "reason", "why the finding is acceptable for now, such as a ticket and a plan");
        String expiresText = text(entry, at, "expires", "the date it stops applying, YYYY-MM-DD, at most 180 days ahead");
        LocalDate expires = null;
        if (expiresText != null) {
            try {
                expires = LocalDate.parse(expiresText);
            } catch (DateTimeParseException e) {
                problem(at + "/expires", "expires must be a date in the form YYYY-MM-DD");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Waiver(rule, file, pointer, reason, expires, at);
    }

    private String text(JsonNode node, String at, String key, String what) {
        JsonNode v = node.get(key);
        if (v == null) {
            problem(at, "waiver has no " + key + "; add " + key + ": " + what);
            return null;
        }
        if (!v.isString() || v.stringValue().isBlank()) {
            problem(JsonPointer.child(at, key), key + " must be a non-empty string: " + what);
            return null;
        }
        return v.stringValue();
    }

    private void problem(String pointer, String message) {
        problems.add(new ConfigProblem(pointer, message));
    }
}
