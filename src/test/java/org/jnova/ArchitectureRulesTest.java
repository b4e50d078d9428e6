package org.jnova;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering the code keeps; a broken rule names the offending classes. */
class ArchitectureRulesTest {
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path DB_SOURCES = MAIN_SOURCES.resolve("org/jnova/db");
    /** A string literal's text. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern SQL = Pattern.compile(
            "\\bSELECT\\s|\\bINSERT\\s+INTO\\b|\\bUPDATE\\s+\\w+\\s+SET\\b|\\bDELETE\\s+FROM\\b");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jnova");
    }

    @Test
    void apiDoesNotReachTheDatabase() {
        noClasses().that().resideInAPackage("org.jnova.api..")
                .should().dependOnClassesThat().resideInAPackage("org.jnova.db..")
                .because("the API talks to the compute layer, which owns persistence")
                .check(classes);
    }

    @Test
    void onlyTheHttpServerUsesJetty() {
        noClasses().that().resideOutsideOfPackage("org.jnova.wsgi.server..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .because("every other layer sees org.jnova.wsgi's Request and Response")
                .check(classes);
    }

    @Test
    void driversDoNotReachTheDatabase() {
        noClasses().that().resideInAPackage("org.jnova.virt..")
                .should().dependOnClassesThat().resideInAPackage("org.jnova.db..")
                .because("a virt driver works on the hypervisor; the compute manager records what it did")
                .check(classes);
    }

    @Test
    void computeDoesNotKnowTheApi() {
        noClasses().that().resideInAPackage("org.jnova.compute..")
                .should().dependOnClassesThat().resideInAPackage("org.jnova.api..")
                .because("controllers call the compute layer, never the other way round")
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("org.jnova.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageHasACycle() {
        slices().matching("org.jnova.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void messagingCoreDoesNotKnowItsImplementations() {
        noClasses().that().resideInAPackage("org.jnova.rpc")
                .should().dependOnClassesThat().resideInAPackage("org.jnova.rpc.rabbit..")
                .because("the composition root picks the transport; org.jnova.rpc only defines it")
                .check(classes);
    }

    @Test
    void apiResourcePackagesHaveNoCycles() {
        slices().matching("org.jnova.api.openstack.compute.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sqlIsWrittenOnlyUnderDb() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(DB_SOURCES))
                    .forEach(f -> sqlLiterals(f).forEach(sql -> offenders.add(
                            MAIN_SOURCES.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "")
                                    + ": " + sql)));
        }
        assertTrue(offenders.isEmpty(), "SQL outside org.jnova.db:\n" + String.join("\n", offenders));
    }

    private static List<String> sqlLiterals(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            if (SQL.matcher(literal.group(1)).find()) {
                found.add(literal.group(1));
            }
        }
        return found;
    }
}
