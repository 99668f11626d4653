package com.amply.policysuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors are found before any AWS call (these tests would otherwise need an endpoint). */
class DriftCommandTest {

    @Test
    void an_unknown_environment_is_a_usage_error() {
        CliRun run = CliRun.of("drift", "--env", "qa");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("policy-suite drift: --env qa is not one of [prod, staging, sandbox]\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_folder_without_suite_yaml_is_a_usage_error() {
        CliRun run = CliRun.of("drift", "--repo", "src");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("policy-suite drift: no suite.yaml in src");
    }

    @Test
    void help_documents_the_exit_codes() {
        CliRun run = CliRun.of("drift", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--check-payloads", "--env=ENV", "--output=FILE",
                "  3  AWS error: another account, no credentials, access denied,\n"
                        + "     throttling after retries, unreachable endpoint (no report)\n");
    }
}
