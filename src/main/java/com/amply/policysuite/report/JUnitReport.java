package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.WaivedFinding;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for any CI that shows test reports (GitLab, Jenkins, …): one test case per rule and file, with
 * {@code classname} the rule id and {@code name} the file. A case with error-level findings fails, its
 * {@code <failure>} holding one line per finding; every other rule × file pair passes, so the totals show what
 * was checked. Warnings, infos and waived findings are listed in the case's {@code <system-out>}. Written with the
 * JDK's StAX writer, which escapes text and attributes; characters XML can't carry are replaced by U+FFFD.
 */
public final class JUnitReport implements Reporter {
    private static final String SUITE = "policy-suite";

    private record Key(String rule, String file) {
    }

    @Override
    public String render(Report report) {
        Map<Key, List<Finding>> errors = new HashMap<>();
        Map<Key, List<String>> notes = new HashMap<>();
        Set<String> files = new TreeSet<>(report.files());
        Set<String> rules = new LinkedHashSet<>();
        report.catalog().forEach(r -> rules.add(r.id()));
        for (Finding f : report.findings()) {
            files.add(f.file());
            rules.add(f.ruleId());
            Key key = new Key(f.ruleId(), f.file());
            if (f.severity() == Severity.ERROR) {
                errors.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            } else {
                notes.computeIfAbsent(key, k -> new ArrayList<>()).add(f.toLine());
            }
        }
        for (WaivedFinding w : report.waived()) {
            Finding f = w.finding();
            files.add(f.file());
            rules.add(f.ruleId());
            notes.computeIfAbsent(new Key(f.ruleId(), f.file()), k -> new ArrayList<>()).add("waived " + f.toLine()
                    + " [waived until " + w.waiver().expires() + ": " + w.waiver().reason() + "]");
        }
        int tests = rules.size() * files.size();
        int failures = errors.size();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, tests, failures);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            counts(xml, tests, failures);
            for (String rule : rules) {
                for (String file : files) {
                    Key key = new Key(rule, file);
                    List<Finding> failed = errors.get(key);
                    List<String> out = notes.get(key);
                    xml.writeCharacters("\n    ");
                    if (failed == null && out == null) {
                        xml.writeEmptyElement("testcase");
                        testcase(xml, key);
                        continue;
                    }
                    xml.writeStartElement("testcase");
                    testcase(xml, key);
                    if (failed != null) {
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement("failure");
                        xml.writeAttribute("type", "error");
                        xml.writeAttribute("message", clean(rule + ": " + failed.size() + (failed.size() == 1 ? " error" : " errors")
                                + " in " + file));
                        StringBuilder body = new StringBuilder();
                        failed.forEach(f -> body.append(f.toLine()).append('\n'));
                        xml.writeCharacters(clean(body.toString()));
                        xml.writeEndElement();
                    }
                    if (out != null) {
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(clean(String.join("\n", out) + "\n"));
                        xml.writeEndElement();
                    }
                    xml.writeCharacters("\n    ");
                    xml.writeEndElement();
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text + "\n";
    }

    private static void counts(XMLStreamWriter xml, int tests, int failures) throws XMLStreamException {
        xml.writeAttribute("name", SUITE);
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
    }

    private static void testcase(XMLStreamWriter xml, Key key) throws XMLStreamException {
        xml.writeAttribute("classname", key.rule());
        xml.writeAttribute("name", clean(key.file()));
    }

    /** Replaces characters XML 1.0 can't carry (most control characters, lone surrogates) by U+FFFD. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(ok ? c : 0xFFFD);
        });
        return out.toString();
    }
}
