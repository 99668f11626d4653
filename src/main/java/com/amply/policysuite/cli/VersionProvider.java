package com.amply.policysuite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code policy-suite.properties}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"policy-suite " + properties().getProperty("version", "unknown")};
    }

    /** A value of {@code policy-suite.properties} ({@code version}), or "unknown". */
    static String property(String key) {
        try {
            return properties().getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Properties properties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/policy-suite.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return p;
    }
}
