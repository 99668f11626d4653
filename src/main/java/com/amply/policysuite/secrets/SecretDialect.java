package com.amply.policysuite.secrets;

import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import com.networknt.schema.keyword.NonValidationKeyword;

/**
 * Draft 2020-12 plus the secret keywords. The dialect keeps the standard 2020-12 id, so the schemas declare the plain
 * {@code https://json-schema.org/draft/2020-12/schema} and still validate against the official meta-schema (which
 * allows extra keywords); this registry simply knows how to assert the extra ones. Any other unknown keyword makes
 * the schema fail to load, so a typo cannot silently switch a rule off.
 */
final class SecretDialect {

    /** Annotation: the message to report when a keyword in the same schema object fails (string or keyword map). */
    static final String MESSAGE = "x-message";
    /** Annotation at the schema root: {@code "string"} (default) or {@code "json"} (SecretString is parsed first). */
    static final String PAYLOAD = "x-payload";

    private SecretDialect() {
    }

    static Dialect create() {
        return Dialect.builder(Dialects.getDraft202012())
                .keyword(new ConnectionUrlKeyword())
                .keyword(new DateRangeKeyword())
                .keyword(new PemPrivateKeyKeyword())
                .keyword(new KeyEntropyKeyword())
                .keyword(new NonValidationKeyword(MESSAGE))
                .keyword(new NonValidationKeyword(PAYLOAD))
                // a misspelt keyword ("connectionURL") must break the schema, not be ignored as an annotation
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                .build();
    }

    static boolean isCustomKeyword(String keyword) {
        return ConnectionUrlKeyword.NAME.equals(keyword) || DateRangeKeyword.NAME.equals(keyword)
                || PemPrivateKeyKeyword.NAME.equals(keyword) || KeyEntropyKeyword.NAME.equals(keyword);
    }
}
