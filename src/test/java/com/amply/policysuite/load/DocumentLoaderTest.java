package com.amply.policysuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.load.DocumentLoader.Syntax;
import com.amply.policysuite.model.LoadProblem;
import com.amply.policysuite.model.LoadProblem.Kind;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.model.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLoaderTest {
    private final DocumentLoader loader = new DocumentLoader(Bounds.DOCUMENT);

    private LoadResult json(String text) {
        return loader.load(text.getBytes(StandardCharsets.UTF_8), "f.json", Syntax.JSON);
    }

    private LoadResult yaml(String text) {
        return loader.load(text.getBytes(StandardCharsets.UTF_8), "f.yaml", Syntax.YAML);
    }

    private static LocatedDocument loaded(LoadResult r) {
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).document();
    }

    private static LoadProblem problem(LoadResult r) {
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) r).problem();
    }

    @Test
    void json_values_and_keys_keep_their_line_and_column() {
        LocatedDocument doc = loaded(json("{\n  \"a\": [1,\n    {\"b\": \"x\"}]\n}"));
        assertThat(doc.positionOf("")).isEqualTo(new SourcePosition(1, 1));
        assertThat(doc.positionOf("/a")).isEqualTo(new SourcePosition(2, 8));
        assertThat(doc.positionOf("/a/1/b")).isEqualTo(new SourcePosition(3, 11));
        assertThat(doc.keyPositionOf("/a/1/b")).isEqualTo(new SourcePosition(3, 6));
        assertThat(doc.positionOf("/a/1/missing")).as("nearest present ancestor").isEqualTo(new SourcePosition(3, 5));
    }

    @Test
    void positions_are_computed_on_first_use_and_match_a_located_read() {
        String text = "{\n  \"a\": [1,\n    {\"b\": \"x\"}],\n  \"c\": {\"d\": null}\n}";
        LocatedDocument lazy = loaded(json(text));
        LocatedDocument.Locations locations = lazy.locations();
        assertThat(locations.values()).containsKeys("", "/a", "/a/0", "/a/1", "/a/1/b", "/c", "/c/d").hasSize(7);
        assertThat(locations.keys()).containsOnlyKeys("/a", "/a/1/b", "/c", "/c/d");
        assertThat(locations.spans()).hasSize(7);
        assertThat(lazy.spanOf("/c")).extracting(SourceSpan::startLine, SourceSpan::startColumn).containsExactly(4, 8);
        assertThat(lazy.locations()).as("computed once").isSameAs(locations);

        LocatedDocument yamlDoc = loaded(yaml("a:\n  - 1\n  - b: x\nc: {d: null}\n"));
        assertThat(yamlDoc.positionOf("/a/1/b")).isEqualTo(new SourcePosition(3, 8));
        assertThat(yamlDoc.keyPositionOf("/c/d")).isEqualTo(new SourcePosition(4, 5));
        assertThat(yamlDoc.locations().values()).containsOnlyKeys("", "/a", "/a/0", "/a/1", "/a/1/b", "/c", "/c/d");
    }

    @Test
    void json_pointer_tokens_are_escaped() {
        LocatedDocument doc = loaded(json("{\"a/b\": {\"c~d\": 1}}"));
        assertThat(doc.positionOf("/a~1b/c~0d")).isEqualTo(new SourcePosition(1, 17));
    }

    @Test
    void a_duplicate_json_key_is_a_problem_at_the_second_key() {
        LoadProblem p = problem(json("{\n \"Effect\": \"Allow\",\n \"Effect\": \"Deny\"\n}"));
        assertThat(p.kind()).isEqualTo(Kind.DUPLICATE_KEY);
        assertThat(p.position()).isEqualTo(new SourcePosition(3, 2));
        assertThat(p.message()).isEqualTo("duplicate key \"Effect\" in the object at the root (first at 2:2); keys must be unique");
    }

    @Test
    void truncated_json_is_a_located_syntax_problem() {
        LoadProblem p = problem(json("{\n  \"a\": [1, 2"));
        assertThat(p.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(p.message()).startsWith("JSON ends too early (truncated file?)");
        assertThat(p.position().line()).isEqualTo(2);
    }

    @Test
    void content_after_the_document_is_a_problem() {
        LoadProblem p = problem(json("{}\n{}"));
        assertThat(p.message()).isEqualTo("has content after the end of the JSON document");
        assertThat(p.position()).isEqualTo(new SourcePosition(2, 1));
    }

    @Test
    void empty_and_non_utf8_files_are_problems() {
        assertThat(problem(json("  ")).message()).isEqualTo("is empty; expected a JSON document");
        assertThat(problem(loader.load(new byte[] {'{', (byte) 0xC3, '}'}, "f.json", Syntax.JSON)).message())
                .isEqualTo("is not valid UTF-8");
        // a replacement character written in the file is valid UTF-8, and a lone surrogate's encoding is not
        assertThat(loaded(json("{\"a\": \"\uFFFD\"}")).root().get("a").stringValue()).isEqualTo("\uFFFD");
        assertThat(problem(loader.load(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, "f.json", Syntax.JSON))
                .message()).isEqualTo("is not valid UTF-8");
    }

    @Test
    void a_syntax_error_does_not_quote_the_offending_token() {
        // assembled at run time so that this file itself holds nothing the leak scan would flag
        LoadProblem p = problem(json("{\"key\": sk_" + "live_CANARYabcdef0123456789}"));
        assertThat(p.message()).doesNotContain("CANARY").doesNotContain("sk_live");
    }

    @Test
    void nesting_deeper_than_the_bound_is_a_problem_not_a_stack_overflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        LoadProblem p = problem(json(deep));
        assertThat(p.kind()).isIn(Kind.TOO_DEEP, Kind.SYNTAX);
        LoadProblem y = problem(yaml("a: " + "[".repeat(10_000) + "]".repeat(10_000)));
        assertThat(y.kind()).isIn(Kind.TOO_DEEP, Kind.SYNTAX);
    }

    @Test
    void a_file_over_the_size_bound_is_rejected_before_it_is_read(@TempDir Path dir) throws Exception {
        DocumentLoader small = new DocumentLoader(new Bounds(100, 64, 1000, 5));
        Path big = dir.resolve("big.json");
        Files.writeString(big, "[" + "1,".repeat(100) + "1]");
        LoadProblem p = problem(small.load(big, "big.json", Syntax.JSON));
        assertThat(p.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(p.message()).isEqualTo("file is 203 bytes, over the limit of 100 bytes");
    }

    @Test
    void too_many_values_is_a_problem() {
        DocumentLoader small = new DocumentLoader(new Bounds(1 << 20, 64, 50, 5));
        LoadProblem p = problem(small.load(("[" + "1,".repeat(60) + "1]").getBytes(StandardCharsets.UTF_8), "f.json", Syntax.JSON));
        assertThat(p.kind()).isEqualTo(Kind.TOO_MANY_NODES);
    }

    @Test
    void yaml_values_keep_their_line_and_column() {
        LocatedDocument doc = loaded(yaml("# comment\nfamily: amply-prod-api\ncontainerDefinitions:\n  - name: api\n    secrets: []\n"));
        assertThat(doc.root().get("family").stringValue()).isEqualTo("amply-prod-api");
        assertThat(doc.positionOf("/family")).isEqualTo(new SourcePosition(2, 9));
        assertThat(doc.positionOf("/containerDefinitions/0/name")).isEqualTo(new SourcePosition(4, 11));
        assertThat(doc.keyPositionOf("/containerDefinitions/0/secrets")).isEqualTo(new SourcePosition(5, 5));
    }

    @Test
    void yaml_scalars_become_json_types() {
        LocatedDocument doc = loaded(yaml("n: 12\nf: 1.5\nb: true\nz: null\ns: '12'\nd: 2026-01-01\n"));
        assertThat(doc.root().get("n").isNumber()).isTrue();
        assertThat(doc.root().get("f").isNumber()).isTrue();
        assertThat(doc.root().get("b").booleanValue()).isTrue();
        assertThat(doc.root().get("z").isNull()).isTrue();
        assertThat(doc.root().get("s").stringValue()).isEqualTo("12");
        assertThat(doc.root().get("d").stringValue()).isEqualTo("2026-01-01");
    }

    @Test
    void a_duplicate_yaml_key_is_a_problem_at_the_second_key() {
        LoadProblem p = problem(yaml("a: 1\nb: 2\na: 3\n"));
        assertThat(p.kind()).isEqualTo(Kind.DUPLICATE_KEY);
        assertThat(p.position()).isEqualTo(new SourcePosition(3, 1));
    }

    @Test
    void yaml_tags_that_would_build_objects_are_refused() {
        assertThat(problem(yaml("a: !!python/object/apply:os.system [ls]\n")).message())
                .isEqualTo("invalid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object/apply:os.system");
        LoadProblem local = problem(yaml("a: !secret value\n"));
        assertThat(local.kind()).isEqualTo(Kind.FORBIDDEN_TAG);
        assertThat(local.message()).isEqualTo("uses the YAML tag !secret; only plain maps, lists, strings, numbers, booleans and null are allowed");
        assertThat(problem(yaml("a: !!binary aGVsbG8=\n")).kind()).isEqualTo(Kind.FORBIDDEN_TAG);
    }

    @Test
    void an_alias_bomb_stops_at_a_bound() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append(c).append(": &").append(c).append(" [").append(("*" + prev + ", ").repeat(9)).append('*').append(prev).append("]\n");
            prev = c;
        }
        LoadProblem p = problem(yaml(y.toString()));
        assertThat(p.kind()).isEqualTo(Kind.TOO_MANY_ALIASES);
    }

    @Test
    void scalar_aliases_count_against_the_alias_bound() {
        String y = "a: &a " + "x".repeat(1000) + "\nb: [" + "*a, ".repeat(60) + "*a]\n";
        LoadProblem p = problem(yaml(y));
        assertThat(p.kind()).isEqualTo(Kind.TOO_MANY_ALIASES);
        assertThat(p.message()).isEqualTo("uses more than 50 aliases");
    }

    @Test
    void an_alias_of_a_collection_counts_every_value_it_repeats() {
        // one alias, but it repeats 61 values: as many alias uses as values converted again
        StringBuilder list = new StringBuilder("[0");
        for (int i = 1; i < 60; i++) {
            list.append(',').append(i);
        }
        LoadProblem p = problem(yaml("a: &x " + list + "]\nb: *x\n"));
        assertThat(p.kind()).isEqualTo(Kind.TOO_MANY_ALIASES);
        assertThat(p.position()).isEqualTo(new SourcePosition(1, 145));
        // 17 aliases of a three-value mapping
        LoadProblem nested = problem(yaml("a: &x {b: {c: 1}}\nl:\n" + "  - *x\n".repeat(17)));
        assertThat(nested.kind()).isEqualTo(Kind.TOO_MANY_ALIASES);
        assertThat(nested.position()).isEqualTo(new SourcePosition(1, 15));
    }

    @Test
    void a_recursive_alias_stops_at_a_bound() {
        LoadProblem p = problem(yaml("a: &a [1, *a]\n"));
        assertThat(p.kind()).isIn(Kind.TOO_DEEP, Kind.TOO_MANY_ALIASES, Kind.SYNTAX);
    }

    @Test
    void merge_keys_and_several_documents_are_refused() {
        assertThat(problem(yaml("base: &b {x: 1}\nc:\n  <<: *b\n")).message()).isEqualTo("uses a YAML merge key (<<); write the keys out");
        assertThat(problem(yaml("a: 1\n---\nb: 2\n")).kind()).isEqualTo(Kind.SYNTAX);
    }
}
