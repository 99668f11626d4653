package com.amply.policysuite.rules;

/** Links to the AWS and standards documents rules rest on, so that one page is named one way everywhere. */
public final class Docs {
    private Docs() {
    }

    public static final String ECS_SECRETS = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html";
    public static final String ECS_TASK_DEFINITION = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html";
    public static final String ECS_REGISTER = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html";
    public static final String ECS_EXECUTION_ROLE = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html";
    public static final String ECS_TASK_ROLE = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html";
    public static final String IAM_GRAMMAR = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html";
    public static final String IAM_ARNS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html";
    public static final String SECRETS_NAMES = "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html";
    public static final String SECRETS_BEST_PRACTICES = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/best-practices.html";
    public static final String JSON = "https://www.rfc-editor.org/rfc/rfc8259";
    public static final String YAML = "https://yaml.org/spec/1.2.2/";
    /** The OASIS SARIF 2.1.0 standard, whose suppressions (kind external, a justification) waivers follow. */
    public static final String WAIVERS = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html";
    public static final String SUITE = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/managing-secrets.html";
}
