package com.amply.policysuite.model;

import java.util.List;

/**
 * Everything {@code check} looks at, loaded: the suite configuration, every policy and task definition, and
 * every file that could not be loaded. Rules read this and nothing else.
 *
 * @param suiteDocument   the loaded {@code suite.yaml}, or null if it could not be loaded
 * @param suite           the configuration read from it, or null if it could not be loaded
 * @param configProblems  what is wrong in the configuration's content
 * @param unloadable      files that could not be parsed, by kind
 * @param filesChecked    every file that was looked at, repository-relative
 */
public record RepositoryModel(LocatedDocument suiteDocument, Suite suite, List<ConfigProblem> configProblems,
                              List<Policy> policies, List<TaskDefinition> taskDefinitions,
                              List<Unloadable> unloadable, List<String> filesChecked) {
    public static final String SUITE_FILE = "suite.yaml";
    public static final String POLICIES = "policies";
    public static final String TASK_DEFINITIONS = "task-definitions";

    public RepositoryModel {
        configProblems = List.copyOf(configProblems);
        policies = List.copyOf(policies);
        taskDefinitions = List.copyOf(taskDefinitions);
        unloadable = List.copyOf(unloadable);
        filesChecked = List.copyOf(filesChecked);
    }

    /** What kind of file could not be loaded; the kind decides which rule reports it. */
    public enum FileKind { SUITE, POLICY, TASK_DEFINITION }

    public record Unloadable(FileKind kind, String file, LoadProblem problem) {
    }

    /** A problem in the content of the suite configuration, located by JSON pointer. */
    public record ConfigProblem(String pointer, String message) {
    }
}
