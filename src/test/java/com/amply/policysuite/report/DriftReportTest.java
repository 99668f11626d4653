package com.amply.policysuite.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.amply.policysuite.drift.DriftItem;
import com.amply.policysuite.drift.DriftKind;
import com.amply.policysuite.drift.EnvironmentDrift;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DriftReportTest {
    private static final EnvironmentDrift PROD = new EnvironmentDrift("prod", List.of(
            new DriftItem(DriftKind.MISSING, "secret:amply/prod/sentry-dsn", "the catalog declares it"),
            new DriftItem(DriftKind.CHANGED, "role:amply-prod-api-task", "live inline policy p allows x:y on *")), 8, 1, 3, -1);
    private static final EnvironmentDrift SANDBOX = new EnvironmentDrift("sandbox", List.of(), 8, 1, 4, 8);

    @Test
    void text_has_one_line_per_item_then_a_summary_per_environment() {
        assertThat(DriftTextReport.render(List.of(PROD, SANDBOX))).isEqualTo("""
                prod missing secret:amply/prod/sentry-dsn: the catalog declares it
                prod changed role:amply-prod-api-task: live inline policy p allows x:y on *
                prod: 2 drift items (1 missing, 0 unmanaged, 1 changed, 0 overdue); checked 8 secrets, 1 task definition family, 3 roles.
                sandbox: no drift; checked 8 secrets, 1 task definition family, 4 roles, 8 payloads.
                """);
    }

    @Test
    void json_is_one_object_for_one_environment_and_an_array_for_several() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode one = json.readTree(DriftJsonReport.render(List.of(PROD), true));
        assertThat(one.toString()).isEqualTo("{\"environment\":\"prod\",\"drift\":["
                + "{\"kind\":\"missing\",\"resource\":\"secret:amply/prod/sentry-dsn\",\"detail\":\"the catalog declares it\"},"
                + "{\"kind\":\"changed\",\"resource\":\"role:amply-prod-api-task\",\"detail\":\"live inline policy p allows x:y on *\"}],"
                + "\"summary\":{\"missing\":1,\"unmanaged\":0,\"changed\":1,\"overdue\":0,\"total\":2,"
                + "\"checked\":{\"secrets\":8,\"taskDefinitions\":1,\"roles\":3}}}");
        JsonNode all = json.readTree(DriftJsonReport.render(List.of(PROD, SANDBOX), false));
        assertThat(all.isArray()).isTrue();
        assertThat(all.get(1).path("summary").path("checked").path("payloads").intValue()).isEqualTo(8);
    }
}
