package com.amply.policysuite.model;

import com.amply.policysuite.secrets.SecretPayloadValidator;
import com.amply.policysuite.policy.RolePolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code check} looks at, loaded: the suite configuration, every policy and task definition, and
 * every file that could not be loaded. Rules read this and nothing else.
 *
 * @param suiteDocument   the loaded {@code suite.yaml}, or null if it could not be loaded
 * @param suite           the configuration read from it, or null if it could not be loaded
 * @param configProblems  what is wrong in the configuration's content
 * @param unloadable      files that could not be parsed, by kind
 * @param filesChecked    every file that was looked at, repository-relative
 * @param schemaFiles     {@code schemas/*.schema.json} by file name, as text
 * @param secretSchemas   the payload validator built from {@code schemaFiles}
 * @param schemaExamples  the example payloads under {@code schemas/examples/}
 * @param trackedFiles    every file git tracks (every file, outside a git work tree), for the leak scan
 * @param today           the date time-dependent rules compare with ({@code --today})
 * @param rolePolicies    each declared role's policies combined and compiled for the access analysis, by role name
 * @param waivers         the loaded {@code waivers.yaml} ({@link WaiverFile#NONE} when there is none)
 */
public record RepositoryModel(LocatedDocument suiteDocument, Suite suite, List<ConfigProblem> configProblems,
                              List<Policy> policies, List<TaskDefinition> taskDefinitions,
                              List<Unloadable> unloadable, List<String> filesChecked, Map<String, String> schemaFiles,
                              SecretPayloadValidator secretSchemas, List<SchemaExample> schemaExamples,
                              List<TrackedFile> trackedFiles, LocalDate today, WaiverFile waivers,
                              Map<String, RolePolicy> rolePolicies) {
    public static final String SUITE_FILE = "suite.yaml";
    public static final String POLICIES = "policies";
    public static final String TASK_DEFINITIONS = "task-definitions";

    public RepositoryModel {
        configProblems = List.copyOf(configProblems);
        policies = List.copyOf(policies);
        taskDefinitions = List.copyOf(taskDefinitions);
        unloadable = List.copyOf(unloadable);
        filesChecked = List.copyOf(filesChecked);
        schemaFiles = Map.copyOf(schemaFiles);
        schemaExamples = List.copyOf(schemaExamples);
        trackedFiles = List.copyOf(trackedFiles);
        waivers = waivers == null ? WaiverFile.NONE : waivers;
        // a HashMap, not Map.copyOf: thousands of similar role names probe the immutable map's table slowly
        rolePolicies = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(rolePolicies));
    }

    /**
     * An example payload: {@code schemas/examples/<secret>/<valid|invalid>/<env>-<case>.<ext>}. {@code payload} is
     * the file's text without one trailing newline.
     */
    public record SchemaExample(String file, String secret, String environment, boolean expectValid, String payload) {
    }

    /**
     * A tracked file's bytes, or why it could not be read ({@code content} is then null). The bytes are shared
     * with the document parsed from them, so the model holds each file once.
     */
    public record TrackedFile(String path, byte[] content, String unreadable) {
        /** The file as UTF-8 text (malformed bytes read as U+FFFD), decoded on each call; null if unreadable. */
        public String text() {
            return content == null ? null : new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** What kind of file could not be loaded; the kind decides which rule reports it. */
    public enum FileKind { SUITE, WAIVERS, POLICY, TASK_DEFINITION }

    public record Unloadable(FileKind kind, String file, LoadProblem problem) {
    }

    /** A problem in the content of the suite configuration, located by JSON pointer. */
    public record ConfigProblem(String pointer, String message) {
    }
}
