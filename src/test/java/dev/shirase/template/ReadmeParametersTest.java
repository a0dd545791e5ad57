package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's English parameter table names every parameter template.yaml declares, and no other. */
class ReadmeParametersTest {
    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9]+)`");

    @Test
    void theEnglishParameterTableListsEveryParameter() throws IOException {
        String readme = Files.readString(SamTemplate.PROJECT.resolve("README.md"));
        String english = readme.substring(readme.indexOf("\n## English"));
        String table = english.substring(english.indexOf("| Parameter |"));
        Set<String> listed = new TreeSet<>();
        for (String row : table.lines().takeWhile(l -> l.startsWith("|")).skip(2).toList()) {
            Matcher m = NAME.matcher(row.split("\\|")[1]);
            while (m.find()) {
                listed.add(m.group(1));
            }
        }
        Set<String> declared = new TreeSet<>();
        SamTemplate.load().parameters().fieldNames().forEachRemaining(declared::add);

        assertThat(listed).isEqualTo(declared);
    }
}
