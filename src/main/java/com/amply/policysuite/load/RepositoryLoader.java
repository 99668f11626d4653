package com.amply.policysuite.load;

import com.amply.policysuite.load.DocumentLoader.Syntax;
import com.amply.policysuite.model.LoadProblem;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.ConfigProblem;
import com.amply.policysuite.model.RepositoryModel.FileKind;
import com.amply.policysuite.model.RepositoryModel.Unloadable;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.Suite;
import com.amply.policysuite.model.TaskDefinition;
import com.amply.policysuite.model.WaiverFile;
import com.amply.policysuite.authz.ServiceAuthorizationData;
import com.amply.policysuite.policy.PolicyValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.model.RoleSpec;
import com.amply.policysuite.policy.RolePolicy;
import java.time.LocalDate;
import java.util.Map;
import com.amply.policysuite.model.RepositoryModel.SchemaExample;
import com.amply.policysuite.secrets.SecretPayloadValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a repository from disk: {@code suite.yaml}, every file under {@code policies/} and every file under
 * {@code task-definitions/}. A file that can't be loaded is recorded, not fatal, so the rest is still checked.
 * This is the edge where files are read; the model it returns is pure data.
 */
public final class RepositoryLoader {

    /** The repository can't be checked at all (no directory, no suite configuration). */
    public static final class UnreadableRepository extends Exception {
        public UnreadableRepository(String message) {
            super(message);
        }
    }

    private final DocumentLoader documents = new DocumentLoader(Bounds.DOCUMENT);
    private final DocumentLoader suiteDocuments = new DocumentLoader(Bounds.SUITE);

    public RepositoryModel load(Path root) throws UnreadableRepository {
        return load(root, LocalDate.now());
    }

    public RepositoryModel load(Path root, LocalDate today) throws UnreadableRepository {
        if (!Files.isDirectory(root)) {
            throw new UnreadableRepository(root + " is not a directory");
        }
        Path suitePath = root.resolve(RepositoryModel.SUITE_FILE);
        if (!Files.isRegularFile(suitePath)) {
            throw new UnreadableRepository("no " + RepositoryModel.SUITE_FILE + " in " + root
                    + " (is --repo pointing at a policy-suite repository?)");
        }
        List<String> checked = new ArrayList<>();
        List<Unloadable> unloadable = new ArrayList<>();

        checked.add(RepositoryModel.SUITE_FILE);
        LocatedDocument suiteDocument = null;
        Suite suite = null;
        List<ConfigProblem> configProblems = List.of();
        // every tracked file is read once, here; policies and task definitions are parsed from these bytes
        Map<String, byte[]> contents = new java.util.HashMap<>();
        TrackedFiles.Read tracked;
        try {
            tracked = TrackedFiles.read(root, contents);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableRepository("cannot read " + root + ": " + reason(e));
        }
        LoadResult suiteResult = suiteDocuments.load(suitePath, RepositoryModel.SUITE_FILE, Syntax.YAML);
        if (suiteResult instanceof LoadResult.Loaded loaded) {
            suiteDocument = loaded.document();
            SuiteReader.Result read = SuiteReader.read(suiteDocument);
            suite = read.suite();
            configProblems = read.problems();
        } else {
            unloadable.add(new Unloadable(FileKind.SUITE, suiteResult.file(), ((LoadResult.Failed) suiteResult).problem()));
        }

        WaiverFile waivers = WaiverFile.NONE;
        Path waiverPath = root.resolve(WaiverFile.FILE);
        if (Files.exists(waiverPath)) {
            checked.add(WaiverFile.FILE);
            LoadResult waiverResult = documents.load(waiverPath, WaiverFile.FILE, Syntax.YAML);
            if (waiverResult instanceof LoadResult.Loaded loaded) {
                waivers = WaiverReader.read(loaded.document());
            } else {
                unloadable.add(new Unloadable(FileKind.WAIVERS, WaiverFile.FILE, ((LoadResult.Failed) waiverResult).problem()));
            }
        }

        List<Policy> policies = new ArrayList<>();
        PolicyValidation.Memo validation = new PolicyValidation.Memo(ServiceAuthorizationData.bundled());
        for (String file : files(root, RepositoryModel.POLICIES, tracked.walked())) {
            checked.add(file);
            Syntax syntax = Syntax.of(file);
            LoadResult result = syntax == Syntax.JSON
                    ? load(documents, root, file, syntax, contents)
                    : unsupported(file, "is not a JSON file; IAM policies under policies/ must be .json");
            if (result instanceof LoadResult.Loaded loaded) {
                policies.add(PolicyReader.read(loaded.document(), validation));
            } else {
                unloadable.add(new Unloadable(FileKind.POLICY, file, ((LoadResult.Failed) result).problem()));
            }
        }

        List<TaskDefinition> taskDefinitions = new ArrayList<>();
        for (String file : files(root, RepositoryModel.TASK_DEFINITIONS, tracked.walked())) {
            checked.add(file);
            Syntax syntax = Syntax.of(file);
            LoadResult result = syntax != null
                    ? load(documents, root, file, syntax, contents)
                    : unsupported(file, "is neither JSON nor YAML; task definitions must be .json, .yaml or .yml");
            if (result instanceof LoadResult.Loaded loaded) {
                taskDefinitions.add(TaskDefinitionReader.read(loaded.document(), folderEnvironment(file), suite));
            } else {
                unloadable.add(new Unloadable(FileKind.TASK_DEFINITION, file, ((LoadResult.Failed) result).problem()));
            }
        }
        Map<String, String> schemaFiles;
        List<SchemaExample> examples;
        try {
            schemaFiles = SecretSchemaLoader.schemas(root);
            examples = SecretSchemaLoader.examples(root);
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableRepository("cannot read " + root + ": " + reason(e));
        }
        schemaFiles.keySet().forEach(name -> checked.add("schemas/" + name));
        return new RepositoryModel(suiteDocument, suite, configProblems, policies, taskDefinitions, unloadable, checked,
                schemaFiles, SecretPayloadValidator.fromSchemaFiles(schemaFiles), examples, tracked.files(), today, waivers,
                rolePolicies(suite, policies));
    }

