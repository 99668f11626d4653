package com.amply.policysuite.model;

import com.amply.policysuite.model.RepositoryModel.ConfigProblem;
import java.util.List;

/**
 * The loaded {@code waivers.yaml}: its document (null when the file is absent or could not be parsed), the
 * well-formed waivers, and what is wrong with the malformed ones, located by JSON pointer.
 */
public record WaiverFile(LocatedDocument document, List<Waiver> waivers, List<ConfigProblem> problems) {
    public static final String FILE = "waivers.yaml";
    /** No {@code waivers.yaml}: nothing is waived. */
    public static final WaiverFile NONE = new WaiverFile(null, List.of(), List.of());

    public WaiverFile {
        waivers = List.copyOf(waivers);
        problems = List.copyOf(problems);
    }
}
