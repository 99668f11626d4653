package com.amply.policysuite.rules;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import java.util.List;

/**
 * A rule about what the other rules found, such as "every waiver matches a finding". {@link CheckRun} runs it
 * after the other rules and hands it their findings; on its own (in fixture tests) it runs them itself. It is as
 * pure as any rule: the findings are data computed from the same repository model.
 */
public interface FindingsRule extends Rule {
    void check(RepositoryModel repository, List<Finding> otherFindings, Findings findings);

    @Override
    default void check(RepositoryModel repository, Findings findings) {
        List<Rule> others = RuleRegistry.all().stream().filter(r -> !(r instanceof FindingsRule)).toList();
        check(repository, CheckRun.findingsOf(repository, others), findings);
    }
}