    /** Each declared role's policy files combined and compiled once, for the IAM access rules. */
    private static Map<String, RolePolicy> rolePolicies(Suite suite, List<Policy> policies) {
        Map<String, RolePolicy> out = new java.util.LinkedHashMap<>();
        if (suite == null) {
            return out;
        }
        Map<String, Policy> byFile = new java.util.HashMap<>();
        policies.forEach(p -> byFile.put(p.file(), p));
        for (RoleSpec role : suite.roles()) {
            out.put(role.name(), RolePolicy.of(role, byFile, Budget.defaults()));
        }
        return out;
    }

    /**
     * Why reading failed, in words: the file system's exceptions carry only the path as their message
     * ({@code AccessDeniedException: policies/x} says "policies/x").
     */
    static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String what = cause instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : cause instanceof java.nio.file.NoSuchFileException ? "no such file"
                : cause instanceof java.nio.file.NotDirectoryException ? "not a directory"
                : cause instanceof java.nio.file.FileSystemLoopException ? "a symbolic link loop"
                : cause.getClass().getSimpleName();
        return cause.getMessage() == null ? what : what + ": " + cause.getMessage();
    }

    /** Parses {@code file} from the bytes already read for the leak scan, or from disk if it is not tracked. */
    private static LoadResult load(DocumentLoader loader, Path root, String file, Syntax syntax, Map<String, byte[]> contents) {
        byte[] bytes = contents.get(file);
        return bytes != null ? loader.load(bytes, file, syntax) : loader.load(root.resolve(file), file, syntax);
    }

    private static LoadResult unsupported(String file, String message) {
        return new LoadResult.Failed(file, new LoadProblem(LoadProblem.Kind.UNSUPPORTED_TYPE, message, SourcePosition.START));
    }

    /** {@code prod} for {@code task-definitions/prod/api.json}; null for a file directly under task-definitions/. */
    static String folderEnvironment(String file) {
        String[] parts = file.split("/");
        return parts.length >= 3 ? parts[1] : null;
    }

    /**
     * Every regular file under {@code dir}, sorted, repository-relative. Hidden files and Markdown notes are
     * skipped; symbolic links to files are read through. Taken from {@code walked} (the whole tree, already walked
     * for the leak scan) when there is one; in a git work tree {@code dir} is walked, so that files not yet added
     * are checked too.
     */
    private static List<String> files(Path root, String dir, List<String> walked) throws UnreadableRepository {
        if (walked != null) {
            String prefix = dir + "/";
            return walked.stream().filter(f -> f.startsWith(prefix) && checkable(f)).toList();
        }
        Path base = root.resolve(dir);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try {
            return TrackedFiles.walk(root, base).stream().filter(RepositoryLoader::checkable).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableRepository("cannot list " + dir + "/: " + reason(e));
        }
    }

    /** Not a hidden file, nor a Markdown note. */
    private static boolean checkable(String file) {
        return !file.substring(file.lastIndexOf('/') + 1).startsWith(".") && !file.endsWith(".md");
    }
}
