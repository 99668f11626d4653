package com.amply.policysuite.model;

import java.util.List;

/** A service that runs on ECS, with the environments it is deployed to. */
public record ServiceSpec(String name, List<String> environments, String pointer) {
    public ServiceSpec {
        environments = List.copyOf(environments);
    }
}
