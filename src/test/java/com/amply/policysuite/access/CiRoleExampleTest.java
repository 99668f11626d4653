package com.amply.policysuite.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CiRoleExampleTest {
    static final String SECRETS = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:";

    static final PolicyInput CI_ROLE = PolicyInput.of(AccessStatement.of(0, Effect.ALLOW,
            List.of("secretsmanager:GetSecretValue"),
            List.of(SECRETS + "amply/staging/*", SECRETS + "amply/sandbox/*")));

    static CompiledPolicy compile(PolicyInput policy) {
        Compilation c = CompiledPolicy.compile(policy, Budget.defaults());
        assertThat(c).isInstanceOf(Compilation.Compiled.class);
        return ((Compilation.Compiled) c).policy();
    }

    @Test
    void ciRoleCannotReadProductionSecrets() {
        AccessCheckResult r = compile(CI_ROLE).checkAccessNotGranted(List.of(new AccessEntry(
                List.of("secretsmanager:GetSecretValue"), List.of(SECRETS + "amply/prod/*"))));
        assertThat(r.result()).isEqualTo(CheckResult.PASS);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.exampleAction()).isEmpty();
    }

    @Test
    void ciRoleCanReadAStagingSecret() {
        AccessCheckResult r = compile(CI_ROLE).checkAccessNotGranted(List.of(new AccessEntry(
                List.of("secretsmanager:GetSecretValue"), List.of(SECRETS + "amply/staging/database-url-AbCdEf"))));
        assertThat(r.result()).isEqualTo(CheckResult.FAIL);
        assertThat(r.tooComplex()).isFalse();
        assertThat(r.reasons()).extracting(Reason::statementIndex).containsExactly(0);
        assertThat(r.exampleAction()).contains("secretsmanager:GetSecretValue");
        assertThat(r.exampleResource()).contains(SECRETS + "amply/staging/database-url-AbCdEf");
    }
}
