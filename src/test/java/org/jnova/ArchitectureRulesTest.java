package org.jnova;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
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

    /** A cast applied to a value read from a map, as untyped messages were read. */
    private static final Pattern UNCHECKED_ARG_CAST = Pattern.compile(
            "\\((String|Integer|Long|Boolean|Number|List<[^>]*>|Map<[^>]*>)\\)\\s*\\w+\\.get\\(\"");

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
    void theComputeApiReachesHostsOnlyThroughMessages() {
        noClasses().that().resideInAnyPackage("org.jnova.compute", "org.jnova.api..", "org.jnova.scheduler..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jnova.compute.manager..", "org.jnova.conductor")
                .because("the API side casts typed messages (compute.rpcapi, conductor.rpcapi) to the conductor "
                        + "and the compute hosts, as nova's compute/api.py does")
                .check(classes);
    }

    @Test
    void theConductorReachesHostsOnlyThroughMessages() {
        noClasses().that().resideInAPackage("org.jnova.conductor..")
                .should().dependOnClassesThat().resideInAPackage("org.jnova.compute.manager..")
                .because("the conductor casts to compute hosts through compute.rpcapi")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootBuildsStores() {
        noClasses().that().resideOutsideOfPackages("org.jnova.cmd..", "org.jnova.db..")
                .should().callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("a store's constructor") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        JavaClass owner = call.getTargetOwner();
                        return owner.getPackageName().equals("org.jnova.db") && owner.getSimpleName().endsWith("Store");
                    }
                })
                .because("collaborators arrive through constructors, assembled by org.jnova.cmd.CompositionRoot")
                .check(classes);
    }

    @Test
    void messageFieldsAreNotReadByUncheckedCasts() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : List.of("org/jnova/compute", "org/jnova/conductor", "org/jnova/scheduler")) {
            try (Stream<Path> files = Files.walk(MAIN_SOURCES.resolve(pkg))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher cast = UNCHECKED_ARG_CAST.matcher(read(f));
                    while (cast.find()) {
                        offenders.add(MAIN_SOURCES.relativize(f) + ": " + cast.group());
                    }
                });
            }
        }
        assertTrue(offenders.isEmpty(), "message arguments read by a cast (decode them in the codec):\n"
                + String.join("\n", offenders));
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        // compute and conductor message each other, as nova's do: only through their rpcapi packages
        slices().matching("org.jnova.(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage("..rpcapi.."))
                .check(classes);
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sqlLiterals(Path file) {
        String source = read(file);
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
