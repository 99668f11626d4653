package com.amply.policysuite.model;

/** The outcome of loading one file: a located document, or the reason it could not be loaded. */
public sealed interface LoadResult {
    String file();

    record Loaded(LocatedDocument document) implements LoadResult {
        @Override
        public String file() {
            return document.file();
        }
    }

    record Failed(String file, LoadProblem problem) implements LoadResult {
    }
}
